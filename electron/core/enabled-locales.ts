/** The languages patients can choose: the Settings list, or every language in the content when it is empty. */
import type { Locale } from '../shared/content-types';

export function enabledLocales(all: Locale[], enabled: string[]): Locale[] {
  return enabled.length ? all.filter((l) => enabled.includes(l.code)) : all;
}
