import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { useCall } from './hooks/useCall';
import { useIdle } from './hooks/useIdle';
import { useLongPress } from './hooks/useLongPress';
import { KioskContext, useKiosk, type KioskContextValue } from './kiosk-context';
import { initialKioskState, kioskReducer, staffScreens } from './state/kiosk-state';
import { Toolbar } from './components/Toolbar';
import { IdleDialog } from './components/IdleDialog';
import { ErrorBoundary, ErrorScreen } from './components/ErrorScreen';
import { Attract } from './screens/Attract';
import { LanguageChoice } from './screens/LanguageChoice';
import { ProcedureChoice } from './screens/ProcedureChoice';
import { Home } from './screens/Home';
import { AdminScreen, DischargeForm, GlossaryScreen, QuizScreen, StaffMenu, StaffSignIn, TopicReader, Walkthrough } from './screens/lazy-screens';
import { Suspense } from 'react';
import { callApi } from './api/client';
import { forgetAnswers } from './api/call-cache';
import { forgetMarkdownTrees } from './components/markdown-trees';
import { homeInput, proceduresInput } from './preload-language';
import { reader } from './speech/reader';
import { STAFF_SESSION_IDLE_MS } from '../../electron/shared/staff-session';
import type { AppInfo, Locale, ProcedureSummary } from '../../electron/shared/content-types';
import { BASE_FONT, fontStack } from '../../electron/shared/fonts';
import { localeLoaded, useLoadedLocale } from './hooks/useLocaleReady';
import { showUiLanguage } from './ui-strings';

const englishLocale: Locale = { code: 'en', nativeName: 'English', englishName: 'English', direction: 'ltr', font: BASE_FONT };

const IDLE_WARNING_MS = 30_000;

/** Runs the kiosk; every reset starts a new generation that forgets everything and reloads settings. */
export function App() {
  const [generation, setGeneration] = useState(0);
  const reset = useCallback(() => {
    // The next patient reads the content and settings as they are now.
    forgetAnswers();
    forgetMarkdownTrees();
    setGeneration((g) => g + 1);
  }, []);
  return <KioskLoader key={generation} onReset={reset} />;
}

/** Loads what every screen needs (clinic settings, languages), then runs the kiosk; reads them again on `refreshSettings`. */
function KioskLoader({ onReset }: { onReset: () => void }) {
  const [settingsVersion, setSettingsVersion] = useState(0);
  // While a new read is under way the last answer stays, so the screen never blanks.
  const info = useCall('getAppInfo', {}, settingsVersion);
  const locales = useCall('listLocales', {}, settingsVersion);
  const refreshSettings = useCallback(() => setSettingsVersion((v) => v + 1), []);
  if (info.state === 'error' || locales.state === 'error') {
    const detail = info.state === 'error' ? info.error.message : locales.state === 'error' ? locales.error.message : '';
    return <ErrorScreen detail={detail} onRestart={() => window.location.reload()} />;
  }
  if (info.state !== 'ready' || locales.state !== 'ready') return <p className="loading">…</p>;
  return <KioskShell info={info.value} locales={locales.value} onReset={onReset} refreshSettings={refreshSettings} />;
}

function KioskShell({ info, locales, onReset, refreshSettings }: { info: AppInfo; locales: Locale[]; onReset: () => void; refreshSettings: () => void }) {
  const [state, dispatch] = useReducer(kioskReducer, initialKioskState);
  const onStaffScreen = staffScreens.has(state.screen.name);
  // Staff screens follow the signed-in person's choice (else the clinic's default); patient screens the patient's.
  const code = onStaffScreen ? (state.staffLocale ?? info.defaultLocale) : (state.locale ?? info.defaultLocale);
  const wanted = locales.find((l) => l.code === code) ?? locales[0] ?? englishLocale;
  // Shown once its UI strings and font are in (each language loads when first chosen).
  const locale = useLoadedLocale(wanted);
  // The attract screen shows before any UI strings are loaded (they load once it is painted,
  // ui-strings.ts); every other screen and the bar above it wait for its language's strings.
  const stringsIn = localeLoaded(locale);
  // Read with the language's strings: nothing on the attract screen needs the list, so the
  // first page load reads it after that screen is painted.
  const procedures = useCall('listProcedures', stringsIn ? proceduresInput(locale.code) : null);
  // While a new language's list loads, the last one stands in (the same procedures, by id).
  const lastProcedures = useRef<ProcedureSummary[]>([]);
  if (procedures.state === 'ready') lastProcedures.current = procedures.value;
  const procedureList = lastProcedures.current;
  const procedureId = state.procedureId ?? procedureList[0]?.id ?? '';

  // The UI strings switch in the same render as the content: components read the language as
  // they render (hooks/useUiText.ts), so a change causes no second render.
  showUiLanguage(locale.code);

  useLayoutEffect(() => {
    const html = document.documentElement;
    html.lang = locale.code;
    html.dir = locale.direction;
    html.style.fontFamily = fontStack(locale.font);
    html.dataset.textSize = String(state.display.textSize);
    html.dataset.contrast = state.display.highContrast ? 'high' : 'normal';
    html.dataset.motion = state.display.reducedMotion ? 'reduce' : 'normal';
  }, [locale.code, locale.direction, locale.font, state.display]);

  const readerStatus = useSyncExternalStore(reader.subscribe, () => reader.getState().status);
  const { idle, stillHere } = useIdle({
    // A staff session ends after two minutes without a touch (warning included).
    idleMs: onStaffScreen ? STAFF_SESSION_IDLE_MS - IDLE_WARNING_MS : info.idleTimeoutSeconds * 1000,
    warnMs: IDLE_WARNING_MS,
    enabled: state.screen.name !== 'attract',
    onExpire: () => dispatch({ type: 'reset' }),
    busy: readerStatus === 'playing' || readerStatus === 'loading',
  });

  // Any reset (idle, sign out, exit) ends the staff session and forgets everything by remounting.
  const resetCount = useRef(0);
  useEffect(() => {
    if (state !== initialKioskState) return;
    if (resetCount.current++ === 0) return;
    reader.stop();
    void callApi('staffSignOut', {}).catch(() => undefined);
    onReset();
  }, [state, onReset]);

  useStaffKeepAlive(state.staffRole !== 'public');

  // Back on the attract screen, the next patient gets the settings as they are now.
  const onAttract = state.screen.name === 'attract';
  const wasOnAttract = useRef(onAttract);
  useEffect(() => {
    if (onAttract && !wasOnAttract.current) refreshSettings();
    wasOnAttract.current = onAttract;
  }, [onAttract, refreshSettings]);

  // Changing screen or language stops reading aloud (so does the reset, by unmounting).
  const screenKey = JSON.stringify(state.screen);
  useEffect(() => () => reader.stop(), [screenKey, locale.code]);

  const value: KioskContextValue = { state, dispatch, info, locales, locale, procedureId, procedures: procedureList, refreshSettings };
  const screenShown = state.screen.name === 'attract' || stringsIn;
  return (
    <KioskContext.Provider value={value}>
      <div className="kiosk">
        {state.screen.name !== 'attract' && !onStaffScreen && stringsIn && <TopBar />}
        <main id="screen" tabIndex={-1} aria-label={info.clinicName}>
          <ErrorBoundary onRestart={onReset}>
            {/* Screens other than attract, language and home load their code when first shown (screens/lazy-screens.tsx). */}
            {procedures.state === 'error' ? <ErrorScreen detail={procedures.error.message} onRestart={onReset} /> : <Suspense fallback={<p className="loading">…</p>}>{screenShown ? <ScreenView /> : <p className="loading">…</p>}</Suspense>}
          </ErrorBoundary>
        </main>
        {idle.phase === 'warning' && stringsIn && <IdleDialog secondsLeft={idle.secondsLeft} onContinue={stillHere} />}
      </div>
    </KioskContext.Provider>
  );
}

/** While staff are signed in, touches keep the server-side staff session alive (at most every 30 s). */
function useStaffKeepAlive(active: boolean) {
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const touch = () => {
      if (Date.now() - last < 30_000) return;
      last = Date.now();
      void callApi('staffKeepAlive', {}).catch(() => undefined);
    };
    window.addEventListener('pointerdown', touch, true);
    window.addEventListener('keydown', touch, true);
    return () => {
      window.removeEventListener('pointerdown', touch, true);
      window.removeEventListener('keydown', touch, true);
    };
  }, [active]);
}

function TopBar() {
  const { info, dispatch } = useKiosk();
  const staffEntry = useLongPress(() => dispatch({ type: 'navigate', screen: { name: 'staff' } }), 3000);
  return (
    <header className="topbar">
      {/* The hold's first touch loads the sign-in screen's code, so it opens the moment the hold ends. */}
      <span
        className="clinic-logo"
        {...staffEntry}
        onPointerDown={() => {
          void StaffSignIn.preload().catch(() => undefined);
          staffEntry.onPointerDown();
        }}
        data-staff-entry=""
      >
        {info.clinicName}
      </span>
      <Toolbar />
    </header>
  );
}

/** True until the page has shown its first screen (a reset's attract screen is not the first). */
let firstScreenOfPage = true;

function ScreenView() {
  const { state, locale, procedureId, dispatch } = useKiosk();
  const screen = state.screen;
  const needsContent = !staffScreens.has(screen.name) && !['attract', 'language', 'procedures'].includes(screen.name) && procedureId !== '';
  const home = useCall('getProcedureHome', needsContent ? homeInput(procedureId, locale.code) : null);
  const topic = useCall('getTopic', screen.name === 'topic' && procedureId ? { procedureId, topicId: screen.topicId, locale: locale.code } : null);
  const walkthrough = useCall('getWalkthrough', (screen.name === 'walkthrough' || screen.name === 'quiz') && procedureId ? { procedureId, locale: locale.code } : null);
  const quiz = useCall('getQuiz', screen.name === 'quiz' && procedureId ? { procedureId, locale: locale.code } : null);
  const focusTarget = useRef<string>('');

  // A new screen starts at the top, with focus on the screen for screen readers. The page's
  // very first screen leaves the focus where loading the page put it (there is nothing to move
  // it from, and moving it would lay the first screen out twice before it is painted).
  const screenKey = JSON.stringify(screen);
  useEffect(() => {
    if (focusTarget.current === screenKey) return;
    focusTarget.current = screenKey;
    if (firstScreenOfPage) {
      firstScreenOfPage = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('screen')?.focus({ preventScroll: true });
  }, [screenKey]);

  switch (screen.name) {
    case 'attract':
      return <Attract />;
    case 'language':
      return <LanguageChoice />;
    case 'procedures':
      return <ProcedureChoice />;
    case 'staff':
      return <StaffSignIn />;
    case 'staff-menu':
    case 'discharge':
    case 'admin': {
      const allowed = screen.name === 'admin' ? state.staffRole === 'admin' : state.staffRole !== 'public';
      if (!allowed) return <StaffSignIn />;
      return screen.name === 'admin' ? <AdminScreen /> : screen.name === 'discharge' ? <DischargeForm /> : <StaffMenu />;
    }
    default:
      break;
  }
  const failed = [home, topic, walkthrough, quiz].find((r) => r.state === 'error');
  if (failed && failed.state === 'error') return <ErrorScreen detail={failed.error.message} onRestart={() => dispatch({ type: 'home' })} />;
  if (home.state !== 'ready') return <p className="loading">…</p>;
  switch (screen.name) {
    case 'home':
      return <Home home={home.value} />;
    case 'glossary':
      return <GlossaryScreen glossary={home.value.glossary} locale={locale.code} />;
    case 'topic':
      return topic.state === 'ready' ? <TopicReader page={topic.value} glossary={home.value.glossary} /> : <p className="loading">…</p>;
    case 'walkthrough':
      return walkthrough.state === 'ready' ? <Walkthrough data={walkthrough.value} step={screen.step} /> : <p className="loading">…</p>;
    case 'quiz':
      return quiz.state === 'ready' && walkthrough.state === 'ready' ? <QuizScreen quiz={quiz.value} home={home.value} walkthrough={walkthrough.value} /> : <p className="loading">…</p>;
  }
}
