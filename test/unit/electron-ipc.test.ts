/**
 * IPC: one handler per contract call through the one wrapper (sender origin, zod, role), with
 * a real dispatcher over a real core; and the preload exposing exactly those calls.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { IpcMain } from 'electron';
vi.mock('electron', () => import('../fixtures/fake-electron'));
import { callNames } from '../../electron/shared/contract';
import { printChannels } from '../../electron/shared/printing';
import { registerIpc, WindowSessions } from '../../electron/main/ipc';
import { openTestCore } from '../fixtures/core';
import { removeTempDirs, repoRoot } from '../fixtures/content';
import { contextBridge, ipcMain, ipcRenderer, resetFakeElectron } from '../fixtures/fake-electron';

afterAll(removeTempDirs);
beforeEach(resetFakeElectron);

function setup() {
  const { core, dispatch } = openTestCore();
  const dispatcher = vi.fn(dispatch);
  const sessions = new WindowSessions();
  registerIpc(ipcMain as unknown as IpcMain, dispatcher, sessions);
  return { core, dispatcher, sessions };
}

const app = (senderId = 1) => ({ senderId, url: 'app://kiosk/' });

describe('registerIpc', () => {
  it('registers a handler for every contract call and nothing else', () => {
    setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...callNames].sort());
    expect(ipcMain.listeners).toEqual([]);
  });

  it('refuses a call from another origin with FORBIDDEN, before the dispatcher sees it', async () => {
    const { dispatcher } = setup();
    for (const url of ['https://evil.example', 'https://evil.example/app://kiosk/', 'file:///etc/passwd', 'app://kiosk.evil.example/', 'about:blank', '', null]) {
      const result = await ipcMain.invoke('listLocales', { senderId: 1, url }, {});
      expect(result, String(url)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(dispatcher).not.toHaveBeenCalled();
  });

  it('refuses invalid input with INVALID_INPUT', async () => {
    setup();
    expect(await ipcMain.invoke('listProcedures', app(), { locale: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'locale' } });
    expect(await ipcMain.invoke('listLocales', app(), { extra: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ipcMain.invoke('staffSignIn', app(), { pin: '1'.repeat(100) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'pin' } });
  });

  it('answers valid calls from the app, and checks the role per window', async () => {
    const { core } = setup();
    const locales = (await ipcMain.invoke('listLocales', app(), {})) as { ok: boolean; value: { code: string }[] };
    expect(locales.ok).toBe(true);
    expect(locales.value.map((l) => l.code)).toContain('en');
    expect(await ipcMain.invoke('getSheetDefaults', app(), {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    core.staff.setPin('nurse', '2468');
    expect(await ipcMain.invoke('staffSignIn', app(1), { pin: '2468' })).toMatchObject({ ok: true, value: { role: 'nurse' } });
    expect(await ipcMain.invoke('getSheetDefaults', app(1), {})).toMatchObject({ ok: true });
    // Another window (another webContents) has its own, public session.
    expect(await ipcMain.invoke('getSheetDefaults', app(2), {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('carries no print job: the print windows have their own channel (printing.ts), not a contract call', async () => {
    setup();
    for (const name of ['getPrintJob', 'printJobReady', printChannels.getJob, printChannels.ready]) {
      expect(ipcMain.handlers.has(name), name).toBe(false);
      await expect(ipcMain.invoke(name, app(7), {})).rejects.toThrow(/No handler registered/);
    }
  });
});

describe('no IPC outside the wrapper', () => {
  it('only electron/main/ipc.ts touches ipcMain, and nothing loads electron-log’s IPC-registering build', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : /\.tsx?$/.test(n) ? [join(dir, n)] : []));
    const offenders: string[] = [];
    for (const file of files(join(repoRoot, 'electron'))) {
      const rel = relative(repoRoot, file).split('\\').join('/');
      const code = readFileSync(file, 'utf8');
      if (rel !== 'electron/main/ipc.ts' && /ipcMain\s*\.\s*(handle|handleOnce|on|once|addListener|prependListener)\b/.test(code)) offenders.push(`${rel}: ipcMain`);
      if (/from\s+['"]electron-log(\/main)?['"]/.test(code)) offenders.push(`${rel}: electron-log/main registers IPC channels`);
      if (/ipcRenderer\s*\.\s*(send|sendSync|on|once|postMessage)\b/.test(code)) offenders.push(`${rel}: ipcRenderer outside invoke`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('preload', () => {
  it('exposes window.kiosk with one method per contract call, each invoking its own channel', async () => {
    await import('../../electron/preload/index');
    expect([...contextBridge.exposed.keys()]).toEqual(['kiosk']);
    const bridge = contextBridge.exposed.get('kiosk') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual([...callNames].sort());
    for (const name of callNames) expect(typeof bridge[name]).toBe('function');
    await bridge.listLocales?.({});
    expect(ipcRenderer.invocations).toEqual([{ channel: 'listLocales', args: [{}] }]);
    // No raw ipcRenderer, send/on or Node objects leak through.
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
    expect(bridge).not.toHaveProperty('on');
    // The kiosk window's bridge has no print calls; window.printJob is the print windows' alone.
    expect(Object.keys(bridge).filter((n) => /printjob/i.test(n))).toEqual([]);
    expect(contextBridge.exposed.has('printJob')).toBe(false);
  });

  it('print windows: exposes only window.printJob, get() and ready() on the print channel', async () => {
    await import('../../electron/preload/print');
    expect([...contextBridge.exposed.keys()]).toEqual(['printJob']);
    const bridge = contextBridge.exposed.get('printJob') as { get: () => Promise<unknown>; ready: () => void };
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['get', 'ready']);
    const job = { sheet: { paper: 'A4' }, cardOnly: true };
    const invoke = vi.spyOn(ipcRenderer, 'invoke').mockResolvedValueOnce({ ok: true, value: job });
    expect(await bridge.get()).toEqual(job);
    bridge.ready();
    expect(invoke.mock.calls).toEqual([[printChannels.getJob], [printChannels.ready]]);
    // A refusal from the shell is an error the page shows, never a job.
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'FORBIDDEN', message: 'Only a print window the kiosk opened for a sheet gets a print job.' } });
    await expect(bridge.get()).rejects.toThrow(/Only a print window/);
    invoke.mockRestore();
  });
});
