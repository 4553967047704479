import type { TFunction } from 'i18next';
import { ApiError } from './client';

/**
 * The message of a failed action for the person at the screen, with every problem the kiosk
 * listed. A call that never reached the kiosk is explained in the screen's language.
 */
export function errorText(e: unknown, t: TFunction): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  if (e.transport) return t(`app.callFailed.${e.transport}`);
  const extra = (e.error.issues ?? []).slice(1).map((i) => (i.field ? `${i.field}: ${i.message}` : i.message));
  return [e.error.message, ...extra].join(' ');
}
