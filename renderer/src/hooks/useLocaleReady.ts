import { useEffect, useRef, useState } from 'react';
import { loadUiStrings, uiStringsLoaded } from '../ui-strings';
import { fontLoaded, loadFont } from '../styles/fonts';
import type { Locale } from '../../../electron/shared/content-types';

type Loadable = Pick<Locale, 'code' | 'font'>;

export function localeLoaded(locale: Loadable): boolean {
  return uiStringsLoaded(locale.code) && fontLoaded(locale.font);
}

/** A language's UI strings and font faces, loaded once. */
export function loadLocale(locale: Loadable): Promise<void> {
  return Promise.all([loadUiStrings(locale.code), loadFont(locale.font)]).then(() => undefined);
}

/**
 * The language to show: `wanted` once its strings and font are in, until then the one shown
 * before (so a switch never shows half the screen in each language).
 */
export function useLoadedLocale<L extends Loadable>(wanted: L): L {
  const shown = useRef(wanted);
  const [, loadedOne] = useState(0);
  const ready = localeLoaded(wanted);
  useEffect(() => {
    if (!ready) void loadLocale(wanted).then(() => loadedOne((n) => n + 1));
  }, [ready, wanted]);
  if (ready) shown.current = wanted;
  return shown.current;
}

/** True once every given language's strings and font are in. */
export function useLocalesLoaded(locales: readonly Loadable[]): boolean {
  const [, loadedOne] = useState(0);
  const ready = locales.every(localeLoaded);
  const key = locales.map((l) => `${l.code}:${l.font}`).join(',');
  useEffect(() => {
    if (!ready) void Promise.all(locales.map(loadLocale)).then(() => loadedOne((n) => n + 1));
  }, [ready, key]); // key stands for locales
  return ready;
}
