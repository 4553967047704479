/**
 * Screens (and parts) that the attract and language screens do not need, each in its own
 * chunk: loaded when first shown, or ahead of time with `preload()` (the home screen preloads
 * the patient screens it links to). Once loaded, a screen renders at once, with no Suspense
 * fallback on later visits.
 */
import { use, type ComponentType, type JSX } from 'react';

type Preloadable<P> = ((props: P) => JSX.Element) & { preload: () => Promise<void> };

function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const preload = () =>
    (pending ??= load().then((component) => {
      loaded = component;
    }));
  function Part(props: P): JSX.Element {
    // Suspends (to the nearest Suspense) until the chunk is in; a chunk that fails to load reaches the ErrorBoundary.
    if (!loaded) use(preload());
    const Loaded = loaded as ComponentType<P>;
    return <Loaded {...props} />;
  }
  return Object.assign(Part, { preload });
}

export const TopicReader = lazyPart(() => import('./TopicReader').then((m) => m.TopicReader));
export const Walkthrough = lazyPart(() => import('./Walkthrough').then((m) => m.Walkthrough));
export const QuizScreen = lazyPart(() => import('./QuizScreen').then((m) => m.QuizScreen));
export const GlossaryScreen = lazyPart(() => import('./GlossaryScreen').then((m) => m.GlossaryScreen));
export const StaffSignIn = lazyPart(() => import('./staff/StaffSignIn').then((m) => m.StaffSignIn));
export const StaffMenu = lazyPart(() => import('./staff/StaffMenu').then((m) => m.StaffMenu));
export const DischargeForm = lazyPart(() => import('./staff/DischargeForm').then((m) => m.DischargeForm));
export const AdminScreen = lazyPart(() => import('./admin/AdminScreen').then((m) => m.AdminScreen));
/** The take-home QR code (the QR encoder and the address checks). */
export const KioskTakeHome = lazyPart(() => import('../components/KioskTakeHome').then((m) => m.KioskTakeHome));

/** Loads the screens the home screen links to, so a tap on a tile shows its screen without waiting for code. */
export function preloadPatientScreens(): void {
  for (const screen of [TopicReader, Walkthrough, QuizScreen, GlossaryScreen]) void screen.preload().catch(() => undefined);
}
