import { afterAll, describe, expect, it, vi } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openKioskCore } from '../../electron/core/kiosk-core';
import { createHandlers } from '../../electron/core/handlers';
import { createDispatcher } from '../../electron/core/dispatch';
import { WatchFolderService } from '../../electron/core/watch-folder-service';
import { defaultSettings } from '../../electron/shared/settings-schema';
import { buildTempContentDb, removeTempDirs, sourcePack, tempDir } from '../fixtures/content';

afterAll(removeTempDirs);
const admin = { session: { role: 'admin' as const } };

/** A pack that changes the Spanish title of the "after" topic to `title`. */
function packWithTitle(title: string): string {
  const pack = sourcePack();
  pack.texts = pack.texts.filter((t) => t.locale === 'en' || t.locale === 'es').map((t) => (t.key === 'topic.after.title' && t.locale === 'es' ? { ...t, text: title } : t));
  return JSON.stringify(pack);
}

describe('the watch folder follows Settings without a restart', () => {
  it('a folder saved through the dispatcher is watched at once, the old one no longer, and a cleared folder stops watching', async () => {
    const core = openKioskCore({ bundledContentPath: buildTempContentDb(), dataDir: tempDir('kiosk-watch-settings-'), appVersion: 'test' });
    const dispatch = createDispatcher(createHandlers(core));
    const save = async (watchFolder: string) => {
      const r = await dispatch('adminSaveSettings', { settings: { ...defaultSettings, allowUnsignedPacks: true, watchFolder } }, admin);
      if (!r.ok) throw new Error(r.error.message);
    };
    const title = () => core.content.topic('kyphoplasty', 'after', 'es').topic.title;
    const oldFolder = tempDir('kiosk-watch-old-');
    const newFolder = tempDir('kiosk-watch-new-');
    await save(oldFolder);
    const watching = new WatchFolderService(core.settings, core.packs, { settleMs: 0, intervalMs: 50 });
    watching.start();
    try {
      expect(watching.watchedFolder).toBe(oldFolder);
      writeFileSync(join(oldFolder, 'first.kpack'), packWithTitle('Desde la carpeta antigua'));
      await vi.waitFor(() => expect(title()).toBe('Desde la carpeta antigua'), { timeout: 20_000, interval: 50 });

      await save(newFolder);
      expect(watching.watchedFolder).toBe(newFolder);
      writeFileSync(join(oldFolder, 'ignored.kpack'), packWithTitle('No debe importarse'));
      writeFileSync(join(newFolder, 'second.kpack'), packWithTitle('Desde la carpeta nueva'));
      await vi.waitFor(() => expect(title()).toBe('Desde la carpeta nueva'), { timeout: 20_000, interval: 50 });
      expect(existsSync(join(newFolder, 'processed', 'second.kpack'))).toBe(true);
      // The old folder is no longer scanned: its new pack stays where it was dropped.
      await watching.scan();
      expect(readdirSync(oldFolder).filter((f) => f.endsWith('.kpack'))).toEqual(['ignored.kpack']);
      expect(readdirSync(join(oldFolder, 'processed'))).toEqual(['first.kpack']);
      expect(title()).toBe('Desde la carpeta nueva');

      await save('');
      expect(watching.watchedFolder).toBe('');
      writeFileSync(join(newFolder, 'third.kpack'), packWithTitle('Tampoco'));
      expect(await watching.scan()).toEqual([]);
      expect(readdirSync(newFolder).filter((f) => f.endsWith('.kpack'))).toEqual(['third.kpack']);
    } finally {
      watching.stop();
      core.close();
    }
  });
});
