/**
 * A discharge sheet in every bundled language: the PDF's text is the language's own (its
 * title and sections in its script), the typed values are there, and every font is embedded.
 * es, ar and zh-Hans have the deeper checks of discharge-sheet.spec.ts.
 */
import { test, expect } from './kiosk-fixture';
import { contentTexts, localeList, uiText } from './kiosk-pages';
import { fillDischargeForm, openDischargeFormAsNurse, sampleForm } from './staff-pages';
import { pdfFonts, pdfText, pdfTokens, savePagePdf, squashPdfText } from '../fixtures/pdf';

const covered = new Set(['es', 'ar', 'zh-Hans']);

for (const { code: locale, direction } of localeList().filter((l) => !covered.has(l.code))) {
  test(`discharge sheet PDF in ${locale}: the language's own text, typed values, fonts embedded`, async ({ page, kiosk }) => {
    await openDischargeFormAsNurse(page, kiosk);
    await fillDischargeForm(page, { ...sampleForm, locale });
    await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
    await expect(page.locator('.sheet')).toHaveAttribute('lang', locale);
    await expect(page.locator('.sheet')).toHaveAttribute('dir', direction);
    const text = squashPdfText(pdfText(await savePagePdf(page)));
    const c = contentTexts(locale);
    // The sheet's own words in the language: its title and headings, word by word (pdftotext may
    // move punctuation in right-to-left text and split some syllables of complex scripts, so
    // three words in four are enough; an English or empty sheet finds almost none).
    const words = ['discharge.title', 'discharge.emergency-flags.heading', 'discharge.clinic-flags.heading'].flatMap((key) => pdfTokens(c[key]!.replace(/\{\{\s*\w+\s*\}\}/g, ' ')));
    const found = words.filter((w) => text.includes(w));
    expect(found.length / words.length, `${locale}: words of the sheet found in the PDF: ${found.length} of ${words.length}`).toBeGreaterThanOrEqual(0.75);
    for (const typed of [sampleForm.patientName, sampleForm.clinicPhone, sampleForm.afterHoursPhone]) expect(text, `${locale}: ${typed}`).toContain(squashPdfText(typed));
    const fonts = pdfFonts(await savePagePdf(page));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => f.embedded !== 'yes'), `${locale}: fonts not embedded`).toEqual([]);
  });
}
