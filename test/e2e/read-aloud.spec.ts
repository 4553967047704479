/**
 * Read aloud with the built-in voice (eSpeak NG) in Debian's Chromium, which has no platform
 * voice: in every language the server lists that has a built-in voice, Listen on a topic, a
 * walkthrough step and a quiz question plays real audio (decoded here: at least half a second
 * that is not silence), the playing position advances, the highlight moves to the next
 * sentence, and Stop stops it. One server per worker; each test has its own page.
 */
import { test as base, expect, type Page, type Response } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKiosk, type KioskServer } from './kiosk-fixture';
import { fixWavHeader } from '../../electron/core/espeak';
import { uiText } from './kiosk-pages';
import { ADMIN_PIN, adminText, openTab } from './admin-pages';
import { openStaffSignIn, setPin, signIn } from './staff-pages';
import type { AppInfo, Locale } from '../../electron/shared/content-types';
import { builtInVoices } from '../../electron/core/speech-voices';
import { sourcePack } from '../fixtures/content';
import { skipBecause } from './skip-because';

let server: KioskServer;
let spoken: Locale[] = [];

// One server per worker (a worker fixture, not beforeAll, so that the workers share the tests
// out one by one).
const test = base.extend<object, { kioskForFile: void }>({
  kioskForFile: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const started = await startKiosk();
      server = started.server;
      const call = async <T>(name: string): Promise<T> => {
        const r = await fetch(new URL(`api/${name}`, server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        return ((await r.json()) as { value: T }).value;
      };
      const locales = await call<Locale[]>('listLocales');
      const info = await call<AppInfo>('getAppInfo');
      spoken = locales.filter((l) => info.speech.builtInLocales.includes(l.code));
      const silent = locales.filter((l) => !spoken.includes(l)).map((l) => l.code);
      if (silent.length) console.log(`read-aloud: no built-in voice for ${silent.join(', ')}; those are not checked here`);
      await use();
      await started.stop();
    },
    { scope: 'worker', auto: true },
  ],
});
test.describe.configure({ mode: 'parallel' });

/** How often the polls below look: a sentence ends at its own pace, so look often (Playwright's default backs off to once a second). */
const intervals = [100];

/** Records every Web Audio source the kiosk starts, to read its playing position. */
function trackAudio(page: Page) {
  return page.addInitScript(() => {
    const active = new Set<{ ctx: BaseAudioContext; startedAt: number }>();
    (window as unknown as { __audio: typeof active }).__audio = active;
    const start = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<typeof start>) {
      const entry = { ctx: this.context, startedAt: this.context.currentTime };
      active.add(entry);
      this.addEventListener('ended', () => active.delete(entry));
      return start.apply(this, args);
    };
  });
}

/** The playing position of the sound being played, in seconds, or null when none plays. */
const position = (page: Page) =>
  page.evaluate(() => {
    const active = [...(window as unknown as { __audio: Set<{ ctx: BaseAudioContext; startedAt: number }> }).__audio];
    const last = active.at(-1);
    return last ? last.ctx.currentTime - last.startedAt : null;
  });

const highlighted = (page: Page) =>
  page.evaluate(() => {
    const h = CSS.highlights.get('kiosk-reading');
    return h ? [...h].map((r) => r.toString()).join('') : null;
  });

/** Seconds of a 16-bit PCM WAV, and seconds of it louder than silence (20 ms windows). */
function measureWav(base64: string): { seconds: number; soundSeconds: number } {
  const wav = Buffer.from(base64, 'base64');
  expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
  const rate = wav.readUInt32LE(24);
  const bits = wav.readUInt16LE(34);
  expect(bits).toBe(16);
  let offset = 12;
  while (wav.toString('ascii', offset, offset + 4) !== 'data') offset += 8 + wav.readUInt32LE(offset + 4);
  const size = wav.readUInt32LE(offset + 4);
  const samples = new Int16Array(wav.buffer.slice(wav.byteOffset + offset + 8, wav.byteOffset + offset + 8 + size));
  const window = Math.round(rate * 0.02);
  let loud = 0;
  for (let i = 0; i + window <= samples.length; i += window) {
    let sum = 0;
    for (let j = i; j < i + window; j++) sum += samples[j]! * samples[j]!;
    if (Math.sqrt(sum / window) > 300) loud++;
  }
  return { seconds: samples.length / rate, soundSeconds: (loud * window) / rate };
}

async function openIn(page: Page, locale: Locale): Promise<void> {
  await page.goto(server.url);
  await page.getByRole('button', { name: uiText('en', 'attract.start') }).click();
  await page.locator(`#language-${locale.code}`).click();
  await expect(page.locator('[data-feature="walkthrough"]')).toBeVisible();
}

/** Presses Listen and checks what a patient hears and sees, then presses Stop. */
async function listenAndStop(page: Page, locale: Locale): Promise<void> {
  // Responses are only noted here, and read below while the page is open: a clip the kiosk
  // prepares ahead (the next sentence or step) may still be arriving when the test ends.
  const responses: Response[] = [];
  const onResponse = (r: Response) => {
    if (r.url().endsWith('/api/prepareSpeech')) responses.push(r);
  };
  page.on('response', onResponse);
  await page.getByRole('button', { name: uiText('en', 'toolbar.listen'), exact: true }).or(page.locator('.toolbar .listen')).first().click();
  const group = page.locator('.toolbar [data-speech-status]');
  await expect(group).toHaveAttribute('data-speech-status', 'playing');

  // The first sentence is highlighted, and is text on the screen.
  await expect.poll(() => highlighted(page), { intervals, timeout: 20_000 }).not.toBeNull();
  const first = (await highlighted(page))!;
  expect(first.trim().length).toBeGreaterThan(0);
  expect(await page.locator('#screen').innerText()).toContain(first.trim().slice(0, 10));

  // The playing position advances.
  await expect.poll(() => position(page), { intervals, timeout: 20_000 }).not.toBeNull();
  const p0 = (await position(page))!;
  await expect.poll(async () => (await position(page)) ?? -1, { intervals }).toBeGreaterThan(p0 + 0.1);

  // Then the next sentence is highlighted.
  await expect.poll(() => highlighted(page), { intervals, timeout: 15_000 }).not.toBe(first);
  expect(await highlighted(page)).not.toBeNull();

  // The audio the kiosk produced is real sound.
  const clips: string[] = [];
  for (const r of responses) {
    const body = (await r.json()) as { ok: boolean; value?: { clips: { audio: string }[] } };
    expect(body.ok, `prepareSpeech in ${locale.code}`).toBe(true);
    for (const c of body.value!.clips) clips.push(c.audio);
  }
  const measured = clips.map(measureWav);
  const sound = measured.reduce((n, m) => n + m.soundSeconds, 0);
  expect(sound, `seconds of sound in ${locale.code}`).toBeGreaterThanOrEqual(0.5);

  // Stop stops it: nothing plays, nothing is highlighted, Listen is back.
  await page.locator('.toolbar').getByRole('button', { name: uiText(locale.code, 'toolbar.stop'), exact: true }).click();
  await expect(group).toHaveAttribute('data-speech-status', 'idle');
  await expect.poll(() => position(page), { intervals }).toBeNull();
  expect(await highlighted(page)).toBeNull();
  await expect(page.locator('.toolbar .listen')).toBeVisible();
  page.off('response', onResponse);
}

test('without eSpeak NG: no Listen for patients, a warning for staff, and Settings says which languages cannot be read aloud and why', async ({ page }) => {
  const { server: bare, stop } = await startKiosk([], { KIOSK_ESPEAK_NG: '/nonexistent/espeak-ng' });
  try {
    await page.goto(bare.url);
    await page.getByRole('button', { name: uiText('en', 'attract.start') }).click();
    await expect(page.locator('.language-button').first()).toBeVisible();
    await expect(page.locator('.language-hear')).toHaveCount(0);
    await page.locator('#language-es').click();
    await expect(page.locator('[data-feature="walkthrough"]')).toBeVisible();
    await expect(page.locator('.toolbar .listen')).toHaveCount(0);

    // Staff see the warning as soon as they sign in.
    setPin(bare.dataDir, 'admin', ADMIN_PIN);
    await openStaffSignIn(page, bare.url);
    await signIn(page, ADMIN_PIN);
    await expect(page.getByText('Read aloud: the built-in voice (eSpeak NG) cannot speak on this kiosk: the program "/nonexistent/espeak-ng" was not found')).toBeVisible();
    await page.getByRole('button', { name: uiText('en', 'staff.admin') }).click();
    await openTab(page, 'settings');
    const es = page.locator('[data-speech-locale="es"]');
    await expect(es).toHaveAttribute('data-speakable', 'no');
    await expect(es).toContainText(adminText('settings.speechReasonBroken'));
    await expect(page.locator('.read-aloud-settings')).toContainText('/nonexistent/espeak-ng');
  } finally {
    await stop();
  }
});

test('recorded narration on an element is played instead of the built-in voice for that element', async ({ page }) => {
  // A stand-in for the narration a clinic records: a real WAV, served at a same-origin URL.
  const wav = fixWavHeader(execFileSync('espeak-ng', ['-v', 'en-us', '--stdout', 'This is the recorded narration of the title.']));
  let narrationRequests = 0;
  await page.route('**/test-narration/title.wav', (route) => {
    narrationRequests++;
    return route.fulfill({ status: 200, contentType: 'audio/wav', body: wav });
  });
  const synthesised: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/prepareSpeech')) synthesised.push(...(JSON.parse(r.postData() ?? '{}') as { sentences: string[] }).sentences);
  });
  await trackAudio(page);
  await openIn(page, spoken.find((l) => l.code === 'en') ?? spoken[0]!);
  await page.locator('[data-topic]').first().click();
  const title = page.locator('.topic h1');
  await expect(title).toBeVisible();
  const titleText = (await title.innerText()).trim();
  await title.evaluate((h1) => h1.setAttribute('data-narration-src', 'test-narration/title.wav'));

  await page.locator('.toolbar .listen').click();
  // The narrated title first, highlighted as a whole, from the recording.
  await expect.poll(() => highlighted(page), { intervals, timeout: 20_000 }).toBe(titleText);
  await expect.poll(() => narrationRequests, { intervals }).toBe(1);
  await expect.poll(() => position(page), { intervals, timeout: 20_000 }).not.toBeNull();
  // Then the built-in voice goes on with the next sentences, never the title.
  await expect.poll(() => highlighted(page), { intervals, timeout: 15_000 }).not.toBe(titleText);
  expect(synthesised.length).toBeGreaterThan(0);
  expect(synthesised).not.toContain(titleText);
  await page.locator('.toolbar').getByRole('button', { name: uiText('en', 'toolbar.stop'), exact: true }).click();
  await expect(page.locator('.toolbar .listen')).toBeVisible();
});

test('the language screen says each name in its own language, and a glossary definition is read in its dialog', async ({ page }) => {
  const calls: { locale: string; sentences: string[] }[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/prepareSpeech')) calls.push(JSON.parse(r.postData() ?? '{}') as { locale: string; sentences: string[] });
  });
  await trackAudio(page);
  await page.goto(server.url);
  await page.getByRole('button', { name: uiText('en', 'attract.start') }).click();
  for (const locale of spoken) {
    const before = calls.length;
    await page.locator(`#language-${locale.code} + .language-hear`).click();
    await expect.poll(() => calls.length, { intervals }).toBeGreaterThan(before);
    expect(calls[before]).toEqual(expect.objectContaining({ locale: locale.code, sentences: [locale.nativeName] }));
    await expect.poll(() => highlighted(page), { intervals, timeout: 20_000 }).toBe(locale.nativeName);
    await expect.poll(() => position(page), { intervals, timeout: 20_000 }).not.toBeNull();
  }

  const last = spoken.at(-1)!;
  await page.locator(`#language-${last.code}`).click();
  await page.locator('[data-topic="what-it-is"]').click();
  await page.locator('button.term').first().click();
  const dialog = page.getByRole('dialog');
  const definition = (await dialog.locator('p').innerText()).trim();
  const before = calls.length;
  await dialog.locator('.dialog-listen').click();
  await expect.poll(() => calls.length, { intervals }).toBeGreaterThan(before);
  expect(calls[before]!.locale).toBe(last.code);
  // The term (the dialog's title) first, then its definition.
  await expect.poll(() => highlighted(page), { intervals, timeout: 20_000 }).toBe((await dialog.locator('h2').innerText()).trim());
  await expect.poll(() => highlighted(page), { intervals, timeout: 15_000 }).not.toBe((await dialog.locator('h2').innerText()).trim());
  expect(definition).toContain((await highlighted(page))!.trim().slice(0, 5));
  // Closing the dialog stops reading.
  await dialog.getByRole('button', { name: uiText(last.code, 'topic.close'), exact: true }).click();
  await expect.poll(() => position(page), { intervals }).toBeNull();
  expect(await highlighted(page)).toBeNull();
});

test('eSpeak NG crashing while speaking: the patient sees no error, and Listen goes away', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bad-espeak-'));
  const fake = join(dir, 'espeak-ng');
  // Answers like eSpeak NG when asked for its version and voices, then crashes when it should speak.
  writeFileSync(fake, `#!/bin/sh\ncase "$1" in\n  --version) echo "eSpeak NG text-to-speech: 1.51  Data at: /nowhere"; exit 0 ;;\n  --voices) printf 'Pty Language Age/Gender VoiceName File Other\\n 5  en-us --/M English gmw/en-US\\n'; exit 0 ;;\nesac\nkill -SEGV $$\n`);
  chmodSync(fake, 0o755);
  const { server: broken, stop } = await startKiosk([], { KIOSK_ESPEAK_NG: fake });
  try {
    await page.goto(broken.url);
    await page.getByRole('button', { name: uiText('en', 'attract.start') }).click();
    await page.locator('#language-en').click();
    await page.locator('[data-topic]').first().click();
    await expect(page.locator('.topic h1')).toBeVisible();
    await page.locator('.toolbar .listen').click();
    await expect(page.locator('.toolbar .listen')).toHaveCount(0);
    await expect(page.locator('.toolbar [data-speech-status]')).toHaveCount(0);
    // The topic is still there, with no error screen.
    await expect(page.locator('.topic h1')).toBeVisible();
    await expect(page.locator('.error-screen')).toHaveCount(0);
  } finally {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('changing screen, changing language and the idle reset each stop reading; reading keeps the kiosk awake', async ({ page }) => {
  await page.clock.install();
  await trackAudio(page);
  const en = spoken.find((l) => l.code === 'en') ?? spoken[0]!;
  const other = spoken.find((l) => l.code !== en.code)!;
  await openIn(page, en);
  const reading = async () => {
    await page.locator('.toolbar .listen').click();
    // The first sentence is synthesised on the tap (a cold cache): on a loaded machine that can take seconds.
    await expect.poll(() => position(page), { intervals, timeout: 20_000 }).not.toBeNull();
    expect(await highlighted(page)).not.toBeNull();
  };
  const stopped = async () => {
    await expect.poll(() => position(page), { intervals }).toBeNull();
    expect(await highlighted(page)).toBeNull();
  };

  await page.locator('[data-topic]').first().click();
  // Listen reads what is on screen: wait for the topic itself.
  await expect(page.locator('.topic h1')).toBeVisible();
  await reading();
  await page.getByRole('button', { name: uiText(en.code, 'toolbar.home') }).click();
  await expect(page.locator('[data-feature="walkthrough"]')).toBeVisible();
  await stopped();

  await reading();
  await page.getByRole('button', { name: uiText(en.code, 'toolbar.language') }).click();
  await stopped();
  await page.locator(`#language-${other.code}`).click();
  // The home shows in the new language once its strings are in (until then, in the one before):
  // Listen reads what is on screen, and a change of language stops it.
  await expect(page.locator('html')).toHaveAttribute('lang', other.code);
  await expect(page.locator('[data-feature="walkthrough"]')).toBeVisible();

  await reading();
  // Listening counts as being there: no "Still there?" while the kiosk reads.
  await page.clock.fastForward(125_000);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('.toolbar [data-speech-status]')).not.toHaveAttribute('data-speech-status', 'idle');
  // Paused and no touch for the idle time and the warning: the kiosk starts over, silent.
  // (Until translated, new UI strings show in English.)
  await page.locator('.toolbar').getByRole('button', { name: uiText(other.code, 'toolbar.pause') ?? uiText('en', 'toolbar.pause'), exact: true }).click();
  await page.clock.fastForward(125_000);
  await expect(page.getByRole('button', { name: uiText('en', 'attract.start') })).toBeVisible();
  await stopped();
});

// One test per screen and language (not one loop over all languages), so the workers share
// them out and finish together. The languages are those of the content that the kiosk's voice
// table gives a voice; each checks that the server really offers that voice here.
const voiced = sourcePack()
  .locales.map((l) => l.code)
  .filter((code) => code in builtInVoices);
for (const screen of ['topic', 'walkthrough step', 'quiz question'] as const) {
  for (const code of voiced) {
    test(`Listen on a ${screen} plays the built-in voice in ${code}`, async ({ page }) => {
      expect(spoken.length, 'languages with a built-in voice').toBeGreaterThan(0);
      const locale = spoken.find((l) => l.code === code);
      if (!locale) skipBecause(`the built-in voice on this machine cannot speak ${code} (install eSpeak NG with its ${builtInVoices[code]} voice)`);
      await trackAudio(page);
      await openIn(page, locale!);
      if (screen === 'topic') {
        await page.locator('[data-topic]').first().click();
        await expect(page.locator('.topic h1')).toBeVisible();
      } else if (screen === 'walkthrough step') {
        await page.locator('[data-feature="walkthrough"]').click();
        await page.locator('.step-nav .primary').click();
        await expect(page.locator('.step[data-step]')).toBeVisible();
      } else {
        await page.locator('[data-feature="quiz"]').click();
        await expect(page.locator('[data-option]').first()).toBeVisible();
      }
      await listenAndStop(page, locale!);
    });
  }
}
