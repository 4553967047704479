/**
 * The exported take-home site as a phone sees it: exported by the real CLI, served from its
 * folder by a plain static server on loopback, every page of every exported language opened
 * in Chromium at 375 px wide.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { axeViolations } from './a11y-checks';
import { test as base, expect, type Page } from '@playwright/test';
import { repoRoot } from './kiosk-fixture';
import { sourcePack } from '../fixtures/content';
import { folderOncePerRun } from './run-once';

/** The languages the export holds with default settings: every language in the content, so a new one is checked with no change here. */
const contentLocales = sourcePack().locales.map((l) => l.code);

let siteDir = '';
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png', '.webp': 'image/webp', '.json': 'application/json' };

interface Manifest {
  languages: string[];
  files: { path: string }[];
}
let manifest: Manifest;
let origin = '';

// The site is exported once for the whole run and served once per worker (a worker fixture,
// not beforeAll), so that the workers share the pages out test by test.
const test = base.extend<object, { site: void }>({
  site: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const work = await folderOncePerRun('take-home-site', (dir) => {
        const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron/cli/admin.ts'), 'export-site', '--out', join(dir, 'site'), '--base-url', 'https://clinic.example/take-home/', '--data', join(dir, 'data')], { cwd: repoRoot, encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
      });
      siteDir = join(work, 'site');
      manifest = JSON.parse(readFileSync(join(siteDir, 'manifest.json'), 'utf8')) as Manifest;
      // A plain static file server: the folder as it is, nothing more.
      const server = createServer((req, res) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        let file = normalize(join(siteDir, path));
        if (!file.startsWith(siteDir + sep) && file !== siteDir) return void res.writeHead(403).end();
        if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
        if (!existsSync(file)) return void res.writeHead(404).end('not found');
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      await use();
      await new Promise((ok) => server.close(ok));
    },
    { scope: 'worker', auto: true, timeout: 120_000 },
  ],
});
test.describe.configure({ mode: 'parallel' });

const pagesOf = (prefix: string) => manifest.files.map((f) => f.path).filter((p) => p.endsWith('.html') && p.startsWith(prefix));

/** Opens a page and checks everything a phone user depends on; returns what went wrong. */
async function checkPage(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  const onRequest = (req: { url(): string }) => {
    if (!req.url().startsWith(`${origin}/`)) problems.push(`request to another host: ${req.url()}`);
  };
  const onResponse = (res: { url(): string; status(): number }) => {
    if (res.status() !== 200) problems.push(`${res.status()} for ${res.url()}`);
  };
  const onConsole = (msg: { type(): string; text(): string }) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  page.on('console', onConsole);
  await page.goto(`${origin}/${path}`);
  await page.evaluate(() => document.fonts.ready);
  const lang = await page.locator('html').getAttribute('lang');
  const dir = await page.locator('html').getAttribute('dir');
  if (!lang || !dir) problems.push('no lang or dir on <html>');
  for (const v of await axeViolations(page)) problems.push(`axe ${v}`);
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
  if (widths.scroll > widths.view) problems.push(`scrolls sideways at 375 px: ${widths.scroll} > ${widths.view}`);
  // Every internal link resolves to a file of the site, and its #fragment to an element there.
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
  for (const href of hrefs) {
    if (href.startsWith('tel:')) continue;
    if (!href.startsWith(`${origin}/`)) {
      problems.push(`link leaves the site: ${href}`);
      continue;
    }
    const url = new URL(href);
    let file = url.pathname.slice(1);
    if (file === '' || file.endsWith('/')) file += 'index.html';
    const full = resolve(siteDir, file);
    if (!existsSync(full)) problems.push(`broken link ${href}`);
    else if (url.hash && !readFileSync(full, 'utf8').includes(`id="${decodeURIComponent(url.hash.slice(1))}"`)) problems.push(`broken anchor ${href}`);
  }
  page.off('request', onRequest);
  page.off('response', onResponse);
  page.off('console', onConsole);
  return problems.map((p) => `${path}: ${p}`);
}

test.use({ viewport: { width: 375, height: 740 } });

test('the start page lists every exported language by its native name', async ({ page }) => {
  expect(await checkPage(page, 'index.html')).toEqual([]);
  const names = await page.locator('.languages-list a').evaluateAll((as) => as.map((a) => [a.getAttribute('lang'), a.textContent]));
  expect(names.map((n) => n[0])).toEqual(manifest.languages);
  expect(names.find((n) => n[0] === 'ar')?.[1]).toBe('العربية');
});

for (const locale of contentLocales) {
  test(`every page in ${locale}: no other host, axe clean, links resolve, fits 375 px`, async ({ page }) => {
    test.setTimeout(180_000);
    const pages = pagesOf(`${locale}/`);
    expect(pages.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const path of pages) problems.push(...(await checkPage(page, path)));
    expect(problems).toEqual([]);
  });
}

test('the export holds every language of the content, each checked above', async () => {
  expect(manifest.languages).toEqual(contentLocales);
  expect(contentLocales).toEqual(expect.arrayContaining(['en', 'ar', 'es']));
});

test('Arabic reads right to left in the kiosk’s Arabic font, shipped in the folder', async ({ page }) => {
  await page.goto(`${origin}/ar/kyphoplasty/index.html`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
  });
  expect(loaded).toContain('Noto Sans Arabic');
  // Each language's name in the switcher is drawn in its own script's font, not the page's.
  const zh = page.locator('.languages a[lang="zh-Hans"]');
  expect(await zh.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^"?Noto Sans SC/);
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '简体中文'))).toBe(true);
});

test('the quiz works without a server: an answer says whether it is right and opens the explanation', async ({ page }) => {
  await page.goto(`${origin}/en/kyphoplasty/quiz.html`);
  const questions = page.locator('fieldset.quiz-question');
  const first = questions.first();
  const answer = await first.getAttribute('data-answer');
  await first.locator(`input[value="${answer}"]`).check();
  await expect(first.locator('[data-verdict]')).toHaveText("That's right.");
  await expect(first.locator('details')).toHaveAttribute('open', '');
  const second = questions.nth(1);
  const wrong = await second.locator('input').evaluateAll((inputs, right) => (inputs as HTMLInputElement[]).find((i) => i.value !== right)!.value, await second.getAttribute('data-answer'));
  await second.locator(`input[value="${wrong}"]`).check();
  await expect(second.locator('[data-verdict]')).toHaveText('Not quite.');
  await expect(second.locator('details p').first()).toBeVisible();
});

/** A phone's speech engine with these voices, recording what it is asked to say. */
async function fakeVoices(page: Page, langs: string[]): Promise<void> {
  await page.addInitScript((voiceLangs: string[]) => {
    const spoken: { text: string; lang: string }[] = [];
    (window as unknown as { spoken: typeof spoken }).spoken = spoken;
    const voices = voiceLangs.map((lang) => ({ lang, name: `Phone voice ${lang}`, default: false, localService: true, voiceURI: lang }));
    Object.defineProperty(window, 'speechSynthesis', {
      value: { getVoices: () => voices, speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }), cancel: () => undefined, addEventListener: () => undefined },
    });
  }, langs);
}

test('read aloud is hidden without a voice for the language', async ({ page }) => {
  await fakeVoices(page, ['en-US', 'fr-FR']);
  await page.goto(`${origin}/es/kyphoplasty/topic-what-it-is.html`);
  await expect(page.locator('[data-read-aloud]')).toBeHidden();
  await page.goto(`${origin}/en/kyphoplasty/topic-what-it-is.html`);
  await expect(page.getByRole('button', { name: 'Read aloud' })).toBeVisible();
});

test('read aloud reads the page with the phone’s voice for the language', async ({ page }) => {
  await fakeVoices(page, ['es-ES']);
  await page.goto(`${origin}/es/kyphoplasty/topic-what-it-is.html`);
  const button = page.getByRole('button', { name: 'Leer en voz alta' });
  await button.click();
  const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
  expect(spoken[0]).toEqual({ text: '¿Qué es la cifoplastia?', lang: 'es' });
  expect(spoken.length).toBeGreaterThan(5);
  await expect(page.getByRole('button', { name: 'Dejar de leer' })).toBeVisible();
});
