/**
 * Opens the clinic's local database in the data directory. A corrupt database, or one
 * written by a newer app, is moved aside (never overwritten) and a fresh one is created;
 * the reason goes into `warnings` for staff. A read-only database is opened read-only.
 */
import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import Database from 'better-sqlite3';
import { openWritable, userVersion, type Db } from './connection';
import { FutureDatabaseError, latestVersion, migrate } from './migrate';

export const LOCAL_DB_FILE = 'local.db';

export interface LocalDatabase {
  /** Null when no local database could be opened at all (content then comes from bundled only). */
  db: Db | null;
  path: string;
  readOnly: boolean;
  warnings: string[];
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

function moveAside(path: string, reason: string, now: Date): string {
  const target = `${path}.${reason}-${stamp(now)}`;
  renameSync(path, target);
  for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  return target;
}

/**
 * A read-only view of the database. A WAL database cannot be opened read-only without write
 * access to its folder, so then an in-memory copy is used. Either way writes are refused
 * (query_only), so no edit can seem to succeed and then be lost.
 */
function openReadOnlySnapshot(path: string): Db {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    const bytes = readFileSync(path);
    // Bytes 18-19 say "WAL mode"; an in-memory copy must be in rollback-journal mode.
    if (bytes.length > 19) bytes[18] = bytes[19] = 1;
    db = new Database(bytes);
  }
  db.pragma('query_only = ON');
  return db;
}

function openAndCheck(path: string): Db {
  const db = openWritable(path, { wal: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(`integrity check failed: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function damageReason(e: unknown): 'from-newer-version' | 'corrupt' | null {
  if (e instanceof FutureDatabaseError) return 'from-newer-version';
  const code = (e as { code?: string }).code ?? '';
  return ['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN'].includes(code) ? 'corrupt' : null;
}

/**
 * The data folder is created for the kiosk's account only (0700) and the database file 0600;
 * SQLite gives its -wal and -shm files the database file's permissions. (On Windows the user
 * profile's ACLs apply; for a --data folder, IT sets them, see README "For IT staff".)
 */
export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/** Creates an empty file readable by the kiosk's account only, unless it exists (SQLite accepts an empty file). */
export function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', DATA_FILE_MODE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/** Databases made by earlier versions (0644 under umask 022) become 0600 too; where that is not possible, nothing changes. */
function restrictExisting(path: string): void {
  if (process.platform === 'win32') return;
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, DATA_FILE_MODE);
    } catch {
      /* not ours to change (a read-only or shared install): leave it */
    }
  }
}

export function openLocalDatabase(dataDir: string, now: Date = new Date()): LocalDatabase {
  const path = join(dataDir, LOCAL_DB_FILE);
  const warnings: string[] = [];
  try {
    mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  } catch (e) {
    warnings.push(`The data folder ${dataDir} cannot be created (${(e as Error).message}). Patients still see the bundled content; clinic edits and settings are unavailable.`);
    return { db: null, path, readOnly: true, warnings };
  }

  if (existsSync(path) && (!isWritable(path) || !isWritable(dataDir))) {
    try {
      const db = openReadOnlySnapshot(path);
      const version = userVersion(db);
      if (version !== latestVersion()) throw new Error(`it is at schema version ${version} and cannot be upgraded while read-only`);
      warnings.push(`The local database ${path} is read-only. Patients still see content, but edits, imports and settings cannot be saved until the file and folder are writable.`);
      return { db, path, readOnly: true, warnings };
    } catch (e) {
      warnings.push(`The local database ${path} is read-only and cannot be used (${(e as Error).message}). Patients see the bundled content only.`);
      return { db: null, path, readOnly: true, warnings };
    }
  }

  try {
    createPrivateFile(path);
    const db = openAndCheck(path);
    restrictExisting(path);
    return { db, path, readOnly: false, warnings };
  } catch (e) {
    const reason = damageReason(e);
    if (!reason) throw e;
    const moved = moveAside(path, reason, now);
    warnings.push(
      reason === 'corrupt'
        ? `The local database was damaged (${(e as Error).message}) and was moved aside to ${basename(moved)}. A fresh one was created, so clinic edits and settings are back to the bundled defaults. Restore a backup if you have one.`
        : `The local database was written by a newer version of the kiosk (${(e as Error).message}); it was moved aside to ${basename(moved)} and a fresh one was created. Install the newer version to use it again.`,
    );
    createPrivateFile(path);
    return { db: openAndCheck(path), path, readOnly: false, warnings };
  }
}
