/** Shared steps for patient-kiosk journeys, with expected words taken from the content sources. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot } from './kiosk-fixture';

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

export const nativeNames: Record<string, string> = { en: 'English', es: 'Español', 'zh-Hans': '简体中文', ar: 'العربية', hi: 'हिन्दी' };

/** From the attract screen to the home screen in a language. */
export async function startIn(page: Page, url: string, locale: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: uiText('en', 'attract.touch') }).click();
  await page.getByRole('button', { name: nativeNames[locale], exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contentTexts(locale)['procedure.name']!);
}
