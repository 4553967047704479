/**
 * `npm run bench:report`: rewrites docs/performance.md from test/bench/results.json (the committed
 * bench run). `--results FILE` and `--report FILE` read and write other files.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, type BenchResults } from './lib';
import { performanceReport, reportPath, resultsPath } from './report-markdown';

const { values: args } = parseArgs({ options: { results: { type: 'string' }, report: { type: 'string' } } });
const from = resolve(repoRoot, args.results ?? resultsPath);
const to = resolve(repoRoot, args.report ?? reportPath);
let results: BenchResults;
try {
  results = JSON.parse(readFileSync(from, 'utf8')) as BenchResults;
} catch (e) {
  console.error(`bench:report: cannot read ${from}: ${(e as Error).message}. Run "npm run bench -- --out ${resultsPath}" first.`);
  process.exit(1);
}
if (!Array.isArray(results.figures) || !results.machine) {
  console.error(`bench:report: ${from} is not a bench results file (no figures or machine): write it with "npm run bench -- --out FILE".`);
  process.exit(1);
}
mkdirSync(dirname(to), { recursive: true });
writeFileSync(to, performanceReport(results));
console.log(`bench:report: wrote ${to} from ${from} (${results.figures.length} figures)`);
