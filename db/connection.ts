import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Opens the bundled content database: read-only, never written by the app. */
export function openReadOnly(path: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('foreign_keys = ON');
  return db;
}

/** Opens a file someone else wrote (a backup to restore) read-only, to be checked before use. */
export function openForInspection(path: string): Db {
  return new Database(path, { readonly: true, fileMustExist: true });
}

/** Opens (or creates) a writable database with the project's pragmas. */
export function openWritable(path: string, options: { wal: boolean }): Db {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  if (options.wal) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return db;
}
