/**
 * Printing the discharge sheet (DESIGN.md section 8, anchors section 7): a hidden window with
 * the kiosk's sandbox and its own small preload (electron/preload/print.ts) loads
 * app://kiosk/#print-job; the page asks this module for the sheet over the print channel
 * (print:get-job), lays it out, waits for its fonts and says print:ready. Only then is it
 * printed with an explicit page size (microns), margins and printer, or saved with printToPDF.
 * The channel answers only the print window this module opened for the job; the sheet lives
 * only in memory, here, and is gone when the job ends; the only file ever written is the PDF
 * the nurse chose to save. Printing never travels through the public contract.
 */
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, Dialog, IpcMain, PrintToPDFOptions, SaveDialogOptions, WebContentsPrintOptions } from 'electron';
import type { PlatformServices, PrintRequest } from '../core/platform';
import { printChannels, type PrintJob, type PrintOutcome } from '../shared/printing';
import type { DischargeSheet } from '../shared/content-types';
import { KioskError, type CallResult } from '../shared/errors';
import { PRINT_JOB_URL } from './app-protocol';
import { handleFromApp } from './ipc';
import type { KioskLogger } from './logging';

type Paper = DischargeSheet['paper'];

interface PaperGeometry {
  /** webContents.print takes the page size in microns. */
  microns: { width: number; height: number };
  /** The sheet's own @page margins (SheetView), top/right/bottom/left in millimetres. */
  marginsMm: { top: number; right: number; bottom: number; left: number };
}

export const paperGeometry: Record<Paper, PaperGeometry> = {
  A4: { microns: { width: 210_000, height: 297_000 }, marginsMm: { top: 14, right: 14, bottom: 16, left: 14 } },
  Letter: { microns: { width: 215_900, height: 279_400 }, marginsMm: { top: 13.97, right: 13.97, bottom: 16.51, left: 13.97 } },
};

const MM_PER_INCH = 25.4;
/** Chromium reads custom print margins in points (1/72 inch); Electron's docs call them pixels. */
const mmToPoints = (mm: number) => Math.round((mm / MM_PER_INCH) * 72);
const mmToInches = (mm: number) => Math.round((mm / MM_PER_INCH) * 1000) / 1000;

export function printOptions(paper: Paper, printerName: string): WebContentsPrintOptions {
  const g = paperGeometry[paper];
  const m = g.marginsMm;
  return {
    // A configured printer prints without a dialog; otherwise the nurse picks one in the dialog.
    silent: Boolean(printerName),
    deviceName: printerName || undefined,
    pageSize: { ...g.microns },
    margins: { marginType: 'custom', top: mmToPoints(m.top), right: mmToPoints(m.right), bottom: mmToPoints(m.bottom), left: mmToPoints(m.left) },
    printBackground: true,
    color: true,
    landscape: false,
    copies: 1,
  };
}

export function pdfOptions(paper: Paper): PrintToPDFOptions {
  const g = paperGeometry[paper];
  const m = g.marginsMm;
  return {
    // printToPDF takes inches; the same page as print() above.
    pageSize: { width: mmToInches(g.microns.width / 1000), height: mmToInches(g.microns.height / 1000) },
    margins: { top: mmToInches(m.top), right: mmToInches(m.right), bottom: mmToInches(m.bottom), left: mmToInches(m.left) },
    printBackground: true,
    landscape: false,
    preferCSSPageSize: false,
    generateTaggedPDF: true,
  };
}

export interface PrintServicesDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** Where the print channel is registered (once, by createPrintServices). */
  ipcMain: Pick<IpcMain, 'handle'>;
  /** Options for each hidden print window (printWindowOptions with the print preload). */
  windowOptions: () => BrowserWindowConstructorOptions;
  /** The kiosk window: parent of the save dialog and source of the printer list. */
  mainWindow: () => BrowserWindow | null;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
  /** Where the save dialog starts (the OS Documents folder). */
  defaultSaveDir: () => string;
  log: KioskLogger;
  /** How long the sheet may take to load and lay out. */
  readyTimeoutMs?: number;
  /** How long a silent print may take to be accepted by the printer queue. */
  silentPrintTimeoutMs?: number;
  now?: () => Date;
}

type PrintResult = { ok: true } | { ok: false; reason: string };

/** A job waiting in its print window: the sheet, and what to do once the page is laid out. */
interface PendingJob {
  job: PrintJob;
  ready: () => void;
}

const notAPrintWindow: CallResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Only a print window the kiosk opened for a sheet gets a print job.' },
};

/**
 * The print channel: each print window's webContents id maps to its job while it is printed.
 * Any other sender (the kiosk window, a window after its job ended) is refused.
 */
function registerPrintChannel(ipcMain: Pick<IpcMain, 'handle'>, pending: ReadonlyMap<number, PendingJob>): void {
  handleFromApp(ipcMain, printChannels.getJob, (event) => {
    const entry = pending.get(event.sender.id);
    return entry ? { ok: true, value: entry.job } : notAPrintWindow;
  });
  handleFromApp(ipcMain, printChannels.ready, (event) => {
    const entry = pending.get(event.sender.id);
    if (!entry) return notAPrintWindow;
    entry.ready();
    return { ok: true, value: null };
  });
}

export function createPrintServices(deps: PrintServicesDeps): Required<Pick<PlatformServices, 'printSheet' | 'listPrinters'>> {
  const readyTimeoutMs = deps.readyTimeoutMs ?? 30_000;
  const silentPrintTimeoutMs = deps.silentPrintTimeoutMs ?? 60_000;
  const now = deps.now ?? (() => new Date());
  const pending = new Map<number, PendingJob>();
  registerPrintChannel(deps.ipcMain, pending);

  /** Loads the print page and resolves when it has said print:ready. */
  function loadJob(win: BrowserWindow, job: PrintJob): Promise<void> {
    const contents = win.webContents;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: KioskError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(
        () => settle(new KioskError('INTERNAL', `The sheet was not ready to print after ${Math.round(readyTimeoutMs / 1000)} seconds, so nothing was printed. Try again; if it keeps happening, restart the kiosk.`)),
        readyTimeoutMs,
      );
      // The job waits before the page loads, so the page's first question already finds it.
      pending.set(contents.id, { job, ready: () => settle() });
      contents.on('did-fail-load', (_e, code, _desc, _url, isMainFrame) => {
        if (isMainFrame) settle(new KioskError('INTERNAL', `The sheet could not be prepared for printing (load error ${code}). Try again.`));
      });
      contents.on('render-process-gone', () => settle(new KioskError('INTERNAL', 'The sheet could not be prepared for printing (the print page stopped). Try again.')));
      win.loadURL(PRINT_JOB_URL).catch(() => settle(new KioskError('INTERNAL', 'The sheet could not be prepared for printing. Try again.')));
    });
  }

  /**
   * A kiosk-mode window is always on top, which would hide the print and save dialogs behind
   * it; it steps back while a dialog is open.
   */
  async function withDialogsVisible<T>(show: () => Promise<T>): Promise<T> {
    const main = deps.mainWindow();
    const onTop = main !== null && !main.isDestroyed() && main.isAlwaysOnTop();
    if (onTop) main.setAlwaysOnTop(false);
    try {
      return await show();
    } finally {
      if (onTop && !main.isDestroyed()) main.setAlwaysOnTop(true);
    }
  }

  function print(win: BrowserWindow, paper: Paper, printerName: string): Promise<PrintResult> {
    const options = printOptions(paper, printerName);
    if (!options.silent) return withDialogsVisible(() => sendToPrinter(win, options));
    return sendToPrinter(win, options);
  }

  function sendToPrinter(win: BrowserWindow, options: WebContentsPrintOptions): Promise<PrintResult> {
    return new Promise<PrintResult>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      if (options.silent) timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), silentPrintTimeoutMs);
      win.webContents.print(options, (success, failureReason) => {
        clearTimeout(timer);
        resolve(success ? { ok: true } : { ok: false, reason: failureReason || 'failed' });
      });
    });
  }

  async function saveAsPdf(win: BrowserWindow, sheet: DischargeSheet, cardOnly: boolean): Promise<PrintOutcome> {
    const pdf = await win.webContents.printToPDF(pdfOptions(sheet.paper));
    const day = now().toISOString().slice(0, 10);
    // A neutral default name: never the patient's name.
    const fileName = `${cardOnly ? 'wallet-card' : 'discharge-instructions'}-${sheet.primary.locale.code}-${day}.pdf`;
    const options: SaveDialogOptions = {
      title: 'Save the discharge sheet as PDF',
      defaultPath: join(deps.defaultSaveDir(), fileName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const parent = deps.mainWindow();
    const choice = await withDialogsVisible(() => (parent ? deps.dialog.showSaveDialog(parent, options) : deps.dialog.showSaveDialog(options)));
    if (choice.canceled || !choice.filePath) return { outcome: 'cancelled' };
    const path = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`;
    await deps.writeFile(path, pdf);
    deps.log.info('sheet saved as PDF', { paper: sheet.paper, cardOnly });
    return { outcome: 'saved', path };
  }

  async function printSheet({ sheet, cardOnly, mode, printerName }: PrintRequest): Promise<PrintOutcome> {
    const win = new deps.BrowserWindow(deps.windowOptions());
    const id = win.webContents.id;
    try {
      await loadJob(win, { sheet, cardOnly });
      if (mode === 'print') {
        const result = await print(win, sheet.paper, printerName);
        if (result.ok) {
          deps.log.info('sheet printed', { paper: sheet.paper, cardOnly, silent: Boolean(printerName) });
          return { outcome: 'printed' };
        }
        if (result.reason === 'cancelled') return { outcome: 'cancelled' };
        if (result.reason === 'timeout') {
          throw new KioskError('INTERNAL', `The printer "${printerName}" did not answer within ${Math.round(silentPrintTimeoutMs / 1000)} seconds. Check that it is on and has paper; ask IT if the printer name in settings is right.`);
        }
        // Printing failed (no printer, driver error): offer the same sheet as a PDF instead.
        deps.log.warn('print failed; offering PDF', { reason: result.reason.slice(0, 100), silent: Boolean(printerName) });
      }
      return await saveAsPdf(win, sheet, cardOnly);
    } finally {
      pending.delete(id);
      if (!win.isDestroyed()) win.destroy();
    }
  }

  async function listPrinters(): Promise<{ name: string; isDefault: boolean }[]> {
    const win = deps.mainWindow();
    if (!win) return [];
    const printers = await win.webContents.getPrintersAsync();
    // isDefault is no longer in Electron's typings but some platforms still report it.
    return printers.map((p) => ({ name: p.name, isDefault: (p as { isDefault?: unknown }).isDefault === true }));
  }

  return { printSheet, listPrinters };
}
