/** Clinic settings from the local database, with defaults for anything not set. */
import type { Db } from '../../db/connection';
import { settingsRepo } from '../../db/repos/settings';
import { defaultSettings, settingsSchema, type Settings } from '../shared/settings-schema';
import { KioskError } from '../shared/errors';
import { trustedKeyProblem } from '../../db/pack-signing';
import { illustrationProblem } from '../../db/illustration-safety';
import type { AuditLog } from './audit-log';

/** Checks settings need more than their schema: trusted keys must parse as Ed25519, the logo must be a safe picture. */
function settingsProblem(s: Settings): KioskError | null {
  for (const [i, k] of s.trustedKeys.entries()) {
    const problem = trustedKeyProblem(k.publicKeyPem);
    if (problem) return new KioskError('INVALID_INPUT', `The trusted key "${k.id}" cannot be used: ${problem}. Nothing was saved.`, `settings.trustedKeys.${i}.publicKeyPem`);
  }
  const logo = /^data:(image\/(?:png|webp|svg\+xml));base64,(.*)$/.exec(s.clinicLogo);
  if (logo) {
    const problem = illustrationProblem(logo[1]!, Buffer.from(logo[2]!, 'base64'));
    if (problem) return new KioskError('INVALID_INPUT', `This logo cannot be used: ${problem}. Nothing was saved.`, 'settings.clinicLogo');
  }
  return null;
}

/** What a successful save changed: the settings before it and as stored after it. */
export interface SettingsChange {
  before: Settings;
  after: Settings;
}

export type SettingsListener = (change: SettingsChange) => void;

export class SettingsService {
  private readonly listeners = new Set<SettingsListener>();

  constructor(
    private readonly db: Db | null,
    /** Where saveBy() records who changed the settings. */
    private readonly audit: AuditLog | null = null,
    /** Told when a listener throws; the save itself stands (it is already committed). */
    private readonly onListenerError: (e: unknown) => void = (e) => console.error(`settings: a settings listener failed: ${e instanceof Error ? e.name : typeof e}`),
  ) {}

  /** Calls `listener` after every successful save, with the settings before and after. Returns a function that stops it. */
  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get(): Settings {
    if (!this.db) return defaultSettings;
    const stored: Record<string, unknown> = Object.fromEntries(settingsRepo(this.db).all().map((r) => [r.key, JSON.parse(r.valueJson) as unknown]));
    // Versions before the emergency number was required stored it empty: the default stands in.
    if (stored.emergencyNumber === '') delete stored.emergencyNumber;
    const merged = settingsSchema.safeParse({ ...defaultSettings, ...stored });
    return merged.success ? merged.data : defaultSettings;
  }

  /** Saves a whole, validated settings object in one transaction. */
  save(settings: Settings, now: Date = new Date()): Settings {
    if (!this.db) throw new KioskError('READ_ONLY', 'The local database cannot be written, so settings were not saved.');
    const valid = settingsSchema.parse(settings);
    const problem = settingsProblem(valid);
    if (problem) throw problem;
    const before = this.get();
    settingsRepo(this.db).putAll(
      Object.entries(valid).map(([key, value]) => ({ key, valueJson: JSON.stringify(value) })),
      now.toISOString(),
    );
    const after = this.get();
    for (const listener of [...this.listeners]) {
      try {
        listener({ before, after });
      } catch (e) {
        this.onListenerError(e);
      }
    }
    return after;
  }

  /** Saves settings as `role`'s change (the admin screen's save) and records it, before and after, in the audit log. */
  saveBy(role: string, settings: Settings, now: Date = new Date()): Settings {
    if (!this.audit) throw new KioskError('READ_ONLY', 'The local database cannot be written, so settings were not saved.');
    const before = this.get();
    const saved = this.save(settings, now);
    this.audit.record(role, 'save-settings', 'settings', before, saved);
    return saved;
  }
}
