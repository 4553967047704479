/**
 * The print page (index.html#print-job) as the hidden Electron print window runs it, in real
 * Chromium over web mode's files: it takes its sheet from `window.printJob` (what
 * electron/preload/print.ts exposes; stood in for here, as this machine has no Electron), lays
 * it out, waits for its fonts, then says ready once. It makes no contract call.
 */
import { test, expect } from './kiosk-fixture';
import { openDischargeFormAsNurse } from './staff-pages';
import { sampleDischargeForm } from '../fixtures/discharge-forms';
import { pdfImageCount, pdfText, savePagePdf } from '../fixtures/pdf';
import { openPrintWindow, printPageState } from '../fixtures/print-window';
import type { DischargeSheet } from '../../electron/shared/content-types';

test('the print page lays out the job from window.printJob, says ready once after its fonts, makes no contract call and prints plain paper', async ({ page, kiosk }) => {
  test.setTimeout(60_000);
  // A real sheet, built by the kiosk for a signed-in nurse.
  await openDischargeFormAsNurse(page, kiosk);
  const form = { ...sampleDischargeForm, patientName: 'Ada Quokka', secondLocale: 'es' };
  const built = await page.evaluate(async (f) => {
    const response = await fetch('/api/buildDischargeSheet', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ form: f }) });
    return (await response.json()) as { ok: boolean; value: DischargeSheet };
  }, form);
  expect(built.ok).toBe(true);

  const apiCalls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(new URL(r.url()).pathname);
  });
  await openPrintWindow(page, kiosk.url, { sheet: built.value, cardOnly: false });

  await expect(page.locator('.sheet').first()).toContainText('Ada Quokka');
  const state = () => printPageState(page);
  await expect.poll(async () => (await state()).readyCalls).toBe(1);
  const { atReady } = await state();
  expect(atReady?.sheet).toContain('Ada Quokka');
  expect(atReady?.fonts).toBe('loaded');
  // Both languages are on the page.
  await expect(page.locator('.sheet-section[lang="es"]').first()).toBeVisible();
  await expect(page.locator('.sheet-section[lang="en"]').first()).toBeVisible();
  expect(apiCalls).toEqual([]);
  // Paper from the start (html.printing): white, no preview shadow, nothing printed as a picture.
  const pdf = await savePagePdf(page);
  expect(pdfText(pdf)).toContain('Ada Quokka');
  expect(pdfImageCount(pdf)).toBe(0);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});

test('outside a print window (no window.printJob) the print page says why and lays out nothing', async ({ page, kiosk }) => {
  await page.goto(new URL('/#print-job', kiosk.url).href);
  await expect(page.getByRole('alert')).toHaveText(/only in the desktop app's print window/);
  await expect(page.locator('.sheet')).toHaveCount(0);
});
