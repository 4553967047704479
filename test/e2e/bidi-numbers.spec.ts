/**
 * Numbers inside right-to-left text are drawn as typed: a phone number inside Arabic words must
 * not be reordered ("555-0100" drawn as "0100-555"). Each test finds every isolated value on the
 * screen and measures where its parts are drawn (Range.getBoundingClientRect), in a real Chromium.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './kiosk-fixture';
import { contentTexts, startIn, uiText } from './kiosk-pages';
import { fillDischargeForm, openStaffSignIn, sampleForm, setPin, signIn } from './staff-pages';

interface Drawn {
  value: string;
  /** Left edges of the value's tokens (digit runs and letter runs), in typed order, on the value's first line. */
  tokenLefts: number[];
  /** For each digit run, the left edges of its digits in typed order. */
  digitLefts: number[][];
}

/** Every bidi-isolated value (LRI/FSI … PDI) under `selector`, with where its parts are drawn. */
async function drawnValues(page: Page, selector: string): Promise<Drawn[]> {
  return page.locator(selector).first().evaluate((root) => {
    const out: { value: string; tokenLefts: number[]; digitLefts: number[][] }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const rectOf = (node: Text, start: number, end: number) => {
      const r = document.createRange();
      r.setStart(node, start);
      r.setEnd(node, end);
      return r.getClientRects()[0] ?? r.getBoundingClientRect();
    };
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.data;
      for (const m of text.matchAll(/[\u2066\u2068]([^\u2066-\u2069]*)\u2069/g)) {
        const value = m[1] ?? '';
        const offset = (m.index ?? 0) + 1;
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
        out.push({ value, tokenLefts, digitLefts });
      }
    }
    return out;
  }, null);
}

const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > (xs[i - 1] as number));

function expectReadsAsTyped(drawn: Drawn[], phones: string[], where: string): void {
  for (const phone of phones) {
    const found = drawn.filter((d) => d.value === phone);
    expect(found.length, `${where}: ${phone} is on screen, isolated`).toBeGreaterThan(0);
    // A phone number's parts are drawn left to right in the order they were typed.
    for (const d of found) expect(increasing(d.tokenLefts), `${where}: parts of ${phone} drawn at ${d.tokenLefts.join(', ')}`).toBe(true);
  }
  // Every number of every value (dates, weights, temperatures, counts, levels) reads in digit order.
  for (const d of drawn) for (const lefts of d.digitLefts) expect(increasing(lefts), `${where}: digits of "${d.value}" drawn at ${lefts.join(', ')}`).toBe(true);
}

test('Arabic discharge sheet preview and wallet card: every value is drawn as typed', async ({ page, kiosk }) => {
  setPin(kiosk.dataDir, 'nurse', '246810');
  await openStaffSignIn(page, kiosk.url);
  await signIn(page, '246810');
  await page.getByRole('button', { name: uiText('en', 'staff.discharge') }).click();
  await fillDischargeForm(page, { ...sampleForm, locale: 'ar' });
  await page.getByLabel(uiText('en', 'form.includeCard')).check();
  await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
  await expect(page.locator('.sheet')).toHaveAttribute('dir', 'rtl');

  const sheet = await drawnValues(page, '.sheet');
  // The typed values of every kind reach the sheet isolated: phones, a level, a place, a date, a weight, a temperature.
  const values = sheet.map((d) => d.value);
  for (const typed of [sampleForm.levels, sampleForm.followUp.place]) expect(values, typed).toContain(typed);
  expect(values.some((v) => /[٠-٩0-9]/.test(v) && /كيلوغرام|كغ/.test(v)), `a weight among ${values.join(' | ')}`).toBe(true);
  expectReadsAsTyped(sheet, [sampleForm.clinicPhone, sampleForm.emergencyNumber], 'sheet');
  const card = await drawnValues(page, '.wallet-card');
  expectReadsAsTyped(card, [sampleForm.clinicPhone], 'wallet card');
});

test('Arabic topic text: the clinic emergency number is drawn as typed', async ({ page, kiosk }) => {
  await startIn(page, kiosk.url, 'ar');
  const texts = contentTexts('ar');
  const topicWithNumber = Object.keys(texts).find((k) => /^topic\.[^.]+\.[^.]+\.body$/.test(k) && texts[k]!.includes('{{emergencyNumber}}'));
  test.skip(!topicWithNumber, 'topic texts do not use {{emergencyNumber}} yet');
  const topicId = topicWithNumber!.split('.')[1]!;
  await page.getByRole('button', { name: texts[`topic.${topicId}.title`]! }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts[`topic.${topicId}.title`]!);
  expectReadsAsTyped(await drawnValues(page, 'main'), ['911'], 'topic');
});
