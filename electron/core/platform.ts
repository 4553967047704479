/**
 * What the Electron shell adds to core: printing from a hidden window, the printer list, and
 * saving exports itself. Web mode has none of these (the browser prints and downloads), so
 * every member is optional.
 */
import type { DischargeSheet } from '../shared/content-types';
import type { PrintOutcome } from '../shared/printing';

export interface PrintRequest {
  sheet: DischargeSheet;
  cardOnly: boolean;
  mode: 'print' | 'pdf';
  /** From settings: a printer name means silent printing to it; empty shows the print dialog. */
  printerName: string;
}

export interface PlatformServices {
  printSheet?(request: PrintRequest): Promise<PrintOutcome>;
  listPrinters?(): Promise<{ name: string; isDefault: boolean }[]>;
  /** The shell refuses browser downloads, so exports are saved by the kiosk into the data folder (adminSaveExport). */
  savesFiles?: boolean;
}
