/** The Electron shell: lifecycle, the window, app://, IPC. Everything else lives in core/. */
import { app, BrowserWindow, ipcMain, Menu, net, protocol, session } from 'electron';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openKioskCore } from '../core/kiosk-core';
import { createHandlers } from '../core/handlers';
import { createDispatcher } from '../core/dispatch';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, appResponseHeaders, resolveAppPath } from './app-protocol';
import { registerIpc, WindowSessions } from './ipc';
import { hardenSession, hardenWebContents } from './hardening';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function dataDirFromArgs(argv: string[]): string | undefined {
  const i = argv.indexOf('--data');
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1] as string);
  const inline = argv.find((a) => a.startsWith('--data='));
  return inline ? resolve(inline.slice('--data='.length)) : undefined;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const appRoot = app.getAppPath();
  const rendererRoot = join(appRoot, 'out', 'renderer');
  const bundledContentPath = app.isPackaged ? join(process.resourcesPath, 'content.db') : join(appRoot, 'resources', 'content.db');
  const dataDir = dataDirFromArgs(process.argv) ?? process.env.KIOSK_DATA_DIR ?? app.getPath('userData');
  const sessions = new WindowSessions();
  let mainWindow: BrowserWindow | null = null;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.whenReady().then(() => {
    Menu.setApplicationMenu(null);
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppPath(rendererRoot, request.url);
      if (!file) return new Response('Not found', { status: 404 });
      const response = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(response.headers);
      for (const [k, v] of Object.entries(appResponseHeaders)) headers.set(k, v);
      return new Response(response.body, { status: response.status, headers });
    });

    const core = openKioskCore({ bundledContentPath, dataDir, appVersion: app.getVersion() });
    const dispatcher = createDispatcher(createHandlers(core), (name, e) => console.error(`internal error in ${name}:`, e));
    registerIpc(ipcMain, dispatcher, sessions);

    mainWindow = new BrowserWindow({
      width: 1366,
      height: 768,
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: {
        preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        spellcheck: false,
        devTools: !app.isPackaged,
        navigateOnDragDrop: false,
      },
    });
    const id = mainWindow.webContents.id;
    mainWindow.on('closed', () => {
      sessions.end(id);
      mainWindow = null;
    });
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.webContents.on('render-process-gone', () => {
      sessions.end(id);
      void mainWindow?.loadURL(`${APP_ORIGIN}/`);
    });
    void mainWindow.loadURL(`${APP_SCHEME}://${APP_HOST}/`);
  });

  app.on('window-all-closed', () => app.quit());
}
