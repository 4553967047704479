/** Admin side of issue 14: reading ease per language beside the English grade, and the language screen's order and switches. */
import { test, expect } from './kiosk-fixture';
import { contentTexts, localeList, uiText } from './kiosk-pages';
import { adminText, openAdmin, openTab, openText } from './admin-pages';
import { fleschKincaidGrade, inflesz } from '../../electron/shared/readability';

test('a Spanish text shows its INFLESZ reading ease, named, beside the English source’s grade', async ({ page, kiosk }) => {
  await openAdmin(page, kiosk);
  const key = 'topic.what-it-is.what.body';
  await openText(page, 'es', key);
  const level = page.locator('.text-editor .reading-level');
  const ease = inflesz(contentTexts('es')[key]!);
  await expect(level.locator('[data-formula]')).toHaveText(
    uiText('en', 'admin.editor.ease').replace('{{formula}}', 'Szigriszt-Pazos / INFLESZ').replace('{{score}}', ease.score.toFixed(0)).replace('{{band}}', ease.band),
  );
  await expect(level).toContainText(uiText('en', 'admin.editor.englishGrade').replace('{{grade}}', Math.max(0, fleschKincaidGrade(contentTexts('en')[key]!)).toFixed(1)));
  // Harder words and one long sentence: the score falls as the admin types.
  await page.locator('.text-editor textarea').fill('La cifoplastia percutánea constituye una intervención mínimamente invasiva indicada para fracturas vertebrales osteoporóticas dolorosas persistentes.');
  await expect(level.locator('[data-formula]')).toContainText('very hard (muy difícil)');
});

test('the clinic orders the language screen and switches a language off; patients see exactly that', async ({ page, kiosk }) => {
  test.setTimeout(60_000);
  await openAdmin(page, kiosk);
  await openTab(page, 'settings');
  const order = page.getByTestId('locale-order');
  // Arabic moved up, one place at a time, to the top.
  const arabicAt = localeList().findIndex((l) => l.code === 'ar');
  for (let i = 0; i < arabicAt; i++) await order.getByRole('button', { name: uiText('en', 'admin.settings.moveUp').replace('{{language}}', 'Arabic') }).click();
  await expect(order.locator('li').first()).toContainText('Arabic (ar)');
  // Hindi switched off: every other language checked.
  for (const name of ['English (en)', 'Spanish (es)', 'Arabic (ar)', 'Chinese (Simplified) (zh-Hans)']) await page.locator('.check-grid').getByLabel(name).check();
  await page.getByRole('button', { name: adminText('settings.save') }).click();
  await expect(page.locator('.settings-save .admin-done')).toContainText(adminText('settings.saved'));

  await page.getByRole('button', { name: uiText('en', 'staff.signOut') }).first().click();
  await page.getByRole('button', { name: uiText('en', 'attract.start') }).click();
  await expect(page.locator('.language-button')).toHaveText(['العربية', 'English', 'Español', '简体中文']);
});
