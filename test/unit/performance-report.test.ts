/** The committed performance report is exactly what `npm run bench:report` makes from the committed results. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../bench/lib';
import { performanceReport, reportPath, resultsPath } from '../bench/report-markdown';
import { repoRoot } from '../fixtures/content';

const results = JSON.parse(readFileSync(join(repoRoot, resultsPath), 'utf8')) as BenchResults;

describe('performance report', () => {
  it(`${reportPath} is generated from ${resultsPath} (run npm run bench:report after a bench run)`, () => {
    expect(readFileSync(join(repoRoot, reportPath), 'utf8')).toBe(performanceReport(results));
  });

  it('lists every figure of the run with its budget and verdict, and says how each was measured', () => {
    const report = performanceReport(results);
    for (const f of results.figures) {
      expect(report).toContain(`(\`${f.id}\`): `);
      expect(f.how.length, `${f.id} says how it was measured`).toBeGreaterThan(0);
      expect(f.runs, `${f.id} says how many runs`).toBeGreaterThanOrEqual(0);
    }
    expect(report).toContain(`${results.machine.cpus} CPU cores`);
  });
});
