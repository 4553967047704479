/**
 * The two calls the first screen waits for (clinic settings and languages) start as soon as
 * this module runs, which main.tsx makes the first of its imports: the answers come while
 * React and the screens are still being read, and the first render finds them
 * (api/call-cache.ts hands them over once).
 */
import { prefetchCall } from './api/call-cache';

/** The hidden print window (#print-job) shows one sheet and needs neither. */
if (window.location.hash !== '#print-job') {
  prefetchCall('getAppInfo', {});
  prefetchCall('listLocales', {});
}
