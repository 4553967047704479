/**
 * Content versions (migration 0020) and the large binary values their snapshots refer to by
 * hash (snapshot_blobs, migration 0070). What a snapshot holds is db/overlay.ts's business.
 */
import type { Db } from '../connection';

export type VersionKind = 'import' | 'edit' | 'rollback' | 'revert';

export interface VersionListRow {
  id: number;
  created_at: string;
  kind: VersionKind;
  label: string;
  size: number;
}

export class VersionsRepo {
  constructor(private readonly db: Db) {}

  insert(createdAt: string, kind: VersionKind, label: string, snapshot: Buffer): number {
    return Number(
      this.db.prepare<[string, VersionKind, string, Buffer]>('INSERT INTO content_versions (created_at, kind, label, snapshot) VALUES (?, ?, ?, ?)').run(createdAt, kind, label, snapshot)
        .lastInsertRowid,
    );
  }

  /** The newest version's snapshot, if any. */
  latestSnapshot(): Buffer | null {
    return this.db.prepare<[], { snapshot: Buffer }>('SELECT snapshot FROM content_versions ORDER BY id DESC LIMIT 1').get()?.snapshot ?? null;
  }

  snapshot(id: number): Buffer | null {
    return this.db.prepare<[number], { snapshot: Buffer }>('SELECT snapshot FROM content_versions WHERE id = ?').get(id)?.snapshot ?? null;
  }

  /** Newest first. */
  list(): VersionListRow[] {
    return this.db.prepare<[], VersionListRow>('SELECT id, created_at, kind, label, length(snapshot) AS size FROM content_versions ORDER BY id DESC').all();
  }

  /** Keeps a binary value once by its hash (a no-op when it is already kept). */
  keepBlob(sha256: string, data: Buffer): void {
    this.db.prepare<[string, Buffer]>('INSERT OR IGNORE INTO snapshot_blobs (sha256, data) VALUES (?, ?)').run(sha256, data);
  }

  blob(sha256: string): Buffer | null {
    return this.db.prepare<[string], { data: Buffer }>('SELECT data FROM snapshot_blobs WHERE sha256 = ?').get(sha256)?.data ?? null;
  }
}
