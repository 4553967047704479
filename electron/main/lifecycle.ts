/**
 * The shell's wiring, given the electron module (the real one in index.ts, a recording fake in
 * tests): single instance, data dir and logs, app:// and the session hardening, core + IPC,
 * the kiosk window (kiosk mode from settings, closing blocked except the staff exit), crash
 * recovery back to the attract screen, and errors in main logged and shown to staff only.
 */
import { resolve, join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import type * as Electron from 'electron';
import type { BrowserWindow, Event, Input } from 'electron';
import type { KioskCore, KioskCoreOptions } from '../core/kiosk-core';
import { createKioskRuntime, type KioskRuntime } from '../core/kiosk-runtime';
import { STAFF_SESSION_IDLE_MS } from '../shared/staff';
import { APP_HOME_URL, APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import { hardenSession, hardenWebContents } from './hardening';
import { registerIpc, WindowSessions } from './ipc';
import { describeError, openFileLogger, type FileLog } from './logging';
import { createPrintServices } from './printing';
import { mainWindowOptions, printWindowOptions } from './window-options';

export type ElectronApi = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'net' | 'powerMonitor' | 'protocol' | 'session'
>;

/** The parts of `process` the shell reads (a fake in tests). */
export interface ProcessLike {
  argv: string[];
  env: Record<string, string | undefined>;
  resourcesPath?: string;
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
}

export interface StartOptions {
  electron: ElectronApi;
  process: ProcessLike;
  /** out/preload/index.cjs: the kiosk window's preload (window.kiosk). */
  preloadPath: string;
  /** out/preload/print.cjs: the hidden print windows' preload (window.printJob). */
  printPreloadPath: string;
  openCore?: (options: KioskCoreOptions) => KioskCore;
  openLogger?: (dataDir: string) => FileLog;
  writeFile?: (path: string, data: Uint8Array) => Promise<void>;
  printReadyTimeoutMs?: number;
}

export interface KioskShell {
  dataDir: string;
  logFile: string;
  sessions: WindowSessions;
  /** Resolves once the kiosk window has been created (or startup failed). */
  ready: Promise<void>;
  mainWindow(): BrowserWindow | null;
  core(): KioskCore | null;
}

/** --data DIR, --data=DIR, KIOSK_DATA_DIR, else the OS user-data folder. */
export function resolveDataDir(argv: string[], env: Record<string, string | undefined>, userData: () => string): { dir: string; overridden: boolean } {
  const i = argv.indexOf('--data');
  const fromArg = i >= 0 && argv[i + 1] ? argv[i + 1] : argv.find((a) => a.startsWith('--data='))?.slice('--data='.length);
  const chosen = fromArg || env.KIOSK_DATA_DIR;
  return chosen ? { dir: resolve(chosen), overridden: true } : { dir: userData(), overridden: false };
}

/** Ctrl+Shift+Q (Cmd+Shift+Q on macOS): quits a kiosk-mode window, only while an admin is signed in on it. */
export function isStaffExitChord(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'shift' | 'alt'>): boolean {
  return input.type === 'keyDown' && (input.control || input.meta) && input.shift && !input.alt && input.key.toLowerCase() === 'q';
}

const CRASH_WINDOW_MS = 60_000;
const CRASHES_BEFORE_BACKOFF = 3;
const CRASH_BACKOFF_MS = 10_000;
const MAX_STAFF_NOTICES = 20;

export function startKiosk(options: StartOptions): KioskShell | null {
  const { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } = options.electron;
  const proc = options.process;

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const data = resolveDataDir(proc.argv, proc.env, () => app.getPath('userData'));
  // Managed installs keep Chromium's own profile beside the kiosk's data, not in the user's folder.
  if (data.overridden) app.setPath('userData', data.dir);
  const { logger: log, file: logFile } = (options.openLogger ?? openFileLogger)(data.dir);
  // kioskMode is read from the settings at start-up, below, before any window exists.
  const sessions = new WindowSessions(() => (kioskMode ? 'kiosk' : 'workstation'));
  const appRoot = app.getAppPath();
  const rendererRoot = join(appRoot, 'out', 'renderer');
  const bundledContentPath = app.isPackaged && proc.resourcesPath ? join(proc.resourcesPath, 'content.db') : join(appRoot, 'resources', 'content.db');
  const devTools = !app.isPackaged;
  let mainWindow: BrowserWindow | null = null;
  let runtime: KioskRuntime | null = null;
  const core = () => runtime?.core ?? null;
  let kioskMode = false;
  let quitAllowed = false;
  const pendingNotices: string[] = [];

  /** Staff see it under startup warnings (getAppInfo gives them to staff sessions only); patients never do. */
  const noticeForStaff = (text: string) => {
    const list = core()?.local.warnings ?? pendingNotices;
    if (!list.includes(text) && list.length < MAX_STAFF_NOTICES) list.push(text);
  };
  const onMainError = (kind: string, e: unknown) => {
    log.error(kind, describeError(e, { withMessage: true }));
    noticeForStaff(`The kiosk recorded an internal error (${new Date().toISOString()}). Details are in the log file ${logFile}.`);
  };
  // Handling these also stops Electron's own error dialog, which a patient would see.
  proc.on('uncaughtException', (e) => onMainError('uncaught exception in main', e));
  proc.on('unhandledRejection', (e) => onMainError('unhandled rejection in main', e));

  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // On a workstation, closing the last window quits (on every platform: there is no dock app).
  app.on('window-all-closed', () => app.quit());

  const allowQuit = (why: string) => {
    if (!quitAllowed) log.info('quit allowed', { why });
    quitAllowed = true;
  };

  const crashes: number[] = [];
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  const recoverRenderer = (win: BrowserWindow, id: number, reason: string, exitCode: number | null) => {
    if (quitting || win.isDestroyed()) return;
    // Whoever was signed in is signed out: the attract screen is for patients.
    sessions.end(id);
    const t = Date.now();
    crashes.push(t);
    while (crashes.length && (crashes[0] ?? 0) < t - CRASH_WINDOW_MS) crashes.shift();
    const delay = crashes.length > CRASHES_BEFORE_BACKOFF ? CRASH_BACKOFF_MS : 0;
    log.error('renderer gone; reloading the attract screen', { reason, exitCode, recentCrashes: crashes.length, delayMs: delay });
    const reload = () => {
      if (!win.isDestroyed()) win.loadURL(APP_HOME_URL).catch((e: unknown) => log.error('reload failed', describeError(e, { withMessage: true })));
    };
    if (delay) setTimeout(reload, delay);
    else reload();
  };

  const createMainWindow = () => {
    // Options from window-options.ts (contextIsolation, sandbox, disableBlinkFeatures: 'Auxclick', ...), which
    // Electronegativity cannot follow into; test/unit/electron-window-options.test.ts asserts every value.
    const win = new BrowserWindow(mainWindowOptions({ kioskMode, preloadPath: options.preloadPath, devTools })); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK: reviewed, see above
    const contents = win.webContents;
    const id = contents.id;
    mainWindow = win;
    win.on('close', (event: Event) => {
      if (!kioskMode || quitAllowed) return;
      event.preventDefault();
      log.info('close blocked in kiosk mode');
    });
    // Windows log-off / shut-down must not be held up by the kiosk.
    win.on('session-end', () => allowQuit('session end'));
    win.on('closed', () => {
      sessions.end(id);
      if (mainWindow === win) mainWindow = null;
    });
    win.once('ready-to-show', () => win.show());
    contents.on('render-process-gone', (_event, details) => recoverRenderer(win, id, details.reason, details.exitCode));
    contents.on('unresponsive', () => {
      log.error('renderer unresponsive; restarting it');
      // The crash fires render-process-gone, which reloads the attract screen.
      contents.forcefullyCrashRenderer();
    });
    contents.on('before-input-event', (event, input) => {
      if (!kioskMode || !isStaffExitChord(input)) return;
      event.preventDefault();
      const s = sessions.peek(id);
      const fresh = s?.lastSeen !== undefined && Date.now() - s.lastSeen <= STAFF_SESSION_IDLE_MS;
      if (s?.role === 'admin' && fresh) {
        log.info('staff exit');
        allowQuit('staff exit');
        app.quit();
      } else {
        log.info('staff exit refused: no admin signed in');
      }
    });
    win.loadURL(APP_HOME_URL).catch((e: unknown) => log.error('loading the kiosk failed', describeError(e, { withMessage: true })));
  };

  const onReady = () => {
    Menu.setApplicationMenu(null);
    // The microphone (for recording narration) only for a window where an admin is signed in now.
    hardenSession(session.defaultSession, log, (contents) => {
      const s = contents ? sessions.peek(contents.id) : undefined;
      return s?.role === 'admin' && s.lastSeen !== undefined && Date.now() - s.lastSeen <= STAFF_SESSION_IDLE_MS;
    });
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, (url) => net.fetch(url), (kind, id) => core()?.media.resolveMedia(kind, id) ?? null));

    const printing = createPrintServices({
      BrowserWindow,
      dialog,
      ipcMain,
      windowOptions: () => printWindowOptions({ preloadPath: options.printPreloadPath, devTools }),
      mainWindow: () => mainWindow,
      writeFile: options.writeFile ?? ((path, bytes) => writeFile(path, bytes)),
      defaultSaveDir: () => app.getPath('documents'),
      log,
      ...(options.printReadyTimeoutMs ? { readyTimeoutMs: options.printReadyTimeoutMs } : {}),
    });
    runtime = createKioskRuntime({
      bundledContentPath,
      dataDir: data.dir,
      appVersion: app.getVersion(),
      ...(options.openCore ? { openCore: options.openCore } : {}),
      // Browser downloads are refused (hardening.ts), so the kiosk saves exports itself.
      platform: { ...printing, savesFiles: true },
      // Calls are logged by name only: their input may hold what a nurse typed.
      onCallError: (name, e) => log.error('call failed', { call: name, ...describeError(e, { withMessage: false }) }),
      // The watch folder in Settings (USB mount or network share) is scanned for new content packs.
      watchFolder: { log: (line) => log.info(line) },
    });
    for (const n of pendingNotices.splice(0)) noticeForStaff(n);
    kioskMode = runtime.core.settings.get().kioskMode;
    log.info('kiosk starting', { version: app.getVersion(), packaged: app.isPackaged, kioskMode, dataDir: data.dir });
    registerIpc(ipcMain, runtime.dispatcher, sessions);
    // Quitting stops the watch folder and closes the databases.
    app.on('will-quit', () => runtime?.close());
    options.electron.powerMonitor.on('shutdown', () => allowQuit('system shutdown'));
    createMainWindow();
  };

  const ready = app
    .whenReady()
    .then(onReady)
    .catch((e: unknown) => {
      log.error('the kiosk could not start', describeError(e, { withMessage: true }));
      dialog.showErrorBox('Clinic Kiosk cannot start', `${e instanceof Error ? e.message : String(e)}\n\nDetails are in the log file ${logFile}.`);
      app.exit(1);
    });

  return {
    dataDir: data.dir,
    logFile,
    sessions,
    ready,
    mainWindow: () => mainWindow,
    core,
  };
}
