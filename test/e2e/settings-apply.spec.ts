/** Issue 12, "Settings that apply at once": a saved setting reaches the patient screens without a reload; what needs a restart says so. */
import { test, expect } from './kiosk-fixture';
import { chooseLanguage, uiText } from './kiosk-pages';
import { adminText, openAdmin, openTab } from './admin-pages';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourcePack } from '../fixtures/content';

test('a shorter idle timeout applies at once, without a reload; kiosk mode says it needs a restart, beside it and on saving', async ({ page, kiosk }) => {
  test.setTimeout(60_000);
  await page.clock.install();
  await openAdmin(page, kiosk);
  await openTab(page, 'settings');

  const kioskMode = page.getByRole('checkbox', { name: adminText('settings.kioskMode') });
  await expect(kioskMode).toHaveAccessibleDescription(new RegExp(`^${escapeRegExp(adminText('settings.needsRestart'))}`));
  await expect(page.locator('.check-field', { has: kioskMode }).locator('.field-restart')).toHaveText(adminText('settings.needsRestart'));
  // No other setting is marked: everything else applies at once.
  await expect(page.locator('.settings-tab .field-restart')).toHaveCount(1);

  const done = page.locator('.settings-save .admin-done');
  const save = page.getByRole('button', { name: adminText('settings.save') });
  await kioskMode.check();
  await save.click();
  await expect(done).toHaveText(`${adminText('settings.saved')} ${adminText('settings.savedNeedsRestart')}`);

  // Marks this page: a reload would forget it.
  await page.evaluate(() => document.documentElement.setAttribute('data-test-page', 'not reloaded'));
  await page.getByLabel(adminText('settings.idle')).fill('10');
  await save.click();
  await expect(done).toHaveText(adminText('settings.saved'));

  await page.getByRole('button', { name: uiText('en', 'staff.signOut') }).first().click();
  await chooseLanguage(page, 'en');
  await page.clock.fastForward(9_000);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.clock.fastForward(2_000);
  await expect(page.getByRole('dialog', { name: uiText('en', 'idle.title') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-test-page', 'not reloaded');
});

test('web mode: a watch folder saved on the Settings screen is watched at once; a pack dropped there is imported without a restart', async ({ page, kiosk }) => {
  test.setTimeout(60_000);
  const folder = mkdtempSync(join(tmpdir(), 'kiosk-watch-web-'));
  try {
    await openAdmin(page, kiosk);
    await openTab(page, 'settings');
    await page.getByRole('checkbox', { name: adminText('settings.allowUnsigned') }).check();
    await page.getByLabel(adminText('settings.watchFolder')).fill(folder);
    await page.getByRole('button', { name: adminText('settings.save') }).click();
    await expect(page.locator('.settings-save .admin-done')).toHaveText(adminText('settings.saved'));

    const pack = sourcePack();
    pack.texts = pack.texts.filter((t) => t.locale === 'en' || t.locale === 'es').map((t) => (t.key === 'topic.after.title' && t.locale === 'es' ? { ...t, text: 'Desde la carpeta vigilada' } : t));
    writeFileSync(join(folder, 'update.kpack'), JSON.stringify(pack));
    const spanishTitle = async () => {
      const r = await page.request.post(`${kiosk.url}api/getTopic`, { data: { procedureId: 'kyphoplasty', topicId: 'after', locale: 'es' } });
      return ((await r.json()) as { value?: { topic: { title: string } } }).value?.topic.title;
    };
    // The watcher waits until the file has not changed for a few seconds, then imports it.
    await expect.poll(spanishTitle, { timeout: 30_000 }).toBe('Desde la carpeta vigilada');
    expect(existsSync(join(folder, 'processed', 'update.kpack'))).toBe(true);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
