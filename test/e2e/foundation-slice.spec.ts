import { test, expect } from './kiosk-fixture';

test('shows the bundled procedure topics in English and switches to Spanish', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Balloon kyphoplasty');
  const topics = page.locator('[data-topic]');
  await expect(topics.first()).toBeVisible();
  expect(await topics.count()).toBeGreaterThanOrEqual(8);
  const englishFirst = await topics.first().innerText();

  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cifoplastia con balón');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(topics.first()).not.toHaveText(englishFirst);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Temas');
});
