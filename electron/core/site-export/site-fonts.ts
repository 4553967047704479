/**
 * The kiosk's fonts for the take-home site: the packages the languages name (the one list in
 * electron/shared/fonts.ts, as on the kiosk) in the weights the renderer loads, and of each only
 * the woff2 subsets whose unicode-range the site's text uses: the base font (Noto Sans) for
 * everything it can draw, each language's own font for the rest of that language's text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { BASE_FONT, fontFamilies, fontStack, type FontPackage } from '../../shared/fonts';

export const siteFontWeights = [400, 700] as const;

interface FontFace {
  family: string;
  weight: number;
  file: string;
  unicodeRange: string;
  ranges: [number, number][];
}

// Not named `require`: the bundler adds its own `require` to the chunk this lands in.
const fromHere = createRequire(import.meta.url);

function parseRanges(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from!.replace(/\?/g, '0'), 16);
    const end = to ? parseInt(to, 16) : parseInt(from!.replace(/\?/g, 'F'), 16);
    return [start, end];
  });
}

function faces(pkg: string, weight: number): FontFace[] {
  const dir = dirname(fromHere.resolve(`${pkg}/package.json`));
  const css = readFileSync(join(dir, `${weight}.css`), 'utf8');
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap((m) => {
    const body = m[1]!;
    const family = /font-family:\s*'([^']+)'/.exec(body)?.[1];
    const src = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!family || !src || !range) return [];
    return [{ family, weight, file: join(dir, src), unicodeRange: range.trim(), ranges: parseRanges(range) }];
  });
}

export interface SiteFonts {
  /** The @font-face rules, pointing at fonts/<file>.woff2 beside the style sheet. */
  css: string;
  /** Font files keyed by their path in the site (assets/fonts/<file>.woff2). */
  files: Map<string, Buffer>;
}

const codePointsOf = (text: string) => new Set([...text].map((ch) => ch.codePointAt(0)!));
const covers = (f: FontFace, c: number) => f.ranges.some(([a, b]) => c >= a && c <= b);

/**
 * The font subsets the text needs, with their @font-face rules. `textByFont` holds, for each
 * language's font, the text drawn with it; the base font gets all text it can draw, and every
 * other font only the characters the base font cannot draw (so Chinese pages bring no
 * Chinese-font copy of Latin or Cyrillic letters).
 */
export function siteFonts(textByFont: ReadonlyMap<FontPackage, string>): SiteFonts {
  const all = codePointsOf([...textByFont.values()].join(''));
  const baseFaces = faces(BASE_FONT, 400);
  const baseDraws = (c: number) => baseFaces.some((f) => covers(f, c));
  const files = new Map<string, Buffer>();
  const rules: string[] = [];
  const packages = [BASE_FONT, ...[...textByFont.keys()].filter((p) => p !== BASE_FONT).sort()];
  for (const pkg of packages) {
    const wanted = pkg === BASE_FONT ? [...all] : [...codePointsOf(textByFont.get(pkg) ?? '')].filter((c) => !baseDraws(c));
    for (const weight of siteFontWeights) {
      for (const face of faces(pkg, weight).filter((f) => wanted.some((c) => covers(f, c)))) {
        const name = face.file.split(/[\\/]/).pop()!;
        files.set(`assets/fonts/${name}`, readFileSync(face.file));
        rules.push(`@font-face { font-family: '${face.family}'; font-style: normal; font-weight: ${face.weight}; font-display: swap; src: url(fonts/${name}) format('woff2'); unicode-range: ${face.unicodeRange}; }`);
      }
    }
  }
  return { css: `${rules.join('\n')}\n`, files };
}

/** Each language's text in its own font, as the kiosk draws it. */
export function languageFontCss(languages: readonly { code: string; font: FontPackage }[]): string {
  const rules = languages.filter((l) => l.font !== BASE_FONT).map((l) => `[lang='${l.code}'] { font-family: ${fontStack(l.font)}; }`);
  return `html { font-family: ${fontStack(BASE_FONT)}; }\n${rules.join('\n')}\n`;
}

export { fontFamilies };
