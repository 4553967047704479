/**
 * Printing from a hidden window, end to end through the real dispatcher and a real core, with
 * Electron replaced by the recording fake: the print window's page is simulated by asking the
 * print channel (print:get-job, print:ready) over the fake IPC, as PrintJobView does through
 * the print preload (window.printJob).
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow as ElectronWindow, BrowserWindowConstructorOptions, Dialog, IpcMain } from 'electron';
import { createHandlers } from '../../electron/core/handlers';
import { callNames } from '../../electron/shared/contract';
import { createDispatcher } from '../../electron/core/dispatch';
import type { DischargeForm } from '../../electron/shared/discharge-form';
import type { DischargeSheet } from '../../electron/shared/content-types';
import { printChannels, printedPages } from '../../electron/shared/printing';
import { PRINT_JOB_URL } from '../../electron/main/app-protocol';
import { registerIpc, WindowSessions } from '../../electron/main/ipc';
import { createPrintServices, paperGeometry } from '../../electron/main/printing';
import { printWindowOptions } from '../../electron/main/window-options';
import { openTestCore } from '../fixtures/core';
import { removeTempDirs } from '../fixtures/content';
import { sampleDischargeForm } from '../fixtures/discharge-forms';
import { BrowserWindow, calls, createRecordingLogger, dialog, fakeState, ipcMain, resetFakeElectron, type FakeWebContents } from '../fixtures/fake-electron';

afterAll(removeTempDirs);
beforeEach(resetFakeElectron);

const typed = { patientName: 'Zebulon Quartermaine', nurseNotes: 'Private note quokka-42', painNotes: 'paracetamol xylophone-7', place: 'Spine Clinic Room 12' };

const form: DischargeForm = {
  ...sampleDischargeForm,
  patientName: typed.patientName,
  painNotes: typed.painNotes,
  followUp: { ...sampleDischargeForm.followUp, place: typed.place },
  nurseNotes: typed.nurseNotes,
  paper: 'A4',
  largePrint: false,
  includeCard: true,
};

interface Setup {
  printerName?: string;
  readyTimeoutMs?: number;
  /** false: the print page never says it is ready. */
  pageReady?: boolean;
}

function setup({ printerName = '', readyTimeoutMs = 2_000, pageReady = true, kioskMode = false }: Setup & { kioskMode?: boolean } = {}) {
  const { core } = openTestCore();
  const settings = core.settings.get();
  core.settings.get = () => ({ ...settings, printerName });
  const log = createRecordingLogger();
  const sessions = new WindowSessions();
  const main = new BrowserWindow({ alwaysOnTop: kioskMode });
  const writeFile = vi.fn(async (_path: string, _data: Uint8Array) => {});
  const printing = createPrintServices({
    BrowserWindow: BrowserWindow as unknown as new (o: BrowserWindowConstructorOptions) => ElectronWindow,
    dialog: dialog as unknown as Dialog,
    ipcMain: ipcMain as unknown as IpcMain,
    windowOptions: () => printWindowOptions({ preloadPath: '/app/out/preload/print.cjs', devTools: false }),
    mainWindow: () => main as unknown as ElectronWindow,
    writeFile,
    defaultSaveDir: () => '/home/nurse/Documents',
    log,
    readyTimeoutMs,
    now: () => new Date('2026-03-02T10:00:00Z'),
  });
  const dispatcher = createDispatcher(createHandlers(core, printing), (name, e) => log.error('call failed', { call: name, error: String(e) }));
  registerIpc(ipcMain as unknown as IpcMain, dispatcher, sessions);
  sessions.begin(main.webContents.id, { role: 'nurse' });

  const printPages: { contents: FakeWebContents; job: unknown }[] = [];
  fakeState.onLoad = (contents, url) => {
    if (url !== PRINT_JOB_URL) return;
    const page = { contents, job: null as unknown };
    printPages.push(page);
    if (!pageReady) return;
    void (async () => {
      // Asked as soon as the page loads: the job is already waiting for this window.
      page.job = await ipcMain.invoke(printChannels.getJob, { senderId: contents.id, url });
      await ipcMain.invoke(printChannels.ready, { senderId: contents.id, url });
    })();
  };
  const printSheet = (mode: 'print' | 'pdf', cardOnly = false, f: DischargeForm = form) =>
    ipcMain.invoke('printDischargeSheet', { senderId: main.webContents.id, url: 'app://kiosk/' }, { form: f, mode, cardOnly });
  const printWindow = () => BrowserWindow.all.find((w) => w !== main)!;
  return { core, log, sessions, main, writeFile, printing, printSheet, printPages, printWindow };
}

const fromPage = (contents: { id: number }) => ({ senderId: contents.id, url: PRINT_JOB_URL });
const refused = { ok: false, error: { code: 'FORBIDDEN' } };

async function expectCleanedUp(s: ReturnType<typeof setup>) {
  const win = s.printWindow();
  expect(win.destroyed).toBe(true);
  // The job is gone with its window, and no contract session was ever made for it.
  expect(await ipcMain.invoke(printChannels.getJob, fromPage(win.webContents))).toMatchObject(refused);
  expect(s.sessions.peek(win.webContents.id)).toBeUndefined();
  // Nothing the nurse typed reaches the log.
  for (const value of Object.values(typed)) expect(s.log.text()).not.toContain(value);
}

describe('printSheet: print', () => {
  it('silent to the configured printer, A4 in microns, explicit margins, after the page is ready', async () => {
    const s = setup({ printerName: 'Brother_QL_820NWB' });
    expect(await s.printSheet('print')).toEqual({ ok: true, value: { outcome: 'printed' } });
    const win = s.printWindow();
    expect(win.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/out/preload/print.cjs' } });
    expect(s.printPages).toHaveLength(1);
    expect(s.printPages[0]?.job).toMatchObject({ ok: true, value: { cardOnly: false, sheet: { paper: 'A4', patientName: typed.patientName } } });
    expect(win.webContents.printCalls).toEqual([
      {
        silent: true,
        deviceName: 'Brother_QL_820NWB',
        pageSize: { width: 210_000, height: 297_000 },
        margins: { marginType: 'custom', top: 40, right: 40, bottom: 45, left: 40 },
        printBackground: true,
        color: true,
        landscape: false,
        copies: 1,
      },
    ]);
    // print() came only after the page said it was ready.
    const order = calls.map((c) => c.what).filter((w) => w === 'webContents.loadURL' || w === 'webContents.print');
    expect(order).toEqual(['webContents.loadURL', 'webContents.print']);
    expect(dialog.saveDialogCalls).toEqual([]);
    expect(s.writeFile).not.toHaveBeenCalled();
    await expectCleanedUp(s);
  });

  it('shows the print dialog when no printer is configured; Letter in microns', async () => {
    const s = setup({ printerName: '' });
    expect(await s.printSheet('print', true, { ...form, paper: 'Letter' })).toEqual({ ok: true, value: { outcome: 'printed' } });
    const [options] = s.printWindow().webContents.printCalls;
    expect(options).toMatchObject({ silent: false, pageSize: { width: 215_900, height: 279_400 }, margins: { marginType: 'custom', top: 40, bottom: 47 } });
    expect(options?.deviceName).toBeUndefined();
    expect(s.printPages[0]?.job).toMatchObject({ value: { cardOnly: true } });
    await expectCleanedUp(s);
  });

  it('a cancelled print dialog is cancelled, and nothing is saved', async () => {
    const s = setup();
    fakeState.onWindow = (w) => (w.webContents.printResult = () => [false, 'cancelled']);
    expect(await s.printSheet('print')).toEqual({ ok: true, value: { outcome: 'cancelled' } });
    expect(dialog.saveDialogCalls).toEqual([]);
    expect(s.writeFile).not.toHaveBeenCalled();
    await expectCleanedUp(s);
  });

  it('falls back to printToPDF and the save dialog when printing fails', async () => {
    const s = setup({ printerName: 'Gone_Printer' });
    fakeState.onWindow = (w) => (w.webContents.printResult = () => [false, 'Invalid deviceName provided']);
    expect(await s.printSheet('print')).toEqual({ ok: true, value: { outcome: 'saved', path: '/tmp/fake-electron-sheet.pdf' } });
    expect(s.printWindow().webContents.pdfCalls).toHaveLength(1);
    expect(s.writeFile).toHaveBeenCalledTimes(1);
    expect(s.log.lines.some((l) => l.event === 'print failed; offering PDF')).toBe(true);
    await expectCleanedUp(s);
  });
});

describe('printSheet: PDF', () => {
  it('printToPDF with the same page in inches, then the save dialog, then writes only the chosen file', async () => {
    const s = setup({ printerName: 'Brother_QL_820NWB' });
    dialog.saveDialogResult = { canceled: false, filePath: '/media/usb/sheet-for-room-4' };
    expect(await s.printSheet('pdf')).toEqual({ ok: true, value: { outcome: 'saved', path: '/media/usb/sheet-for-room-4.pdf' } });
    const win = s.printWindow();
    expect(win.webContents.printCalls).toEqual([]);
    expect(win.webContents.pdfCalls).toEqual([
      {
        pageSize: { width: 8.268, height: 11.693 },
        margins: { top: 0.551, right: 0.551, bottom: 0.63, left: 0.551 },
        printBackground: true,
        landscape: false,
        preferCSSPageSize: false,
        generateTaggedPDF: true,
      },
    ]);
    // The dialog is modal to the kiosk window and suggests a neutral name in Documents.
    const [parent, options] = dialog.saveDialogCalls[0] as [unknown, { defaultPath: string; filters: unknown }];
    expect(parent).toBe(s.main);
    expect(options.defaultPath).toBe('/home/nurse/Documents/discharge-instructions-en-2026-03-02.pdf');
    expect(options.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    expect(s.writeFile).toHaveBeenCalledWith('/media/usb/sheet-for-room-4.pdf', win.webContents.pdfBytes);
    await expectCleanedUp(s);
  });

  it('Letter PDFs are 8.5 x 11 inches; a cancelled save dialog writes nothing', async () => {
    const s = setup();
    dialog.saveDialogResult = { canceled: true };
    expect(await s.printSheet('pdf', false, { ...form, paper: 'Letter' })).toEqual({ ok: true, value: { outcome: 'cancelled' } });
    expect(s.printWindow().webContents.pdfCalls[0]?.pageSize).toEqual({ width: 8.5, height: 11 });
    expect(s.writeFile).not.toHaveBeenCalled();
    await expectCleanedUp(s);
  });
});

describe('printSheet: dialogs in kiosk mode', () => {
  it('the always-on-top kiosk window steps back while the print dialog is open, and returns', async () => {
    const s = setup({ kioskMode: true });
    let onTopDuringDialog: boolean | null = null;
    fakeState.onWindow = (w) => (w.webContents.printResult = () => ((onTopDuringDialog = s.main.isAlwaysOnTop()), [true, '']));
    expect(await s.printSheet('print')).toMatchObject({ ok: true });
    expect(onTopDuringDialog).toBe(false);
    expect(s.main.isAlwaysOnTop()).toBe(true);
  });

  it('and while the save dialog is open', async () => {
    const s = setup({ kioskMode: true });
    expect(await s.printSheet('pdf')).toMatchObject({ ok: true, value: { outcome: 'saved' } });
    expect(s.main.alwaysOnTopChanges).toEqual([false, true]);
  });

  it('silent printing shows no dialog, so the window stays on top', async () => {
    const s = setup({ kioskMode: true, printerName: 'Office_Laser' });
    expect(await s.printSheet('print')).toMatchObject({ ok: true, value: { outcome: 'printed' } });
    expect(s.main.alwaysOnTopChanges).toEqual([]);
  });
});

describe('printSheet: failures', () => {
  it('times out with a clear error when the sheet never gets ready, and still cleans up', async () => {
    const s = setup({ pageReady: false, readyTimeoutMs: 50 });
    const result = (await s.printSheet('print')) as { ok: false; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.message).toMatch(/not ready to print after 0 seconds, so nothing was printed/);
    expect(s.printWindow().webContents.printCalls).toEqual([]);
    await expectCleanedUp(s);
  });

  it('a print page that crashes fails the job at once', async () => {
    const s = setup({ pageReady: false });
    fakeState.onLoad = (contents) => queueMicrotask(() => contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 }));
    const result = (await s.printSheet('pdf')) as { ok: false; error: { message: string } };
    expect(result.error.message).toMatch(/print page stopped/);
    await expectCleanedUp(s);
  });

  it('geometry: A4 and Letter in microns', () => {
    expect(paperGeometry.A4.microns).toEqual({ width: 210_000, height: 297_000 });
    expect(paperGeometry.Letter.microns).toEqual({ width: 215_900, height: 279_400 });
  });
});

describe('the print channel', () => {
  it('answers only the print window the shell opened for the job; another window is refused and cannot release it', async () => {
    const s = setup({ pageReady: false });
    const result = s.printSheet('print');
    await vi.waitFor(() => expect(s.printPages).toHaveLength(1));
    const win = s.printWindow();
    const other = new BrowserWindow();
    for (const contents of [s.main.webContents, other.webContents]) {
      expect(await ipcMain.invoke(printChannels.getJob, fromPage(contents))).toMatchObject(refused);
      expect(await ipcMain.invoke(printChannels.ready, fromPage(contents))).toMatchObject(refused);
    }
    // The print window itself is refused from a frame that is not the app's.
    expect(await ipcMain.invoke(printChannels.getJob, { senderId: win.webContents.id, url: 'https://evil.example/' })).toMatchObject(refused);
    expect(await ipcMain.invoke(printChannels.ready, { senderId: win.webContents.id, url: 'https://evil.example/' })).toMatchObject(refused);
    await new Promise((r) => setImmediate(r));
    expect(win.webContents.printCalls).toEqual([]);
    // Its own page gets the sheet, and its "ready" prints it.
    expect(await ipcMain.invoke(printChannels.getJob, fromPage(win.webContents))).toMatchObject({ ok: true, value: { cardOnly: false, sheet: { patientName: typed.patientName } } });
    expect(await ipcMain.invoke(printChannels.ready, fromPage(win.webContents))).toEqual({ ok: true, value: null });
    expect(await result).toEqual({ ok: true, value: { outcome: 'printed' } });
    expect(win.webContents.printCalls).toHaveLength(1);
    await expectCleanedUp(s);
  });

  it('a job completes once and is counted once; a late "ready" from its window is refused and counts nothing', async () => {
    const s = setup();
    expect(await s.printSheet('print')).toEqual({ ok: true, value: { outcome: 'printed' } });
    const win = s.printWindow();
    expect(await ipcMain.invoke(printChannels.ready, fromPage(win.webContents))).toMatchObject(refused);
    expect(win.webContents.printCalls).toHaveLength(1);
    expect(s.core.usage.rows().map((r) => [r.metric, r.dimension, r.count])).toEqual([['card_printed', 'en', 1], ['sheet_printed', 'en', 1]]);
  });

  it('is the only way a print window reaches the shell: no contract call carries a print job', () => {
    expect(callNames.filter((n) => /print/i.test(n)).sort()).toEqual(['listPrinters', 'printDischargeSheet', 'recordSheetPrinted']);
  });
});

describe('usage counts of a print: the desktop app and web mode count alike', () => {
  const counts = (core: ReturnType<typeof setup>['core']) => core.usage.rows().map((r) => [r.metric, r.dimension, r.count]);
  const bilingual: DischargeForm = { ...form, secondLocale: 'es', includeCard: true };
  const cases: { name: string; cardOnly: boolean; form: DischargeForm; expected: (string | number)[][] }[] = [
    { name: 'the wallet card alone', cardOnly: true, form: bilingual, expected: [['card_printed', 'en', 1]] },
    { name: 'a two-language sheet with its card', cardOnly: false, form: bilingual, expected: [['card_printed', 'en', 1], ['sheet_printed', 'en', 1], ['sheet_printed_second_language', 'es', 1]] },
    { name: 'a sheet without a card', cardOnly: false, form: { ...form, includeCard: false }, expected: [['sheet_printed', 'en', 1]] },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.expected.map((e) => e.slice(0, 2).join(' ')).join(', ')}`, async () => {
      // Electron: the app prints from its hidden window and counts.
      const electron = setup();
      expect(await electron.printSheet('print', c.cardOnly, c.form)).toEqual({ ok: true, value: { outcome: 'printed' } });
      expect(counts(electron.core)).toEqual(c.expected);
      // Web mode: the browser prints, then the page reports what it printed.
      const web = openTestCore();
      const nurse = { session: { role: 'nurse' as const } };
      const built = await web.dispatch('buildDischargeSheet', { form: c.form }, nurse);
      if (!built.ok) throw new Error(built.error.message);
      expect(await web.dispatch('recordSheetPrinted', printedPages(built.value as DischargeSheet, c.cardOnly), nurse)).toEqual({ ok: true, value: { counted: true } });
      expect(counts(web.core)).toEqual(c.expected);
      web.core.close();
    });
  }

  it('a cancelled print counts nothing', async () => {
    const s = setup();
    fakeState.onWindow = (w) => (w.webContents.printResult = () => [false, 'cancelled']);
    expect(await s.printSheet('print', false, { ...form, secondLocale: 'es' })).toEqual({ ok: true, value: { outcome: 'cancelled' } });
    expect(counts(s.core)).toEqual([]);
  });
});

describe('listPrinters', () => {
  it('comes from getPrintersAsync on the kiosk window, as name + isDefault', async () => {
    const s = setup();
    expect(await s.printing.listPrinters()).toEqual([
      { name: 'Brother_QL_820NWB', isDefault: false },
      { name: 'Office_Laser', isDefault: true },
    ]);
  });
});
