import type { Migration } from './types';

/** Clinic settings, the admin audit log, anonymous daily usage counts and content versions. */
export const migration0020: Migration = {
  version: 20,
  name: 'settings, audit log, usage counts, content versions',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        before_hash TEXT,
        after_hash TEXT
      ) STRICT;

      -- Anonymous aggregate counts only: no person, no session, no free text.
      CREATE TABLE usage_counts (
        day TEXT NOT NULL,
        metric TEXT NOT NULL,
        dimension TEXT NOT NULL DEFAULT '',
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, metric, dimension)
      ) STRICT;

      CREATE TABLE content_versions (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('import', 'edit', 'rollback', 'revert')),
        label TEXT NOT NULL,
        snapshot BLOB NOT NULL
      ) STRICT;
    `);
  },
};
