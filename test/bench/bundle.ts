/** Figure 8: the renderer's JavaScript, gzipped, without fonts (out/renderer/assets/*.js). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, repoRoot, type Figure } from './lib';

export function benchBundle(dir = join(repoRoot, 'out', 'renderer', 'assets')): Figure[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const sizes = files.map((f) => {
    const bytes = readFileSync(join(dir, f));
    return { file: f, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const css = readdirSync(dir)
    .filter((f) => f.endsWith('.css'))
    .map((f) => ({ file: f, bytes: readFileSync(join(dir, f)).length, gzip: gzipSync(readFileSync(join(dir, f)), { level: 9 }).length }));
  const total = sizes.reduce((n, s) => n + s.gzip, 0);
  return [
    figure('bundle.jsGzip', 'Renderer JavaScript (gzip)', total / 1024, 'KiB', { kind: 'max', limit: 250 }, {
      how: 'sum over out/renderer/assets/*.js of the gzip (zlib level 9) size, after electron-vite build; fonts (.woff/.woff2) and CSS not counted; 1 KiB = 1024 bytes',
      files: sizes,
      cssNotCounted: css,
    }, { runs: 1 }),
  ];
}
