/** Shared pieces of the performance bench: figures, statistics, temp folders, web-mode servers. */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startWebKiosk, type KioskServer } from '../fixtures/web-kiosk';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface Budget {
  /** "max": the value must be at most `limit`; "min": at least. */
  kind: 'max' | 'min';
  limit: number;
}

export interface Figure {
  id: string;
  name: string;
  value: number;
  unit: string;
  /** Null for figures reported without a budget (context for a budgeted one). */
  budget: Budget | null;
  ok: boolean | null;
  /** What a ratio is measured against (the same measure of a bare page, query, server…), in the same run. */
  floor: { value: number; unit: string; what: string } | null;
  /** How many measurements the value comes from. */
  runs: number;
  /** The spread of those measurements, when the value is their median. */
  spread: { p10: number; p90: number } | null;
  /** How it was measured. */
  how: string;
  /** Raw numbers, spreads, breakdowns. */
  detail: Record<string, unknown>;
}

export interface FigureMeta {
  runs: number;
  /** How it was measured; by default `detail.how`. */
  how?: string;
  floor?: { value: number; unit: string; what: string };
  spread?: { p10: number; p90: number };
}

export function figure(id: string, name: string, value: number, unit: string, budget: Budget | null, detail: Record<string, unknown>, meta: FigureMeta): Figure {
  const ok = budget === null ? null : budget.kind === 'max' ? value <= budget.limit : value >= budget.limit;
  const how = meta.how ?? (typeof detail.how === 'string' ? detail.how : '');
  if (!how) throw new Error(`figure ${id}: say how it was measured`);
  const floor = meta.floor ? { ...meta.floor, value: round(meta.floor.value) } : null;
  const spread = meta.spread ? { p10: round(meta.spread.p10), p90: round(meta.spread.p90) } : null;
  return { id, name, value: round(value), unit, budget, ok, floor, runs: meta.runs, spread, how, detail };
}

/** The groups of figures, for --only, in the order the bench runs them. */
export const benchGroups = ['bundle', 'build', 'content', 'import', 'responses', 'startup', 'cold', 'walkthrough', 'language', 'pdf', 'soak', 'speech', 'load'] as const;
export type BenchGroup = (typeof benchGroups)[number];

/** What `npm run bench -- --out FILE` writes (test/bench/results.json is the committed run). */
export interface BenchResults {
  generatedAt: string;
  machine: {
    cpus: number;
    cpuModel: string | null;
    memoryGB: number;
    platform: string;
    node: string;
    chromium: string | null;
    loadAverage: { atStart: number[]; atEnd: number[]; note: string };
  };
  /** The groups run (all, unless --only). */
  groups: string[];
  build: Record<string, string>;
  secondsPerGroup: Record<string, number>;
  seconds: number;
  figures: Figure[];
}

/** How the bench prints a figure's budget, floor and verdict (the console lines and the report share them). */
export const budgetText = (f: Figure) => (f.budget ? `${f.budget.kind === 'max' ? '<=' : '>='} ${f.budget.limit} ${f.unit}` : 'no budget');
export const floorText = (f: Figure) => (f.floor ? `${f.floor.value} ${f.floor.unit}` : '-');
export const spreadText = (f: Figure) => (f.spread ? `p10-p90 ${f.spread.p10}-${f.spread.p90}` : '');
export const verdictText = (f: Figure) => (f.ok === null ? '-' : f.ok ? 'ok' : 'OVER');

export function round(n: number, digits = 3): number {
  if (!Number.isFinite(n)) return n;
  const f = 10 ** Math.max(0, digits - Math.floor(Math.log10(Math.abs(n) || 1)) - 1);
  return Math.round(n * f) / f;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export const median = (values: number[]) => percentile(values, 50);

export function summary(values: number[]): { n: number; p50: number; p95: number; p99: number; min: number; max: number } {
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    // reduce, not Math.min(...values): a load run collects more samples than the call stack holds.
    min: round(values.reduce((a, b) => Math.min(a, b), Infinity)),
    max: round(values.reduce((a, b) => Math.max(a, b), -Infinity)),
  };
}

// Temp folders and child processes, all removed or stopped when the bench ends (or is interrupted).
const dirs: string[] = [];
const children = new Set<ChildProcess>();

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function cleanup(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  children.clear();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export type { KioskServer };

/** Web mode as `npm run serve` runs it, on a free loopback port, stopped by `cleanup()` if the bench is interrupted. */
export async function startKiosk(dataDir = tempDir('kiosk-bench-data-')): Promise<KioskServer> {
  const server = await startWebKiosk({ dataDir });
  children.add(server.child);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      children.delete(server.child);
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
