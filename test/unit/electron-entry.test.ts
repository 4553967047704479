/** electron/main/index.ts with `electron` mocked: app:// is registered at import, before ready, and the shell starts for real. */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
vi.mock('electron', () => import('../fixtures/fake-electron'));
import { callNames } from '../../electron/shared/contract';
import { printChannels } from '../../electron/shared/printing';
import { app, BrowserWindow, calls, ipcMain, protocol, resetFakeElectron } from '../fixtures/fake-electron';
import { buildTempContentDb, removeTempDirs, tempDir } from '../fixtures/content';

const added: { event: 'uncaughtException' | 'unhandledRejection'; listener: (...args: unknown[]) => void }[] = [];
afterAll(() => {
  for (const { event, listener } of added) process.off(event, listener);
  delete process.env.KIOSK_DATA_DIR;
  removeTempDirs();
});

describe('electron/main/index.ts', () => {
  it('registers app:// before ready, then opens the kiosk from the data dir with logs there', async () => {
    resetFakeElectron();
    const appRoot = tempDir('kiosk-approot-');
    mkdirSync(join(appRoot, 'resources'));
    copyFileSync(buildTempContentDb(), join(appRoot, 'resources', 'content.db'));
    app.appPath = appRoot;
    const dataDir = tempDir('kiosk-entry-data-');
    process.env.KIOSK_DATA_DIR = dataDir;
    const before = { u: process.listeners('uncaughtException'), r: process.listeners('unhandledRejection') };

    await import('../../electron/main/index');
    for (const l of process.listeners('uncaughtException')) if (!before.u.includes(l)) added.push({ event: 'uncaughtException', listener: l as never });
    for (const l of process.listeners('unhandledRejection')) if (!before.r.includes(l)) added.push({ event: 'unhandledRejection', listener: l as never });

    expect(calls[0]?.what).toBe('protocol.registerSchemesAsPrivileged');
    expect(protocol.privileged.map((p) => p.scheme)).toEqual(['app']);
    expect(BrowserWindow.all).toEqual([]);
    expect(added.map((a) => a.event).sort()).toEqual(['uncaughtException', 'unhandledRejection']);

    app.becomeReady();
    await vi.waitFor(() => expect(BrowserWindow.all).toHaveLength(1));
    const win = BrowserWindow.all[0]!;
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.webContents.loadedUrls).toEqual(['app://kiosk/']);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...callNames, ...Object.values(printChannels)].sort());
    expect(app.paths.userData).toBe(dataDir);
    const log = readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/kiosk starting .*kioskMode=false/);
  });
});
