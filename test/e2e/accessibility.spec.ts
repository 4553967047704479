/** axe-core on every patient screen, in English and Arabic, normal and high contrast; touch targets. */
import type { Page } from '@playwright/test';
import { test, expect } from './kiosk-fixture';
import { axeViolations, smallTargets } from './a11y-checks';
import { nativeNames, startIn, uiText } from './kiosk-pages';

/** Every control has an accessible name. */
async function unnamedControls(page: Page): Promise<number> {
  return page.evaluate(() => [...document.querySelectorAll('button')].filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim())).length);
}

// English, the two right-to-left languages and Korean (its own script and font).
for (const locale of ['en', 'ar', 'fa', 'ko']) {
  for (const contrast of ['normal', 'high']) {
    test(`axe finds no violations on any screen (${locale}, ${contrast} contrast)`, async ({ page, kiosk }) => {
      test.setTimeout(120_000);
      let checked = 0;
      const check = async (name: string) => {
        expect(await axeViolations(page), `${name}`).toEqual([]);
        expect(await smallTargets(page), `${name}: targets under 48 px`).toEqual([]);
        expect(await unnamedControls(page), `${name}: unnamed buttons`).toBe(0);
        checked += 1;
      };
      await page.goto(kiosk.url);
      await check('attract');
      await page.getByRole('button', { name: uiText('en', 'attract.touch') }).click();
      await check('language');
      await page.getByRole('button', { name: nativeNames[locale], exact: true }).click();
      if (contrast === 'high') await page.getByRole('button', { name: uiText(locale, 'toolbar.contrast') }).click();
      await expect(page.locator('html')).toHaveAttribute('data-contrast', contrast);
      await check('home');
      await page.locator('[data-topic="what-it-is"]').click();
      await check('topic');
      await page.locator('button.term').first().click();
      await check('glossary definition');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: uiText(locale, 'toolbar.back') }).click();
      await page.locator('[data-topic="compare"]').click();
      await check('comparison table');
      await page.getByRole('button', { name: uiText(locale, 'toolbar.home') }).click();
      await page.locator('[data-feature="walkthrough"]').click();
      await check('walkthrough step 1');
      for (let i = 0; i < 4; i++) await page.getByRole('button', { name: uiText(locale, 'walkthrough.next') }).click();
      await check('walkthrough end');
      await page.getByRole('button', { name: uiText(locale, 'walkthrough.toQuiz') }).click();
      await check('quiz');
      await page.locator('[data-option="a"]').click();
      await check('quiz feedback');
      await page.getByRole('button', { name: uiText(locale, 'toolbar.home') }).click();
      await page.locator('[data-feature="glossary"]').click();
      await check('glossary');
      expect(checked).toBe(11);
    });
  }
}

test('body text is at least 24 CSS px at the default size', async ({ page, kiosk }) => {
  await startIn(page, kiosk.url, 'en');
  await page.locator('[data-topic="after"]').click();
  // Measured once the topic is on screen (it loads after the tap).
  await expect(page.locator('.topic-section p').first()).toBeVisible();
  const sizes = await page.locator('.topic-section p, .topic-section li').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  expect(sizes.length).toBeGreaterThan(5);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
});
