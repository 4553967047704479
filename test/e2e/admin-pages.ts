/** Admin steps for end-to-end tests: sign in as admin, open a tab, find a text row. */
import type { Locator, Page } from '@playwright/test';
import { expect } from './kiosk-fixture';
import { uiText } from './kiosk-pages';
import { openStaffSignIn, setPin, signIn } from './staff-pages';

export const ADMIN_PIN = '135790';

export const adminText = (path: string): string => uiText('en', `admin.${path}`);

export type AdminTab = 'content' | 'matrix' | 'illustrations' | 'packs' | 'versions' | 'settings' | 'audit' | 'usage' | 'backup';

/** Sets the admin PIN with the real CLI, signs in and opens "Content and settings". */
export async function openAdmin(page: Page, kiosk: { url: string; dataDir: string }): Promise<void> {
  setPin(kiosk.dataDir, 'admin', ADMIN_PIN);
  await openStaffSignIn(page, kiosk.url);
  await signIn(page, ADMIN_PIN);
  await page.getByRole('button', { name: uiText('en', 'staff.admin') }).click();
  await expect(page.getByRole('heading', { level: 1, name: adminText('title') })).toBeVisible();
}

export async function openTab(page: Page, tab: AdminTab): Promise<void> {
  await page.getByRole('navigation', { name: adminText('sections') }).getByRole('button', { name: adminText(`tabs.${tab}`), exact: true }).click();
  await expect(page.locator('.admin-panel-title')).toHaveText(adminText(`tabs.${tab}`));
  await expect(page.locator('.admin-loading')).toHaveCount(0);
}

/** Shows one text in the Texts tab (language and key) and opens its editor. */
export async function openText(page: Page, locale: string, key: string): Promise<Locator> {
  await page.getByLabel(adminText('language'), { exact: true }).selectOption(locale);
  await page.getByLabel(adminText('content.filter')).fill(key);
  const row = page.locator(`li.text-row[data-key="${key}"]`);
  // The list follows the search box a moment later (a deferred render).
  await expect(page.locator('li.text-row')).toHaveCount(1);
  await row.locator('.text-row-button').click();
  await expect(row.locator('.text-editor')).toBeVisible();
  return row;
}
