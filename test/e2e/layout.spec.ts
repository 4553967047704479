/**
 * Layout holds on portrait, landscape and small-laptop screens at every text size, in every
 * language listed below. Each screen is measured once its own content is on it and its fonts
 * are in (not right after the tap).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, testOnContentPerWorker } from './kiosk-fixture';
import { uiText } from './kiosk-pages';
import { pseudoLocale, sixteenLanguageContent } from '../fixtures/languages';

/**
 * The languages checked: the bundled ones with the longest strings, and the pseudo-language
 * (English about 35 % longer, with accents: test/fixtures/languages.ts). Russian, Tagalog,
 * Vietnamese and Polish often run 30 % longer than English.
 */
const layoutLocales = ['en', 'hi', 'ru', 'tl', 'vi', 'pl', pseudoLocale.code];

const viewports = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];

// A content folder with the bundled languages and the fixture ones, built with the real build.
const content = sixteenLanguageContent();
const locales = JSON.parse(readFileSync(join(content.contentDir, 'locales.json'), 'utf8')) as { code: string; nativeName: string }[];
const texts = (locale: string) =>
  (JSON.parse(readFileSync(join(content.contentDir, 'kyphoplasty', 'text', `${locale}.json`), 'utf8')) as { texts: Record<string, string> }).texts;
/** UI strings: a language without its own file yet shows English. */
const ui = (locale: string, key: string) => {
  try {
    return uiText(locale, key) ?? uiText('en', key);
  } catch {
    return uiText('en', key);
  }
};

// The layout tests only look, so one server per worker serves them, shared out one by one.
const test = testOnContentPerWorker(content.db);
test.describe.configure({ mode: 'parallel' });

async function layoutProblems(page: Page): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw + 1) problems.push(`horizontal scroll: ${document.documentElement.scrollWidth} > ${vw}`);
    for (const el of document.querySelectorAll<HTMLElement>('h1, h2, h3, p, li, dt, dd, button, legend, .tile-title, .tile-summary, th, td')) {
      if (el.closest('.table-wrap') && (el.tagName === 'TH' || el.tagName === 'TD')) continue; // tables scroll inside their own region
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || el.closest('.visually-hidden')) continue; // empty or screen-reader-only
      if (r.right > vw + 1 || r.left < -1) problems.push(`${el.tagName} "${el.textContent?.trim().slice(0, 30)}" outside the screen`);
      const style = getComputedStyle(el);
      if (style.overflow !== 'visible' && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) && el.tagName !== 'MAIN')
        problems.push(`${el.tagName} "${el.textContent?.trim().slice(0, 30)}" clips its text`);
    }
    return problems.slice(0, 10);
  });
}

/** Waits until the screen shows `heading` as its first-level heading and nothing is still loading. */
async function showing(page: Page, heading: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page.locator('.loading')).toHaveCount(0);
}

for (const viewport of viewports) {
  for (const locale of layoutLocales) test(`layout at ${viewport.width}x${viewport.height} in ${locale}, every text size`, async ({ page, server }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    {
      const t = texts(locale);
      await page.goto(server.url);
      await page.getByRole('button', { name: uiText('en', 'attract.start') }).click();
      expect(await layoutProblems(page), `${locale} language screen`).toEqual([]);
      await page.getByRole('button', { name: locales.find((l) => l.code === locale)!.nativeName, exact: true }).click();
      await showing(page, t['procedure.name']!);
      for (const size of ['textSizeSmall', 'textSizeMedium', 'textSizeLarge']) {
        await page.getByRole('button', { name: ui(locale, `toolbar.${size}`), exact: true }).click();
        const where = `${locale} ${size}`;
        await page.getByRole('button', { name: ui(locale, 'toolbar.home') }).click();
        await showing(page, t['procedure.name']!);
        expect(await layoutProblems(page), `${where} home`).toEqual([]);
        await page.locator('[data-topic="compare"]').click();
        await showing(page, t['topic.compare.title']!);
        expect(await layoutProblems(page), `${where} topic`).toEqual([]);
        await page.getByRole('button', { name: ui(locale, 'toolbar.home') }).click();
        await page.locator('[data-feature="walkthrough"]').click();
        await expect(page.getByRole('heading', { name: t['step.needle.title']! })).toBeVisible();
        await expect(page.locator('.loading')).toHaveCount(0);
        expect(await layoutProblems(page), `${where} walkthrough`).toEqual([]);
        // Picture beside the words on a wide screen, above them below 1,100 px (a container query, kiosk.css).
        const picture = (await page.locator('.step-illustration').boundingBox())!;
        const words = (await page.locator('.step-text').boundingBox())!;
        expect(words.y >= picture.y + picture.height - 1, `${where}: walkthrough words below the picture`).toBe(viewport.width < 1100);
        await page.getByRole('button', { name: ui(locale, 'toolbar.home') }).click();
        await page.locator('[data-feature="quiz"]').click();
        await expect(page.getByText(t['quiz.order.question']!)).toBeVisible();
        await page.locator('[data-option="b"]').click();
        await expect(page.getByText(t['quiz.order.explanation']!)).toBeVisible();
        expect(await layoutProblems(page), `${where} quiz`).toEqual([]);
      }
      await page.goto('about:blank');
    }
  });
}
