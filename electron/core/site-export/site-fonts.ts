/**
 * The kiosk's fonts for the take-home site: the same @fontsource packages and weights the
 * renderer bundles (renderer/src/styles/fonts.ts; a unit test keeps the two lists equal),
 * and of each only the woff2 subsets whose unicode-range the site's text uses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const siteFontPackages = ['@fontsource/noto-sans', '@fontsource/noto-sans-arabic', '@fontsource/noto-sans-devanagari', '@fontsource/noto-sans-sc'] as const;
export const siteFontWeights = [400, 700] as const;

interface FontFace {
  family: string;
  weight: number;
  file: string;
  unicodeRange: string;
  ranges: [number, number][];
}

const require = createRequire(import.meta.url);

function parseRanges(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from!.replace(/\?/g, '0'), 16);
    const end = to ? parseInt(to, 16) : parseInt(from!.replace(/\?/g, 'F'), 16);
    return [start, end];
  });
}

function faces(pkg: string, weight: number): FontFace[] {
  const dir = dirname(require.resolve(`${pkg}/package.json`));
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

/** The font subsets the text needs, with their @font-face rules. */
export function siteFonts(text: string): SiteFonts {
  const used = new Set<number>();
  for (const ch of text) used.add(ch.codePointAt(0)!);
  const codePoints = [...used].sort((a, b) => a - b);
  const needed = (f: FontFace) => codePoints.some((c) => f.ranges.some(([a, b]) => c >= a && c <= b));
  const files = new Map<string, Buffer>();
  const rules: string[] = [];
  for (const pkg of siteFontPackages) {
    for (const weight of siteFontWeights) {
      for (const face of faces(pkg, weight).filter(needed)) {
        const name = face.file.split(/[\\/]/).pop()!;
        files.set(`assets/fonts/${name}`, readFileSync(face.file));
        rules.push(`@font-face { font-family: '${face.family}'; font-style: normal; font-weight: ${face.weight}; font-display: swap; src: url(fonts/${name}) format('woff2'); unicode-range: ${face.unicodeRange}; }`);
      }
    }
  }
  return { css: `${rules.join('\n')}\n`, files };
}
