/**
 * `npm run bench -- [--out FILE] [--only a,b]`: the kiosk's performance figures (issue 8).
 * Prints one line per figure (name, value, unit, budget, ok or over) and writes them all as JSON
 * to FILE. Builds what is missing or out of date (renderer, content.db), starts its own web-mode
 * servers with temp data folders, and removes them at the end.
 *
 * Groups for --only: bundle, build, content, import, responses, startup, cold, walkthrough, language,
 * pdf, soak, speech, load. --soak-changes N (default 10,000) shortens the soak while working on it;
 * --heap-snapshots DIR keeps the soak's heap snapshots (open two in DevTools' Memory panel and compare).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { buildTargets, staleReason, type BuildTarget } from '../../electron/cli/build-if-stale';
import { benchGroups, budgetText, cleanup, type BenchGroup, figure, floorText, repoRoot, round, spreadText, startKiosk, verdictText, type BenchResults, type Figure, type KioskServer } from './lib';
import { benchBundle } from './bundle';
import { benchContentCalls } from './content-calls';
import { benchPackImport } from './pack-import';
import { benchLoad } from './load';
import { benchListen, benchSpeechSynthesis } from './speech';
import { benchContentBuild } from './content-build';
import { benchResponseSizes, benchServeStartup, benchServerMemory, residentMemory } from './web-mode';
import { benchColdLoad, benchLanguageSwitch, benchPdf, benchSoak, benchWalkthrough, launchBrowser, startBareReact } from './browser';

const groups = benchGroups;
type Group = BenchGroup;

const { values: args } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' }, 'soak-changes': { type: 'string' }, 'heap-snapshots': { type: 'string' } } });
const only = new Set((args.only?.split(',').map((s) => s.trim()) ?? groups) as Group[]);
for (const g of only) if (!groups.includes(g)) throw new Error(`--only: unknown group "${g}"; use ${groups.join(', ')}`);

/** Builds content.db and the renderer when they are missing or older than their sources. */
function ensureBuilt(): Record<string, string> {
  const notes: Record<string, string> = {};
  const run = (what: string, cmd: string, cmdArgs: string[]) => {
    const t = performance.now();
    try {
      execFileSync(cmd, cmdArgs, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    } catch (e) {
      const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
      console.error(`bench: ${cmd} ${cmdArgs.join(' ')} failed:\n${stdout}${stderr}`);
      throw e;
    }
    notes[what] = `built by the bench (${cmd} ${cmdArgs.join(' ')}, ${Math.round(performance.now() - t)} ms)`;
  };
  // The same up-to-date rule as `npm start` and `npm run serve`.
  const [contentTarget, bundleTarget] = buildTargets as [BuildTarget, BuildTarget];
  if (staleReason(repoRoot, contentTarget)) run('content.db', 'npm', ['run', '--silent', 'db:build']);
  else notes['content.db'] = 'up to date';
  const index = 'out/renderer/index.html';
  if (staleReason(repoRoot, bundleTarget)) {
    try {
      run('renderer', 'npx', ['electron-vite', 'build']);
    } catch (e) {
      if (!existsSync(join(repoRoot, index))) throw e;
      notes.renderer = `electron-vite build failed (${(e as Error).message.split('\n')[0]}); measured the existing out/renderer`;
    }
  } else notes.renderer = 'up to date';
  return notes;
}

function line(f: Figure): string {
  return `${f.name.padEnd(72)} ${String(f.value).padStart(9)} ${f.unit.padEnd(11)} ${floorText(f).padStart(12)} ${budgetText(f).padEnd(20)} ${verdictText(f).padEnd(4)} ${String(f.runs).padStart(6)} ${spreadText(f)}`.trimEnd();
}

const figures: Figure[] = [];
const record = (list: Figure[]) => {
  for (const f of list) {
    figures.push(f);
    console.log(line(f));
  }
};

/** A measurement that threw, recorded as a figure that is over budget. */
function failed(what: string, e: unknown): Figure {
  const message = (e as Error).stack ?? String(e);
  console.error(`bench: ${what} failed: ${message}`);
  return figure(`${what}.failed`, `${what}: the measurement failed`, NaN, '', { kind: 'max', limit: 0 }, { error: message }, { runs: 0, how: 'the measurement failed: see detail.error' });
}

/** Runs one group; a failure is recorded as a figure that is over, and the bench goes on. */
async function step(group: Group, fn: () => Promise<Figure[]> | Figure[]): Promise<void> {
  if (!only.has(group)) return;
  const t = performance.now();
  try {
    record(await fn());
  } catch (e) {
    record([failed(group, e)]);
  }
  timings[group] = round((performance.now() - t) / 1000);
}

const timings: Record<string, number> = {};
const started = performance.now();
// Other work on the machine shows in absolute timings (ratios to floors are measured alongside).
const loadAtStart = loadavg().map((n) => round(n));
let browser: Browser | null = null;
const servers: KioskServer[] = [];
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

try {
  console.log('bench: building what is missing or out of date…');
  const build = ensureBuilt();
  console.log(`${'figure'.padEnd(72)} ${'value'.padStart(9)} ${'unit'.padEnd(11)} ${'floor'.padStart(12)} ${'budget'.padEnd(20)} ${'verdict'} ${'runs'} spread`);
  console.log('(a value in "x floor" is the ratio to the floor beside it, measured in the same run; how each figure is measured is in the JSON and the report)');

  await step('bundle', () => benchBundle());
  await step('build', () => benchContentBuild());
  await step('content', () => benchContentCalls());
  await step('import', () => benchPackImport());
  await step('responses', async () => {
    const server = await startKiosk();
    servers.push(server);
    return benchResponseSizes(server.url);
  });
  await step('startup', () => benchServeStartup(5));

  const needsBrowser = ['cold', 'walkthrough', 'language', 'pdf', 'soak', 'speech'].some((g) => only.has(g as Group));
  let kiosk: KioskServer | null = null;
  if (needsBrowser) {
    browser = await launchBrowser();
    kiosk = await startKiosk();
    servers.push(kiosk);
  }
  await step('cold', async () => {
    const bare = await startBareReact();
    try {
      return await benchColdLoad(browser!, kiosk!.url, bare.url, 15);
    } finally {
      await bare.close();
    }
  });
  await step('walkthrough', () => benchWalkthrough(browser!, kiosk!.url, 8));
  await step('language', () => benchLanguageSwitch(browser!, kiosk!.url, 20));
  // The PDF before the soak: 10,000 screen changes leave the shared browser and server behind
  // them (the sheet measured 1.90x and 1.93x alone, 2.03x right after the soak, on the same code).
  await step('pdf', () => benchPdf(browser!, kiosk!, 20, 3, 3));
  await step('soak', () => benchSoak(browser!, kiosk!.url, Number(args['soak-changes'] ?? 10_000), args['heap-snapshots'] && resolve(args['heap-snapshots'])));
  await step('speech', async () => {
    // A fresh server, so the first taps find an empty speech cache.
    const server = await startKiosk();
    servers.push(server);
    const listen = await benchListen(browser!, server.url);
    // A failure of the synthesis figures does not lose the Listen figures.
    const synthesis = await benchSpeechSynthesis().catch((e: unknown) => [failed('speech.synthesis', e)]);
    return [...listen, ...synthesis];
  });
  const chromiumVersion = browser?.version() ?? null;
  await browser?.close();
  browser = null;

  await step('load', async () => {
    // A fresh server: nothing from the browser runs in its sessions or caches.
    const server = await startKiosk();
    servers.push(server);
    const home = (await (
      await fetch(new URL('api/getProcedureHome', server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"procedureId":"kyphoplasty","locale":"en"}' })
    ).json()) as { value: { topics: { id: string }[] } };
    const locales = (await (await fetch(new URL('api/listLocales', server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json()) as { value: { code: string }[] };
    const pid = server.child.pid!;
    const before = residentMemory(pid);
    const load = await benchLoad(server.url, home.value.topics.map((t) => t.id), locales.value.map((l) => l.code), 30, 8);
    return [...load, ...benchServerMemory(pid, before, String(load[0]!.detail.how).split(';')[0]!)];
  });

  const seconds = round((performance.now() - started) / 1000);
  const over = figures.filter((f) => f.ok === false);
  console.log(`bench: ${figures.filter((f) => f.ok !== null).length} budgeted figures, ${over.length} over budget${over.length ? `: ${over.map((f) => f.id).join(', ')}` : ''}; ${seconds} s`);
  if (args.out) {
    const out = resolve(args.out);
    mkdirSync(dirname(out), { recursive: true });
    const cpu = cpus();
    const results: BenchResults = {
      generatedAt: new Date().toISOString(),
      machine: {
        cpus: cpu.length,
        cpuModel: cpu[0]?.model ?? null,
        memoryGB: round(totalmem() / 2 ** 30),
        platform: `${platform()} ${release()}`,
        node: process.version,
        chromium: chromiumVersion,
        loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((n) => round(n)), note: '1, 5 and 15 minute load averages (os.loadavg)' },
      },
      groups: groups.filter((g) => only.has(g)),
      build,
      secondsPerGroup: timings,
      seconds,
      figures,
    };
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`bench: wrote ${out}`);
  }
} finally {
  await browser?.close().catch(() => undefined);
  for (const s of servers) await s.stop().catch(() => undefined);
  cleanup();
}
