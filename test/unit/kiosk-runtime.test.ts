/**
 * The composition root Electron main, web mode and the admin CLI share: a real core over real
 * SQLite, the dispatcher over it, and the watch folder from Settings, all stopped by close().
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKioskRuntime, type KioskRuntimeOptions } from '../../electron/core/kiosk-runtime';
import { defaultSettings } from '../../electron/shared/settings-schema';
import { textKey } from '../../electron/shared/text-keys';
import { buildTempContentDb, removeTempDirs, sourcePack, tempDir } from '../fixtures/content';

afterAll(removeTempDirs);
const admin = { session: { role: 'admin' as const } };
const bundledContentPath = buildTempContentDb();

/** A pack that changes the Spanish title of the "after" topic to `title`. */
function packWithTitle(title: string): string {
  const pack = sourcePack();
  const key = textKey.topic('after', 'title');
  pack.texts = pack.texts.filter((t) => t.locale === 'en' || t.locale === 'es').map((t) => (t.key === key && t.locale === 'es' ? { ...t, text: title } : t));
  return JSON.stringify(pack);
}

function open(dataDir: string, options: Partial<KioskRuntimeOptions> = {}) {
  return createKioskRuntime({ bundledContentPath, dataDir, appVersion: 'test', ...options });
}

const spanishTitle = (dataDir: string) => {
  const r = open(dataDir);
  try {
    return r.core.content.topic('kyphoplasty', 'after', 'es').topic.title;
  } finally {
    r.close();
  }
};

/** Points the watch folder in Settings at `folder`, through the runtime's own dispatcher. */
async function watch(runtime: ReturnType<typeof open>, folder: string) {
  const r = await runtime.dispatcher('adminSaveSettings', { settings: { ...defaultSettings, allowUnsignedPacks: true, watchFolder: folder } }, admin);
  if (!r.ok) throw new Error(r.error.message);
}

describe('createKioskRuntime', () => {
  it('answers contract calls through its dispatcher, over the core it opened', async () => {
    const runtime = open(tempDir('kiosk-runtime-'));
    try {
      const r = await runtime.dispatcher('getTopic', { procedureId: 'kyphoplasty', topicId: 'after', locale: 'es' }, { session: { role: 'public' } });
      expect(r).toMatchObject({ ok: true, value: { topic: { id: 'after', title: runtime.core.content.topic('kyphoplasty', 'after', 'es').topic.title } } });
      expect(await runtime.dispatcher('adminBackup', {}, { session: { role: 'public' } })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    } finally {
      runtime.close();
    }
  });

  it('watches the folder in Settings, and after close() a pack dropped there is not imported', async () => {
    const dataDir = tempDir('kiosk-runtime-');
    const folder = tempDir('kiosk-runtime-watch-');
    const runtime = open(dataDir, { watchFolder: { settleMs: 0 } });
    await watch(runtime, folder);
    expect(runtime.watcher.watchedFolder).toBe(folder);

    // While open: a dropped pack is imported.
    writeFileSync(join(folder, 'first.kpack'), packWithTitle('Desde la carpeta'));
    await runtime.watcher.scan();
    expect(runtime.core.content.topic('kyphoplasty', 'after', 'es').topic.title).toBe('Desde la carpeta');

    runtime.close();
    expect(runtime.watcher.watchedFolder).toBe('');
    writeFileSync(join(folder, 'second.kpack'), packWithTitle('Después del cierre'));
    expect(await runtime.watcher.scan()).toEqual([]);
    expect(readdirSync(folder).filter((f) => f.endsWith('.kpack'))).toEqual(['second.kpack']);
    expect(spanishTitle(dataDir)).toBe('Desde la carpeta');
  });

  it('close() closes both databases, and a second close() does nothing', () => {
    const runtime = open(tempDir('kiosk-runtime-'), { watchFolder: {} });
    expect(runtime.core.local.db?.open).toBe(true);
    expect(runtime.core.bundled.open).toBe(true);
    runtime.close();
    expect(runtime.core.local.db?.open).toBe(false);
    expect(runtime.core.bundled.open).toBe(false);
    expect(() => runtime.close()).not.toThrow();
    expect(() => runtime.core.content.topic('kyphoplasty', 'after', 'es')).toThrow(/not open/i);
  });

  it('without watchFolder (the admin CLI) no folder is watched, whatever Settings say', async () => {
    const dataDir = tempDir('kiosk-runtime-');
    const folder = tempDir('kiosk-runtime-watch-');
    const first = open(dataDir);
    await watch(first, folder);
    expect(first.watcher.watchedFolder).toBe('');
    first.close();
    const second = open(dataDir);
    try {
      expect(second.core.settings.get().watchFolder).toBe(folder);
      expect(second.watcher.watchedFolder).toBe('');
      writeFileSync(join(folder, 'pack.kpack'), packWithTitle('No'));
      expect(await second.watcher.scan()).toEqual([]);
      expect(readdirSync(folder)).toEqual(['pack.kpack']);
    } finally {
      second.close();
    }
  });

  it('a failed call is reported by name to onCallError, and its input never', async () => {
    const errors: unknown[][] = [];
    const runtime = open(tempDir('kiosk-runtime-'), { onCallError: (...args) => errors.push(args) });
    try {
      runtime.core.content.topic = () => {
        throw new Error('boom');
      };
      const r = await runtime.dispatcher('getTopic', { procedureId: 'kyphoplasty', topicId: 'after', locale: 'es' }, { session: { role: 'public' } });
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(errors).toHaveLength(1);
      expect(errors[0]?.[0]).toBe('getTopic');
      expect(JSON.stringify(errors)).not.toContain('kyphoplasty');
    } finally {
      runtime.close();
    }
  });
});
