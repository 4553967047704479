/** What the admin tabs share: the chosen procedure, every content language, and "settings changed". */
import { createContext, useContext } from 'react';
import type { Locale, ProcedureSummary } from '../../../../electron/shared/content-types';

export interface AdminContextValue {
  procedures: ProcedureSummary[];
  procedureId: string;
  setProcedureId: (id: string) => void;
  /** Every language in the content, English first, including languages switched off in Settings. */
  languages: Locale[];
  /** Settings or the whole database changed: the patient screens must start afresh when staff leave. */
  markRestartNeeded: () => void;
}

export const AdminContext = createContext<AdminContextValue | null>(null);

export function useAdmin(): AdminContextValue {
  const value = useContext(AdminContext);
  if (!value) throw new Error('useAdmin outside AdminContext');
  return value;
}

const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** Text direction of a language the kiosk has no Locale record for. */
export function directionOf(code: string): 'ltr' | 'rtl' {
  return rtlLanguages.has(code.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}
