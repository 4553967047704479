/**
 * Fifteen languages and more (issue 14), from content files alone: the language screen, each
 * language's font loaded when shown and embedded in the sheet's PDF, and the staff's own
 * language. The server runs on a content folder with the ten new languages and a sixteenth
 * (test/fixtures/languages.ts), built with the real content build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, testOnContent, type KioskServer } from './kiosk-fixture';
import { contentTexts, uiText } from './kiosk-pages';
import { fillDischargeForm, holdStaffEntry, sampleForm, setPin, signIn } from './staff-pages';
import { pseudo, pseudoLocale, sixteenLanguageContent } from '../fixtures/languages';
import { pdfFonts, savePagePdf } from '../fixtures/pdf';

const content = sixteenLanguageContent();
const english = (JSON.parse(readFileSync(join(content.contentDir, 'kyphoplasty', 'text', 'en.json'), 'utf8')) as { texts: Record<string, string> }).texts;
// The fifteen bundled languages and the sixteenth from fixture files, in the content's order.
const allNames = (JSON.parse(readFileSync(join(content.contentDir, 'locales.json'), 'utf8')) as { nativeName: string }[]).map((l) => l.nativeName);

// Staff tests set PINs and a staff language, so each test has a fresh server; they share nothing else.
const test = testOnContent(content.db);
test.describe.configure({ mode: 'parallel' });

async function openLanguages(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: uiText('en', 'attract.start') }).click();
  await expect(page.getByRole('heading', { level: 1, name: uiText('en', 'language.title') })).toBeVisible();
}

/** Font families whose faces the page has loaded (not just declared). */
async function loadedFamilies(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...new Set([...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, '')))].sort();
  });
}

for (const viewport of [
  { width: 1080, height: 1920 },
  { width: 1366, height: 768 },
]) {
  test(`the language screen shows all sixteen by native name, large, without scrolling at ${viewport.width}x${viewport.height}`, async ({ page, server }) => {
    await page.setViewportSize(viewport);
    await openLanguages(page, server.url);
    const buttons = page.locator('.language-button');
    await expect(buttons).toHaveText(allNames);
    for (let i = 0; i < allNames.length; i++) {
      const box = (await buttons.nth(i).boundingBox())!;
      expect(box.height, allNames[i]).toBeGreaterThanOrEqual(64);
      expect(box.y + box.height, `${allNames[i]} below the screen`).toBeLessThanOrEqual(viewport.height);
    }
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    // Each name is drawn in its own script's font, loaded because the screen shows it.
    expect(await loadedFamilies(page)).toEqual(expect.arrayContaining(['Noto Sans', 'Noto Sans KR', 'Noto Sans TC', 'Vazirmatn', 'Noto Sans Arabic', 'Noto Sans SC', 'Noto Sans Devanagari']));
    expect(await page.getByRole('button', { name: 'فارسی' }).evaluate((el) => [el.getAttribute('dir'), getComputedStyle(el).fontFamily])).toEqual(['rtl', 'Vazirmatn, "Noto Sans", sans-serif']);
  });
}

test('the still attract screen greets in every language, each in its own font', async ({ page, server }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(server.url);
  await expect(page.locator('.attract-line')).toHaveCount(16);
  await expect(page.locator('.attract-line[lang="ko"]')).toHaveCSS('font-family', '"Noto Sans KR", "Noto Sans", sans-serif');
  expect(await loadedFamilies(page)).toEqual(expect.arrayContaining(['Noto Sans KR', 'Vazirmatn']));
});

test('a sixteenth language from files alone: listed, chosen, and its topics served in it', async ({ page, server }) => {
  await openLanguages(page, server.url);
  await page.getByRole('button', { name: pseudoLocale.nativeName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pseudo(english['procedure.name']!));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  await page.locator('[data-topic="after"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pseudo(english['topic.after.title']!));
});

test('Persian reads right to left in Vazirmatn; Korean in Noto Sans KR', async ({ page, server }) => {
  await openLanguages(page, server.url);
  await page.getByRole('button', { name: 'فارسی' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contentTexts('fa')['procedure.name']!);
  expect(await page.evaluate(() => [document.documentElement.dir, getComputedStyle(document.documentElement).fontFamily])).toEqual(['rtl', 'Vazirmatn, "Noto Sans", sans-serif']);
  expect(await loadedFamilies(page)).toContain('Vazirmatn');
  await page.getByRole('button', { name: uiText('fa', 'toolbar.language') }).click();
  await page.getByRole('button', { name: '한국어', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contentTexts('ko')['procedure.name']!);
  expect(await page.evaluate(() => [document.documentElement.dir, getComputedStyle(document.documentElement).fontFamily])).toEqual(['ltr', '"Noto Sans KR", "Noto Sans", sans-serif']);
});

async function staffIn(page: Page, server: KioskServer, patientLanguage: { code: string; name: string }) {
  setPin(server.dataDir, 'nurse', '246810');
  await openLanguages(page, server.url);
  await page.getByRole('button', { name: patientLanguage.name, exact: true }).click();
  // The home screen in that language (its strings loaded, its direction set) before the long press.
  await expect(page.locator('html')).toHaveAttribute('lang', patientLanguage.code);
  await expect(page.locator('[data-topic]').first()).toBeVisible();
  await holdStaffEntry(page);
  await signIn(page, '246810');
  await expect(page.getByRole('heading', { name: uiText('en', 'staff.menu') })).toBeVisible();
}

for (const [code, family] of [
  ['fa', /Vazirmatn/],
  ['ko', /NotoSansKR/],
  ['zh-Hant', /NotoSansTC/],
] as const) {
  test(`a discharge sheet in ${code} embeds its font in the PDF`, async ({ page, server }) => {
    test.setTimeout(90_000);
    await staffIn(page, server, { code: 'en', name: 'English' });
    await page.getByRole('button', { name: uiText('en', 'staff.discharge') }).click();
    await fillDischargeForm(page, { ...sampleForm, locale: code });
    await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
    await expect(page.locator('.sheet')).toHaveAttribute('lang', code);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const file = await savePagePdf(page);
    const fonts = pdfFonts(file);
    expect(fonts.filter((f) => f.embedded !== 'yes')).toEqual([]);
    expect(fonts.map((f) => f.name)).toEqual(expect.arrayContaining([expect.stringMatching(family)]));
    // The sheet's title in the language's own script.
    const title = contentTexts(code)['discharge.title']!;
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const words = title.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
    expect(words.filter((w) => text.includes(w)).length, `${code}: "${title}" in the PDF`).toBeGreaterThanOrEqual(Math.ceil(words.length * 0.75));
  });
}

test('staff screens follow the staff member’s language; the patient’s stays as it was', async ({ page, server }) => {
  test.setTimeout(60_000);
  await staffIn(page, server, { code: 'ar', name: 'العربية' });
  await page.getByLabel(uiText('en', 'staff.language')).selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { name: uiText('es', 'staff.menu') })).toBeVisible();
  await page.getByRole('button', { name: uiText('es', 'staff.discharge') }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // The form starts in the patient's language, which the staff choice did not touch.
  await expect(page.getByLabel(uiText('es', 'form.language'), { exact: true })).toHaveValue('ar');
});
