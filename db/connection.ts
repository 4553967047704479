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

/** openForInspection, then SQLite's quick integrity check; a file that fails it is closed and refused. */
export function openCheckedForInspection(path: string): Db {
  const db = openForInspection(path);
  try {
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('it failed the integrity check');
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/** Opens (or creates) a writable database with the project's pragmas. */
export function openWritable(path: string, options: { wal: boolean }): Db {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  if (options.wal) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return db;
}

/** The schema version a database says it is at (PRAGMA user_version; 0 when never set). */
export function userVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** The database's own tables (not SQLite's internal ones). */
export function tableNames(db: Db): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((t) => t.name);
}

/**
 * A consistent copy of `db` at `path` by SQLite's online backup (safe while the kiosk runs),
 * then with every row of the tables in `without` removed and the file vacuumed, so nothing of
 * them stays in its free pages.
 */
export async function backupTo(db: Db, path: string, options: { without: readonly string[] }): Promise<void> {
  await db.backup(path);
  if (!options.without.length) return;
  const copy = openWritable(path, { wal: false });
  try {
    copy.exec(`${options.without.map((t) => `DELETE FROM ${t};`).join(' ')} VACUUM;`);
  } finally {
    copy.close();
  }
}
