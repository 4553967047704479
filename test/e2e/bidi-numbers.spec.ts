/**
 * Numbers inside right-to-left text are drawn as typed: a phone number inside Arabic words must
 * not be reordered ("555-0100" drawn as "0100-555"). Each test finds every isolated value on the
 * screen and measures where its parts are drawn (Range.getBoundingClientRect), in a real Chromium.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './kiosk-fixture';
import { contentTexts, localeList, startIn, uiText } from './kiosk-pages';
import { fillDischargeForm, openStaffSignIn, sampleForm, setPin, signIn } from './staff-pages';
import { openAdmin, openText } from './admin-pages';

interface Drawn {
  value: string;
  /** Whether the value sits inside isolation marks, or alone in an element of its own direction (`<bdi>`, `dir="ltr"`). */
  isolated: boolean;
  /** Left edges of the value's tokens (digit runs and letter runs), in typed order, on the value's first line. */
  tokenLefts: number[];
  /** For each digit run, the left edges of its digits in typed order. */
  digitLefts: number[][];
}

/**
 * Every bidi-isolated value (LRI/FSI … PDI) under `selector`, and every occurrence of each of
 * `needles` whether isolated or not (so a missing isolation is measured too), with where its
 * parts are drawn.
 */
async function drawnValues(page: Page, selector: string, needles: string[] = []): Promise<Drawn[]> {
  return page.locator(selector).first().evaluate((root, needles) => {
    const out: { value: string; isolated: boolean; tokenLefts: number[]; digitLefts: number[][] }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const rectOf = (node: Text, start: number, end: number) => {
      const r = document.createRange();
      r.setStart(node, start);
      r.setEnd(node, end);
      return r.getClientRects()[0] ?? r.getBoundingClientRect();
    };
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.data;
      const found: { value: string; offset: number; isolated: boolean }[] = [];
      for (const m of text.matchAll(/[\u2066\u2068]([^\u2066-\u2069]*)\u2069/g)) found.push({ value: m[1] ?? '', offset: (m.index ?? 0) + 1, isolated: true });
      for (const needle of needles)
        for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1))
          if (!found.some((f) => f.offset === at)) found.push({ value: needle, offset: at, isolated: Boolean(node.parentElement?.closest('bdi, [dir="ltr"]')) });
      for (const { value, offset, isolated } of found) {
        const firstTop = rectOf(node, offset, offset + 1).top;
        const tokenLefts: number[] = [];
        const digitLefts: number[][] = [];
        for (const t of value.matchAll(/\p{N}+|\p{L}+/gu)) {
          const start = offset + (t.index ?? 0);
          const rect = rectOf(node, start, start + t[0].length);
          if (Math.abs(rect.top - firstTop) < 4) tokenLefts.push(rect.left);
          if (/^\p{N}+$/u.test(t[0]) && t[0].length > 1) {
            const lefts: number[] = [];
            for (let i = 0; i < t[0].length; i++) lefts.push(rectOf(node, start + i, start + i + 1).left);
            digitLefts.push(lefts);
          }
        }
        out.push({ value, isolated, tokenLefts, digitLefts });
      }
    }
    return out;
  }, needles);
}

const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > (xs[i - 1] as number));

function expectReadsAsTyped(drawn: Drawn[], phones: string[], where: string): void {
  for (const phone of phones) {
    const found = drawn.filter((d) => d.value === phone);
    expect(found.length, `${where}: ${phone} is on screen`).toBeGreaterThan(0);
    // A phone number's parts are drawn left to right in the order they were typed.
    for (const d of found) expect(increasing(d.tokenLefts), `${where}: parts of ${phone} drawn at ${d.tokenLefts.join(', ')}`).toBe(true);
    for (const d of found) expect(d.isolated, `${where}: ${phone} is bidi-isolated`).toBe(true);
  }
  // Every number of every value (dates, weights, temperatures, counts, levels) reads in digit order.
  for (const d of drawn) for (const lefts of d.digitLefts) expect(increasing(lefts), `${where}: digits of "${d.value}" drawn at ${lefts.join(', ')}`).toBe(true);
}

for (const locale of localeList().filter((l) => l.direction === 'rtl').map((l) => l.code)) test(`${locale} discharge sheet preview and wallet card: every value is drawn as typed`, async ({ page, kiosk }) => {
  setPin(kiosk.dataDir, 'nurse', '246810');
  await openStaffSignIn(page, kiosk.url);
  await signIn(page, '246810');
  await page.getByRole('button', { name: uiText('en', 'staff.discharge') }).click();
  await fillDischargeForm(page, { ...sampleForm, locale });
  await page.getByLabel(uiText('en', 'form.includeCard')).check();
  await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
  await expect(page.locator('.sheet')).toHaveAttribute('dir', 'rtl');

  const phones = [sampleForm.clinicPhone, sampleForm.afterHoursPhone, sampleForm.emergencyNumber];
  const sheet = await drawnValues(page, '.sheet', phones);
  expectReadsAsTyped(sheet, phones, 'sheet');
  // The typed values of every kind reach the sheet isolated: phones, a level, a place, a date, a weight, a temperature.
  const values = sheet.map((d) => d.value);
  for (const typed of [sampleForm.levels, sampleForm.followUp.place]) expect(values, typed).toContain(typed);
  // Dates, the weight, the temperature and the counts are isolated too, each formatted for the language.
  const formatted = [
    new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilogram', unitDisplay: 'long' }).format(Number(sampleForm.lift.value)),
    new Intl.NumberFormat(locale, { style: 'unit', unit: 'celsius', unitDisplay: 'short' }).format(Number(sampleForm.fever.value)),
    new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(Number(sampleForm.showerAfterHours)),
  ];
  for (const value of formatted) expect(values, value).toContain(value);
  const card = await drawnValues(page, '.wallet-card', phones);
  expectReadsAsTyped(card, phones, 'wallet card');
});

for (const locale of ['ar', 'fa']) test(`${locale} topic text: the clinic emergency number is drawn as typed`, async ({ page, kiosk }) => {
  await startIn(page, kiosk.url, locale);
  const texts = contentTexts(locale);
  const topicWithNumber = Object.keys(texts).find((k) => /^topic\.[^.]+\.[^.]+\.body$/.test(k) && texts[k]!.includes('{{emergencyNumber}}'));
  expect(topicWithNumber, `a ${locale} topic text names {{emergencyNumber}}`).toBeTruthy();
  const topicId = topicWithNumber!.split('.')[1]!;
  await page.getByRole('button', { name: texts[`topic.${topicId}.title`]! }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts[`topic.${topicId}.title`]!);
  expectReadsAsTyped(await drawnValues(page, 'main', ['911']), ['911'], 'topic');
});

test('admin preview of an Arabic text: the emergency number is filled and drawn as typed', async ({ page, kiosk }) => {
  await openAdmin(page, kiosk);
  const key = 'topic.symptoms.nerve-signs.body';
  expect(contentTexts('ar')[key]).toContain('{{emergencyNumber}}');
  const row = await openText(page, 'ar', key);
  const preview = row.locator('.preview-frame');
  await expect(preview).toHaveAttribute('dir', 'rtl');
  await expect(preview).not.toContainText('{{emergencyNumber}}');
  expectReadsAsTyped(await drawnValues(page, `li.text-row[data-key="${key}"] .preview-frame`, ['911']), ['911'], 'admin preview');
});
