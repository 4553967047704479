/**
 * The kiosk's services in plain Node, opened once per process over the bundled content
 * and the data directory. Electron main and web mode both build one of these.
 */
import { openReadOnly, userVersion, type Db } from '../../db/connection';
import { contentMetaRepo } from '../../db/repos/content-meta';
import { CONTENT_SCHEMA_VERSION } from '../../db/content-schema';
import { openLocalDatabase, type LocalDatabase } from '../../db/local-db';
import { ContentLayers } from './content-layers';
import { ContentService } from './content-service';
import { SettingsService } from './settings-service';
import { StaffAuth } from './staff-auth';
import { UsageCounter } from './usage-counter';
import { AuditLog } from './audit-log';
import { ContentVersions } from './content-versions';
import { ContentAdmin } from './content-admin';
import { ContentPacks } from './content-packs';
import { LocalBackup } from './local-backup';
import { SavedExports } from './saved-exports';
import { TakeHomeSite } from './take-home-site';
import { SpeechService } from './speech-service';
import { NarrationService } from './narration';
import { MediaRegistry } from './media';
import { dirname, join } from 'node:path';

export interface KioskCoreOptions {
  /** Path of the bundled, read-only content.db. */
  bundledContentPath: string;
  /** Folder for the local database (clinic edits, settings, audit, usage). */
  dataDir: string;
  appVersion: string;
  /** The eSpeak NG program; default: KIOSK_ESPEAK_NG from the environment, else "espeak-ng" on PATH. */
  espeakCommand?: string;
  /** Size cap of the built-in voice's disk cache, in bytes. */
  speechCacheBytes?: number;
  /** The UI string files (resources/locales); default: the `locales` folder beside content.db, as packaged. */
  uiStringsDir?: string;
}

export interface KioskCore {
  content: ContentService;
  /** Pictures and audio by content hash, for the app:// scheme and web mode's /media. */
  media: MediaRegistry;
  settings: SettingsService;
  staff: StaffAuth;
  usage: UsageCounter;
  audit: AuditLog;
  versions: ContentVersions | null;
  admin: ContentAdmin;
  narration: NarrationService;
  packs: ContentPacks;
  backup: LocalBackup;
  /** CSV exports saved into the data folder. */
  exports: SavedExports;
  /** The take-home website export. */
  site: TakeHomeSite;
  speech: SpeechService;
  dataDir: string;
  local: LocalDatabase;
  bundled: Db;
  contentHash: string;
  appVersion: string;
  uiStringsDir: string;
  close(): void;
}

export function openKioskCore(options: KioskCoreOptions): KioskCore {
  let bundled: Db;
  try {
    bundled = openReadOnly(options.bundledContentPath);
  } catch (e) {
    throw new Error(`The bundled content ${options.bundledContentPath} cannot be opened (${(e as Error).message}). Run "npm run db:build", or reinstall the app.`);
  }
  const version = userVersion(bundled);
  if (version !== CONTENT_SCHEMA_VERSION) {
    bundled.close();
    throw new Error(`The bundled content ${options.bundledContentPath} has schema version ${version}; this app reads version ${CONTENT_SCHEMA_VERSION}. Run "npm run db:build".`);
  }
  const local = openLocalDatabase(options.dataDir);
  const writable = local.readOnly ? null : local.db;
  const audit = new AuditLog(writable);
  const settings = new SettingsService(local.db, audit);
  const layers = new ContentLayers(bundled, local.db);
  const writableLayers = new ContentLayers(bundled, writable);
  const versions = writable ? new ContentVersions(writable) : null;
  const narration = new NarrationService(writableLayers, versions, audit);
  const content = new ContentService(layers, () => {
    const s = settings.get();
    return {
      approvedOnly: s.approvedContentOnly,
      enabledLocales: s.enabledLocales,
      localeOrder: s.localeOrder,
      clinic: { clinicName: s.clinicName, clinicPhone: s.clinicPhone, afterHoursPhone: s.afterHoursPhone, emergencyNumber: s.emergencyNumber },
    };
  });
  const media = new MediaRegistry();
  media.register('illustration', (id) => content.illustrationMedia(id));
  // Patients hear recordings through the read layers, so a read-only database still serves them.
  const servedNarration = new NarrationService(layers, null, audit);
  media.register('narration', (id) => servedNarration.resolve(id));
  const uiStringsDir = options.uiStringsDir ?? join(dirname(options.bundledContentPath), 'locales');
  const contentHash = contentMetaRepo(bundled).value('contentHash') ?? 'unknown';
  return {
    content,
    settings,
    audit,
    versions,
    admin: new ContentAdmin(writableLayers, versions, audit, narration),
    narration,
    media,
    packs: new ContentPacks(writableLayers, versions, audit, () => {
      const s = settings.get();
      return { trustedKeys: s.trustedKeys, allowUnsigned: s.allowUnsignedPacks };
    }),
    backup: new LocalBackup(writable, options.dataDir, audit),
    exports: new SavedExports(options.dataDir, audit),
    site: new TakeHomeSite({ content, settings, audit, uiStringsDir, contentHash }),
    speech: new SpeechService({
      command: options.espeakCommand ?? (process.env.KIOSK_ESPEAK_NG || 'espeak-ng'),
      dataDir: options.dataDir,
      ...(options.speechCacheBytes !== undefined ? { cacheBytes: options.speechCacheBytes } : {}),
    }),
    dataDir: options.dataDir,
    staff: new StaffAuth(local.readOnly ? null : local.db, Date.now, audit),
    usage: new UsageCounter(local.readOnly ? null : local.db),
    local,
    bundled,
    contentHash,
    appVersion: options.appVersion,
    uiStringsDir,
    close() {
      local.db?.close();
      bundled.close();
    },
  };
}
