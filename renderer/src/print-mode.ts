/**
 * What differs on paper hangs on one class, `html.printing`, never on a media query.
 *
 * When a print starts, Chromium lays the page out at the paper's size in print media. If any
 * media query then answers differently (`@media print`, `@media screen`, a window width the page
 * no longer has), Chromium rebuilds the page's styles without its caches and re-lays out all of
 * it, on the way to paper and again on the way back: about three times the work of printing the
 * discharge sheet itself (issue 15; test/unit/print-stable-css.test.ts keeps the style sheets
 * free of such queries). A class change restyles only what its rules name.
 */
export const PRINTING_CLASS = 'printing';

/** The kiosk: `html.printing` from `beforeprint` to `afterprint` (the Print button, or a browser's own print). */
export function followPrinting(win: Window = window): void {
  const root = win.document.documentElement;
  win.addEventListener('beforeprint', () => root.classList.add(PRINTING_CLASS));
  win.addEventListener('afterprint', () => root.classList.remove(PRINTING_CLASS));
}

/** The hidden print window shows nothing but paper: `html.printing` from the start. */
export function alwaysPrinting(win: Window = window): void {
  win.document.documentElement.classList.add(PRINTING_CLASS);
}
