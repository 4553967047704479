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

/**
 * The print window's own channel (electron/preload/print.ts to electron/main/printing.ts),
 * apart from the contract: only a print window the shell opened is answered.
 */
export const printChannels = { getJob: 'print:get-job', ready: 'print:ready' } as const;

/** What the print window's preload exposes as `window.printJob`, and nothing else. */
export interface PrintJobBridge {
  /** The one sheet this window must lay out; rejects in any window the shell did not open for printing. */
  get(): Promise<PrintJob>;
  /** The sheet and its fonts are laid out: the shell may print now. */
  ready(): void;
}

/** What one print put on paper, as the usage counts see it: the sheet (in one or two languages), the wallet card, or both. */
export interface PrintedPages {
  locale: string;
  secondLocale: string | null;
  sheet: boolean;
  card: boolean;
}

/** The one rule for both print paths: "card only" prints the card alone; a sheet prints with its card when it includes one. */
export function printedPages(sheet: Pick<DischargeSheet, 'primary' | 'second' | 'includeCard'>, cardOnly: boolean): PrintedPages {
  return { locale: sheet.primary.locale.code, secondLocale: cardOnly ? null : (sheet.second?.locale.code ?? null), sheet: !cardOnly, card: cardOnly || sheet.includeCard };
}
