// First: takes over the first screen's two calls, which public/boot.js has already sent.
import { firstCallsSettled } from './boot-calls';
import { StrictMode, lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import './styles/fonts';
import './styles/kiosk.css';
import './styles/staff.css';
import './styles/sheet.css';
import './i18n';
import { App } from './App';

const PrintJobView = lazy(() => import('./screens/staff/PrintJobView').then((m) => ({ default: m.PrintJobView })));

const root = document.getElementById('root');
// A hidden Electron print window loads #print-job; everything else is the kiosk.
const isPrintJob = window.location.hash === '#print-job';
// React mounts once the first screen's answers are in (boot-calls.ts), so its first render is
// that screen; at once (flushSync), not in a task of its own: the page has nothing else to do.
const mount = () => {
  if (!root) return;
  const app = createRoot(root);
  flushSync(() => app.render(<StrictMode>{isPrintJob ? <Suspense fallback={null}><PrintJobView /></Suspense> : <App />}</StrictMode>));
};
void firstCallsSettled.then(mount);
