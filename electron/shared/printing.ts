import type { DischargeSheet } from './content-types';

export interface PrintOutcome {
  outcome: 'printed' | 'saved' | 'cancelled';
  /** Where a PDF was saved. */
  path?: string;
}

/** What a hidden print window renders: one sheet, held only in memory by the shell. */
export interface PrintJob {
  sheet: DischargeSheet;
  cardOnly: boolean;
}
