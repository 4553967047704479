/**
 * Fonts ship with the app (no CDN), so screens and printouts look the same on every kiosk.
 * Noto Sans (Latin, Cyrillic, Greek, Vietnamese) is always there; every other family is its
 * own CSS chunk, loaded when a screen shows a language drawn with it. Inside each family the
 * faces are split by unicode-range, so the browser fetches only the slices shown.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import { BASE_FONT, fontStack, type FontPackage } from '../../../electron/shared/fonts';
import type { Locale } from '../../../electron/shared/content-types';

const loaders: Record<FontPackage, () => Promise<unknown>> = {
  '@fontsource/noto-sans': () => Promise.resolve(),
  '@fontsource/noto-sans-arabic': () => Promise.all([import('@fontsource/noto-sans-arabic/400.css'), import('@fontsource/noto-sans-arabic/700.css')]),
  '@fontsource/noto-sans-devanagari': () => Promise.all([import('@fontsource/noto-sans-devanagari/400.css'), import('@fontsource/noto-sans-devanagari/700.css')]),
  '@fontsource/noto-sans-sc': () => Promise.all([import('@fontsource/noto-sans-sc/400.css'), import('@fontsource/noto-sans-sc/700.css')]),
  '@fontsource/noto-sans-tc': () => Promise.all([import('@fontsource/noto-sans-tc/400.css'), import('@fontsource/noto-sans-tc/700.css')]),
  '@fontsource/noto-sans-kr': () => Promise.all([import('@fontsource/noto-sans-kr/400.css'), import('@fontsource/noto-sans-kr/700.css')]),
  '@fontsource/vazirmatn': () => Promise.all([import('@fontsource/vazirmatn/400.css'), import('@fontsource/vazirmatn/700.css')]),
};

const loaded = new Set<FontPackage>([BASE_FONT]);
const loading = new Map<FontPackage, Promise<void>>();

export function fontLoaded(font: FontPackage): boolean {
  return loaded.has(font);
}

/** Adds a family's faces to the page once (a font the kiosk does not know falls back to Noto Sans). */
export function loadFont(font: FontPackage): Promise<void> {
  const load = loaders[font] as (() => Promise<unknown>) | undefined;
  if (loaded.has(font) || !load) return Promise.resolve();
  let pending = loading.get(font);
  if (!pending) {
    // A family that cannot load (a damaged install) leaves the text in Noto Sans, never a screen stuck waiting.
    pending = load()
      .catch(() => undefined)
      .then(() => {
        loaded.add(font);
      });
    loading.set(font, pending);
  }
  return pending;
}

/** lang, dir and font for an element that shows text in `locale`; starts loading its font. */
export function inLanguage(locale: Pick<Locale, 'code' | 'direction' | 'font'>): { lang: string; dir: 'ltr' | 'rtl'; style: { fontFamily: string } } {
  void loadFont(locale.font);
  return { lang: locale.code, dir: locale.direction, style: { fontFamily: fontStack(locale.font) } };
}
