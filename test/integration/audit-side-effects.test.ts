/**
 * Backup, restore, pack export, saved exports and settings leave the same audit entries whoever
 * asks: the admin CLI (real processes), Electron IPC and web mode HTTP (the same dispatcher),
 * all built by createKioskRuntime.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { IpcMain } from 'electron';
import { createWebServer } from '../../electron/web/server';
import { registerIpc, WindowSessions } from '../../electron/main/ipc';
import type { Dispatcher } from '../../electron/core/dispatch';
import { defaultSettings } from '../../electron/shared/settings-schema';
import { openTestCore } from '../fixtures/core';
import { buildTempContentDb, removeTempDirs, repoRoot, tempDir } from '../fixtures/content';
import { BrowserWindow, ipcMain, resetFakeElectron } from '../fixtures/fake-electron';
import { loopbackRequest } from '../fixtures/http';

afterAll(removeTempDirs);
beforeEach(resetFakeElectron);
const ADMIN_PIN = '97531024';
const content = buildTempContentDb();

/** The audit log of a data folder, newest first, as [role, action, target]. */
function auditOf(dataDir: string): string[][] {
  const { core } = openTestCore(dataDir);
  try {
    return core.audit.list().map((e) => [e.role, e.action, e.target]);
  } finally {
    core.close();
  }
}

function admin(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron/cli/admin.ts'), ...args, '--data', dataDir, '--content', content], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run admin writes the audit entries the admin screens write', () => {
  it('export-pack, backup, restore and export-site', () => {
    const data = tempDir();
    const files = tempDir();
    const pack = join(files, 'pack.kpack');
    expect(admin(['export-pack', '--out', pack, '--languages', 'es'], data).code).toBe(0);
    expect(existsSync(pack)).toBe(true);
    expect(auditOf(data)).toEqual([['admin-cli', 'export-pack', pack]]);

    const backup = join(files, 'b.db');
    expect(admin(['backup', '--out', backup], data).code).toBe(0);
    expect(auditOf(data)).toEqual([
      ['admin-cli', 'backup', backup],
      ['admin-cli', 'export-pack', pack],
    ]);

    expect(admin(['restore', '--file', backup], data).code).toBe(0);
    // The restored log is the backup's (made before its own entry), then the restore itself.
    expect(auditOf(data)).toEqual([
      ['admin-cli', 'restore', 'b.db'],
      ['admin-cli', 'export-pack', pack],
    ]);

    const site = join(tempDir(), 'site');
    expect(admin(['export-site', '--out', site, '--base-url', 'https://clinic.example/take-home'], data).code).toBe(0);
    expect(auditOf(data)[0]).toEqual(['admin-cli', 'export-site', site]);
  });
});

/** Calls a contract function as a signed-in admin, over one transport. */
type Caller = (name: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;

async function overIpc(dispatcher: Dispatcher): Promise<{ call: Caller; close: () => Promise<void> }> {
  const sessions = new WindowSessions();
  registerIpc(ipcMain as unknown as IpcMain, dispatcher, sessions);
  const win = new BrowserWindow({});
  const call: Caller = async (name, input) => (await ipcMain.invoke(name, { senderId: win.webContents.id, url: 'app://kiosk/' }, input)) as Awaited<ReturnType<Caller>>;
  expect(await call('staffSignIn', { pin: ADMIN_PIN })).toMatchObject({ ok: true, value: { role: 'admin' } });
  return { call, close: async () => {} };
}

async function overHttp(dispatcher: Dispatcher): Promise<{ call: Caller; close: () => Promise<void> }> {
  const server = createWebServer({ dispatcher, staticDir: tempDir('kiosk-static-') });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let cookie = '';
  const call: Caller = async (name, input) => {
    const reply = await loopbackRequest(port, 'POST', `/api/${name}`, { body: JSON.stringify(input), headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) } });
    const set = /kiosk_session=[\w-]+/.exec(String(reply.headers['set-cookie'] ?? ''));
    if (set) cookie = set[0];
    return JSON.parse(reply.body) as Awaited<ReturnType<Caller>>;
  };
  expect(await call('staffSignIn', { pin: ADMIN_PIN })).toMatchObject({ ok: true, value: { role: 'admin' } });
  return {
    call,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe.each([
  ['Electron IPC', overIpc],
  ['web mode HTTP', overHttp],
] as const)('the admin screens over %s', (_name, transport) => {
  it('export a pack, save an export, save settings, back up, restore and export the site: each an audit entry by the admin', async () => {
    const { core, dispatch } = openTestCore();
    core.staff.setPin('admin', ADMIN_PIN);
    const { call, close } = await transport(dispatch);
    try {
      const exported = await call('adminExportPack', { locales: ['es'] });
      expect(exported.ok).toBe(true);
      const { fileName, json } = exported.value as { fileName: string; json: string };
      expect(await call('adminSaveExport', { fileName, content: json })).toMatchObject({ ok: true, value: { path: join(core.dataDir, 'exports', fileName) } });
      expect(existsSync(join(core.dataDir, 'exports', fileName))).toBe(true);
      expect((await call('adminSaveSettings', { settings: { ...defaultSettings, clinicName: 'Riverside' } })).ok).toBe(true);
      const backup = await call('adminBackup', {});
      expect(backup.ok).toBe(true);
      const { name } = backup.value as { name: string };
      const actions = () => core.audit.list().map((e) => [e.role, e.action, e.target]);
      expect(actions()).toEqual([
        ['admin', 'backup', core.backup.pathOf(name)],
        ['admin', 'save-settings', 'settings'],
        ['admin', 'save-export', fileName],
        ['admin', 'export-pack', fileName],
      ]);
      expect(await call('adminRestore', { name })).toMatchObject({ ok: true, value: { restored: true } });
      expect(actions()).toEqual([
        ['admin', 'restore', name],
        ['admin', 'save-settings', 'settings'],
        ['admin', 'save-export', fileName],
        ['admin', 'export-pack', fileName],
      ]);
      const site = join(tempDir(), 'site');
      expect(await call('adminExportSite', { outDir: site, baseUrl: 'https://clinic.example/take-home' })).toMatchObject({ ok: true, value: { path: site } });
      expect(actions()[0]).toEqual(['admin', 'export-site', site]);
    } finally {
      await close();
      core.close();
    }
  });
});
