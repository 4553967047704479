import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { respectingFileModes } from '../fixtures/respect-file-modes';
import { chmodSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openKioskCore } from '../../electron/core/kiosk-core';
import { createHandlers } from '../../electron/core/handlers';
import { createDispatcher } from '../../electron/core/dispatch';
import { ContentVersions } from '../../electron/core/content-versions';
import { defaultSettings } from '../../electron/shared/settings-schema';
import { LOCAL_DB_FILE, openLocalDatabase } from '../../db/local-db';
import { buildTempContentDb, removeTempDirs, repoRoot, sourcePack, tempDir } from '../fixtures/content';

afterAll(removeTempDirs);
const bundled = buildTempContentDb();
const admin = () => ({ session: { role: 'admin' as const } });
const open = (dataDir: string) => {
  const core = openKioskCore({ bundledContentPath: bundled, dataDir, appVersion: 'test' });
  return { core, dispatch: createDispatcher(createHandlers(core)) };
};

function editedPack(title: string) {
  const pack = sourcePack();
  pack.texts = pack.texts.map((t) => (t.locale === 'es' && t.key === 'topic.after.title' ? { ...t, text: title } : t));
  return pack;
}

describe('a process killed in the middle of an import', () => {
  for (const when of ['mid', 'after'] as const) {
    it(`leaves either the old or the new content, never a mix (killed ${when === 'mid' ? 'inside the transaction' : 'after commit'})`, () => {
      const dataDir = tempDir();
      openLocalDatabase(dataDir).db!.close();
      const packFile = join(tempDir(), 'pack.json');
      writeFileSync(packFile, JSON.stringify(editedPack('Importado')));
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/fixtures/import-then-die.ts'), dataDir, packFile, when], { cwd: repoRoot, encoding: 'utf8' });
      expect(child.signal).toBe('SIGKILL');
      const { core } = open(dataDir);
      expect(core.local.warnings).toEqual([]);
      const count = (core.local.db!.prepare('SELECT count(*) AS n FROM texts').get() as { n: number }).n;
      const title = core.content.topic('kyphoplasty', 'after', 'es').topic.title;
      if (when === 'mid') {
        expect(count).toBe(0);
        expect(title).not.toBe('Importado');
      } else {
        expect(count).toBe(sourcePack().texts.length);
        expect(title).toBe('Importado');
      }
      core.close();
    });
  }
});

describe('a full disk', () => {
  it('during an import or an edit gives a clear error and loses nothing', async () => {
    const dataDir = tempDir();
    const { core, dispatch } = open(dataDir);
    await dispatch('adminSaveSettings', { settings: { ...defaultSettings, allowUnsignedPacks: true } }, admin());
    await dispatch('adminSaveText', { procedureId: 'kyphoplasty', locale: 'en', key: 'topic.after.title', text: 'Kept edit' }, admin());
    const versions = new ContentVersions(core.local.db!);
    const before = versions.stateHash();
    // Simulate a full disk: the database may not grow any more.
    const pages = core.local.db!.pragma('page_count', { simple: true }) as number;
    core.local.db!.pragma(`max_page_count = ${pages}`);
    const summary = await dispatch('adminPreviewImport', { fileName: 'p.json', json: JSON.stringify(editedPack('No cabe')) }, admin());
    expect(summary.ok).toBe(true);
    const applied = await dispatch('adminApplyImport', { token: (summary as { value: { token: string } }).value.token }, admin());
    expect(applied).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL', message: expect.stringMatching(/disk is full, so nothing was saved/) } });
    const edit = await dispatch('adminSaveText', { procedureId: 'kyphoplasty', locale: 'es', key: 'topic.after.title', text: 'x'.repeat(19_000) }, admin());
    expect(edit).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
    expect(versions.stateHash()).toBe(before);
    expect(core.content.topic('kyphoplasty', 'after', 'en').topic.title).toBe('Kept edit');
    core.close();
  });
});

describe('a read-only local database', () => {
  it('still shows content; admin calls say why edits fail', async () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o755);
    chmodSync(join(bundled, '..'), 0o755);
    const { core, dispatch } = open(dataDir);
    await dispatch('adminSaveText', { procedureId: 'kyphoplasty', locale: 'en', key: 'topic.after.title', text: 'Saved before read-only' }, admin());
    core.close();
    chmodSync(join(dataDir, LOCAL_DB_FILE), 0o444);
    const script = `
      const { openKioskCore } = await import(${JSON.stringify(join(repoRoot, 'electron/core/kiosk-core.ts'))});
      const { createHandlers } = await import(${JSON.stringify(join(repoRoot, 'electron/core/handlers.ts'))});
      const { createDispatcher } = await import(${JSON.stringify(join(repoRoot, 'electron/core/dispatch.ts'))});
      const core = openKioskCore({ bundledContentPath: ${JSON.stringify(bundled)}, dataDir: ${JSON.stringify(dataDir)}, appVersion: 't' });
      const d = createDispatcher(createHandlers(core));
      const topic = await d('getTopic', { procedureId: 'kyphoplasty', topicId: 'after', locale: 'en' }, { session: { role: 'public' } });
      const edit = await d('adminSaveText', { procedureId: 'kyphoplasty', locale: 'en', key: 'topic.after.title', text: 'x' }, { session: { role: 'admin' } });
      const info = await d('getAppInfo', {}, { session: { role: 'admin' } });
      console.log(JSON.stringify({ title: topic.value.topic.title, edit, warnings: info.value.startupWarnings }));
    `;
    const [command, args] = respectingFileModes(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    const child = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dataDir } });
    expect(child.stderr).toBe('');
    const out = JSON.parse(child.stdout) as { title: string; edit: { ok: boolean; error: { code: string; message: string } }; warnings: string[] };
    expect(out.title).toBe('Saved before read-only');
    expect(out.edit).toMatchObject({ ok: false, error: { code: 'READ_ONLY', message: expect.stringMatching(/cannot be written/) } });
    expect(out.warnings[0]).toMatch(/read-only/);
  });
});

describe('a corrupt local database at start', () => {
  for (const [what, bytes] of [
    ['truncated', 'truncate'],
    ['random bytes', 'random'],
    ['a wrong file', 'wrong'],
  ] as const) {
    it(`(${what}) is moved aside, a fresh one is made, and the admin is told the moved file's name`, async () => {
      const dataDir = tempDir();
      const first = open(dataDir);
      await first.dispatch('adminSaveSettings', { settings: { ...defaultSettings, clinicName: 'Old' } }, admin());
      first.core.close();
      const path = join(dataDir, LOCAL_DB_FILE);
      const good = new Database(path).serialize();
      const damaged = bytes === 'truncate' ? good.subarray(0, 1000) : bytes === 'random' ? Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256)) : Buffer.from('%PDF-1.7 this is a PDF, not a database\n'.repeat(300));
      writeFileSync(path, damaged);
      const { core, dispatch } = open(dataDir);
      const info = await dispatch('getAppInfo', {}, admin());
      const warning = (info as { value: { startupWarnings: string[] } }).value.startupWarnings[0] ?? '';
      const moved = readdirSync(dataDir).find((f) => f.startsWith('local.db.corrupt-'));
      expect(moved).toBeDefined();
      expect(warning).toContain(moved!);
      expect(core.content.home('kyphoplasty', 'en').topics.length).toBe(10);
      expect(core.settings.get().clinicName).toBe('Clinic');
      core.close();
    });
  }
});
