/**
 * The two calls the first screen waits for (clinic settings and languages). public/boot.js,
 * a deferred classic script in the page's <head>, sends them before this code runs; this
 * module, the first of main.tsx's imports, takes those requests over (or sends the calls
 * itself when boot.js did not run), and api/call-cache.ts hands the answers once to the first
 * render.
 */
import { prefetchCall } from './api/call-cache';
import type { SentRequest } from './api/client';

declare global {
  interface Window {
    /** Set by public/boot.js: the first calls' requests, read once here. */
    __kioskFirstCalls?: Partial<Record<'getAppInfo' | 'listLocales', SentRequest>>;
  }
}

/** Longest the first render waits for the two answers before it shows the loading state instead. */
const FIRST_RENDER_WAIT_MS = 1000;

function firstCalls(): Promise<void> {
  const sent = window.__kioskFirstCalls ?? {};
  delete window.__kioskFirstCalls;
  return Promise.all([prefetchCall('getAppInfo', {}, sent.getAppInfo), prefetchCall('listLocales', {}, sent.listLocales)]).then(() => undefined);
}

/**
 * Settles once both answers are in (or failed), or after FIRST_RENDER_WAIT_MS: main.tsx mounts
 * React then, so the first render is the attract screen itself, not a loading state followed by
 * a second render and layout. The hidden print window (#print-job) needs neither call.
 */
export const firstCallsSettled: Promise<void> =
  window.location.hash === '#print-job' ? Promise.resolve() : Promise.race([firstCalls(), new Promise<void>((done) => setTimeout(done, FIRST_RENDER_WAIT_MS))]);
