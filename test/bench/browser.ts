/**
 * Figures measured in Debian's Chromium against web mode: cold load (2), walkthrough step change
 * (3), language switch (4), discharge-sheet PDF (5) and the soak (7).
 *
 * Timings are taken inside the page, so Playwright's round trips are not in them: a screen is
 * "visible" when its element is in the DOM with a non-empty box, and "painted" at the first task
 * after the next animation frame (requestAnimationFrame, then a MessageChannel message), which
 * runs right after that frame has been painted.
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { contentTexts, uiText } from '../e2e/kiosk-pages';
import { fillDischargeForm, holdStaffEntry, sampleForm, setPin, signIn, type FormValues } from '../e2e/staff-pages';
import { pdfPrintOptions } from '../fixtures/pdf';
import { openPrintWindow, untilPrintReady } from '../fixtures/print-window';
import { pdfOptions } from '../../electron/main/printing';
import type { DischargeSheet } from '../../electron/shared/content-types';
import { figure, median, percentile, round, summary, tempDir, type Figure, type KioskServer } from './lib';

export const CPU_SLOWDOWN = 4;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
}

/** Helpers installed in every page before its own scripts run (see the file comment). */
interface PageBench {
  afterPaint(): Promise<number>;
  waitFor(pred: () => boolean, timeoutMs?: number): Promise<void>;
  visible(selector: string): boolean;
  tap(el: Element | null): void;
  /** Cold-load timings, from navigation start (performance.now()). */
  ready?: Promise<{ start: number; tile?: number }>;
}

function installHelpers(flow: 'kiosk' | 'floor' | 'none'): void {
  const afterPaint = () =>
    new Promise<number>((done) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  const waitFor = (pred: () => boolean, timeoutMs = 30_000) =>
    new Promise<void>((done, fail) => {
      if (pred()) return done();
      const finish = (error?: Error) => {
        observer.disconnect();
        clearInterval(poll);
        clearTimeout(timer);
        if (error) fail(error);
        else done();
      };
      const check = () => {
        try {
          if (pred()) finish();
        } catch (e) {
          finish(e as Error);
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      const poll = setInterval(check, 25);
      const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${pred.toString().slice(0, 200)}`)), timeoutMs);
    });
  const visible = (selector: string) => {
    const el = document.querySelector(selector);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const tap = (el: Element | null) => {
    if (!el) throw new Error('nothing to tap');
    const init = { bubbles: true, cancelable: true, composed: true, pointerType: 'touch', isPrimary: true, pointerId: 1 };
    el.dispatchEvent(new PointerEvent('pointerdown', init));
    el.dispatchEvent(new PointerEvent('pointerup', init));
    (el as HTMLElement).click();
  };
  const bench: PageBench = { afterPaint, waitFor, visible, tap };
  (window as unknown as { __bench: PageBench }).__bench = bench;
  if (flow === 'none') return;
  bench.ready = (async () => {
    await waitFor(() => visible('.attract-start'));
    const start = await afterPaint();
    if (flow === 'floor') return { start };
    tap(document.querySelector('.attract-start'));
    await waitFor(() => visible('.language-button[lang="en"]'));
    tap(document.querySelector('.language-button[lang="en"]'));
    await waitFor(() => visible('[data-topic]'));
    return { start, tile: await afterPaint() };
  })();
}

async function newPage(browser: Browser, flow: 'kiosk' | 'floor' | 'none', slowdown = 1): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx (esbuild, keepNames) wraps functions in __name(...); functions sent to the page need it too.
  await context.addInitScript({ content: `globalThis.__name ??= (f) => f;\n(${installHelpers.toString()})(${JSON.stringify(flow)});` });
  const page = await context.newPage();
  if (slowdown !== 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  return { context, page };
}

/** Longest the bench lets a kiosk wait on its attract screen for its idle-time preloading to end. */
const ATTRACT_WAIT_MAX_MS = 60_000;

/**
 * Waits on the attract screen, as a kiosk does between two patients, for at least `minMs` and
 * until the page has fetched nothing new for `quietMs` (the kiosk's idle-time preloading of
 * every language has ended); returns how long that took.
 */
async function waitOnAttract(page: Page, minMs = 10_000, quietMs = 2000): Promise<number> {
  const started = Date.now();
  let last = -1;
  let quietSince = Date.now();
  while (Date.now() - started < ATTRACT_WAIT_MAX_MS) {
    const count = await page.evaluate(() => performance.getEntriesByType('resource').length);
    if (count !== last) {
      last = count;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs && Date.now() - started >= minMs) break;
    await page.waitForTimeout(250);
  }
  return Date.now() - started;
}

/** From the attract screen to the home screen in English, as a patient would (through Playwright). */
async function toHome(page: Page, url: string, waitedOnAttract?: (ms: number) => void): Promise<void> {
  await page.goto(url);
  if (waitedOnAttract) waitedOnAttract(await waitOnAttract(page));
  await page.locator('.attract-start').click();
  await page.locator('.language-button[lang="en"]').click();
  await page.locator('[data-topic]').first().waitFor();
}

// ---------------------------------------------------------------------------------------------
// The floor for the cold load: a bare React page, built by vite + @vitejs/plugin-react like the
// kiosk's renderer, served by a tiny static server on loopback.

export async function startBareReact(): Promise<{ url: string; close: () => Promise<void> }> {
  const outDir = tempDir('kiosk-bench-bare-');
  await build({
    configFile: false,
    root: resolve(import.meta.dirname, 'bare-react'),
    base: './',
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify: true, assetsInlineLimit: 0 },
  });
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = resolve(join(outDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(outDir + sep)) return void res.writeHead(404).end();
    readFile(file).then(
      (data) => res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }).end(data),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

// ---------------------------------------------------------------------------------------------
// Figure 2: cold load under 4x CPU slowdown.

export async function benchColdLoad(browser: Browser, kioskUrl: string, floorUrl: string, rounds = 7): Promise<Figure[]> {
  const kioskStart: number[] = [];
  const kioskTile: number[] = [];
  const floor: number[] = [];
  type Load = { scriptMs: number; styleMs: number; layoutMs: number; taskMs: number; bytes: number };
  const kioskLoads: Load[] = [];
  const floorLoads: Load[] = [];
  const medians = (loads: Load[]) =>
    Object.fromEntries((['scriptMs', 'styleMs', 'layoutMs', 'taskMs', 'bytes'] as const).map((k) => [k, Math.round(median(loads.map((l) => l[k])))]));
  const once = async (url: string, flow: 'kiosk' | 'floor') => {
    // A new context each time: empty HTTP cache and code cache.
    const { context, page } = await newPage(browser, flow, CPU_SLOWDOWN);
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(url, { waitUntil: 'commit' });
      const times = await page.evaluate(() => (window as unknown as { __bench: PageBench }).__bench.ready!);
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      const metric = (name: string) => Math.round((metrics.find((m) => m.name === name)?.value ?? NaN) * 1000);
      const bytes = await page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).reduce((n, r) => n + r.encodedBodySize, 0) +
        ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.encodedBodySize ?? 0),
      );
      return { ...times, scriptMs: metric('ScriptDuration'), styleMs: metric('RecalcStyleDuration'), layoutMs: metric('LayoutDuration'), taskMs: metric('TaskDuration'), bytes };
    } finally {
      await context.close();
    }
  };
  await once(kioskUrl, 'kiosk'); // warm the server's file cache and Chromium's process pool
  await once(floorUrl, 'floor');
  for (let i = 0; i < rounds; i++) {
    const k = await once(kioskUrl, 'kiosk');
    kioskStart.push(k.start);
    kioskTile.push(k.tile!);
    kioskLoads.push(k);
    const f = await once(floorUrl, 'floor');
    floor.push(f.start);
    floorLoads.push(f);
  }
  // Each kiosk load and the floor load right after it make a pair: the spread of the pairs'
  // ratios shows how much of the figure is the shared machine.
  const pairRatios = kioskStart.map((k, i) => k / floor[i]!);
  const detail = {
    how: `${rounds} cold loads each (new browser context, empty cache), alternating kiosk and floor, CPU slowed ${CPU_SLOWDOWN}x (Emulation.setCPUThrottlingRate); median of the time from navigation start to the attract screen's start button visible and painted`,
    pairRatios: { p10: round(percentile(pairRatios, 10)), p50: round(percentile(pairRatios, 50)), p90: round(percentile(pairRatios, 90)), note: 'each kiosk load over the floor load that followed it; the figure itself is the ratio of the two medians' },
    floor: 'a bare React 19 page (one button) built at bench time by vite + @vitejs/plugin-react (minified) into a temp folder, served by a tiny node http server on 127.0.0.1; same measure',
    kioskStartMs: summary(kioskStart),
    floorMs: summary(floor),
    breakdown: {
      how: "Performance.getMetrics (main-thread time, already slowed 4x) and transferred bytes (Resource Timing encodedBodySize) by the time the kiosk's first tile (floor: its button) was painted; medians",
      kiosk: medians(kioskLoads),
      floor: medians(floorLoads),
    },
  };
  return [
    figure('coldLoad.ratio', 'Cold load to start button, 4x CPU (ratio to bare React)', median(kioskStart) / median(floor), 'x floor', { kind: 'max', limit: 1.5 }, detail, {
      runs: rounds,
      floor: { value: median(floor), unit: 'ms', what: detail.floor },
      spread: { p10: percentile(pairRatios, 10), p90: percentile(pairRatios, 90) },
    }),
    figure('coldLoad.startMs', 'Cold load to start button, 4x CPU', median(kioskStart), 'ms', null, {}, { runs: rounds, how: 'see coldLoad.ratio' }),
    figure('coldLoad.firstTileMs', 'Cold load to first topic tile (Start, English), 4x CPU', median(kioskTile), 'ms', null, {
      how: 'navigation start to the first [data-topic] tile painted, the taps on Start and English made by the page itself as soon as each screen is painted (no human think time)',
      ms: summary(kioskTile),
    }, { runs: rounds }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Figure 3: walkthrough step change under 4x CPU slowdown.

export async function benchWalkthrough(browser: Browser, kioskUrl: string, laps = 6): Promise<Figure[]> {
  const { context, page } = await newPage(browser, 'none');
  try {
    await toHome(page, kioskUrl);
    await page.locator('[data-feature="walkthrough"]').click();
    await page.locator('[data-step]').first().waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const samples = await page.evaluate(async (laps) => {
      const b = (window as unknown as { __bench: PageBench }).__bench;
      const out: number[] = [];
      const steps = document.querySelectorAll('.step-dots li').length;
      const pause = () => new Promise((r) => setTimeout(r, 60));
      const move = async (button: string, expected: string) => {
        await pause();
        const t0 = performance.now();
        b.tap(document.querySelector(button));
        await b.waitFor(() => b.visible(expected));
        out.push((await b.afterPaint()) - t0);
      };
      // The measure's own floor: from "now" to the next painted frame with nothing to do.
      const idle: number[] = [];
      for (let i = 0; i < 20; i++) {
        await pause();
        const t0 = performance.now();
        idle.push((await b.afterPaint()) - t0);
      }
      for (let lap = 0; lap < laps; lap++) {
        for (let i = 1; i <= steps; i++) await move('.step-nav .step-button.primary', i < steps ? `.step-dots li:nth-child(${i + 1}).current` : '.step-done');
        for (let i = steps - 1; i >= 0; i--) await move('.step-nav .step-button:not(.primary)', `.step-dots li:nth-child(${i + 1}).current`);
      }
      return { out, idle };
    }, laps);
    return [
      figure('walkthrough.p95', 'Walkthrough step change, 4x CPU, p95', percentile(samples.out, 95), 'ms', { kind: 'max', limit: 50 }, {
        how: `${samples.out.length} taps on Next/Previous (${laps} laps through the 4 steps and the "done" card and back), each ~60 ms after the last paint; time from dispatching the tap (pointerdown, pointerup, click) to the first task after the next animation frame once the new step is in the DOM; CPU slowed ${CPU_SLOWDOWN}x`,
        ms: summary(samples.out),
        idleFrameMs: { ...summary(samples.idle), note: 'the same measure with no tap: the wait for the next painted frame alone' },
      }, { runs: samples.out.length }),
    ];
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Figure 4: language switch under 4x CPU slowdown.

export async function benchLanguageSwitch(browser: Browser, kioskUrl: string, switches = 20): Promise<Figure[]> {
  // A kiosk that waited on its attract screen (as it does between patients, preloading every
  // language in idle time), then one loaded a moment before the patient's first touch.
  const waited = await languageSwitches(browser, kioskUrl, switches, true);
  const fresh = await languageSwitches(browser, kioskUrl, switches, false);
  const how = (s: LanguageSamples) =>
    `${switches} switches cycling ${s.locales.join(', ')} from the home screen (the first to each language is its first in the page: zh-Hans, ar and hi each bring a new script): tap the toolbar's Language button, wait for the language list to paint, then time from the tap on the new language to the home heading showing that language's procedure name (and its tiles), painted; includes the getProcedureHome/listProcedures calls over HTTP; CPU slowed ${CPU_SLOWDOWN}x`;
  return [
    figure('language.p95', 'Language switch, 4x CPU, p95', percentile(waited.pick, 95), 'ms', { kind: 'max', limit: 100 }, {
      how: `${how(waited)}. Before the first touch the new page stays on its attract screen for at least 10 s and until it has fetched nothing for 2 s (${Math.round(waited.attractMs! / 1000)} s this run): the idle-time preloading a kiosk does between patients (every language's strings, home, font slices and one off-screen layout) has ended`,
      pickMs: summary(waited.pick),
      wholeMs: { ...summary(waited.whole), note: 'from the tap on the Language button to the new heading painted, less the 60 ms pause between the two taps' },
      pickMsByLanguage: waited.byLocale,
      attractWaitMs: waited.attractMs,
    }, { runs: waited.pick.length }),
    figure('language.freshP95', 'Language switch right after a cold start, 4x CPU, p95', percentile(fresh.pick, 95), 'ms', null, {
      how: `${how(fresh)}. The page goes from its attract screen to the home at once: nothing is preloaded but what the 60 ms on the language list allow`,
      pickMs: summary(fresh.pick),
      pickMsByLanguage: fresh.byLocale,
    }, { runs: fresh.pick.length }),
  ];
}

interface LanguageSamples {
  locales: string[];
  pick: number[];
  whole: number[];
  byLocale: Record<string, number[]>;
  attractMs?: number;
}

async function languageSwitches(browser: Browser, kioskUrl: string, switches: number, waitOnAttractFirst: boolean): Promise<LanguageSamples> {
  const locales = ['es', 'zh-Hans', 'ar', 'hi', 'en'];
  const names = Object.fromEntries(locales.map((l) => [l, contentTexts(l)['procedure.name']!]));
  const { context, page } = await newPage(browser, 'none');
  try {
    let attractMs: number | undefined;
    await toHome(page, kioskUrl, waitOnAttractFirst ? (ms) => (attractMs = ms) : undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const samples = await page.evaluate(
      async ({ switches, locales, names }) => {
        const b = (window as unknown as { __bench: PageBench }).__bench;
        const pick: number[] = [];
        const whole: number[] = [];
        const byLocale: Record<string, number[]> = {};
        for (let i = 0; i < switches; i++) {
          const to = locales[i % locales.length]!;
          await new Promise((r) => setTimeout(r, 60));
          const t0 = performance.now();
          // The toolbar's Language button (home, back, language in the first group).
          b.tap(document.querySelector('.toolbar .toolbar-group:first-child button:nth-child(3)'));
          await b.waitFor(() => b.visible(`.language-button[lang="${to}"]`));
          await b.afterPaint();
          await new Promise((r) => setTimeout(r, 60));
          const t1 = performance.now();
          b.tap(document.querySelector(`.language-button[lang="${to}"]`));
          await b.waitFor(() => document.querySelector('h1')?.textContent === names[to] && b.visible('[data-topic]'));
          const t2 = await b.afterPaint();
          pick.push(t2 - t1);
          whole.push(t2 - t0 - 60);
          (byLocale[to] ??= []).push(Math.round(t2 - t1));
        }
        return { pick, whole, byLocale };
      },
      { switches, locales, names },
    );
    return { locales, ...samples, attractMs };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Figure 5: discharge sheet PDF.

const sheetForm: FormValues = { ...sampleForm, patientName: 'Bench Patient', painNotes: 'Take paracetamol as needed', nurseNotes: 'Bench note' };

/** The page's main-thread task, style and layout time (ms) per call of `print`, over `n` calls. */
async function sheetMainThread(page: Page, n: number, print: () => Promise<unknown>): Promise<{ task: number; style: number; layout: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { task: value('TaskDuration'), style: value('RecalcStyleDuration'), layout: value('LayoutDuration') };
  };
  const before = await read();
  for (let i = 0; i < n; i++) await print();
  const after = await read();
  await cdp.detach();
  const per = (k: keyof typeof before) => round(((after[k] - before[k]) * 1000) / n);
  return { task: per('task'), style: per('style'), layout: per('layout') };
}

const onePage = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>One line</title></head><body><p>One line of text.</p></body></html>';

type PdfOptions = NonNullable<Parameters<Page['pdf']>[0]>;

/** page.pdf options for what the desktop app saves (electron/main/printing.ts pdfOptions: the paper's size and margins, tagged). */
function desktopPdfOptions(paper: 'A4' | 'Letter'): PdfOptions {
  const o = pdfOptions(paper);
  const inch = (n: number | undefined) => `${n ?? 0}in`;
  return {
    width: inch(o.pageSize && typeof o.pageSize === 'object' ? o.pageSize.width : undefined),
    height: inch(o.pageSize && typeof o.pageSize === 'object' ? o.pageSize.height : undefined),
    margin: { top: inch(o.margins?.top), right: inch(o.margins?.right), bottom: inch(o.margins?.bottom), left: inch(o.margins?.left) },
    printBackground: o.printBackground,
    landscape: o.landscape,
    preferCSSPageSize: o.preferCSSPageSize,
    tagged: o.generateTaggedPDF,
  };
}

interface PairedPrints {
  ratios: number[];
  sheet: number[];
  floor: number[];
  /** The first of each sheet triple alone, before taking the fastest. */
  single: number[];
  cpu: { sheet: number; floor: number };
  sheetBytes: number;
  floorBytes: number;
}

/**
 * Sheet and floor printed in pairs, interleaved with the order swapped every pair (so a slow
 * moment on the shared machine lands on both sides), each side the fastest of `tries`
 * back-to-back prints; the CPU time of every Chromium process is summed per side.
 */
async function pairedPrints(browser: Browser, sheetPage: Page, floorPage: Page, options: PdfOptions, rounds: number, warmUps: number, tries: number): Promise<PairedPrints> {
  const out: PairedPrints = { ratios: [], sheet: [], floor: [], single: [], cpu: { sheet: 0, floor: 0 }, sheetBytes: 0, floorBytes: 0 };
  const system = await browser.newBrowserCDPSession();
  // CPU time of every Chromium process (browser, renderers, GPU…), which waiting for the shared CPU does not inflate.
  const cpuSeconds = async () => ((await system.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] }).processInfo.reduce((n, p) => n + p.cpuTime, 0);
  const once = async (p: Page) => {
    const t = performance.now();
    const bytes = (await p.pdf(options)).length;
    return { ms: performance.now() - t, bytes };
  };
  const time = async (p: Page) => {
    const runs = [];
    const cpu0 = await cpuSeconds();
    for (let i = 0; i < tries; i++) runs.push(await once(p));
    out.cpu[p === sheetPage ? 'sheet' : 'floor'] += (await cpuSeconds()) - cpu0;
    if (p === sheetPage) out.single.push(runs[0]!.ms);
    return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  };
  try {
    // Warm-up, discarded: fonts, layout, the PDF backend.
    for (let i = 0; i < warmUps; i++) {
      await time(sheetPage);
      await time(floorPage);
    }
    out.single.length = 0;
    out.cpu.sheet = out.cpu.floor = 0;
    for (let i = 0; i < rounds; i++) {
      const pair = i % 2 === 0 ? [await time(sheetPage), await time(floorPage)] : [await time(floorPage), await time(sheetPage)].reverse();
      const [s, f] = pair as [{ ms: number; bytes: number }, { ms: number; bytes: number }];
      out.sheet.push(s.ms);
      out.floor.push(f.ms);
      out.ratios.push(s.ms / f.ms);
      out.sheetBytes = s.bytes;
      out.floorBytes = f.bytes;
    }
  } finally {
    await system.detach();
  }
  return out;
}

const spreadOf = (xs: number[]) => ({ p10: round(percentile(xs, 10)), p50: round(percentile(xs, 50)), p90: round(percentile(xs, 90)) });

function pairedDetail(m: PairedPrints, how: string, floor: string, rounds: number) {
  return {
    how,
    floor,
    runs: rounds,
    ratio: spreadOf(m.ratios),
    ratioOfMedians: round(median(m.sheet) / median(m.floor)),
    sheetMsSinglePrint: { ...summary(m.single), note: 'the first of each sheet triple alone, before taking the fastest' },
    sheetMs: { ...summary(m.sheet), ...spreadOf(m.sheet) },
    floorMs: { ...summary(m.floor), ...spreadOf(m.floor) },
    sheetBytes: m.sheetBytes,
    floorBytes: m.floorBytes,
  };
}

/**
 * Figure 5, both ways the kiosk prints the sheet: web mode's Print button prints the preview page
 * (the browser prints it from screen media, as window.print does); the desktop app's Print and Save
 * as PDF print its hidden print window (#print-job) with printToPDF's own options (tagged PDF).
 */
export async function benchPdf(browser: Browser, kiosk: KioskServer, rounds = 20, warmUps = 3, tries = 3): Promise<Figure[]> {
  setPin(kiosk.dataDir, 'nurse', '246810');
  const { context, page } = await newPage(browser, 'none');
  try {
    await toHome(page, kiosk.url);
    await holdStaffEntry(page);
    await signIn(page, '246810');
    await page.getByRole('button', { name: uiText('en', 'staff.discharge') }).click();
    await fillDischargeForm(page, sheetForm);
    const built = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/buildDischargeSheet');
    await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
    const answer = (await (await built).json()) as { ok: boolean; value: DischargeSheet };
    if (!answer.ok) throw new Error('buildDischargeSheet failed');
    await page.locator('.sheet').waitFor();
    await page.evaluate(() => document.fonts.ready);
    const floorPage = await context.newPage();
    await floorPage.setContent(onePage);

    // The desktop print window: the same sheet, handed over as electron/preload/print.ts does (window.printJob).
    const job = await context.newPage();
    await openPrintWindow(job, kiosk.url, { sheet: answer.value, cardOnly: false });
    await untilPrintReady(job);

    const web = await pairedPrints(browser, page, floorPage, pdfPrintOptions, rounds, warmUps, tries);
    const desktopOptions = desktopPdfOptions(answer.value.paper);
    const desktop = await pairedPrints(browser, job, floorPage, desktopOptions, rounds, warmUps, tries);
    const breakdown = await sheetMainThread(page, rounds, () => page.pdf(pdfPrintOptions));

    const pairing = `${warmUps} warm-up pairs discarded, then ${rounds} pairs, interleaved with the order swapped every pair; each side of a pair is the fastest of ${tries} back-to-back prints (${rounds * tries * 2} timed prints in all); the figure is the median of the ${rounds} per-pair ratios (sheet time / floor time of the same pair), with their p10-p90 spread`;
    const sheetIs = 'the discharge sheet (English, A4, wallet card included; filled like test/e2e/discharge-sheet.spec.ts)';
    const webDetail = {
      ...pairedDetail(web, `page.pdf({ preferCSSPageSize, printBackground }) of ${sheetIs} on the preview screen, from screen media as the Print button's window.print() prints it (beforeprint puts the page in print mode, renderer/src/print-mode.ts), and of the floor page; ${pairing}`, 'page.pdf of a one-line HTML page, same options, same browser', rounds),
      sheetMainThreadMsPerPrint: {
        ...breakdown,
        note: `the preview page's renderer main thread per print (CDP Performance.getMetrics TaskDuration, RecalcStyleDuration, LayoutDuration), over ${rounds} more prints after the timed ones, so the instrumentation is not in the figure: a print restyles and lays the page out at the paper's size and back`,
      },
    };
    const desktopDetail = pairedDetail(
      desktop,
      `page.pdf of ${sheetIs} in the desktop app's print window (index.html#print-job, its job handed over as electron/preload/print.ts does), with the options electron/main/printing.ts gives printToPDF (${JSON.stringify(desktopOptions)}), and of the floor page with the same options; ${pairing}`,
      'page.pdf of a one-line HTML page, the same printToPDF options (tagged PDF, A4, the sheet\'s margins), same browser',
      rounds,
    );
    return [
      figure('pdf.ratio', `Discharge sheet PDF, web mode's print of the preview (ratio to one-line page), median of ${rounds} pairs`, median(web.ratios), 'x floor', { kind: 'max', limit: 2 }, webDetail, {
        runs: rounds,
        floor: { value: median(web.floor), unit: 'ms', what: webDetail.floor },
        spread: { p10: percentile(web.ratios, 10), p90: percentile(web.ratios, 90) },
      }),
      figure('pdf.desktopRatio', `Discharge sheet PDF, desktop print window, tagged (ratio to one-line page), median of ${rounds} pairs`, median(desktop.ratios), 'x floor', { kind: 'max', limit: 2 }, desktopDetail, {
        runs: rounds,
        floor: { value: median(desktop.floor), unit: 'ms', what: desktopDetail.floor },
        spread: { p10: percentile(desktop.ratios, 10), p90: percentile(desktop.ratios, 90) },
      }),
      figure('pdf.cpuRatio', 'Discharge sheet PDF, web mode, CPU time (ratio to one-line page)', web.cpu.sheet / web.cpu.floor, 'x floor', null, { sheetCpuSeconds: round(web.cpu.sheet), floorCpuSeconds: round(web.cpu.floor) }, {
        runs: rounds * tries,
        how: `the same ${rounds * tries} sheet prints and ${rounds * tries} floor prints as pdf.ratio; CPU time of all Chromium processes (CDP SystemInfo.getProcessInfo cpuTime, 10 ms ticks, summed over every process) during the sheet prints over that during the floor prints. Waiting for a busy shared CPU does not count, so it moves less with the machine's load than the wall-time ratio`,
        floor: { value: (web.cpu.floor / (rounds * tries)) * 1000, unit: 'ms CPU', what: 'CPU time per print of the one-line page' },
      }),
      figure('pdf.desktopCpuRatio', 'Discharge sheet PDF, desktop print window, CPU time (ratio to one-line page)', desktop.cpu.sheet / desktop.cpu.floor, 'x floor', null, { sheetCpuSeconds: round(desktop.cpu.sheet), floorCpuSeconds: round(desktop.cpu.floor) }, {
        runs: rounds * tries,
        how: `as pdf.cpuRatio, for the prints of pdf.desktopRatio`,
        floor: { value: (desktop.cpu.floor / (rounds * tries)) * 1000, unit: 'ms CPU', what: 'CPU time per print of the one-line page, desktop options' },
      }),
      figure('pdf.ratioP90', 'Discharge sheet PDF, web mode, ratio p90 of the pairs', percentile(web.ratios, 90), 'x floor', null, { how: 'see pdf.ratio; p10 is in its detail' }, { runs: rounds }),
      figure('pdf.ms', 'Discharge sheet PDF, web mode', median(web.sheet), 'ms', null, {}, { runs: rounds, how: `median over the ${rounds} pairs of the sheet's fastest of ${tries}`, spread: { p10: percentile(web.sheet, 10), p90: percentile(web.sheet, 90) } }),
      figure('pdf.desktopMs', 'Discharge sheet PDF, desktop print window', median(desktop.sheet), 'ms', null, {}, { runs: rounds, how: `median over the ${rounds} pairs of the sheet's fastest of ${tries}`, spread: { p10: percentile(desktop.sheet, 10), p90: percentile(desktop.sheet, 90) } }),
    ];
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Figure 7: soak.

/** Screen-change counts at which the soak measures the heap (after the first cycle boundary at or past each). */
export const soakCheckpoints = [2000, 5000, 10000] as const;

interface SoakMeasure {
  heapUsed: number;
  nodes: number;
  documents: number;
  listeners: number;
  elements: number;
}

/** Self sizes in a heap snapshot, by node type and by (type, name). */
interface HeapSizes {
  byType: Record<string, number>;
  byName: Map<string, { count: number; bytes: number }>;
}

/** Takes a heap snapshot (Chrome DevTools format) of the page, sums it up, and writes it to `file` if given. */
async function heapSnapshot(cdp: CDPSession, file?: string): Promise<HeapSizes> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => void chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const text = chunks.join('');
  if (file) await writeFile(file, text);
  const snap = JSON.parse(text) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [ti, ni, si] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const byType: Record<string, number> = {};
  const byName = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + ti]!]!;
    const bytes = snap.nodes[i + si]!;
    byType[type] = (byType[type] ?? 0) + bytes;
    const name = /string|number/.test(type) ? '' : (snap.strings[snap.nodes[i + ni]!] ?? '').slice(0, 80);
    const key = `${type}: ${name}`;
    const entry = byName.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += bytes;
    byName.set(key, entry);
  }
  return { byType, byName };
}

/** JavaScript objects in a snapshot: everything but compiled code and Blink's (C++) objects. */
const objectBytes = (h: HeapSizes) => Object.entries(h.byType).reduce((n, [type, bytes]) => (['code', 'native', 'synthetic', 'hidden'].includes(type) ? n : n + bytes), 0);

/** What grew between two snapshots: by node type, and the kinds that grew most. */
function heapGrowth(from: HeapSizes, to: HeapSizes, top = 12) {
  const byType = Object.fromEntries(
    Object.keys({ ...from.byType, ...to.byType })
      .map((t) => [t, (to.byType[t] ?? 0) - (from.byType[t] ?? 0)] as const)
      .filter(([, d]) => d !== 0)
      .sort((a, b) => b[1] - a[1]),
  );
  const kinds = [...new Set([...from.byName.keys(), ...to.byName.keys()])]
    .map((k) => ({ kind: k, bytes: (to.byName.get(k)?.bytes ?? 0) - (from.byName.get(k)?.bytes ?? 0), count: (to.byName.get(k)?.count ?? 0) - (from.byName.get(k)?.count ?? 0) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
  return { bytesByType: byType, topKinds: kinds };
}

/**
 * 10,000 screen changes (by default) through every patient screen; heap after forced GC at the
 * first warm point (the first cycle boundary past 100 changes) and at each checkpoint, DOM
 * counters at the start and the end. With `snapshotDir`, also writes a heap snapshot at each
 * of those points (to find what grows: load two in DevTools and compare).
 */
export async function benchSoak(browser: Browser, kioskUrl: string, target = 10_000, snapshotDir?: string): Promise<Figure[]> {
  const topics = await fetchTopicIds(kioskUrl);
  const { context, page } = await newPage(browser, 'none');
  try {
    await toHome(page, kioskUrl);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const measure = async (): Promise<SoakMeasure> => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
      const dom = (await cdp.send('Memory.getDOMCounters')) as { documents: number; nodes: number; jsEventListeners: number };
      const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
      return { heapUsed: heap.usedSize, nodes: dom.nodes, documents: dom.documents, listeners: dom.jsEventListeners, elements };
    };
    const snapshot = (changes: number) => heapSnapshot(cdp, snapshotDir && join(snapshotDir, `soak-${String(changes).padStart(5, '0')}.heapsnapshot`));
    /** Runs whole cycles through every patient screen, ending on the home screen; returns screen changes made. */
    const cycles = (n: number) =>
      page.evaluate(
        async ({ n, topics }) => {
          const b = (window as unknown as { __bench: PageBench }).__bench;
          let changes = 0;
          const settled = () => !document.querySelector('#screen .loading');
          const go = async (selector: string, arrived: () => boolean) => {
            const target = document.querySelector(selector);
            if (!target) throw new Error(`after ${changes} changes: nothing matches ${selector} on ${document.querySelector('main')?.innerHTML.slice(0, 300)}`);
            b.tap(target);
            // A screen may show for a moment with the previous data before it reloads: wait until
            // the right screen is still there after a paint.
            for (;;) {
              await b.waitFor(() => settled() && arrived());
              await b.afterPaint();
              if (settled() && arrived()) break;
            }
            changes++;
          };
          const home = '.toolbar .toolbar-group:first-child button:nth-child(1)';
          const atHome = () => b.visible('[data-topic]');
          const stepCount = () => document.querySelectorAll('.step-dots li').length;
          for (let c = 0; c < n; c++) {
            for (const { id, title } of topics) {
              await go(`[data-topic="${id}"]`, () => b.visible('.topic-section') && document.querySelector('h1')?.textContent === title);
              await go(home, atHome);
            }
            await go('[data-feature="walkthrough"]', () => b.visible('.step-dots li:nth-child(1).current'));
            for (let i = 1; i < stepCount(); i++) await go('.step-nav .step-button.primary', () => b.visible(`.step-dots li:nth-child(${i + 1}).current`));
            await go('.step-nav .step-button.primary', () => b.visible('.step-done'));
            await go('.step-done button.primary', () => b.visible('[data-question]'));
            await go(home, atHome);
            await go('[data-feature="glossary"]', () => b.visible('.glossary-entry'));
            await go(home, atHome);
            await go('[data-feature="quiz"]', () => b.visible('[data-question]'));
            await go(home, atHome);
          }
          return changes;
        },
        { n, topics },
      );

    const started = performance.now();
    const atStart = await measure();
    let changes = await cycles(1);
    const perCycle = changes;
    while (changes < 100) changes += await cycles(1);
    const warm = { changes, ...(await measure()) };
    const snapshots: { changes: number; sizes: HeapSizes }[] = [{ changes, sizes: await snapshot(changes) }];
    const series = [{ changes, heapUsed: warm.heapUsed }];
    const points: ({ changes: number } & SoakMeasure)[] = [];
    const checkpoints: number[] = [...soakCheckpoints.filter((c) => c < target), target];
    for (const checkpoint of checkpoints) {
      while (changes < checkpoint) {
        changes += await cycles(Math.min(16, Math.ceil((checkpoint - changes) / perCycle)));
        if (changes < checkpoint) series.push({ changes, heapUsed: (await measure()).heapUsed });
      }
      const m = { changes, ...(await measure()) };
      if (checkpoint === checkpoints[0] || checkpoint === target) snapshots.push({ changes, sizes: await snapshot(changes) });
      points.push(m);
      series.push({ changes, heapUsed: m.heapUsed });
    }
    const seconds = (performance.now() - started) / 1000;
    const atEnd = points.at(-1)!;
    // The two ratios the budget names: heap at ~2,000 to the warm point, heap at the end to ~2,000.
    const at2000 = points.find((p) => p.changes >= Math.min(2000, target))!;
    const mb = (bytes: number) => round(bytes / 2 ** 20);
    const snapEnd = snapshots.at(-1)!;
    const how = `${changes} screen changes in cycles of ${perCycle} (each of the ${topics.length} topics and back home, the walkthrough's steps to the quiz and home, the glossary and home, the quiz and home) driven inside the page, each waiting for the new screen to paint; no CPU slowdown; one run. JS heap = Runtime.getHeapUsage().usedSize after two HeapProfiler.collectGarbage (CDP), DOM counters = Memory.getDOMCounters(), always measured on the home screen at a cycle boundary (so "2,000" is the first boundary at or past 2,000 changes)`;
    const heapPoints = [warm, ...points].map((p) => ({ changes: p.changes, heapMB: mb(p.heapUsed), heapUsed: p.heapUsed }));
    return [
      figure('soak.heapRatio', `Soak: JS heap after ${at2000.changes} screen changes (ratio to after ${warm.changes})`, at2000.heapUsed / warm.heapUsed, 'x', { kind: 'max', limit: 1.1 }, {
        how,
        floor: `the heap after ${warm.changes} changes (${perCycle * Math.round(warm.changes / perCycle)} = the first cycle boundary past 100: every screen and every topic shown at least ${Math.round(warm.changes / perCycle)} times)`,
        heap: heapPoints,
        start: atStart,
        heapSeries: series,
        seconds: round(seconds),
      }, { runs: 1, floor: { value: mb(warm.heapUsed), unit: 'MB', what: `JS heap after ${warm.changes} changes` } }),
      figure('soak.heapRatioEnd', `Soak: JS heap after ${atEnd.changes} screen changes (ratio to after ${at2000.changes})`, atEnd.heapUsed / at2000.heapUsed, 'x', { kind: 'max', limit: 1.05 }, {
        how,
        heap: heapPoints,
      }, { runs: 1, floor: { value: mb(at2000.heapUsed), unit: 'MB', what: `JS heap after ${at2000.changes} changes` } }),
      figure('soak.objectsRatio', `Soak: JS objects less compiled code (heap snapshot) after ${snapEnd.changes} changes (ratio to after ${warm.changes})`, objectBytes(snapEnd.sizes) / objectBytes(snapshots[0]!.sizes), 'x', null, {
        how: `heap snapshots (HeapProfiler.takeHeapSnapshot, after the forced GC) at ${snapshots.map((x) => x.changes).join(', ')} changes; the self sizes of every node except compiled code (type "code": V8's optimised machine code, InstructionStream etc.) and Blink's C++ objects (type "native", not in Runtime.getHeapUsage). Tells a leak (objects grow) from the JIT warming up (code grows)`,
        objectBytes: snapshots.map((x) => ({ changes: x.changes, bytes: objectBytes(x.sizes), codeBytes: x.sizes.byType.code ?? 0, nativeBytes: x.sizes.byType.native ?? 0 })),
        growthWarmTo2000: heapGrowth(snapshots[0]!.sizes, snapshots[1]!.sizes),
        growth2000ToEnd: snapshots[2] ? heapGrowth(snapshots[1]!.sizes, snapshots[2].sizes) : null,
      }, { runs: 1, floor: { value: mb(objectBytes(snapshots[0]!.sizes)), unit: 'MB', what: `JS objects in the heap snapshot after ${warm.changes} changes` } }),
      figure('soak.heapMB.warm', `Soak: JS heap after ${warm.changes} screen changes`, warm.heapUsed / 2 ** 20, 'MB', null, { heapUsed: warm.heapUsed }, { runs: 1, how: 'see soak.heapRatio' }),
      ...points.map((p, i) => figure(`soak.heapMB.${checkpoints[i]}`, `Soak: JS heap after ${p.changes} screen changes`, p.heapUsed / 2 ** 20, 'MB', null, { heapUsed: p.heapUsed }, { runs: 1, how: 'see soak.heapRatio' })),
      figure('soak.domElements', 'Soak: DOM elements at the end minus at the start', atEnd.elements - atStart.elements, 'elements', { kind: 'max', limit: 0 }, {
        how: `document.getElementsByTagName('*').length on the home screen, after garbage collection, after ${atEnd.changes} changes minus before the first screen change`,
        start: atStart.elements,
        warm: warm.elements,
        end: atEnd.elements,
      }, { runs: 1, floor: { value: atStart.elements, unit: 'elements', what: 'at the start' } }),
      figure('soak.listeners', 'Soak: JS event listeners at the end minus at the start', atEnd.listeners - atStart.listeners, 'listeners', { kind: 'max', limit: 0 }, {
        how: `Memory.getDOMCounters().jsEventListeners on the home screen, after garbage collection, after ${atEnd.changes} changes minus before the first screen change`,
        start: atStart.listeners,
        warm: warm.listeners,
        end: atEnd.listeners,
      }, { runs: 1, floor: { value: atStart.listeners, unit: 'listeners', what: 'at the start' } }),
      figure('soak.domNodesSinceWarm', `Soak: DOM nodes (CDP) at the end minus after ${warm.changes} changes`, atEnd.nodes - warm.nodes, 'nodes', { kind: 'max', limit: 0 }, {
        how: "Memory.getDOMCounters().nodes after garbage collection on the home screen. It also counts the nodes of documents that are not in the page: each SVG illustration shown in an <img> is an SVG document of its own, kept by Chromium's image cache once shown, so the count rises once on the first walkthrough (documents 2 -> 6) and must then stay flat; the page's own elements are soak.domElements",
        start: { nodes: atStart.nodes, documents: atStart.documents },
        warm: { nodes: warm.nodes, documents: warm.documents },
        end: { nodes: atEnd.nodes, documents: atEnd.documents },
      }, { runs: 1, floor: { value: warm.nodes, unit: 'nodes', what: `after ${warm.changes} changes` } }),
    ];
  } finally {
    await context.close();
  }
}

async function fetchTopicIds(url: string): Promise<{ id: string; title: string }[]> {
  const res = await fetch(new URL('api/getProcedureHome', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ procedureId: 'kyphoplasty', locale: 'en' }),
  });
  const body = (await res.json()) as { ok: boolean; value: { topics: { id: string; title: string }[] } };
  return body.value.topics.map((t) => ({ id: t.id, title: t.title }));
}
