/** The SQL of backup files: a copy with some tables emptied, and a file someone gave us checked before a restore. */
import { openForInspection, openWritable, type Db } from './connection';

/** Empties `tables` in the database file at `path` and compacts it, so their rows are gone from the file too. */
export function emptyTablesInCopy(path: string, tables: readonly string[]): void {
  const copy = openWritable(path, { wal: false });
  try {
    copy.exec(`${tables.map((t) => `DELETE FROM ${t};`).join(' ')} VACUUM;`);
  } finally {
    copy.close();
  }
}

/** Opens a backup read-only after SQLite's quick check; throws with the reason when the file is not a sound database. The caller closes it. */
export function openBackupFile(path: string): { db: Db; schemaVersion: number } {
  const db = openForInspection(path);
  try {
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('it failed the integrity check');
    return { db, schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } catch (e) {
    db.close();
    throw e;
  }
}
