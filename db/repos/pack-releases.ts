/** The highest pack release accepted per signing key (migration 0070), so an older release cannot be replayed. */
import type { Db } from '../connection';

export interface AcceptedRelease {
  release: number;
  released_at: string;
}

export class PackReleases {
  constructor(private readonly db: Db) {}

  highest(keyId: string): AcceptedRelease | null {
    return this.db.prepare<[string], AcceptedRelease>('SELECT release, released_at FROM pack_releases WHERE key_id = ?').get(keyId) ?? null;
  }

  accept(keyId: string, release: number, releasedAt: string, acceptedAt: string): void {
    this.db
      .prepare<[string, number, string, string]>(
        `INSERT INTO pack_releases (key_id, release, released_at, accepted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key_id) DO UPDATE SET release = excluded.release, released_at = excluded.released_at, accepted_at = excluded.accepted_at`,
      )
      .run(keyId, release, releasedAt, acceptedAt);
  }
}
