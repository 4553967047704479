/**
 * UI strings (not content) from resources/locales/<lng>/ui.json. English (the fallback, per
 * key) is bundled; every other language's file is copied to the build as a JSON file and
 * fetched when a screen first needs that language, so the JavaScript stays the same size
 * however many languages there are. This module loads after the attract screen is painted
 * (ui-strings.ts is the first screen's way to it); that screen's own lines, in every language,
 * are in attract-text.ts.
 */
import i18next, { type FormatterModule } from 'i18next';
// As text (a module of its own, so the first screen's code, which bundles the attract lines of
// every ui.json, does not carry all of English): parsed once, as this module loads.
import englishText from '../../resources/locales/en/ui.json?raw';
import { isolateValue } from '../../electron/shared/bidi';
import { attractLines } from './attract-text';

type Strings = Record<string, unknown>;
const english = JSON.parse(englishText) as Strings;
const codeOf = (path: string) => path.split('/').at(-2) as string;

const files = import.meta.glob<string>(['../../resources/locales/*/ui.json', '!../../resources/locales/en/ui.json'], { query: '?url', import: 'default', eager: true });

const loaders = new Map(
  Object.entries(files).map(([path, url]) => [
    codeOf(path),
    async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`The screen texts for ${codeOf(path)} could not be loaded (${res.status}).`);
      return (await res.json()) as Strings;
    },
  ]),
);
const loaded = new Set<string>(['en']);
const loading = new Map<string, Promise<void>>();

/** Languages that have a UI strings file. */
export const uiLanguages: readonly string[] = ['en', ...loaders.keys()];

/** True when every UI string of `code` is in memory (a language without a file falls back to English). */
export function uiStringsLoaded(code: string): boolean {
  return loaded.has(code) || !loaders.has(code);
}

/** Loads a language's UI strings once; later calls return the same promise. */
export function loadUiStrings(code: string): Promise<void> {
  const load = loaders.get(code);
  if (uiStringsLoaded(code) || !load) return Promise.resolve();
  let pending = loading.get(code);
  if (!pending) {
    pending = load().then(
      (strings) => {
        i18next.addResourceBundle(code, 'ui', strings, true, true);
        loaded.add(code);
      },
      // Without its file (a damaged install) the language's screens fall back to English, key by key.
      () => {
        loaded.add(code);
      },
    );
    loading.set(code, pending);
  }
  return pending;
}

/**
 * Every value placed into a UI string (a count, a date, a step number) is bidi-isolated for the
 * string's language, as template variables are (electron/shared/bidi.ts), so it reads as
 * formatted inside right-to-left text. The UI strings use no named formats.
 */
const bidiIsolation: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, _format, lng) => {
    const direction = i18next.dir(lng) === 'rtl' ? 'rtl' : 'ltr';
    if (typeof value === 'number') return isolateValue(String(value), direction, 'ltr');
    return typeof value === 'string' ? isolateValue(value, direction, 'auto') : (value as string);
  },
};

void i18next.use(bidiIsolation).init({
  resources: Object.fromEntries([...attractLines].map(([code, attract]) => [code, { ui: code === 'en' ? english : { attract } }])),
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'ui',
  interpolation: { escapeValue: false, alwaysFormat: true },
  returnNull: false,
});

export default i18next;
