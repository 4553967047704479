import { afterAll, describe, expect, it } from 'vitest';
import { openLocalDatabase } from '../../db/local-db';
import { SettingsService, type SettingsChange } from '../../electron/core/settings-service';
import { defaultSettings } from '../../electron/shared/settings-schema';
import { removeTempDirs, tempDir } from '../fixtures/content';

afterAll(removeTempDirs);

function openSettings(onListenerError?: (e: unknown) => void) {
  const local = openLocalDatabase(tempDir('kiosk-settings-listener-'));
  return { local, settings: new SettingsService(local.db, null, onListenerError) };
}

describe('SettingsService.onChange', () => {
  it('tells each listener the settings before and after a successful save, until it stops listening', () => {
    const { local, settings } = openSettings();
    const heard: SettingsChange[] = [];
    const stop = settings.onChange((change) => heard.push(change));
    settings.save({ ...defaultSettings, idleTimeoutSeconds: 45, watchFolder: '/media/usb' });
    expect(heard).toHaveLength(1);
    expect(heard[0]!.before).toMatchObject({ idleTimeoutSeconds: 90, watchFolder: '' });
    expect(heard[0]!.after).toMatchObject({ idleTimeoutSeconds: 45, watchFolder: '/media/usb' });
    expect(heard[0]!.after).toEqual(settings.get());
    stop();
    settings.save({ ...defaultSettings, idleTimeoutSeconds: 60 });
    expect(heard).toHaveLength(1);
    local.db?.close();
  });

  it('tells no one when a save is refused, and a failing listener neither undoes the save nor silences the others', () => {
    const failures: unknown[] = [];
    const { local, settings } = openSettings((e) => failures.push(e));
    const heard: number[] = [];
    settings.onChange(() => {
      throw new Error('listener broke');
    });
    settings.onChange(({ after }) => heard.push(after.idleTimeoutSeconds));
    expect(() => settings.save({ ...defaultSettings, idleTimeoutSeconds: 5 })).toThrow();
    expect(heard).toEqual([]);
    expect(settings.save({ ...defaultSettings, idleTimeoutSeconds: 120 }).idleTimeoutSeconds).toBe(120);
    expect(heard).toEqual([120]);
    expect(failures).toMatchObject([{ message: 'listener broke' }]);
    expect(settings.get().idleTimeoutSeconds).toBe(120);
    local.db?.close();
  });
});
