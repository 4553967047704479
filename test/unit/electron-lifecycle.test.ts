/**
 * The whole shell started against the recording fake electron: single instance, data dir,
 * app://, hardening, IPC (every contract call and the print channel, nothing else), kiosk mode and the staff exit,
 * crash recovery, and errors in main shown to staff only.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { callNames } from '../../electron/shared/contract';
import { printChannels } from '../../electron/shared/printing';
import type { KioskCore } from '../../electron/core/kiosk-core';
import { resolveDataDir, startKiosk, type ElectronApi, type ProcessLike } from '../../electron/main/lifecycle';
import { openTestCore } from '../fixtures/core';
import { sampleDischargeForm } from '../fixtures/discharge-forms';
import { removeTempDirs, tempDir } from '../fixtures/content';
import {
  app,
  BrowserWindow,
  createRecordingLogger,
  dialog,
  fakeElectron,
  FakeEvent,
  FakeWebContents,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  resetFakeElectron,
  session,
} from '../fixtures/fake-electron';

afterAll(removeTempDirs);
beforeEach(resetFakeElectron);

class FakeProcess extends EventEmitter implements ProcessLike {
  constructor(
    public argv: string[] = ['/opt/clinic-kiosk/clinic-kiosk'],
    public env: Record<string, string | undefined> = {},
  ) {
    super();
  }
  resourcesPath = '/opt/clinic-kiosk/resources';
}

interface StartSetup {
  kioskMode?: boolean;
  argv?: string[];
  env?: Record<string, string | undefined>;
  openCore?: () => KioskCore;
}

async function start({ kioskMode = false, argv, env, openCore }: StartSetup = {}) {
  const dataDir = tempDir('kiosk-shell-');
  const { core } = openTestCore(dataDir);
  const settings = core.settings.get();
  core.settings.get = () => ({ ...settings, kioskMode });
  const log = createRecordingLogger();
  const proc = new FakeProcess(argv ?? ['/opt/clinic-kiosk/clinic-kiosk', '--data', dataDir], env ?? {});
  const written: string[] = [];
  const shell = startKiosk({
    electron: fakeElectron as unknown as ElectronApi,
    process: proc,
    preloadPath: '/app/out/preload/index.cjs',
    printPreloadPath: '/app/out/preload/print.cjs',
    openCore: openCore ?? (() => core),
    openLogger: (dir) => ({ logger: log, file: join(dir, 'logs', 'main.log') }),
    writeFile: async (path) => void written.push(path),
  });
  if (!shell) throw new Error('the shell did not start');
  expect(BrowserWindow.all).toHaveLength(0);
  app.becomeReady();
  await shell.ready;
  const win = BrowserWindow.all[0]!;
  return { shell, core, log, proc, dataDir, win, id: win?.webContents.id ?? -1, written };
}

const fromApp = (senderId: number) => ({ senderId, url: 'app://kiosk/' });

describe('startup', () => {
  it('quits at once when another instance holds the lock', () => {
    app.singleInstanceLock = false;
    const shell = startKiosk({ electron: fakeElectron as unknown as ElectronApi, process: new FakeProcess(), preloadPath: '/x', printPreloadPath: '/y', openLogger: () => ({ logger: createRecordingLogger(), file: '/x' }) });
    expect(shell).toBeNull();
    expect(app.quitCalls).toBe(1);
    expect(ipcMain.handlers.size).toBe(0);
    expect(BrowserWindow.all).toEqual([]);
  });

  it('no menu, sandbox for all, app:// handled, session hardened, the kiosk window on app://kiosk/', async () => {
    const { win } = await start();
    expect(app.sandboxEnabled).toBe(true);
    expect(Menu.applicationMenu).toBeNull();
    expect([...protocol.handlers.keys()]).toEqual(['app']);
    expect(await session.defaultSession.requestPermission('media')).toBe(false);
    expect(await session.defaultSession.requestPermission('fullscreen')).toBe(true);
    expect(win.webContents.loadedUrls).toEqual(['app://kiosk/']);
    expect(win.options).toMatchObject({ kiosk: false, fullscreen: false, alwaysOnTop: false, show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: true, preload: '/app/out/preload/index.cjs' } });
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('registers an IPC handler for every contract call and the print channel, and nothing else, anywhere in the shell', async () => {
    await start();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...callNames, ...Object.values(printChannels)].sort());
    expect(ipcMain.listeners).toEqual([]);
  });

  it('print windows get their own preload, and a save of an export is the app\'s own', async () => {
    const { shell, core, id, written } = await start();
    const form = { ...sampleDischargeForm, patientName: 'Ada Quokka' };
    core.staff.setPin('nurse', '2468');
    await ipcMain.invoke('staffSignIn', fromApp(id), { pin: '2468' });
    expect(await ipcMain.invoke('getAppInfo', fromApp(id), {})).toMatchObject({ ok: true, value: { capabilities: { appPrinting: true, saveFile: true } } });
    const result = ipcMain.invoke('printDischargeSheet', fromApp(id), { form, mode: 'pdf', cardOnly: false });
    await vi.waitFor(() => expect(BrowserWindow.all).toHaveLength(2));
    const printWindow = BrowserWindow.all[1]!;
    expect(printWindow.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, preload: '/app/out/preload/print.cjs' } });
    // The kiosk window is not the print window: the print channel refuses it.
    expect(await ipcMain.invoke(printChannels.getJob, fromApp(id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const job = await ipcMain.invoke(printChannels.getJob, fromApp(printWindow.webContents.id));
    expect(job).toMatchObject({ ok: true, value: { cardOnly: false, sheet: { patientName: 'Ada Quokka' } } });
    await ipcMain.invoke(printChannels.ready, fromApp(printWindow.webContents.id));
    expect(await result).toMatchObject({ ok: true, value: { outcome: 'saved', path: '/tmp/fake-electron-sheet.pdf' } });
    expect(written).toEqual(['/tmp/fake-electron-sheet.pdf']);
    expect(printWindow.destroyed).toBe(true);
    expect(shell.sessions.peek(printWindow.webContents.id)).toBeUndefined();
  });

  it('hardens every webContents created later', async () => {
    await start();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', new FakeEvent(), contents);
    expect(contents.fire('will-navigate', 'https://evil.example').defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/' })).toEqual({ action: 'deny' });
  });

  it('packaged: devtools off', async () => {
    app.isPackaged = true;
    const { win } = await start();
    expect(win.options).toMatchObject({ webPreferences: { devTools: false } });
  });

  it('a core that cannot open is logged and shown in an error box, and the app exits', async () => {
    const log = createRecordingLogger();
    const shell = startKiosk({
      electron: fakeElectron as unknown as ElectronApi,
      process: new FakeProcess(),
      preloadPath: '/x',
      printPreloadPath: '/y',
      openCore: () => {
        throw new Error('The bundled content cannot be opened. Run "npm run db:build", or reinstall the app.');
      },
      openLogger: () => ({ logger: log, file: '/data/logs/main.log' }),
    });
    app.becomeReady();
    await shell?.ready;
    expect(dialog.errorBoxes[0]?.content).toMatch(/reinstall the app[\s\S]*\/data\/logs\/main\.log/);
    expect(app.exitCode).toBe(1);
    expect(log.lines.some((l) => l.event === 'the kiosk could not start')).toBe(true);
    expect(BrowserWindow.all).toEqual([]);
  });
});

describe('data dir', () => {
  it('--data DIR, --data=DIR, KIOSK_DATA_DIR, else the OS user-data folder', () => {
    const userData = () => '/home/u/.config/Clinic Kiosk';
    expect(resolveDataDir(['exe', '--data', '/srv/kiosk'], {}, userData)).toEqual({ dir: '/srv/kiosk', overridden: true });
    expect(resolveDataDir(['exe', '--data=/srv/kiosk2'], { KIOSK_DATA_DIR: '/other' }, userData)).toEqual({ dir: '/srv/kiosk2', overridden: true });
    expect(resolveDataDir(['exe'], { KIOSK_DATA_DIR: '/srv/env' }, userData)).toEqual({ dir: '/srv/env', overridden: true });
    expect(resolveDataDir(['exe', '--data'], {}, userData)).toEqual({ dir: '/home/u/.config/Clinic Kiosk', overridden: false });
  });

  it('an overridden data dir also holds Chromium’s profile and the logs', async () => {
    const { shell, dataDir } = await start();
    expect(shell.dataDir).toBe(dataDir);
    expect(app.paths.userData).toBe(dataDir);
    expect(shell.logFile).toBe(join(dataDir, 'logs', 'main.log'));
  });

  it('by default the OS user-data folder, untouched', async () => {
    const { shell } = await start({ argv: ['exe'], openCore: () => openTestCore().core });
    expect(shell.dataDir).toBe('/fake-electron/userData');
    expect(app.paths.userData).toBeUndefined();
  });
});

describe('kiosk mode', () => {
  it('kiosk, fullscreen and always on top from settings; closing is blocked', async () => {
    const { win, log } = await start({ kioskMode: true });
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true, alwaysOnTop: true });
    expect(win.close().defaultPrevented).toBe(true);
    expect(win.destroyed).toBe(false);
    expect(log.lines.some((l) => l.event === 'close blocked in kiosk mode')).toBe(true);
  });

  const chord = { type: 'keyDown', key: 'Q', control: true, meta: false, shift: true, alt: false };

  it('the staff exit (Ctrl+Shift+Q) does nothing unless an admin is signed in on the kiosk', async () => {
    const { win, shell, id } = await start({ kioskMode: true });
    expect(win.webContents.fire('before-input-event', chord).defaultPrevented).toBe(true);
    expect(app.quitCalls).toBe(0);
    shell.sessions.begin(id, { role: 'nurse', lastSeen: Date.now() });
    win.webContents.fire('before-input-event', chord);
    expect(app.quitCalls).toBe(0);
    // An admin whose session has gone idle is signed out.
    shell.sessions.begin(id, { role: 'admin', lastSeen: Date.now() - 3 * 60_000 });
    win.webContents.fire('before-input-event', chord);
    expect(app.quitCalls).toBe(0);
    expect(win.close().defaultPrevented).toBe(true);
  });

  it('the staff exit quits when an admin is signed in', async () => {
    const { win, core, id } = await start({ kioskMode: true });
    core.staff.setPin('admin', '13579');
    expect(await ipcMain.invoke('staffSignIn', fromApp(id), { pin: '13579' })).toMatchObject({ ok: true, value: { role: 'admin' } });
    win.webContents.fire('before-input-event', chord);
    expect(app.quitCalls).toBe(1);
    expect(win.close().defaultPrevented).toBe(false);
    expect(win.destroyed).toBe(true);
  });

  it('Windows log-off is not held up', async () => {
    const { win } = await start({ kioskMode: true });
    win.emit('session-end', {});
    expect(win.close().defaultPrevented).toBe(false);
  });

  it('system shutdown is not held up', async () => {
    const { win } = await start({ kioskMode: true });
    powerMonitor.emit('shutdown', new FakeEvent());
    expect(win.close().defaultPrevented).toBe(false);
  });
});

describe('workstation', () => {
  it('closing works, and the last window closing quits', async () => {
    const { win, shell } = await start({ kioskMode: false });
    expect(win.close().defaultPrevented).toBe(false);
    expect(shell.mainWindow()).toBeNull();
    app.emit('window-all-closed');
    expect(app.quitCalls).toBe(1);
  });

  it('a second instance focuses the existing window', async () => {
    const { win } = await start();
    win.minimized = true;
    app.emit('second-instance', new FakeEvent(), ['exe'], '/');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(1);
  });
});

describe('resilience', () => {
  const typed = { patientName: 'Zebulon Quartermaine', nurseNotes: 'Private note quokka-42' };

  it('a crashed renderer is reloaded to the attract screen, signed out, and logged without form data', async () => {
    const { win, core, log, shell, id } = await start({ kioskMode: true });
    core.staff.setPin('nurse', '2468');
    await ipcMain.invoke('staffSignIn', fromApp(id), { pin: '2468' });
    // The nurse was filling a form when the renderer died.
    await ipcMain.invoke('buildDischargeSheet', fromApp(id), { form: { patientName: typed.patientName, nurseNotes: typed.nurseNotes } });
    win.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed', exitCode: 139 });
    expect(win.webContents.loadedUrls).toEqual(['app://kiosk/', 'app://kiosk/']);
    expect(shell.sessions.peek(id)).toBeUndefined();
    expect(await ipcMain.invoke('getSheetDefaults', fromApp(id), {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const gone = log.lines.find((l) => l.event.startsWith('renderer gone'));
    expect(gone?.fields).toMatchObject({ reason: 'crashed', exitCode: 139 });
    for (const value of Object.values(typed)) expect(log.text()).not.toContain(value);
  });

  it('a renderer ending while the app quits is not reloaded', async () => {
    const { win } = await start();
    app.emit('before-quit', new FakeEvent());
    win.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'clean-exit', exitCode: 0 });
    expect(win.webContents.loadedUrls).toEqual(['app://kiosk/']);
  });

  it('an unresponsive renderer is restarted and reloaded', async () => {
    const { win, log } = await start();
    win.webContents.emit('unresponsive');
    expect(win.webContents.crashedByShell).toBe(1);
    expect(win.webContents.loadedUrls.at(-1)).toBe('app://kiosk/');
    expect(log.lines.map((l) => l.event)).toContain('renderer unresponsive; restarting it');
  });

  it('an uncaught error in main is logged and shown to staff, never to patients', async () => {
    const { proc, log, core, id } = await start();
    proc.emit('uncaughtException', new Error('boom in main'));
    proc.emit('unhandledRejection', new TypeError('late failure'));
    expect(log.lines.filter((l) => l.level === 'error').map((l) => l.fields?.errorMessage)).toEqual(['boom in main', 'late failure']);
    expect(dialog.errorBoxes).toEqual([]);
    const publicInfo = (await ipcMain.invoke('getAppInfo', fromApp(id), {})) as { value: { startupWarnings: string[] } };
    expect(publicInfo.value.startupWarnings).toEqual([]);
    core.staff.setPin('nurse', '2468');
    await ipcMain.invoke('staffSignIn', fromApp(id), { pin: '2468' });
    const staffInfo = (await ipcMain.invoke('getAppInfo', fromApp(id), {})) as { value: { startupWarnings: string[] } };
    expect(staffInfo.value.startupWarnings.some((w) => /internal error .*main\.log/.test(w))).toBe(true);
  });

  it('a failing call is logged by name, without its input or error message', async () => {
    const { core, log, id } = await start();
    core.staff.setPin('nurse', '2468');
    await ipcMain.invoke('staffSignIn', fromApp(id), { pin: '2468' });
    core.settings.get = () => {
      throw new Error(`settings broke while printing for ${typed.patientName}`);
    };
    const result = await ipcMain.invoke('getSheetDefaults', fromApp(id), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log.lines.find((l) => l.event === 'call failed')?.fields).toMatchObject({ call: 'getSheetDefaults', errorName: 'Error' });
    expect(log.text()).not.toContain(typed.patientName);
  });
});
