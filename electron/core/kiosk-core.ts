/**
 * The kiosk's services in plain Node, opened once per process over the bundled content
 * and the data directory. Electron main and web mode both build one of these.
 */
import { openReadOnly, type Db } from '../../db/connection';
import { CONTENT_SCHEMA_VERSION } from '../../db/content-schema';
import { openLocalDatabase, type LocalDatabase } from '../../db/local-db';
import { ContentLayers } from './content-layers';
import { ContentService } from './content-service';
import { SettingsService } from './settings-service';
import { StaffAuth } from './staff-auth';
import { UsageCounter } from './usage-counter';

export interface KioskCoreOptions {
  /** Path of the bundled, read-only content.db. */
  bundledContentPath: string;
  /** Folder for the local database (clinic edits, settings, audit, usage). */
  dataDir: string;
  appVersion: string;
}

export interface KioskCore {
  content: ContentService;
  settings: SettingsService;
  staff: StaffAuth;
  usage: UsageCounter;
  local: LocalDatabase;
  bundled: Db;
  contentHash: string;
  appVersion: string;
  close(): void;
}

export function openKioskCore(options: KioskCoreOptions): KioskCore {
  let bundled: Db;
  try {
    bundled = openReadOnly(options.bundledContentPath);
  } catch (e) {
    throw new Error(`The bundled content ${options.bundledContentPath} cannot be opened (${(e as Error).message}). Run "npm run db:build", or reinstall the app.`);
  }
  const version = bundled.pragma('user_version', { simple: true }) as number;
  if (version !== CONTENT_SCHEMA_VERSION) {
    bundled.close();
    throw new Error(`The bundled content ${options.bundledContentPath} has schema version ${version}; this app reads version ${CONTENT_SCHEMA_VERSION}. Run "npm run db:build".`);
  }
  const hashRow = bundled.prepare("SELECT value FROM content_meta WHERE key = 'contentHash'").get() as { value: string } | undefined;
  const local = openLocalDatabase(options.dataDir);
  return {
    content: new ContentService(new ContentLayers(bundled, local.db)),
    settings: new SettingsService(local.db),
    staff: new StaffAuth(local.readOnly ? null : local.db),
    usage: new UsageCounter(local.readOnly ? null : local.db),
    local,
    bundled,
    contentHash: hashRow?.value ?? 'unknown',
    appVersion: options.appVersion,
    close() {
      local.db?.close();
      bundled.close();
    },
  };
}
