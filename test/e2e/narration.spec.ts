/**
 * Recorded narration, end to end in web mode: an admin attaches a spoken WAV (made with
 * espeak-ng) to a Spanish text in the text editor, sees it listed and playable; the patient
 * topic page marks that text with data-narration-src, whose URL serves audio Chromium decodes;
 * a non-audio file is refused, and an edit of the text makes the recording stale.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations } from './a11y-checks';
import { test, expect } from './kiosk-fixture';
import { startIn } from './kiosk-pages';
import { adminText, openAdmin, openTab, openText } from './admin-pages';

const KEY = 'topic.what-it-is.what.body';

// The configured Chromium, plus its fake microphone (a beeping tone) with the prompt accepted.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
});

function file(name: string, bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'kiosk-narration-')), name);
  writeFileSync(path, bytes);
  return path;
}

test('an admin attaches a WAV in the text editor; the patient topic plays it; an edit makes it stale', async ({ page, context, kiosk }) => {
  test.setTimeout(90_000);
  const wav = execFileSync('espeak-ng', ['-v', 'es', '--stdout', 'Qué es la cifoplastia con balón.']);
  const hash = createHash('sha256').update(wav).digest('hex');

  await openAdmin(page, kiosk);
  const row = await openText(page, 'es', KEY);
  const panel = row.locator('.editor-narration');
  await expect(panel).toHaveAttribute('data-narration-state', 'none');

  // A text file renamed .wav is refused with a clear message, and nothing is attached.
  await panel.getByLabel(adminText('narration.file')).setInputFiles(file('narration.wav', Buffer.from('These are words, not sound.\n')));
  await panel.getByRole('button', { name: adminText('narration.upload') }).click();
  await expect(panel.locator('.admin-error, [role="alert"]').first()).toContainText('not a recording the kiosk can play');
  await expect(panel).toHaveAttribute('data-narration-state', 'none');

  await panel.getByLabel(adminText('narration.file')).setInputFiles(file('recording.wav', wav));
  await panel.getByLabel(adminText('narration.recordedBy')).fill('Ana');
  await panel.getByRole('button', { name: adminText('narration.upload') }).click();
  await expect(panel.locator('.admin-done')).toContainText(adminText('narration.attached'));
  await expect(panel).toHaveAttribute('data-narration-state', 'current');
  const player = panel.locator('audio');
  await expect(player).toHaveAttribute('src', `media/narration/${hash}.wav`);
  // The admin's player loads the recording (CSP media-src 'self'): Chromium reads its length.
  await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.duration)).toBeGreaterThan(1);
  expect(await axeViolations(page, '.editor-narration')).toEqual([]);

  const patient = await context.browser()!.newContext().then((c) => c.newPage());
  await startIn(patient, kiosk.url, 'es');
  await patient.locator('[data-topic="what-it-is"]').click();
  const narrated = patient.locator(`[data-narration-src="media/narration/${hash}.wav"]`);
  await expect(narrated).toHaveCount(1);
  await expect(narrated).toHaveClass(/section-body/);
  const served = await patient.request.get(new URL(`media/narration/${hash}.wav`, kiosk.url).toString());
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('audio/wav');
  expect(Buffer.from(await served.body()).equals(wav)).toBe(true);
  const duration = await narrated.evaluate(
    (el) =>
      new Promise<number>((resolve, reject) => {
        const audio = new Audio(el.getAttribute('data-narration-src')!);
        audio.onloadedmetadata = () => resolve(audio.duration);
        audio.onerror = () => reject(new Error('the recording does not decode'));
      }),
  );
  expect(duration).toBeGreaterThan(1);

  // An edit of the text: the admin sees "stale", the patient page no longer offers the recording.
  const text = row.locator('textarea');
  await text.fill(`${await text.inputValue()} Más texto.`);
  await row.getByRole('button', { name: adminText('editor.save'), exact: true }).click();
  await expect(panel).toHaveAttribute('data-narration-state', 'stale');
  await expect(panel.locator('.narration-stale')).toHaveText(adminText('narration.stale'));
  expect(await axeViolations(page, '.editor-narration')).toEqual([]);
  await patient.reload();
  await startIn(patient, kiosk.url, 'es');
  await patient.locator('[data-topic="what-it-is"]').click();
  await expect(patient.locator('.topic-section').first()).toBeVisible();
  await expect(patient.locator('[data-narration-src]')).toHaveCount(0);

  await openTab(page, 'matrix');
  const es = page.locator('.narration-table tr[data-locale="es"]');
  await expect(es.locator('[data-narration="current"]')).toHaveText('0');
  await expect(es.locator('[data-narration="stale"]')).toHaveText('1');
  await patient.context().close();
});

test.describe('recording from the microphone', () => {
  test('an admin records a take in the text editor and attaches it; the kiosk reads its real length', async ({ page, kiosk }) => {
    test.setTimeout(90_000);
    await openAdmin(page, kiosk);
    const row = await openText(page, 'en', KEY);
    const panel = row.locator('.editor-narration');
    await panel.getByRole('button', { name: adminText('narration.record') }).click();
    await expect(panel.getByRole('status').filter({ hasText: adminText('narration.recordingNow') })).toBeVisible();
    // Let the fake microphone run for a moment: the take must be long enough to hear.
    await page.waitForTimeout(1500);
    await panel.getByRole('button', { name: adminText('narration.stopRecording') }).click();
    await expect(panel.locator('.admin-done')).toContainText(adminText('narration.recorded'));
    await panel.getByRole('button', { name: adminText('narration.upload') }).click();
    await expect(panel.locator('.admin-done')).toContainText(adminText('narration.attached'));
    await expect(panel).toHaveAttribute('data-narration-state', 'current');
    const src = await panel.locator('audio').getAttribute('src');
    expect(src).toMatch(/^media\/narration\/[a-f0-9]{64}\.(webm|ogg)$/);
    const served = await page.request.get(new URL(src!, kiosk.url).toString());
    expect(served.headers()['content-type']).toMatch(/^audio\/(webm|ogg)$/);
    expect(await panel.locator('.field-hint').first().textContent()).toMatch(/\d+(\.\d)? s/);
  });
});
