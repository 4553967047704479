/**
 * `npm run bench -- [--out FILE] [--only a,b]`: the kiosk's performance figures (issue 8).
 * Prints one line per figure (name, value, unit, budget, ok or over) and writes them all as JSON
 * to FILE. Builds what is missing or out of date (renderer, content.db), starts its own web-mode
 * servers with temp data folders, and removes them at the end.
 *
 * Groups for --only: bundle, build, content, import, cold, walkthrough, language, pdf, soak, load, speech.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { buildTargets, staleReason, type BuildTarget } from '../../electron/cli/build-if-stale';
import { cleanup, figure, repoRoot, round, startKiosk, type Figure, type KioskServer } from './lib';
import { benchBundle } from './bundle';
import { benchContentCalls } from './content-calls';
import { benchPackImport } from './pack-import';
import { benchLoad } from './load';
import { benchListen, benchSpeechSynthesis } from './speech';
import { benchContentBuild } from './content-build';
import { benchColdLoad, benchLanguageSwitch, benchPdf, benchSoak, benchWalkthrough, launchBrowser, startBareReact } from './browser';

const groups = ['bundle', 'build', 'content', 'import', 'cold', 'walkthrough', 'language', 'pdf', 'soak', 'load', 'speech'] as const;
type Group = (typeof groups)[number];

const { values: args } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' } } });
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
  const budget = f.budget ? `${f.budget.kind === 'max' ? '<=' : '>='} ${f.budget.limit} ${f.unit}` : '(no budget)';
  const verdict = f.ok === null ? '-' : f.ok ? 'ok' : 'over';
  return `${f.name.padEnd(66)} ${String(f.value).padStart(10)} ${f.unit.padEnd(12)} ${budget.padEnd(22)} ${verdict}`;
}

const figures: Figure[] = [];
const record = (list: Figure[]) => {
  for (const f of list) {
    figures.push(f);
    console.log(line(f));
  }
};

/** Runs one group; a failure is recorded as a figure that is over, and the bench goes on. */
async function step(group: Group, fn: () => Promise<Figure[]> | Figure[]): Promise<void> {
  if (!only.has(group)) return;
  const t = performance.now();
  try {
    record(await fn());
  } catch (e) {
    const message = (e as Error).stack ?? String(e);
    console.error(`bench: ${group} failed: ${message}`);
    record([figure(`${group}.failed`, `${group}: the measurement failed`, NaN, '', { kind: 'max', limit: 0 }, { error: message })]);
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
  console.log(`${'figure'.padEnd(66)} ${'value'.padStart(10)} ${'unit'.padEnd(12)} ${'budget'.padEnd(22)} verdict`);

  await step('bundle', () => benchBundle());
  await step('build', () => benchContentBuild());
  await step('content', () => benchContentCalls());
  await step('import', () => benchPackImport());

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
      return await benchColdLoad(browser!, kiosk!.url, bare.url, 5);
    } finally {
      await bare.close();
    }
  });
  await step('walkthrough', () => benchWalkthrough(browser!, kiosk!.url, 8));
  await step('language', () => benchLanguageSwitch(browser!, kiosk!.url, 20));
  await step('soak', () => benchSoak(browser!, kiosk!.url, 2000));
  await step('pdf', () => benchPdf(browser!, kiosk!, 7));
  await step('speech', async () => {
    // A fresh server, so the first taps find an empty speech cache.
    const server = await startKiosk();
    servers.push(server);
    return [...(await benchListen(browser!, server.url)), ...(await benchSpeechSynthesis())];
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
    return benchLoad(server.url, home.value.topics.map((t) => t.id), locales.value.map((l) => l.code), 30, 8);
  });

  const seconds = round((performance.now() - started) / 1000);
  const over = figures.filter((f) => f.ok === false);
  console.log(`bench: ${figures.filter((f) => f.ok !== null).length} budgeted figures, ${over.length} over budget${over.length ? `: ${over.map((f) => f.id).join(', ')}` : ''}; ${seconds} s`);
  if (args.out) {
    const out = resolve(args.out);
    mkdirSync(dirname(out), { recursive: true });
    const cpu = cpus();
    const results = {
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
