import type { Migration } from './types';

/** Illustrations an admin replaced, by procedure and id; they win over the content's own. Part of the overlay (db/overlay.ts). */
export const illustrationOverridesTable = `
      CREATE TABLE illustration_overrides (
        procedure_id TEXT NOT NULL,
        id TEXT NOT NULL,
        media_type TEXT NOT NULL CHECK (media_type IN ('image/svg+xml', 'image/png', 'image/webp')),
        data BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (procedure_id, id)
      ) STRICT;
    `;

export const migration0040: Migration = {
  version: 40,
  name: 'illustration overrides',
  up(db) {
    db.exec(illustrationOverridesTable);
  },
};
