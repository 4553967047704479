import type { Migration } from './types';

/** Staff PINs (salted scrypt hashes only) and the sign-in lockout, which survives a restart. */
export const migration0030: Migration = {
  version: 30,
  name: 'staff PINs and sign-in lockout',
  up(db) {
    db.exec(`
      CREATE TABLE staff_pins (
        role TEXT PRIMARY KEY CHECK (role IN ('nurse', 'admin')),
        hash TEXT NOT NULL,
        salt TEXT NOT NULL,
        params TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff_lockout (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT
      ) STRICT;
      INSERT INTO staff_lockout (id, failures, locked_until) VALUES (1, 0, NULL);
    `);
  },
};
