/** The content build for every bundled language: `npm run db:build`'s time and content.db's size. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { buildContentDatabase } from '../../db/content-build';
import { contentSourceDir, tempDir } from '../fixtures/content';
import { figure, type Figure } from './lib';

export function benchContentBuild(runs = 3): Figure[] {
  const seconds: number[] = [];
  let bytes = 0;
  let languages = 0;
  for (let i = 0; i < runs; i++) {
    const out = join(tempDir('kiosk-bench-build-'), 'content.db');
    const t = performance.now();
    const result = buildContentDatabase(contentSourceDir, out);
    seconds.push((performance.now() - t) / 1000);
    if (!result.ok) throw new Error(`content does not build: ${JSON.stringify(result.problems.slice(0, 3))}`);
    bytes = statSync(out).size;
    languages = result.locales;
  }
  const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)]!;
  return [
    figure('build.seconds', `content build (db:build, ${languages || 'all'} languages), median of ${runs}`, median, 's', null, { runs: seconds }),
    figure('build.bytes', 'content.db size for the bundled languages', bytes / 1024 / 1024, 'MB', null, { bytes }),
  ];
}
