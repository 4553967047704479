/**
 * The attract screen's lines (touch to start, learn, pause, play) in every language, bundled
 * with the first screen's code: the screen greets in each language before anyone chooses, and
 * it shows before the rest of the UI strings (i18n.ts, with i18next) are loaded.
 */
export type AttractKey = 'touch' | 'learn' | 'pause' | 'play';
export type AttractLines = Partial<Record<AttractKey, string>>;

const codeOf = (path: string) => path.split('/').at(-2) as string;
const files = import.meta.glob<AttractLines>('../../resources/locales/*/ui.json', { eager: true, import: 'attract' });

/** Every language's attract lines, by language code. */
export const attractLines: ReadonlyMap<string, AttractLines> = new Map(Object.entries(files).map(([path, lines]) => [codeOf(path), lines]));

/**
 * The attract screen's line `key` in `code` (English when that language has none), read
 * straight from the bundled lines: i18next's translate (fallbacks, interpolation) would cost
 * the first screen a tenth of its script time on a slow CPU the first time it runs. The lines
 * have no variables.
 */
export function attractText(code: string, key: AttractKey): string {
  const line = attractLines.get(code)?.[key];
  return typeof line === 'string' && line !== '' ? line : (attractLines.get('en')?.[key] ?? '');
}
