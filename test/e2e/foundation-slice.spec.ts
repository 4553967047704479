import { test, expect } from './kiosk-fixture';
import { contentTexts, startIn, uiText } from './kiosk-pages';

test('shows the bundled procedure topics in English and switches to Spanish', async ({ page, kiosk }) => {
  await startIn(page, kiosk.url, 'en');
  const topics = page.locator('[data-topic]');
  await expect(topics).toHaveCount(10);
  await expect(topics.first().locator('.tile-title')).toHaveText(contentTexts('en')['topic.what-it-is.title']!);

  await page.getByRole('button', { name: uiText('en', 'toolbar.language') }).click();
  await page.getByRole('button', { name: 'Español', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cifoplastia con balón');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(topics.first().locator('.tile-title')).toHaveText(contentTexts('es')['topic.what-it-is.title']!);
  await expect(page.getByRole('button', { name: uiText('es', 'toolbar.home') })).toBeVisible();
});
