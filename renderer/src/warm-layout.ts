/**
 * The first time a page lays out text in a script, Chromium builds each font face's data at
 * each size (every unicode-range slice of a CJK family is a face of its own) and shapes every
 * word: for a Chinese home that first layout took about twice as long as later ones. So, in
 * idle time, once a language's home and its font slices are in, the kiosk lays out that
 * home's texts once, off screen, in the home screen's own classes (screens/Home.tsx: heading,
 * tagline, tile title and summary, a button), and removes them: the switch that follows finds
 * the faces ready.
 *
 * The copy is invisible, inert and hidden from assistive technology, and gone before the
 * next frame; it has none of the home's data attributes, so nothing can mistake it for the
 * home screen.
 */
import type { ProcedureHome } from '../../electron/shared/content-types';

export interface WarmTexts {
  lang: string;
  fontFamily: string;
  home: ProcedureHome;
  /** The UI strings the home shows besides its content (feature tiles, toolbar). */
  labels: string[];
}

const warmed = new Set<string>();

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Lays out `texts` once off screen (once per language and procedure); returns at once if done before. */
export function warmLayout(texts: WarmTexts): void {
  const key = `${texts.lang}:${texts.home.procedure.id}`;
  if (warmed.has(key) || typeof document === 'undefined' || !document.body) return;
  warmed.add(key);
  const box = element('div', '');
  box.lang = texts.lang;
  box.inert = true;
  box.setAttribute('aria-hidden', 'true');
  // Laid out (visibility, unlike display:none, keeps the layout) but never painted or seen.
  box.style.cssText = 'position:fixed;top:0;left:-30000px;width:1200px;visibility:hidden;pointer-events:none;contain:layout style paint';
  box.style.fontFamily = texts.fontFamily;
  const section = element('section', 'home');
  section.append(element('h1', '', texts.home.procedure.name), element('p', 'tagline', texts.home.procedure.tagline));
  const tiles = element('ul', 'tiles');
  for (const topic of texts.home.topics) {
    const tile = element('li', 'tile');
    tile.append(element('span', 'tile-title', topic.title), element('span', 'tile-summary', topic.summary));
    tiles.append(tile);
  }
  section.append(tiles, element('button', '', texts.labels.join(' ')));
  box.append(section);
  document.body.append(box);
  // Reading a size makes the layout happen now, in this idle moment.
  void box.offsetHeight;
  box.remove();
}

/** Forgets what was laid out (tests). */
export function forgetWarmLayouts(): void {
  warmed.clear();
}
