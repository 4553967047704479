import Database from 'better-sqlite3';
import { join } from 'node:path';
import { test, expect, startKiosk } from './kiosk-fixture';
import { contentTexts, localeList, startIn, uiText } from './kiosk-pages';
import { openLocalDatabase } from '../../db/local-db';

test('idle: "Still there?" gives 30 s to continue, then the kiosk resets and forgets everything', async ({ page, kiosk }) => {
  await page.clock.install();
  await startIn(page, kiosk.url, 'es');
  await page.getByRole('button', { name: uiText('es', 'toolbar.textSizeLarge') }).click();
  await page.getByRole('button', { name: uiText('es', 'toolbar.contrast') }).click();
  await page.locator('[data-feature="quiz"]').click();
  await page.locator('[data-option="a"]').click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '2');

  // Default idle timeout is 90 s: a warning first, and a tap continues.
  await page.clock.fastForward(91_000);
  const dialog = page.getByRole('dialog', { name: uiText('es', 'idle.title') });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: uiText('es', 'idle.continue') }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-option="a"]')).toHaveAttribute('aria-pressed', 'true');

  // No answer to the warning: back to the attract screen with nothing remembered.
  await page.clock.fastForward(91_000);
  await expect(dialog).toBeVisible();
  await page.clock.fastForward(31_000);
  await expect(page.getByRole('button', { name: uiText('en', 'attract.touch') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '0');
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'normal');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: uiText('en', 'attract.touch') }).click();
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.locator('[data-feature="quiz"]').click();
  await expect(page.locator('[data-option="a"]')).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie.length])).toEqual([0, 0, 0]);
});

test('idle timeout comes from the clinic settings', async ({ page }) => {
  const { server, stop } = await startKioskWithSettings({ idleTimeoutSeconds: 10 });
  try {
    await page.clock.install();
    await startIn(page, server.url, 'en');
    await page.clock.fastForward(9_000);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.clock.fastForward(2_000);
    await expect(page.getByRole('dialog', { name: uiText('en', 'idle.title') })).toBeVisible();
  } finally {
    await stop();
  }
});

async function startKioskWithSettings(settings: Record<string, unknown>, env: Record<string, string> = {}) {
  const started = await startKiosk();
  await started.stop();
  // Write the settings into a data folder before the kiosk starts, as an admin would have saved them.
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-settings-'));
  const local = openLocalDatabase(dataDir);
  for (const [key, value] of Object.entries(settings))
    local.db!.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)').run(key, JSON.stringify(value), new Date().toISOString());
  local.db!.close();
  return startKiosk(['--data', dataDir], env);
}

test('read aloud uses the platform voice where the clinic allows it, with stop and repeat; hidden with no voice at all', async ({ page }) => {
  // The clinic allows the platform's voice for Spanish, and the built-in voice is missing.
  const { server, stop } = await startKioskWithSettings({ platformVoiceLocales: ['es'] }, { KIOSK_ESPEAK_NG: '/nonexistent/espeak-ng' });
  try {
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
      const voices = [{ lang: 'en-US', name: 'English', default: true, localService: true, voiceURI: 'en' }, { lang: 'es-ES', name: 'Español', default: false, localService: true, voiceURI: 'es' }];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const fake = {
        getVoices: () => voices,
        // Each sentence "takes" 300 ms, then the next one is asked for.
        speak: (u: SpeechSynthesisUtterance) => {
          spoken.push({ text: u.text, lang: u.lang });
          timer = setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), 300);
        },
        cancel: () => {
          clearTimeout(timer);
          spoken.push({ text: '<cancel>', lang: '' });
        },
        pause: () => {},
        resume: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
      };
      Object.defineProperty(window, 'speechSynthesis', { value: fake });
      // The platform's utterance only accepts real voices; the fake engine has its own.
      (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
        voice: unknown = null;
        lang = '';
        rate = 1;
        onend: ((e: Event) => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(public text: string) {}
      };
    });
    const said = () => page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken.filter((s) => s.text !== '<cancel>'));
    await startIn(page, server.url, 'es');
    await page.locator('[data-topic="after"]').click();
    // A patient presses Listen on the page they see: wait until the topic is on screen.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(contentTexts('es')['topic.after.title']!);
    await page.getByRole('button', { name: uiText('es', 'toolbar.listen') }).click();
    // Sentence by sentence, in Spanish, starting with the title.
    await expect.poll(async () => (await said()).length).toBeGreaterThan(3);
    const first = await said();
    expect(first.every((s) => s.lang === 'es-ES')).toBe(true);
    expect(first[0]!.text).toBe(contentTexts('es')['topic.after.title']!);
    await expect(page.getByRole('button', { name: uiText('es', 'toolbar.stop') })).toBeVisible();
    await page.getByRole('button', { name: uiText('es', 'toolbar.stop') }).click();
    const stopped = (await said()).length;
    await expect(page.getByRole('button', { name: uiText('es', 'toolbar.listen') })).toBeVisible();
    expect((await said()).length).toBe(stopped);
    // Repeat reads the screen again from its first sentence.
    await page.getByRole('button', { name: uiText('es', 'toolbar.repeat') }).click();
    await expect.poll(async () => (await said()).length).toBeGreaterThan(stopped);
    expect((await said())[stopped]!.text).toBe(first[0]!.text);

    // No Arabic voice on this machine (no platform voice, no built-in voice): the button is not offered.
    await page.getByRole('button', { name: uiText('es', 'toolbar.language') }).click();
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(contentTexts('ar')['procedure.name']!);
    await expect(page.getByRole('button', { name: uiText('ar', 'toolbar.listen') })).toHaveCount(0);
  } finally {
    await stop();
  }
});

test('attract screen: the greeting cycles through languages and can be paused', async ({ page, kiosk }) => {
  await page.clock.install();
  await page.goto(kiosk.url);
  const greeting = page.locator('.attract-greeting');
  await expect(greeting).toHaveAttribute('lang', 'en');
  await page.clock.fastForward(3_600);
  await expect(greeting).toHaveAttribute('lang', 'es');
  // The button's name is the greeting on screen first, then every other language's (WCAG 2.5.3),
  // though only one is laid out.
  const start = page.locator('.attract-start');
  const greetings = localeList().map((l) => uiText(l.code, 'attract.touch'));
  const name = `${uiText('es', 'attract.touch')} ${uiText('es', 'attract.learn')} ${greetings.filter((g) => g !== uiText('es', 'attract.touch')).join('. ')}.`;
  await expect(start).toHaveAccessibleName(name);
  await expect(page.locator('.attract-start [lang]:visible')).toHaveCount(1);
  await page.getByRole('button', { name: uiText('en', 'attract.pause') }).click();
  await expect(start).toHaveAccessibleName(greetings.join(' '));
  // Paused: every language is shown at once and nothing moves.
  await expect(page.locator('.attract-line')).toHaveCount(localeList().length);
  await page.clock.fastForward(10_000);
  const ar = localeList().findIndex((l) => l.code === 'ar');
  await expect(page.locator('.attract-line').nth(ar)).toHaveAttribute('lang', 'ar');
});

test('the first screen’s two calls are sent once, by the page’s first script, and the kiosk starts without it too', async ({ page, kiosk }) => {
  const calls: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/') || path.endsWith('.js')) calls.push(path.replace(/-[\w-]+\.js$/, '.js'));
  });
  await page.goto(kiosk.url);
  await expect(page.locator('.attract-start')).toBeVisible();
  await expect(page.locator('.attract .clinic-name')).not.toBeEmpty();
  // boot.js (a classic script in <head>) sends them; the app's code takes its requests over.
  expect(calls.filter((c) => c === '/api/getAppInfo')).toHaveLength(1);
  expect(calls.filter((c) => c === '/api/listLocales')).toHaveLength(1);
  expect(calls.indexOf('/boot.js')).toBeLessThan(calls.indexOf('/api/getAppInfo'));

  // Without boot.js (a damaged install), the app sends them itself, once each.
  calls.length = 0;
  await page.route('**/boot.js', (route) => route.fulfill({ status: 404, body: '' }));
  await page.reload();
  await expect(page.locator('.attract-start')).toBeVisible();
  await page.locator('.attract-start').click();
  await expect(page.locator('.language-button[lang="en"]')).toBeVisible();
  expect(calls.filter((c) => c === '/api/getAppInfo')).toHaveLength(1);
  expect(calls.filter((c) => c === '/api/listLocales')).toHaveLength(1);
});

test('the attract screen’s page loads React and its own code only, both compiled as they load; the UI strings come after', async ({ page, kiosk, request }) => {
  // What the page's HTML loads before anything runs: its module script and the modules it preloads.
  const html = await (await request.get(kiosk.url)).text();
  const firstScripts = [...html.matchAll(/<script type="module"[^>]* src="([^"]+)"|<link rel="modulepreload"[^>]* href="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
  expect(firstScripts.length, 'scripts of the first screen').toBeGreaterThanOrEqual(2);
  const texts = await Promise.all(firstScripts.map(async (src) => [src, await (await request.get(new URL(src, kiosk.url).href)).text()] as const));
  // The entry and React carry V8's compile hint (its first line), so they compile off the main thread.
  const hinted = texts.filter(([, text]) => text.startsWith('//# allFunctionsCalledOnLoad\n')).map(([src]) => src);
  expect(hinted.some((src) => /\/index-[^/]+\.js$/.test(src)), `the entry chunk is hinted: ${hinted.join(', ')}`).toBe(true);
  expect(hinted.some((src) => /\/react-[^/]+\.js$/.test(src)), `the React chunk is hinted: ${hinted.join(', ')}`).toBe(true);
  // Neither i18next nor the UI strings are part of it (the attract lines are: every language's greeting).
  for (const [src, text] of texts) {
    expect(text, src).not.toContain('i18next was not initialized');
    expect(text, src).not.toContain(uiText('en', 'home.walkthroughSummary'));
  }
  for (const l of localeList()) expect(texts.some(([, text]) => text.includes(JSON.stringify(uiText(l.code, 'attract.touch')).slice(1, -1))), `${l.code} greeting`).toBe(true);

  // Once the attract screen shows, the strings follow, and the next screen is in English.
  await page.goto(kiosk.url);
  await page.locator('.attract-start').click();
  await expect(page.getByRole('heading', { name: uiText('en', 'language.title') })).toBeVisible();
});

test('when the first calls get no readable answer or none at all, the kiosk says so and Try again starts it', async ({ page, kiosk }) => {
  // An answer that is not JSON (a proxy's error page): boot.js reads it as the app reads any answer.
  await page.route('**/api/listLocales', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' }));
  await page.goto(kiosk.url);
  await expect(page.getByRole('alert')).toContainText('The kiosk service answered HTTP 502.');
  await expect(page.locator('.attract-start')).toHaveCount(0);

  // No answer at all (the service is down).
  await page.unroute('**/api/listLocales');
  await page.route('**/api/getAppInfo', (route) => route.abort('connectionrefused'));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('The kiosk service is not answering.');

  // Once the service answers again, Try again (a reload) shows the attract screen.
  await page.unroute('**/api/getAppInfo');
  await page.getByRole('alert').getByRole('button').click();
  await expect(page.locator('.attract-start')).toBeVisible();
});

test('a kiosk left on its attract screen has every language ready: a new script’s home needs nothing more from the network', async ({ page, kiosk }) => {
  test.setTimeout(90_000);
  await page.goto(kiosk.url);
  // Idle-time preloading of every language (strings, home, font slices, one off-screen layout):
  // wait until the page has fetched nothing for 1.5 s.
  let last = -1;
  await expect
    .poll(
      async () => {
        const count = await page.evaluate(() => performance.getEntriesByType('resource').length);
        const quiet = count === last;
        last = count;
        return quiet;
      },
      { intervals: [1500], timeout: 60_000 },
    )
    .toBe(true);
  const after: string[] = [];
  page.on('request', (r) => after.push(new URL(r.url()).pathname));
  await page.locator('.attract-start').click();
  await page.locator('.language-button[lang="zh-Hans"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contentTexts('zh-Hans')['procedure.name']!);
  await expect(page.locator('[data-topic]').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  // Only the usage count goes out (the language chosen), and the code of the screens the home
  // links to (the home preloads it): no strings, content, picture or font slice is left to fetch.
  expect(after.filter((p) => p !== '/api/recordUsage' && !/^\/assets\/[\w-]+\.js$/.test(p))).toEqual([]);
  // The count goes out once the new home has been painted.
  await expect.poll(() => after.filter((p) => p === '/api/recordUsage').length).toBe(1);
  // The off-screen layout left nothing behind.
  expect(await page.evaluate(() => document.querySelectorAll('body > :not(#root)').length)).toBe(0);
});

test('reduced motion: the attract screen does not cycle', async ({ browser, kiosk }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await expect(page.locator('.attract-line')).toHaveCount(localeList().length);
  await expect(page.locator('.attract-greeting')).toHaveCount(0);
  await context.close();
});

test('hidden staff entry: holding the clinic name for 3 seconds opens staff sign-in', async ({ page, kiosk }) => {
  await page.clock.install();
  await startIn(page, kiosk.url, 'en');
  // From here the page's time moves only when the test moves it, so each hold lasts exactly as stated.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  const signInHeading = page.getByRole('heading', { name: uiText('en', 'staff.title') });
  const logo = page.locator('[data-staff-entry]');
  const box = (await logo.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.clock.runFor(1_000);
  await page.mouse.up();
  // A released hold is over, however long the kiosk then waits.
  await page.clock.runFor(5_000);
  await expect(signInHeading).toHaveCount(0);
  await page.mouse.down();
  await page.clock.runFor(2_999);
  await expect(signInHeading).toHaveCount(0);
  await page.clock.runFor(1);
  await page.mouse.up();
  await expect(signInHeading).toBeVisible();
});

test('a missing translation falls back to English with a visible note', async ({ page, kiosk }) => {
  const local = new Database(join(kiosk.dataDir, 'local.db'));
  local.prepare("INSERT INTO texts (procedure_id, locale, key, text, status, source_note, origin) VALUES ('kyphoplasty', 'es', 'topic.after.first-hours.body', NULL, 'draft', 'removed for the test', 'edit')").run();
  local.close();
  await startIn(page, kiosk.url, 'es');
  await page.locator('[data-topic="after"]').click();
  await expect(page.getByText(uiText('es', 'review.fallback'))).toBeVisible();
  await expect(page.locator('.topic-section').first()).toContainText(contentTexts('en')['topic.after.first-hours.body']!.split('\n')[0]!.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/\*\*/g, ''));
});

test('when the kiosk service stops answering, a friendly error screen offers a way back', async ({ page }) => {
  const { server, stop } = await startKiosk();
  await startIn(page, server.url, 'en');
  await stop();
  await page.locator('[data-topic="after"]').click();
  await expect(page.getByRole('heading', { name: uiText('en', 'error.title') })).toBeVisible();
  await expect(page.getByRole('button', { name: uiText('en', 'error.retry') })).toBeVisible();
});

test('a second procedure added as content (a pack) gets a procedure choice; no code change', async ({ page }) => {
  // A clinic imports a pack with a second procedure into the kiosk's local database.
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { readSourcePack } = await import('../../db/source-pack');
  const { importPack } = await import('../../db/importer');
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-two-'));
  const pack = readSourcePack(join(import.meta.dirname, '..', '..', 'db', 'content'));
  const copy = { ...pack.procedures[0]!, id: 'kyphoplasty-two-levels', sortOrder: 20 };
  const texts = pack.texts.map((t) => ({ ...t, procedure: copy.id, text: t.key === 'procedure.name' ? `${t.text} (2)` : t.text }));
  const local = openLocalDatabase(dataDir);
  importPack(local.db!, { ...pack, procedures: [copy], texts }, 'import');
  local.db!.close();
  const { server, stop } = await startKiosk(['--data', dataDir]);
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: uiText('en', 'attract.touch') }).click();
    await page.getByRole('button', { name: 'Español', exact: true }).click();
    await expect(page.getByRole('heading', { name: uiText('es', 'procedures.title') })).toBeVisible();
    await page.locator('[data-procedure="kyphoplasty-two-levels"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cifoplastia con balón (2)');
    await page.getByRole('button', { name: uiText('es', 'procedures.other') }).click();
    await page.locator('[data-procedure="kyphoplasty"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cifoplastia con balón');
  } finally {
    await stop();
  }
});
