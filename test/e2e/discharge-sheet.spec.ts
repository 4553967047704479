import { test, expect } from './kiosk-fixture';
import { uiText } from './kiosk-pages';
import { fillDischargeForm, openDischargeFormAsNurse, openStaffSignIn, sampleForm, setPin, signIn } from './staff-pages';
import { filesContaining } from '../fixtures/data-folder';
import { pdfFonts, pdfImageCount, pdfInfo, pdfPageCount, pdfPageText, pdfText, pdfTokens, savePagePdf, squashPdfText } from '../fixtures/pdf';

const base = sampleForm;

for (const locale of ['es', 'ar', 'zh-Hans']) {
  test(`discharge sheet in ${locale}: values formatted for the language, fonts embedded, nothing stored`, async ({ page, kiosk }) => {
    test.setTimeout(90_000);
    await openDischargeFormAsNurse(page, kiosk);
    await fillDischargeForm(page, { ...base, locale });
    await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
    await expect(page.locator('.sheet')).toHaveAttribute('lang', locale);
    await expect(page.locator('.sheet')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
    // Web mode prints through the browser, which cannot save a PDF under --kiosk-printing: no such button.
    await expect(page.getByRole('button', { name: uiText('en', 'form.print'), exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: uiText('en', 'form.savePdf') })).toHaveCount(0);
    // Chinese has no italics: the hint is never slanted by the browser (synthetic italics).
    if (locale.startsWith('zh')) await expect(page.locator('.sheet-hint')).toHaveCSS('font-synthesis-style', 'none');

    const pdf = await savePagePdf(page);
    const text = squashPdfText(pdfText(pdf));
    const utc = (d: string, t = '00:00') => new Date(`${d}T${t}:00Z`);
    const expected = [
      base.patientName,
      new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(utc(base.procedureDate)),
      new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(utc(base.bloodThinnerDate!)),
      new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(utc(base.followUp.date, base.followUp.time)),
      new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilogram', unitDisplay: 'long' }).format(4.5),
      new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(3),
      new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(48),
      new Intl.NumberFormat(locale, { style: 'unit', unit: 'week', unitDisplay: 'long' }).format(6),
      new Intl.NumberFormat(locale, { style: 'unit', unit: 'celsius', unitDisplay: 'short' }).format(38.3),
      base.followUp.place,
      base.levels,
      base.painNotes,
      base.nurseNotes,
      '555-0100',
    ];
    for (const value of expected) {
      if (locale === 'ar') for (const token of pdfTokens(value)) expect(text, `${locale}: "${token}" of "${value}" in the PDF`).toContain(token);
      else expect(text, `${locale}: "${value}" in the PDF`).toContain(squashPdfText(value));
    }

    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => f.embedded !== 'yes')).toEqual([]);
    expect(fonts.some((f) => /Noto/.test(f.name))).toBe(true);

    // Print: the counter goes up, the form is cleared, and no typed value is anywhere on disk or in the log.
    await page.getByRole('button', { name: uiText('en', 'form.print'), exact: true }).click();
    await expect(page.getByText(uiText('en', 'form.printed'))).toBeVisible();
    await expect(page.getByLabel(uiText('en', 'form.patientName'))).toHaveValue('');
    for (const typed of [base.patientName, base.nurseNotes, base.painNotes, base.followUp.place]) {
      expect(filesContaining(kiosk.dataDir, typed), typed).toEqual([]);
      expect(kiosk.output()).not.toContain(typed);
    }
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  });
}

test('an English A4 sheet fits on two pages; the wallet card is credit-card size', async ({ page, kiosk }) => {
  await openDischargeFormAsNurse(page, kiosk);
  await fillDischargeForm(page, base);
  await page.getByLabel(uiText('en', 'form.includeCard')).uncheck();
  await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
  await expect(page.locator('.sheet')).toBeVisible();
  const pdf = await savePagePdf(page);
  expect(pdfPageCount(pdf)).toBeLessThanOrEqual(2);
  expect(pdfInfo(pdf)).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  const text = pdfText(pdf);
  expect(text).toMatch(/\b1\s*\/\s*[12]\b/);
  expect(text).toContain('Call 911 now');
  expect(text).toContain('Zebulon Quartermaine');

  await page.getByRole('button', { name: uiText('en', 'form.edit') }).click();
  await page.getByLabel(uiText('en', 'form.includeCard')).check();
  await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
  const card = await page.locator('.wallet-card').first().boundingBox();
  // 85.6 mm x 53.98 mm at 96 CSS px per inch.
  expect(Math.round(card!.width)).toBe(Math.round((85.6 / 25.4) * 96));
  expect(Math.round(card!.height)).toBe(Math.round((53.98 / 25.4) * 96));
  await expect(page.locator('.wallet-card')).toHaveCount(2);
});

test('printing the preview prints the sheet alone, then the preview is back as it was', async ({ page, kiosk }) => {
  await openDischargeFormAsNurse(page, kiosk);
  await fillDischargeForm(page, base);
  await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
  const sheet = page.locator('.sheet');
  await expect(sheet).toBeVisible();
  const onScreen = async () => ({
    printing: await page.evaluate(() => document.documentElement.classList.contains('printing')),
    shadow: await sheet.evaluate((el) => getComputedStyle(el).boxShadow !== 'none'),
    box: await sheet.boundingBox(),
  });
  const before = await onScreen();
  expect(before.printing).toBe(false);
  expect(before.shadow).toBe(true);
  // Printed from screen media, as the Print button prints (beforeprint puts the page in print mode).
  const pdf = await savePagePdf(page);
  const text = pdfText(pdf);
  expect(text.trimStart().startsWith('Clinic')).toBe(true);
  for (const key of ['form.edit', 'form.printCardOnly']) expect(text).not.toContain(uiText('en', key));
  // No paper shadow on paper: Chromium would print it as a picture.
  expect(pdfImageCount(pdf)).toBe(0);
  expect(await onScreen()).toEqual(before);
  await expect(page.getByRole('button', { name: uiText('en', 'form.edit') })).toBeVisible();
});

test('bilingual Arabic and English sheet, side by side', async ({ page, kiosk }) => {
  await openDischargeFormAsNurse(page, kiosk);
  await fillDischargeForm(page, { ...base, locale: 'ar', secondLocale: 'en' });
  await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
  await expect(page.locator('.sheet-section[lang="ar"]').first()).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.sheet-section[lang="en"]').first()).toHaveAttribute('dir', 'ltr');
  expect(await page.locator('.sheet-section[lang="ar"]').count()).toBe(await page.locator('.sheet-section[lang="en"]').count());
  const text = squashPdfText(pdfText(await savePagePdf(page)));
  expect(text).toContain(squashPdfText('Call 911 now if you have'));
});

test('a bilingual Spanish and English sheet wastes no page: every page but the last is well filled', async ({ page, kiosk }) => {
  await openDischargeFormAsNurse(page, kiosk);
  await fillDischargeForm(page, { ...base, locale: 'es', secondLocale: 'en' });
  await page.getByLabel(uiText('en', 'form.includeCard')).uncheck();
  await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
  const pdf = await savePagePdf(page);
  const pages = pdfPageCount(pdf);
  const perPage = Array.from({ length: pages }, (_, i) => squashPdfText(pdfPageText(pdf, i + 1)).length);
  const fullest = Math.max(...perPage);
  for (const [i, chars] of perPage.slice(0, -1).entries()) expect(chars, `page ${i + 1} of ${pages} holds ${chars} characters (fullest ${fullest}): ${perPage.join(', ')}`).toBeGreaterThan(fullest * 0.6);
});

test('the form explains invalid values in plain words', async ({ page, kiosk }) => {
  await openDischargeFormAsNurse(page, kiosk);
  await fillDischargeForm(page, { ...base, followUp: { ...base.followUp, date: '2026-11-20' }, lift: { value: '-5', unit: 'lb' }, nurseNotes: 'x'.repeat(10_000) });
  await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
  await expect(page.locator('#f-followUpDate-error')).toHaveText('The follow-up date is before the procedure date.');
  await expect(page.locator('#f-liftValue-error')).toHaveText('more than 0');
  await expect(page.locator('#f-nurseNotes-error')).toHaveText('at most 2000 characters');
  await expect(page.locator('.sheet')).toHaveCount(0);
});

test('a wrong PIN is refused with the tries left; staff screens need a signed-in session', async ({ page, kiosk }) => {
  setPin(kiosk.dataDir, 'nurse', '246810');
  await openStaffSignIn(page, kiosk.url);
  await signIn(page, '1111');
  await expect(page.getByRole('alert')).toContainText('4 tries left');
  const refused = await page.evaluate(async () => {
    const r = await fetch('/api/getSheetDefaults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return r.status;
  });
  expect(refused).toBe(401);
});

test('with no PIN set, staff sign-in says how to set one', async ({ page, kiosk }) => {
  await openStaffSignIn(page, kiosk.url);
  await expect(page.getByRole('alert')).toHaveText(uiText('en', 'staff.noPin'));
});

test('an admin sets the nurse PIN on screen; the nurse can then sign in with it', async ({ page, kiosk }) => {
  setPin(kiosk.dataDir, 'admin', '135790');
  await openStaffSignIn(page, kiosk.url);
  await signIn(page, '135790');
  await page.getByLabel(uiText('en', 'staff.pinRole')).selectOption('nurse');
  await page.getByLabel(uiText('en', 'staff.newPinDigits')).fill('864213');
  await page.getByRole('button', { name: uiText('en', 'staff.savePin') }).click();
  await expect(page.getByRole('status')).toHaveText('The nurse PIN is set.');
  await page.getByRole('button', { name: uiText('en', 'staff.signOut') }).click();
  await openStaffSignIn(page, kiosk.url);
  await signIn(page, '864213');
  await expect(page.getByText('Signed in as nurse')).toBeVisible();
});
