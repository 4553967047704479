/**
 * Issue 15 (pdf.ratio): printing lays the page out at the paper's width and back. A media query on
 * the viewport's size (width, height, orientation, aspect ratio) that is not limited to screens
 * flips on the way, and Chromium then rebuilds that style sheet, the fonts declared in it and the
 * whole layout, twice per print: that tripled the discharge sheet's print time. Every such query
 * in the renderer's CSS says `screen and …`, so in print media it stays false at every size.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../fixtures/content';

const stylesDir = join(repoRoot, 'renderer/src/styles');
const viewportFeature = /\b(?:(?:min-|max-)?(?:device-)?(?:width|height|aspect-ratio)|orientation)\b/;

/** The queries of every `@media` rule in `css` that depend on the viewport's size but not only on screens. */
function printFlippingQueries(css: string): string[] {
  const preludes = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/@media\s+([^{]+)\{/g)].map((m) => m[1]!.trim());
  return preludes.flatMap((prelude) => prelude.split(',').map((q) => q.trim())).filter((q) => viewportFeature.test(q) && !/^screen\s+and\b/i.test(q));
}

describe('viewport-size media queries are for screens only', () => {
  it('the scanner finds a query that would flip while printing, and passes a screen-only one', () => {
    const css = '/* @media (width < 1px) {} */ @media (orientation: portrait), screen and (max-width: 1100px) { a { b: c } }\n@media screen and (min-width: 5px) { }\n@media print { }\n@media (prefers-reduced-motion: reduce) { }';
    expect(printFlippingQueries(css)).toEqual(['(orientation: portrait)']);
  });

  const files = readdirSync(stylesDir).filter((f) => f.endsWith('.css'));
  it.each(files)('%s', (file) => {
    expect(printFlippingQueries(readFileSync(join(stylesDir, file), 'utf8'))).toEqual([]);
  });
});
