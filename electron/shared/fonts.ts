/**
 * The font families the kiosk bundles (all OFL, from npm's @fontsource). A locale entry names
 * one of these packages as its font; the renderer loads that package's faces when a screen
 * shows the language (renderer/src/styles/fonts.ts), and every face is split by unicode-range,
 * so the browser fetches only the slices of a script that are on screen.
 *
 * A language whose script one of these covers needs no code: name the package in its locale
 * entry. A new script needs its package in package.json, a line here and a loader in fonts.ts.
 */
export const fontFamilies = {
  /** Latin, Latin Extended, Cyrillic, Greek and Vietnamese. */
  '@fontsource/noto-sans': 'Noto Sans',
  '@fontsource/noto-sans-arabic': 'Noto Sans Arabic',
  '@fontsource/noto-sans-devanagari': 'Noto Sans Devanagari',
  '@fontsource/noto-sans-sc': 'Noto Sans SC',
  '@fontsource/noto-sans-tc': 'Noto Sans TC',
  '@fontsource/noto-sans-kr': 'Noto Sans KR',
  /** Persian (Arabic script drawn for Persian readers), with Latin. */
  '@fontsource/vazirmatn': 'Vazirmatn',
} as const;

export type FontPackage = keyof typeof fontFamilies;
export const fontPackages = Object.keys(fontFamilies) as [FontPackage, ...FontPackage[]];
/** Every language's text falls back to this one (digits, Latin names, punctuation). */
export const BASE_FONT: FontPackage = '@fontsource/noto-sans';

/** The CSS font-family list for text in a language drawn with `font`. */
export function fontStack(font: FontPackage): string {
  const families = font === BASE_FONT ? [fontFamilies[BASE_FONT]] : [fontFamilies[font], fontFamilies[BASE_FONT]];
  return [...families.map((f) => `'${f}'`), 'sans-serif'].join(', ');
}
