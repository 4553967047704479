/**
 * The first time a page lays out text in a script, Chromium builds each font face's data at
 * each size it is drawn in (every unicode-range slice of a CJK family is a face of its own)
 * and shapes every word: a first Chinese home took twice as long to lay out as later ones,
 * even with its font slices loaded. So, in idle time, once a language's home, strings and
 * slices are in (preload-language.ts), the kiosk renders that language's real home screen
 * once into a container of its own, off screen and invisible, lays it out, and removes it in
 * the same task: the patient's switch then finds every face ready at every size.
 *
 * The copy is a separate React root, inert and hidden from assistive technology; it is gone
 * before any other code runs, so nothing (a test, a screen reader, a click) can meet it.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { KioskContext, type KioskContextValue } from '../kiosk-context';
import { inLanguage } from '../styles/fonts';
import { Home } from './Home';
import { UiLanguageContext } from '../hooks/useUiText';
import type { Locale, ProcedureHome } from '../../../electron/shared/content-types';

const warmed = new Set<string>();

/** Lays out `home` in `locale` once, off screen (once per language and procedure). */
export function warmHomeLayout(kiosk: KioskContextValue, locale: Locale, home: ProcedureHome): void {
  const key = `${locale.code}:${home.procedure.id}`;
  if (warmed.has(key) || typeof document === 'undefined' || !document.body) return;
  warmed.add(key);
  const { lang, dir, style } = inLanguage(locale);
  const box = document.createElement('div');
  box.lang = lang;
  box.dir = dir;
  box.inert = true;
  box.setAttribute('aria-hidden', 'true');
  // Laid out (visibility, unlike display:none, keeps the layout) but never painted or seen;
  // as wide as the screen, so its lines break as the real home's do.
  const width = document.getElementById('screen')?.clientWidth || window.innerWidth;
  box.style.cssText = `position:fixed;top:0;left:-40000px;width:${width}px;visibility:hidden;pointer-events:none;contain:layout style paint`;
  box.style.fontFamily = style.fontFamily;
  document.body.append(box);
  const root = createRoot(box);
  try {
    // The home's UI strings in its own language, whatever the kiosk shows now.
    flushSync(() =>
      root.render(
        <UiLanguageContext.Provider value={locale.code}>
          <KioskContext.Provider value={{ ...kiosk, locale }}>
            <Home home={home} />
          </KioskContext.Provider>
        </UiLanguageContext.Provider>,
      ),
    );
    // Reading a size makes the layout happen now, in this idle moment.
    void box.offsetHeight;
  } finally {
    root.unmount();
    box.remove();
  }
}
