/** Brings the local database to the newest schema: all pending migrations in one transaction. */
import { userVersion, type Db } from './connection';
import type { Migration } from './migrations/types';
import { migrations as allMigrations } from './migrations/index';

export class FutureDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`the local database is at schema version ${found}, newer than this app understands (${supported}); it was written by a newer version of the kiosk`);
    this.name = 'FutureDatabaseError';
  }
}

export function latestVersion(list: readonly Migration[] = allMigrations): number {
  return list.reduce((max, m) => Math.max(max, m.version), 0);
}

/** Returns the versions that were applied. */
export function migrate(db: Db, list: readonly Migration[] = allMigrations): number[] {
  const current = userVersion(db);
  const latest = latestVersion(list);
  if (current > latest) throw new FutureDatabaseError(current, latest);
  const pending = list.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (!pending.length) return [];
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return pending.map((m) => m.version);
}
