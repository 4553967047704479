/**
 * The take-home QR code: set the site's address in Settings, then the discharge sheet (as a
 * PDF rendered by pdftoppm at 150 dpi), the wallet card and the kiosk's screens carry a QR code
 * that decodes (jsQR) to exactly the procedure's page in the sheet's language. Without an
 * address there is none.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { test, expect } from './kiosk-fixture';
import { localeList, startIn, uiFilled, uiText } from './kiosk-pages';
import { axeViolations } from './a11y-checks';
import { fillDischargeForm, sampleForm } from './staff-pages';
import { savePagePdf } from '../fixtures/pdf';
import { adminText, openAdmin, openTab } from './admin-pages';

const BASE = 'https://clinic.example/take-home/';

/** A UI string as the page shows it: the language's own, else English (until it is translated). */
function shown(locale: string, key: string): string {
  try {
    return uiText(locale, key) ?? uiText('en', key);
  } catch {
    return uiText('en', key);
  }
}

function decode(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}

/** Each page of a PDF as PNG at the given resolution, via poppler's pdftoppm. */
function pdfPages(pdf: string, dpi = 150): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-qr-'));
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, 'page')]);
  return readdirSync(dir).sort().map((f) => readFileSync(join(dir, f)));
}

async function decodeOnScreen(code: Locator): Promise<string | null> {
  return decode(await code.screenshot());
}

async function setSiteAddress(page: Page, kiosk: { url: string; dataDir: string }, url: string): Promise<void> {
  await openAdmin(page, kiosk);
  await openTab(page, 'settings');
  await page.getByLabel(adminText('site.baseUrl')).fill(url);
  await page.getByRole('button', { name: adminText('settings.save') }).click();
}

async function previewSheet(page: Page, values: Partial<typeof sampleForm>): Promise<void> {
  await page.getByRole('button', { name: adminText('backToMenu') }).click();
  await page.getByRole('button', { name: uiText('en', 'staff.discharge') }).click();
  await fillDischargeForm(page, { ...sampleForm, ...values });
  await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
  await expect(page.locator('.sheet')).toBeVisible();
}

test('Settings refuse a site address that is not http(s)', async ({ page, kiosk }) => {
  await setSiteAddress(page, kiosk, 'ftp://clinic.example/');
  await expect(page.locator('.settings-save .admin-error')).toContainText(adminText('settings.fix'));
  await expect(page.locator('#s-siteBaseUrl-error')).toContainText('http:// or https://');
});

test('the printed sheet’s QR code opens the procedure’s page in the sheet’s language; a bilingual sheet notes the other address', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  await setSiteAddress(page, kiosk, BASE);
  await expect(page.locator('.settings-save .admin-done')).toContainText(adminText('settings.saved'));
  await previewSheet(page, { locale: 'es', secondLocale: 'ar' });
  await expect(page.locator('.sheet-take-home')).toContainText(shown('es', 'takeHome.caption'));
  await expect(page.locator('.sheet-take-home .take-home-note')).toHaveText(`${uiFilled('es', 'takeHome.otherLanguage', { language: 'العربية' })} ${BASE}ar/kyphoplasty/`);

  const pages = pdfPages(await savePagePdf(page));
  expect(decode(pages[0]!)).toBe(`${BASE}es/kyphoplasty/`);
  // The wallet card's smaller code scans too: the card page at 300 dpi (a phone camera close up),
  // cut to the first of its two cards (top left) so the decoder sees one code.
  const cardPage = PNG.sync.read(pdfPages(await savePagePdf(page), 300).at(-1)!);
  const firstCard = new PNG({ width: Math.round(cardPage.width / 2), height: Math.round(cardPage.height * 0.3) });
  PNG.bitblt(cardPage, firstCard, 0, 0, firstCard.width, firstCard.height, 0, 0);
  expect(decode(PNG.sync.write(firstCard))).toBe(`${BASE}es/kyphoplasty/`);
  // Nothing the nurse typed is in the address.
  for (const typed of [sampleForm.patientName, sampleForm.nurseNotes, sampleForm.painNotes, sampleForm.followUp.place]) expect(decode(pages[0]!)).not.toContain(typed);
});

test('the kiosk shows the same QR code on the home screen and after the walkthrough', async ({ page, kiosk }) => {
  await setSiteAddress(page, kiosk, BASE);
  await expect(page.locator('.settings-save .admin-done')).toContainText(adminText('settings.saved'));
  await startIn(page, kiosk.url, 'ar');
  const home = page.locator('.home .kiosk-take-home');
  await expect(home).toContainText(shown('ar', 'takeHome.caption'));
  expect(await decodeOnScreen(home.locator('.qr-code'))).toBe(`${BASE}ar/kyphoplasty/`);
  expect(await axeViolations(page, '.kiosk-take-home')).toEqual([]);
  await page.locator('[data-feature="walkthrough"]').click();
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: uiText('ar', 'walkthrough.next') }).click();
  await expect(page.getByRole('heading', { name: uiText('ar', 'walkthrough.done') })).toBeVisible();
  expect(await decodeOnScreen(page.locator('.step-done .qr-code'))).toBe(`${BASE}ar/kyphoplasty/`);
});

test('with no site address there is no QR code on the sheet, the card or the kiosk', async ({ page, kiosk }) => {
  await openAdmin(page, kiosk);
  await previewSheet(page, { locale: 'en' });
  await expect(page.locator('.wallet-card').first()).toBeVisible();
  await expect(page.locator('.qr-code')).toHaveCount(0);
  for (const png of pdfPages(await savePagePdf(page))) expect(decode(png)).toBeNull();
  await startIn(page, kiosk.url, 'en');
  await expect(page.locator('.qr-code')).toHaveCount(0);
});

test('an admin exports the take-home site from the Settings tab into a folder typed by path', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  await setSiteAddress(page, kiosk, BASE);
  await expect(page.locator('.settings-save .admin-done')).toContainText(adminText('settings.saved'));
  const parent = mkdtempSync(join(tmpdir(), 'kiosk-site-admin-'));
  const out = join(parent, 'take-home');
  const panel = page.locator('.site-export');
  await panel.getByLabel(adminText('site.folder')).fill(out);
  await panel.getByRole('button', { name: adminText('site.export') }).click();
  // Writing 15 languages' pages and fonts (about 400 files) takes seconds on a busy machine: wait for the outcome, not a speed.
  await expect(panel.locator('.admin-done')).toContainText(`files to ${out} (${localeList().map((l) => l.code).join(', ')})`, { timeout: 60_000 });
  expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).baseUrl).toBe(BASE);
  // The same folder again: it is not empty now, so nothing is written and the admin is told why.
  await panel.getByRole('button', { name: adminText('site.export') }).click();
  await expect(panel.locator('.admin-error')).toContainText('is not empty; choose a new or empty folder');
  expect(readdirSync(parent)).toEqual(['take-home']);
});
