/**
 * Read-aloud figures (issue 13): tap on Listen to the first sound (p95, cold and warm cache),
 * the built-in voice's synthesis speed, and the disk cache's size for the whole bundled content.
 */
import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SpeechService } from '../../electron/core/speech-service';
import { splitSentences, speechLimits } from '../../electron/shared/speech';
import { figure, percentile, repoRoot, round, summary, tempDir, type Figure } from './lib';

const contentLocales = () => (JSON.parse(readFileSync(join(repoRoot, 'db', 'content', 'locales.json'), 'utf8')) as { code: string }[]).map((l) => l.code);

/** Every bundled text of a language as sentences a patient would hear (Markdown marks removed). */
function contentSentences(locale: string): string[] {
  const file = join(repoRoot, 'db', 'content', 'kyphoplasty', 'text', `${locale}.json`);
  const texts = (JSON.parse(readFileSync(file, 'utf8')) as { texts: Record<string, string> }).texts;
  const plain = (s: string) => s.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>|]+/g, ' ').replace(/^\s*[-+]\s+/gm, '');
  const out = new Set<string>();
  for (const text of Object.values(texts)) for (const line of plain(text).split(/\n+/)) for (const s of splitSentences(line, locale)) out.add(s.text);
  return [...out];
}

/** Synthesises all bundled content with the built-in voice (2 processes, as the kiosk runs it) into an empty cache. */
export async function benchSpeechSynthesis(): Promise<Figure[]> {
  const service = new SpeechService({ command: process.env.KIOSK_ESPEAK_NG || 'espeak-ng', dataDir: tempDir('kiosk-bench-speech-'), cacheBytes: Number.MAX_SAFE_INTEGER });
  const status = await service.status(contentLocales());
  if (status.problem) throw new Error(`the built-in voice is not available: ${status.problem}`);
  const perLocale: Record<string, { sentences: number; speechSeconds: number; wallSeconds: number }> = {};
  let speech = 0;
  let wall = 0;
  for (const locale of status.locales) {
    const sentences = contentSentences(locale);
    const t0 = performance.now();
    let seconds = 0;
    for (let i = 0; i < sentences.length; i += speechLimits.sentencesPerCall) {
      const clips = await service.prepare({ locale, sentences: sentences.slice(i, i + speechLimits.sentencesPerCall), rate: 1, cache: true });
      seconds += clips.reduce((n, c) => n + c.durationMs / 1000, 0);
    }
    const elapsed = (performance.now() - t0) / 1000;
    perLocale[locale] = { sentences: sentences.length, speechSeconds: round(seconds), wallSeconds: round(elapsed) };
    speech += seconds;
    wall += elapsed;
  }
  const cache = service.cache.size();
  return [
    figure('speech.synthesisSpeed', 'Built-in voice synthesis speed (seconds of speech per second)', speech / wall, 'x realtime', null, {
      how: `every sentence of the bundled content (${Object.values(perLocale).reduce((n, l) => n + l.sentences, 0)} unique sentences in ${status.locales.join(', ')}), prepareSpeech batches of ${speechLimits.sentencesPerCall} through SpeechService (eSpeak NG ${status.version}, 2 processes at a time), into an empty cache`,
      speechSeconds: round(speech),
      wallSeconds: round(wall),
      perLocale,
    }, { runs: Object.values(perLocale).reduce((n, l) => n + l.sentences, 0) }),
    figure('speech.cacheMB', 'Built-in voice cache for the whole bundled content', cache.bytes / 2 ** 20, 'MB', null, {
      how: 'size of speech-cache/ after synthesising every sentence of every bundled language once at the normal speed (the slower speed doubles it as it is used); 22,050 Hz 16-bit mono WAV',
      files: cache.files,
      bytes: cache.bytes,
    }, { runs: 1 }),
  ];
}

/** Records, in the page, when a tap on Listen went down and when the first sound started. */
async function instrument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __tap: number; __sound: number };
    window.addEventListener('pointerdown', (e) => ((e.target as Element | null)?.closest?.('.listen') ? (w.__tap = e.timeStamp) : undefined), true);
    const start = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<typeof start>) {
      w.__sound ??= performance.now();
      return start.apply(this, args);
    };
  });
}

/** Tap on Listen on each topic in each language with a voice, on a server with an empty cache, then all again (warm). */
export async function benchListen(browser: Browser, kioskUrl: string, topicsPerLocale = 4): Promise<Figure[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await instrument(page);
  const info = (await (await fetch(new URL('api/getAppInfo', kioskUrl), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json()) as { value: { speech: { builtInLocales: string[] } } };
  const locales = info.value.speech.builtInLocales;
  const once = async (locale: string, topic: number): Promise<number> => {
    await page.goto(kioskUrl);
    await page.locator('.attract-start').click();
    await page.locator(`.language-button[lang="${locale}"]`).click();
    await page.locator('[data-topic]').nth(topic).click();
    await page.locator('.topic h1').waitFor();
    await page.locator('.toolbar .listen').click();
    await page.waitForFunction(() => (window as unknown as { __sound?: number }).__sound !== undefined, null, { timeout: 20_000 });
    const ms = await page.evaluate(() => {
      const w = window as unknown as { __tap: number; __sound: number };
      return w.__sound - w.__tap;
    });
    return ms;
  };
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    for (const pass of [cold, warm]) for (const locale of locales) for (let t = 0; t < topicsPerLocale; t++) pass.push(await once(locale, t));
    const how = `${cold.length} taps: the first ${topicsPerLocale} topics in each of ${locales.join(', ')}; time in the page from the tap's pointerdown on Listen to the first AudioBufferSourceNode.start() (the first sentence's audio prepared by core, sent, decoded, started)`;
    return [
      figure('speech.listenWarm.p95', 'Tap on Listen to first sound, warm cache, p95', percentile(warm, 95), 'ms', { kind: 'max', limit: 300 }, { how: `${how}; the same taps again, the sentences now in the disk cache`, ms: summary(warm) }, { runs: warm.length }),
      figure('speech.listenCold.p95', 'Tap on Listen to first sound, cold cache, p95', percentile(cold, 95), 'ms', null, { how: `${how}; a fresh data folder, so every first sentence is synthesised by eSpeak NG`, ms: summary(cold) }, { runs: cold.length }),
    ];
  } finally {
    await context.close();
  }
}
