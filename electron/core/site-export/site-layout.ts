/** The frame every page of the take-home site shares: head with a strict CSP, header, language switcher, footer. */
import type { Locale, TextProvenance } from '../../shared/content-types';
import type { SiteClinic } from './site-model';
import type { SiteT } from './site-strings';
import { attr, esc } from './html';

/** No other host, no inline code, nothing but the folder itself. */
export const siteContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "media-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export interface LanguageLink {
  locale: Locale;
  /** Relative address of the same page (or the nearest one) in that language. */
  href: string;
}

export interface PageFrame {
  locale: Locale;
  t: SiteT;
  /** Relative address of the site's root folder from this page ("", "../" or "../../"). */
  toRoot: string;
  title: string;
  clinic: SiteClinic;
  languages: LanguageLink[];
  /** Relative address of the procedure's home page, for the "Home" link (absent on the home page). */
  homeHref?: string;
  /** Scripts in assets/ this page needs besides read aloud. */
  scripts?: string[];
  /** Offer the phone's read-aloud button (content pages). */
  readAloud?: boolean;
}

export function provenanceNote(p: TextProvenance, t: SiteT): string {
  if (p.status === 'approved' && !p.fallback) return '';
  const parts = [p.status !== 'approved' ? `<span>${esc(t('review.draft'))}</span>` : '', p.fallback ? `<span>${esc(t('review.fallback'))}</span>` : ''];
  return `<p class="provenance" role="note">${parts.join(' ')}</p>\n`;
}

function phoneLine(label: string, number: string): string {
  return number ? `<p>${esc(label)}: <a href="tel:${attr(number.replace(/[^0-9+]/g, ''))}" dir="ltr">${esc(number)}</a></p>` : '';
}

function languageSwitcher(frame: PageFrame): string {
  if (frame.languages.length < 2) return '';
  const items = frame.languages.map((l) =>
    l.locale.code === frame.locale.code
      ? `<li><a href="${attr(l.href)}" lang="${attr(l.locale.code)}" dir="${l.locale.direction}" aria-current="page">${esc(l.locale.nativeName)}</a></li>`
      : `<li><a href="${attr(l.href)}" lang="${attr(l.locale.code)}" hreflang="${attr(l.locale.code)}" dir="${l.locale.direction}">${esc(l.locale.nativeName)}</a></li>`,
  );
  return `<nav class="languages" aria-label="${attr(frame.t('app.language'))}"><ul>${items.join('')}</ul></nav>`;
}

export function page(frame: PageFrame, main: string): string {
  const { t, locale, toRoot } = frame;
  const scripts = [...(frame.readAloud ? ['read-aloud.js'] : []), ...(frame.scripts ?? [])];
  const clinic = frame.clinic;
  return `<!doctype html>
<html lang="${attr(locale.code)}" dir="${locale.direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${attr(siteContentSecurityPolicy)}">
<meta name="referrer" content="no-referrer">
<title>${esc(frame.title)}</title>
<link rel="icon" href="${toRoot}assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${toRoot}assets/site.css">
${scripts.map((s) => `<script src="${toRoot}assets/${s}" defer></script>`).join('\n')}
</head>
<body>
<header class="site-header">
<p class="clinic-name">${esc(clinic.name)}</p>
${frame.homeHref ? `<nav class="page-nav" aria-label="${attr(t('app.topics'))}"><a class="home-link" href="${attr(frame.homeHref)}">${esc(t('toolbar.home'))}</a></nav>` : ''}
${languageSwitcher(frame)}
</header>
<main id="main">
${frame.readAloud ? `<p class="read-aloud-bar"><button type="button" class="read-aloud" data-read-aloud data-label-stop="${attr(t('toolbar.stop'))}" hidden>${esc(t('toolbar.listen'))}</button></p>\n` : ''}${main}
</main>
<footer class="site-footer">
<p class="clinic-name">${esc(clinic.name)}</p>
${[phoneLine(t('sheet.clinicPhone'), clinic.phone), phoneLine(t('takeHome.afterHoursPhone'), clinic.afterHoursPhone), phoneLine(t('takeHome.emergencyNumber'), clinic.emergencyNumber)].filter(Boolean).join('\n')}
<p class="privacy-note">${esc(t('takeHome.privacy'))}</p>
</footer>
</body>
</html>
`;
}
