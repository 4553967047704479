/** The one rule for which languages patients get, and in what order. */
import type { Locale } from './content-types';

export interface LocaleChoice {
  /** Languages switched on for patients; empty means every language in the content. */
  enabledLocales: readonly string[];
  /** The clinic's order for the language screen; languages not named follow in content order. */
  localeOrder: readonly string[];
}

/** Switched-on languages: those the clinic ordered, in its order, then the rest in content order. */
export function patientLocales<L extends Pick<Locale, 'code'>>(all: readonly L[], choice: LocaleChoice): L[] {
  const shown = choice.enabledLocales.length ? all.filter((l) => choice.enabledLocales.includes(l.code)) : [...all];
  const rank = (code: string) => {
    const i = choice.localeOrder.indexOf(code);
    return i === -1 ? choice.localeOrder.length : i;
  };
  return shown
    .map((l, i) => ({ l, i }))
    .sort((a, b) => rank(a.l.code) - rank(b.l.code) || a.i - b.i)
    .map(({ l }) => l);
}

/** The order with `code` moved one place up (-1) or down (+1), written out in full. */
export function moveLocale(order: readonly string[], code: string, by: -1 | 1): string[] {
  const next = [...order];
  const i = next.indexOf(code);
  const j = i + by;
  if (i === -1 || j < 0 || j >= next.length) return next;
  [next[i], next[j]] = [next[j] as string, next[i] as string];
  return next;
}
