/**
 * The content build for every bundled language: `npm run db:build`'s time (the command itself, a
 * new process each run) and content.db's size, checking that the database it wrote holds every
 * language of db/content/ (texts, not only the locales table).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildContentDatabase } from '../../db/content-build';
import { contentSourceDir } from '../fixtures/content';
import { figure, median, repoRoot, summary, tempDir, type Figure } from './lib';

/** Languages with text in the built database, and the text rows of each. */
function languagesIn(dbPath: string): Record<string, number> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT locale, count(*) AS n FROM texts GROUP BY locale ORDER BY locale').all() as { locale: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.locale, r.n]));
  } finally {
    db.close();
  }
}

export function benchContentBuild(runs = 3): Figure[] {
  const sourceLocales = (JSON.parse(readFileSync(join(contentSourceDir, 'locales.json'), 'utf8')) as { code: string }[]).map((l) => l.code).sort();
  const textFiles = readdirSync(join(contentSourceDir, 'kyphoplasty', 'text')).filter((f) => f.endsWith('.json')).length;
  const seconds: number[] = [];
  let printed = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    // The command itself (npm, node, tsx, the build); it rewrites resources/content.db with the same bytes.
    printed = execFileSync('npm', ['run', '--silent', 'db:build'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } });
    seconds.push((performance.now() - t) / 1000);
  }
  const dbPath = join(repoRoot, 'resources', 'content.db');
  const built = languagesIn(dbPath);
  const missing = sourceLocales.filter((l) => !built[l]);
  if (missing.length) throw new Error(`npm run db:build wrote no texts for ${missing.join(', ')}`);
  const uneven = Object.entries(built).filter(([, n]) => n !== built.en);
  if (uneven.length) throw new Error(`npm run db:build wrote a different number of texts than English for ${uneven.map(([l, n]) => `${l} (${n})`).join(', ')}`);
  // The build alone, in this process (no npm/node/tsx start-up), into a temp folder.
  const inProcess: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const result = buildContentDatabase(contentSourceDir, join(tempDir('kiosk-bench-build-'), 'content.db'));
    inProcess.push((performance.now() - t) / 1000);
    if (!result.ok) throw new Error(`content does not build: ${JSON.stringify(result.problems.slice(0, 3))}`);
  }
  const bytes = statSync(dbPath).size;
  const languages = Object.keys(built).length;
  return [
    figure('build.seconds', `npm run db:build (${languages} languages), median of ${runs}`, median(seconds), 's', null, {
      how: `wall time of "npm run --silent db:build" (a new npm + node + tsx process each run, reading db/content/ and writing resources/content.db); ${runs} runs. Checked afterwards: the database holds texts for all ${sourceLocales.length} languages of db/content/locales.json (${textFiles} text files), ${built.en} texts each`,
      runs,
      seconds: summary(seconds),
      printed: printed.trim().split('\n').slice(1, 3).map((l) => l.trim()),
      textsByLanguage: built,
    }, { runs }),
    figure('build.inProcessSeconds', `content build alone (buildContentDatabase, ${languages} languages), median of ${runs}`, median(inProcess), 's', null, {
      how: 'the same build called in the bench process (no process start-up), into a temp folder',
      runs,
      seconds: summary(inProcess),
    }, { runs }),
    figure('build.bytes', `content.db size (${languages} languages)`, bytes / 2 ** 20, 'MB', null, { how: 'size of resources/content.db as npm run db:build wrote it', bytes }, { runs: 1 }),
  ];
}
