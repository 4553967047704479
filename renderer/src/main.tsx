// First: takes over the first screen's two calls, which public/boot.js has already sent.
import { firstCallsSettled } from './boot-calls';
import { StrictMode, lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import './styles/fonts';
import './styles/kiosk.css';
// The staff screens' and the printed sheet's styles load with their code (styles/staff.css, styles/sheet.css).
import { App } from './App';
import { holdUiStringsUntil } from './ui-strings';
import { afterPaintWhenIdle } from './after-paint';
import { alwaysPrinting, followPrinting } from './print-mode';

const PrintJobView = lazy(() => import('./screens/staff/PrintJobView').then((m) => ({ default: m.PrintJobView })));

const root = document.getElementById('root');
// A hidden Electron print window loads #print-job; everything else is the kiosk.
const isPrintJob = window.location.hash === '#print-job';
if (isPrintJob) alwaysPrinting();
else followPrinting();
/** Longest the UI strings wait for the first screen's paint and an idle moment after it. */
const FIRST_PAINT_WAIT_MAX_MS = 1000;

/** After the next painted frame, once the page is idle (or FIRST_PAINT_WAIT_MAX_MS at most, for a page that paints nothing). */
const afterFirstPaint = () => Promise.race([afterPaintWhenIdle(300), new Promise<void>((done) => setTimeout(done, FIRST_PAINT_WAIT_MAX_MS))]);

// React mounts once the first screen's answers are in (boot-calls.ts), so its first render is
// that screen; at once (flushSync), not in a task of its own: the page has nothing else to do.
const mount = () => {
  if (!root) return;
  // The attract screen needs no UI strings: they load once it is on screen (ui-strings.ts),
  // so reading them takes nothing from its first paint. The print window needs them at once.
  if (!isPrintJob) holdUiStringsUntil(afterFirstPaint());
  const app = createRoot(root);
  flushSync(() => app.render(<StrictMode>{isPrintJob ? <Suspense fallback={null}><PrintJobView /></Suspense> : <App />}</StrictMode>));
};
void firstCallsSettled.then(mount);
