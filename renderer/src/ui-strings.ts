/**
 * The way to the UI strings for code that is part of the first screen. i18n.ts (i18next and
 * the English strings) is not: the attract screen needs none of it (attract-text.ts), so it
 * loads in the page's first idle moment after that screen is painted (main.tsx holds it until
 * then), and every other screen waits for it (App.tsx shows those screens once their
 * language's strings are in, hooks/useLocaleReady.ts).
 */
import type { TFunction } from 'i18next';
import type * as I18n from './i18n';

type UiModule = typeof I18n;

let ui: UiModule | undefined;
let pending: Promise<UiModule | undefined> | undefined;
/** The language App.tsx shows; i18n.ts starts in it when it loads after the first render. */
let shownLanguage = 'en';

/** What i18n.ts waits for before it loads (main.tsx: the first screen painted). */
let hold: Promise<void> = Promise.resolve();

/** Holds the loading of i18n.ts until `until` settles (main.tsx, while it shows the first screen). */
export function holdUiStringsUntil(until: Promise<void>): void {
  hold = until;
}

/** Set when i18n.ts could not be loaded (a damaged install): screens then show, with the strings' keys. */
let failed = false;

/** Loads i18n.ts once (once the hold is over); later calls return the same promise. */
function loadUi(): Promise<UiModule | undefined> {
  pending ??= hold
    .then(() => import('./i18n'))
    .then(
      (module) => {
        ui = module;
        if (module.default.language !== shownLanguage) void module.default.changeLanguage(shownLanguage);
        return module;
      },
      (e: unknown) => {
        failed = true;
        console.error('The screen texts could not be loaded:', e instanceof Error ? e.message : String(e));
        return undefined;
      },
    );
  return pending;
}

/** True when every UI string of `code` is in memory (a language without a file falls back to English). */
export function uiStringsLoaded(code: string): boolean {
  return failed || (ui !== undefined && ui.uiStringsLoaded(code));
}

/** Loads a language's UI strings once (and i18n.ts first). */
export function loadUiStrings(code: string): Promise<void> {
  return loadUi().then((module) => module?.loadUiStrings(code));
}

/** Shows the UI strings in `code` from now on (App.tsx, as it renders a language). */
export function showUiLanguage(code: string): void {
  shownLanguage = code;
  if (ui && ui.default.language !== code) void ui.default.changeLanguage(code);
}

/** The language the kiosk shows its UI strings in. */
export function shownUiLanguage(): string {
  return shownLanguage;
}

const keyAsText = ((key: string) => key) as unknown as TFunction;
const translators = new Map<string, TFunction>();

/**
 * `code`'s UI strings as a translate function (the same one each time, once i18n.ts is in;
 * until then, every key as itself: no screen that shows strings renders before).
 */
export function translateIn(code: string): TFunction {
  if (!ui) return keyAsText;
  let t = translators.get(code);
  if (!t) translators.set(code, (t = ui.default.getFixedT(code)));
  return t;
}
