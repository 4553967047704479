/**
 * Backup and restore of the clinic's local database. Backup uses SQLite's online backup, so
 * it is consistent while the kiosk runs. Restore checks the file, keeps a safety copy of the
 * current data, then replaces every table's rows in one transaction. Both are written to the
 * audit log here, so the admin screens and the CLI leave the same entries.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupTo, openCheckedForInspection, userVersion, type Db } from '../../db/connection';
import { latestVersion } from '../../db/migrate';
import { createPrivateFile, DATA_DIR_MODE, DATA_FILE_MODE } from '../../db/local-db';
import { KioskError } from '../shared/errors';
import { OverlayWriter } from '../../db/overlay';
import type { AuditLog } from './audit-log';

export const BACKUP_DIR = 'backups';
/** Tables never taken from (or put into) a backup: the staff PIN hashes stay as they are on this kiosk. */
const KEPT_ON_RESTORE = ['staff_pins'];
const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

export class LocalBackup {
  constructor(
    private readonly db: Db | null,
    private readonly dataDir: string,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private live(): Db {
    if (!this.db) throw new KioskError('READ_ONLY', 'The local database is not available, so there is nothing to back up or restore into.');
    return this.db;
  }

  folder(): string {
    return join(this.dataDir, BACKUP_DIR);
  }

  /** A consistent copy of the local database, readable by the kiosk's account only, without the staff PIN hashes; audited as `role`'s backup. */
  async backup(role: string, target?: string): Promise<{ path: string; name: string; bytes: number }> {
    const copy = await this.copyTo(target ?? join(this.folder(), `kiosk-backup-${stamp(this.now())}.db`));
    this.audit.record(role, 'backup', copy.path, null, null);
    return { ...copy, name: basename(copy.path) };
  }

  /** The backup file called `name` in the backups folder (a name from list()). */
  pathOf(name: string): string {
    return join(this.folder(), name);
  }

  private async copyTo(path: string): Promise<{ path: string; bytes: number }> {
    mkdirSync(join(path, '..'), { recursive: true, mode: DATA_DIR_MODE });
    createPrivateFile(path);
    // PIN hashes stay on this kiosk: a copied backup must not give them away to offline guessing.
    await backupTo(this.live(), path, { without: KEPT_ON_RESTORE });
    chmodSync(path, DATA_FILE_MODE);
    return { path, bytes: statSync(path).size };
  }

  list(): { name: string; bytes: number; modified: string }[] {
    if (!existsSync(this.folder())) return [];
    return readdirSync(this.folder())
      .filter((f) => f.endsWith('.db'))
      .map((name) => {
        const s = statSync(join(this.folder(), name));
        return { name, bytes: s.size, modified: s.mtime.toISOString() };
      })
      .sort((a, b) => b.name.localeCompare(a.name));
  }

  /** Replaces the local data with a backup's (after a safety copy), then records `role`'s restore in the audit log (the restored one). */
  async restore(role: string, source: string): Promise<{ safetyCopy: string; safetyCopyName: string }> {
    const { safetyCopy } = await this.replaceFrom(source);
    this.audit.record(role, 'restore', basename(source), null, null);
    return { safetyCopy, safetyCopyName: basename(safetyCopy) };
  }

  private async replaceFrom(source: string): Promise<{ safetyCopy: string }> {
    const db = this.live();
    let backup: Db;
    try {
      backup = openCheckedForInspection(source);
    } catch (e) {
      throw new KioskError('INVALID_INPUT', `${basename(source)} is not a usable kiosk backup (${(e as Error).message}). Nothing was changed.`, 'name');
    }
    try {
      const version = userVersion(backup);
      if (version === 0 || version > latestVersion())
        throw new KioskError('INVALID_INPUT', `${basename(source)} is not a backup this version of the kiosk can read (schema ${version}). Nothing was changed.`, 'name');
      const safety = await this.copyTo(join(this.folder(), `before-restore-${stamp(this.now())}.db`));
      new OverlayWriter(db).restoreFrom(backup, KEPT_ON_RESTORE);
      return { safetyCopy: safety.path };
    } finally {
      backup.close();
    }
  }
}
