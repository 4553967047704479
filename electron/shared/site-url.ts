/**
 * Addresses on the take-home website (`export-site`). The one place that builds them: the
 * discharge sheet, the wallet card, the kiosk's QR codes and the site's own links all use it.
 * An address holds only the clinic's base URL, the procedure and the language, never
 * anything typed into a form.
 */
import { z } from 'zod';
import { contentId, localeCode } from './ids';

/** The site's base URL as set in Settings: empty for none, else an http(s) address. */
export const siteBaseUrlSetting = z
  .string()
  .trim()
  .max(300, 'at most 300 characters')
  .refine((v) => v === '' || isHttpUrl(v), 'an address starting with http:// or https://, such as https://clinic.example/take-home/');

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Why a base URL cannot be used, or null when it can (an empty one cannot: there is no site). */
export function siteBaseUrlProblem(value: string): string | null {
  if (value.trim() === '') return 'give the address where the site will be hosted, starting with http:// or https://';
  return isHttpUrl(value.trim()) ? null : `"${value}" is not an http:// or https:// address (without ?query or #fragment), such as https://clinic.example/take-home/`;
}

/** The base URL with exactly one trailing slash. */
export function normalizeSiteBase(base: string): string {
  const url = new URL(base.trim());
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Path of a procedure's home page inside the site, relative to its root: "es/kyphoplasty/". */
export function procedurePagePath(procedureId: string, locale: string): string {
  return `${localeCode.parse(locale)}/${contentId.parse(procedureId)}/`;
}

/**
 * The address of a procedure's home page in one language, or null when no base URL is set.
 * Takes only these three values, so nothing typed into a form can reach it.
 */
export function procedurePageUrl(baseUrl: string, procedureId: string, locale: string): string | null {
  if (baseUrl.trim() === '' || siteBaseUrlProblem(baseUrl) !== null) return null;
  return `${normalizeSiteBase(baseUrl)}${procedurePagePath(procedureId, locale)}`;
}
