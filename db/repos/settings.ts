/** The settings table: one JSON value per key. */
import { perConnection } from './per-connection';

export interface StoredSetting {
  key: string;
  valueJson: string;
}

export const settingsRepo = perConnection((db) => {
  const all = db.prepare<[], StoredSetting>('SELECT key, value_json AS valueJson FROM settings');
  const put = db.prepare<[key: string, valueJson: string, updatedAt: string]>(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );
  const putAll = db.transaction((values: readonly StoredSetting[], updatedAt: string) => {
    for (const v of values) put.run(v.key, v.valueJson, updatedAt);
  });
  return {
    all: (): StoredSetting[] => all.all(),
    /** Writes every value, all or none. */
    putAll: (values: readonly StoredSetting[], updatedAt: string): void => putAll(values, updatedAt),
  };
});
