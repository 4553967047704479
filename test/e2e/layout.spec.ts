/** Layout holds on portrait, landscape and small-laptop screens at every text size. */
import type { Page } from '@playwright/test';
import { test, expect } from './kiosk-fixture';
import { startIn, uiText } from './kiosk-pages';

const viewports = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];

async function layoutProblems(page: Page): Promise<string[]> {
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

for (const viewport of viewports) {
  test(`layout at ${viewport.width}x${viewport.height}, every text size`, async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    for (const locale of ['en', 'hi']) {
      await startIn(page, kiosk.url, locale);
      for (const size of ['textSizeSmall', 'textSizeMedium', 'textSizeLarge']) {
        await page.getByRole('button', { name: uiText(locale, `toolbar.${size}`), exact: true }).click();
        const where = `${locale} ${size}`;
        await page.getByRole('button', { name: uiText(locale, 'toolbar.home') }).click();
        expect(await layoutProblems(page), `${where} home`).toEqual([]);
        await page.locator('[data-topic="compare"]').click();
        expect(await layoutProblems(page), `${where} topic`).toEqual([]);
        await page.getByRole('button', { name: uiText(locale, 'toolbar.home') }).click();
        await page.locator('[data-feature="walkthrough"]').click();
        expect(await layoutProblems(page), `${where} walkthrough`).toEqual([]);
        await page.getByRole('button', { name: uiText(locale, 'toolbar.home') }).click();
        await page.locator('[data-feature="quiz"]').click();
        await page.locator('[data-option="b"]').click();
        expect(await layoutProblems(page), `${where} quiz`).toEqual([]);
      }
      await page.goto('about:blank');
    }
  });
}
