/** Clinic settings from the local database, with defaults for anything not set. */
import type { Db } from '../../db/connection';
import { defaultSettings, settingsSchema, type Settings } from '../shared/settings-schema';

export class SettingsService {
  constructor(private readonly db: Db | null) {}

  get(): Settings {
    if (!this.db) return defaultSettings;
    const rows = this.db.prepare('SELECT key, value_json FROM settings').all() as { key: string; value_json: string }[];
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value_json) as unknown]));
    const merged = settingsSchema.safeParse({ ...defaultSettings, ...stored });
    return merged.success ? merged.data : defaultSettings;
  }
}
