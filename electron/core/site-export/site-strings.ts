/**
 * UI strings for the take-home site, from the kiosk's own string files
 * (resources/locales/<lng>/ui.json), with English for anything not yet translated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';

export type SiteT = (key: string, values?: Record<string, string>) => string;

function readStrings(dir: string, locale: string): Record<string, unknown> | null {
  const file = join(dir, locale, 'ui.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : null;
}

/** One translator per language, synchronously initialised over the string files. */
export function siteStrings(uiStringsDir: string, locales: string[]): (locale: string) => SiteT {
  const english = readStrings(uiStringsDir, 'en');
  if (!english) throw new Error(`The UI strings ${join(uiStringsDir, 'en', 'ui.json')} are missing; reinstall the app.`);
  const resources: Record<string, { ui: Record<string, unknown> }> = { en: { ui: english } };
  for (const l of locales) {
    const own = readStrings(uiStringsDir, l);
    if (own) resources[l] = { ui: own };
  }
  const instance = i18next.createInstance();
  void instance.init({ resources, lng: 'en', fallbackLng: 'en', defaultNS: 'ui', interpolation: { escapeValue: false }, returnNull: false, initAsync: false });
  return (locale) => {
    const t: TFunction = instance.getFixedT(locale);
    return (key, values) => String(t(key, values ?? {}));
  };
}
