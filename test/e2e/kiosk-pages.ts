/** Shared steps for patient-kiosk journeys, with expected words taken from the content sources. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot } from './kiosk-fixture';
import { isolateValue } from '../../electron/shared/bidi';

type Texts = Record<string, string>;
const cache = new Map<string, Texts>();

/** The content texts of one language, as the kiosk should show them. */
export function contentTexts(locale: string): Texts {
  if (!cache.has(locale)) {
    const file = join(repoRoot, 'db', 'content', 'kyphoplasty', 'text', `${locale}.json`);
    cache.set(locale, (JSON.parse(readFileSync(file, 'utf8')) as { texts: Texts }).texts);
  }
  return cache.get(locale)!;
}

export function uiText(locale: string, path: string): string {
  const file = join(repoRoot, 'resources', 'locales', locale, 'ui.json');
  let node: unknown = JSON.parse(readFileSync(file, 'utf8'));
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  return node as string;
}

/**
 * A UI string with its {{values}} filled as the kiosk fills them (i18n.ts): each value
 * bidi-isolated for the language's direction.
 */
export function uiFilled(locale: string, path: string, values: Record<string, string | number>): string {
  const rtl = localeList().find((l) => l.code === locale)?.direction === 'rtl';
  return uiText(locale, path).replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return isolateValue(String(value), rtl ? 'rtl' : 'ltr', typeof value === 'number' ? 'ltr' : 'auto');
  });
}

/** The languages of the bundled content, as `db/content/locales.json` lists them. */
export function localeList(): { code: string; nativeName: string; direction: 'ltr' | 'rtl' }[] {
  return JSON.parse(readFileSync(join(repoRoot, 'db', 'content', 'locales.json'), 'utf8')) as { code: string; nativeName: string; direction: 'ltr' | 'rtl' }[];
}

export const nativeNames: Record<string, string> = Object.fromEntries(localeList().map((l) => [l.code, l.nativeName]));

/** From the attract screen to the home screen in a language. */
export async function startIn(page: Page, url: string, locale: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: uiText('en', 'attract.touch') }).click();
  await page.getByRole('button', { name: nativeNames[locale], exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contentTexts(locale)['procedure.name']!);
}
