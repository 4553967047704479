import type { Migration } from './types';

/**
 * Staff sign-in hardening (issue 17): one lock per sign-in place (the kiosk's touch screen, a
 * workstation window, web mode) with a failure count that only a right PIN or an admin resets,
 * so a patient cannot lock out a nurse elsewhere; PINs remember whether they are shorter than
 * the 6 digits new PINs need (PINs set before this version may be, until the next sign-in says).
 * Signed packs: the highest release accepted per signing key, so an older release cannot be replayed.
 * Content version snapshots keep large binary values (pictures) once, by content hash.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'sign-in places, short PINs, pack releases, snapshot blobs',
  up(db) {
    db.exec(`
      CREATE TABLE staff_sign_in_locks (
        place TEXT PRIMARY KEY CHECK (place IN ('kiosk', 'workstation', 'web')),
        failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
        locked_until TEXT
      ) STRICT;
      INSERT INTO staff_sign_in_locks (place, failures, locked_until)
        SELECT p.place, l.failures, l.locked_until FROM staff_lockout l, (SELECT 'kiosk' AS place UNION ALL SELECT 'workstation' UNION ALL SELECT 'web') p WHERE l.id = 1;
      INSERT OR IGNORE INTO staff_sign_in_locks (place) VALUES ('kiosk'), ('workstation'), ('web');
      DROP TABLE staff_lockout;

      ALTER TABLE staff_pins ADD COLUMN short INTEGER NOT NULL DEFAULT 1 CHECK (short IN (0, 1));

      CREATE TABLE snapshot_blobs (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        data BLOB NOT NULL
      ) STRICT;

      CREATE TABLE pack_releases (
        key_id TEXT PRIMARY KEY,
        release INTEGER NOT NULL CHECK (release >= 1),
        released_at TEXT NOT NULL,
        accepted_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
