import { createContext, useContext, type Dispatch } from 'react';
import type { KioskAction, KioskState } from './state/kiosk-state';
import type { AppInfo, Locale, ProcedureSummary } from '../../electron/shared/content-types';

export interface KioskContextValue {
  state: KioskState;
  dispatch: Dispatch<KioskAction>;
  info: AppInfo;
  locales: Locale[];
  /** The chosen language (or the default before a choice). */
  locale: Locale;
  procedureId: string;
  procedures: ProcedureSummary[];
  /** Reads the clinic settings and languages again (after an admin saves them), keeping the screen and the session. */
  refreshSettings: () => void;
}

export const KioskContext = createContext<KioskContextValue | null>(null);

export function useKiosk(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('useKiosk outside KioskContext');
  return value;
}
