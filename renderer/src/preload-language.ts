/**
 * A language's switch made ahead: its UI strings, font faces, the procedure's home in that
 * language, the glyphs and picture that home shows, and one off-screen layout of that home
 * (screens/HomeWarmUp.tsx) are made ready while the attract screen or the language list is
 * shown (one language after another, in idle time), and the first of them at once when a
 * patient touches or focuses a language, so the new home shows in one layout as the tap ends
 * (api/call-cache.ts keeps the answers; ui-strings.ts and styles/fonts.ts keep strings and faces).
 */
import { prefetchCall } from './api/call-cache';
import { loadLocale } from './hooks/useLocaleReady';
import { translateIn } from './ui-strings';
import { afterPaintWhenIdle } from './after-paint';
import { fontStack } from '../../electron/shared/fonts';
import type { CallInput } from '../../electron/shared/contract';
import type { Locale, ProcedureHome } from '../../electron/shared/content-types';

type Preloadable = Pick<Locale, 'code' | 'font'>;

/** The home screen's call input: built in one place, so a preloaded answer has the key the screen asks for. */
export function homeInput(procedureId: string, locale: string): CallInput<'getProcedureHome'> {
  return { procedureId, locale };
}

export function proceduresInput(locale: string): CallInput<'listProcedures'> {
  return { locale };
}

/** UI strings on the home screen besides its content. */
const homeKeys = ['home.walkthrough', 'home.walkthroughSummary', 'home.quiz', 'home.quizSummary', 'home.glossary', 'home.glossarySummary', 'toolbar.home', 'toolbar.back', 'toolbar.listen'];

/** Letters, digits and signs of basic Latin: the clinic's name and the toolbar's marks are drawn in the language's family too. */
const basicLatin = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** Every character the home screen shows in `code`, once each. */
function homeCharacters(home: ProcedureHome, code: string): string {
  const t = translateIn(code);
  const texts = [home.procedure.name, home.procedure.tagline, ...home.topics.flatMap((topic) => [topic.title, topic.summary]), ...homeKeys.map((k) => t(k)), basicLatin];
  return [...new Set(texts.join(''))].join('');
}

/** The home's picture, fetched and decoded once (the browser keeps it for the page), so the home shows with it. */
function loadPicture(home: ProcedureHome): Promise<void> {
  if (!home.hero || typeof Image === 'undefined') return Promise.resolve();
  const img = new Image();
  img.src = home.hero.src;
  return img.decode().catch(() => undefined);
}

const glyphsLoaded = new Map<string, Promise<void>>();

/** Loads the font slices (unicode-range faces) that the home's text needs, in both weights, and its picture, so it is laid out once. */
function loadGlyphs(locale: Preloadable, home: ProcedureHome): Promise<void> {
  const fonts = typeof document === 'undefined' ? undefined : document.fonts;
  if (!fonts || typeof fonts.load !== 'function') return Promise.resolve();
  const key = `${locale.code}:${home.procedure.id}`;
  let pending = glyphsLoaded.get(key);
  if (!pending) {
    const text = homeCharacters(home, locale.code);
    const family = fontStack(locale.font);
    // A face that cannot load leaves the text in the fallback font; nothing waits on it.
    pending = Promise.all([...['400', '700'].map((weight) => fonts.load(`${weight} 16px ${family}`, text)), loadPicture(home)]).then(
      () => undefined,
      () => undefined,
    );
    glyphsLoaded.set(key, pending);
  }
  return pending;
}

/** Loads the language's strings, faces and home; resolves with the home (or null) once they are in. */
function preloadData(locale: Preloadable, procedureId: string): Promise<ProcedureHome | null> {
  const strings = loadLocale(locale);
  const list = prefetchCall('listProcedures', proceduresInput(locale.code));
  const home = procedureId ? prefetchCall('getProcedureHome', homeInput(procedureId, locale.code)) : Promise.resolve(null);
  return Promise.all([strings, list, home]).then(([, , loaded]) => (loaded?.state === 'ready' ? loaded.value : null));
}

/** Starts loading what the home screen in `locale` needs; `procedureId` is '' while none is known. Settles when all is in. */
export function preloadLanguage(locale: Preloadable, procedureId: string): Promise<void> {
  return preloadData(locale, procedureId).then((home) => (home ? loadGlyphs(locale, home) : undefined));
}

/**
 * Preloads every language, one after another when the page is idle, while the attract screen
 * waits for a patient or the language list is open, so whichever language a patient picks
 * shows at once. What is already in costs nothing a second time. `isStopped` ends it early
 * (the screen closed: nothing loads in the background of the screens a patient reads).
 * `warm` lays each home out once, off screen, after its glyphs (screens/HomeWarmUp.tsx).
 */
export async function preloadLanguages<L extends Preloadable>(locales: readonly L[], procedureId: string, isStopped: () => boolean, warm: (locale: L, home: ProcedureHome) => void): Promise<void> {
  // Strings and homes first (small), then the glyphs (the large part, font files).
  const homes: (ProcedureHome | null)[] = [];
  for (const locale of locales) {
    await afterPaintWhenIdle(500);
    if (isStopped()) return;
    homes.push(await preloadData(locale, procedureId).catch(() => null));
  }
  for (const [i, locale] of locales.entries()) {
    const home = homes[i];
    if (!home) continue;
    await afterPaintWhenIdle(500);
    if (isStopped()) return;
    await loadGlyphs(locale, home);
    await afterPaintWhenIdle(500);
    if (isStopped()) return;
    warm(locale, home);
  }
}

/** Runs preloadLanguages while the calling screen is shown (a React effect: returns the stop). */
export function preloadLanguagesWhileShown<L extends Preloadable>(locales: readonly L[], procedureId: string, warm: (locale: L, home: ProcedureHome) => void): () => void {
  let shown = true;
  void preloadLanguages(locales, procedureId, () => !shown, warm);
  return () => {
    shown = false;
  };
}
