/**
 * A language's switch made ahead: when a patient touches (or focuses) a language, its UI
 * strings, font faces and the procedure's home in that language start loading, so by the
 * time the tap ends the new home can show at once (api/call-cache.ts keeps the answers).
 */
import { prefetchCall } from './api/call-cache';
import { loadLocale } from './hooks/useLocaleReady';
import type { CallInput } from '../../electron/shared/contract';
import type { Locale } from '../../electron/shared/content-types';

/** The home screen's call input: built in one place, so a preloaded answer has the key the screen asks for. */
export function homeInput(procedureId: string, locale: string): CallInput<'getProcedureHome'> {
  return { procedureId, locale };
}

export function proceduresInput(locale: string): CallInput<'listProcedures'> {
  return { locale };
}

/** Starts loading what the home screen in `locale` needs; `procedureId` is '' while none is known. */
export function preloadLanguage(locale: Pick<Locale, 'code' | 'font'>, procedureId: string): void {
  void loadLocale(locale);
  prefetchCall('listProcedures', proceduresInput(locale.code));
  if (procedureId) prefetchCall('getProcedureHome', homeInput(procedureId, locale.code));
}
