/**
 * Issue 15 (pdf.ratio): when a print starts, Chromium lays the page out in print media at the
 * paper's size. If any media query then answers differently (`@media print`, `@media screen`, a
 * width, height or orientation the page no longer has, even `screen and (min-width: …)` on a wide
 * window), Chromium rebuilds all of the page's styles without its caches and re-lays all of it
 * out, on the way to paper and back: printing the sheet from the preview took about three times
 * its own work. So the renderer's CSS asks only about the user's preferences, which printing does
 * not change; layout by width uses container queries, and what differs on paper hangs on
 * `html.printing` (renderer/src/print-mode.ts).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { repoRoot } from '../fixtures/content';

/** Media features whose answer is the same on screen and on paper. */
const printStableFeatures = new Set(['prefers-reduced-motion', 'prefers-contrast', 'prefers-reduced-transparency', 'forced-colors']);

/** Every media query in `css` (`@media` rules and `@import … <media>`) whose answer printing may change. */
function printFlippingQueries(css: string): string[] {
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const media = [...bare.matchAll(/@media\s+([^{]+)\{/g)].map((m) => m[1]!);
  const imports = [...bare.matchAll(/@import\s+(?:url\([^)]*\)|"[^"]*"|'[^']*')\s*([^;]*);/g)].map((m) => m[1]!).filter((q) => q.trim());
  return [...media, ...imports]
    .flatMap((prelude) => prelude.split(','))
    .map((q) => q.trim())
    .filter((q) => {
      const features = [...q.matchAll(/\(\s*([a-z-]+)/g)].map((m) => m[1]!);
      const withoutFeatures = q.replace(/\([^)]*\)/g, '').replace(/\b(?:and|not|only|all)\b/g, '').trim();
      // A media type other than `all` (screen, print), or a feature printing can change.
      return withoutFeatures !== '' || features.length === 0 || features.some((f) => !printStableFeatures.has(f));
    });
}

function filesIn(dir: string, ends: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name), ends) : ends.test(e.name) ? [join(dir, e.name)] : []));
}

/** The renderer's own style sheets and the packages' CSS its modules import (the font faces). */
function rendererCss(): string[] {
  const src = join(repoRoot, 'renderer/src');
  const require = createRequire(join(repoRoot, 'package.json'));
  const imported = filesIn(src, /\.tsx?$/).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/import(?:\(|\s)\s*'(@[^']+\.css)'/g)].map((m) => require.resolve(m[1]!)));
  return [...filesIn(src, /\.css$/), ...new Set(imported)];
}

describe('no media query changes its answer when a page prints', () => {
  it('the scanner flags media types and size queries, and passes preference queries', () => {
    const css = [
      '/* @media print {} */',
      '@media (orientation: portrait), screen and (max-width: 1100px) { a { b: c } }',
      '@media screen and (min-width: 5px) { }',
      '@media print { }',
      '@media (prefers-reduced-motion: reduce) { }',
      '@media not all and (forced-colors: active) { }',
      '@import url(x.css) print;',
      '@import "y.css";',
      '@container admin (max-width: 900px) { }',
    ].join('\n');
    expect(printFlippingQueries(css)).toEqual(['(orientation: portrait)', 'screen and (max-width: 1100px)', 'screen and (min-width: 5px)', 'print', 'print']);
  });

  const files = rendererCss();
  it('reads the renderer style sheets and the font faces they import', () => {
    const names = files.map((f) => relative(repoRoot, f));
    expect(names).toEqual(expect.arrayContaining(['renderer/src/styles/sheet.css', 'renderer/src/styles/kiosk.css', 'renderer/src/styles/admin.css']));
    expect(names.some((n) => n.includes('@fontsource/noto-sans-arabic/'))).toBe(true);
  });
  it.each(files.map((f) => [relative(repoRoot, f), f]))('%s', (_name, file) => {
    expect(printFlippingQueries(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
