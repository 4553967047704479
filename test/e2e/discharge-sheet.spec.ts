import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './kiosk-fixture';
import { uiText } from './kiosk-pages';
import { fillDischargeForm, openStaffSignIn, sampleForm, savePdf, setPin, signIn } from './staff-pages';

// pdftotext adds bidi marks around right-to-left runs; they are not part of the text.
const squash = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, '');
/** In right-to-left text pdftotext may move punctuation, so each word and number is checked. */
const tokens = (s: string) => s.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
function pdfPages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}
function pdfFonts(file: string): { name: string; embedded: string }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    return { name: cols[0] ?? '', embedded: cols[cols.length - 5] ?? '' };
  });
}

/** Every file in the data folder, as bytes, searched for a typed value. */
function dataDirContains(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (readFileSync(path).includes(Buffer.from(needle, 'utf8'))) hits.push(path);
    }
  };
  walk(dir);
  return hits;
}


const base = sampleForm;

for (const locale of ['es', 'ar', 'zh-Hans']) {
  test(`discharge sheet in ${locale}: values formatted for the language, fonts embedded, nothing stored`, async ({ page, kiosk }) => {
    test.setTimeout(90_000);
    setPin(kiosk.dataDir, 'nurse', '2468');
    await openStaffSignIn(page, kiosk.url);
    await signIn(page, '2468');
    await page.getByRole('button', { name: uiText('en', 'staff.discharge') }).click();
    await fillDischargeForm(page, { ...base, locale });
    await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
    await expect(page.locator('.sheet')).toHaveAttribute('lang', locale);
    await expect(page.locator('.sheet')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');

    const pdf = await savePdf(page);
    const text = squash(pdfText(pdf));
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
      if (locale === 'ar') for (const token of tokens(value)) expect(text, `${locale}: "${token}" of "${value}" in the PDF`).toContain(token);
      else expect(text, `${locale}: "${value}" in the PDF`).toContain(squash(value));
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
      expect(dataDirContains(kiosk.dataDir, typed), typed).toEqual([]);
      expect(kiosk.output()).not.toContain(typed);
    }
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  });
}

test('an English A4 sheet fits on two pages; the wallet card is credit-card size', async ({ page, kiosk }) => {
  setPin(kiosk.dataDir, 'nurse', '2468');
  await openStaffSignIn(page, kiosk.url);
  await signIn(page, '2468');
  await page.getByRole('button', { name: uiText('en', 'staff.discharge') }).click();
  await fillDischargeForm(page, base);
  await page.getByLabel(uiText('en', 'form.includeCard')).uncheck();
  await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
  await expect(page.locator('.sheet')).toBeVisible();
  const pdf = await savePdf(page);
  expect(pdfPages(pdf)).toBeLessThanOrEqual(2);
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
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

test('bilingual Arabic and English sheet, side by side', async ({ page, kiosk }) => {
  setPin(kiosk.dataDir, 'nurse', '2468');
  await openStaffSignIn(page, kiosk.url);
  await signIn(page, '2468');
  await page.getByRole('button', { name: uiText('en', 'staff.discharge') }).click();
  await fillDischargeForm(page, { ...base, locale: 'ar', secondLocale: 'en' });
  await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
  await expect(page.locator('.sheet-section[lang="ar"]').first()).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.sheet-section[lang="en"]').first()).toHaveAttribute('dir', 'ltr');
  expect(await page.locator('.sheet-section[lang="ar"]').count()).toBe(await page.locator('.sheet-section[lang="en"]').count());
  const text = squash(pdfText(await savePdf(page)));
  expect(text).toContain(squash('Call 911 now if you have'));
});

test('the form explains invalid values in plain words', async ({ page, kiosk }) => {
  setPin(kiosk.dataDir, 'nurse', '2468');
  await openStaffSignIn(page, kiosk.url);
  await signIn(page, '2468');
  await page.getByRole('button', { name: uiText('en', 'staff.discharge') }).click();
  await fillDischargeForm(page, { ...base, followUp: { ...base.followUp, date: '2026-11-20' }, lift: { value: '-5', unit: 'lb' }, nurseNotes: 'x'.repeat(10_000) });
  await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
  await expect(page.locator('#f-followUpDate-error')).toHaveText('The follow-up date is before the procedure date.');
  await expect(page.locator('#f-liftValue-error')).toHaveText('more than 0');
  await expect(page.locator('#f-nurseNotes-error')).toHaveText('at most 2000 characters');
  await expect(page.locator('.sheet')).toHaveCount(0);
});

test('a wrong PIN is refused with the tries left; staff screens need a signed-in session', async ({ page, kiosk }) => {
  setPin(kiosk.dataDir, 'nurse', '2468');
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
  setPin(kiosk.dataDir, 'admin', '13579');
  await openStaffSignIn(page, kiosk.url);
  await signIn(page, '13579');
  await page.getByLabel(uiText('en', 'staff.pinRole')).selectOption('nurse');
  await page.getByLabel(uiText('en', 'staff.newPin')).fill('8642');
  await page.getByRole('button', { name: uiText('en', 'staff.savePin') }).click();
  await expect(page.getByRole('status')).toHaveText('The nurse PIN is set.');
  await page.getByRole('button', { name: uiText('en', 'staff.signOut') }).click();
  await openStaffSignIn(page, kiosk.url);
  await signIn(page, '8642');
  await expect(page.getByText('Signed in as nurse')).toBeVisible();
});
