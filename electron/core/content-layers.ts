/**
 * Reads content from the bundled database and the clinic's overlay (local database).
 * Overlay rows win by key; an overlay text row with NULL text is a tombstone.
 */
import type { Db } from '../../db/connection';

export interface TextRow {
  text: string;
  status: 'draft' | 'reviewed' | 'approved';
}

export class ContentLayers {
  /** Overlay first, bundled last. */
  private readonly layers: Db[];

  constructor(
    readonly bundled: Db,
    readonly overlay: Db | null,
  ) {
    this.layers = overlay ? [overlay, bundled] : [bundled];
  }

  /** An illustration an admin replaced, if any. */
  illustrationOverride(procedureId: string, id: string): { media_type: string; data: Buffer } | null {
    if (!this.overlay) return null;
    return (this.overlay.prepare('SELECT media_type, data FROM illustration_overrides WHERE procedure_id = ? AND id = ?').get(procedureId, id) as { media_type: string; data: Buffer } | undefined) ?? null;
  }

  /** Rows of the first layer (overlay first) for which `exists` finds the key. */
  layerFor(table: 'procedures' | 'locales', idColumn: string, id: string): Db | null {
    for (const db of this.layers) {
      if (db.prepare(`SELECT 1 FROM ${table} WHERE ${idColumn} = ?`).get(id)) return db;
    }
    return null;
  }

  /** Union of rows across layers, keyed by `key`, the first layer winning. */
  union<T>(sql: string, key: (row: T) => string, ...params: unknown[]): T[] {
    const seen = new Map<string, T>();
    for (const db of this.layers) {
      for (const row of db.prepare(sql).all(...params) as T[]) {
        const k = key(row);
        if (!seen.has(k)) seen.set(k, row);
      }
    }
    return [...seen.values()];
  }

  /** Texts of one procedure in one language: bundled, then overlay on top (tombstones remove). */
  texts(procedureId: string, locale: string): Map<string, TextRow> {
    const out = new Map<string, TextRow>();
    for (const db of [...this.layers].reverse()) {
      const rows = db
        .prepare('SELECT key, text, status FROM texts WHERE procedure_id = ? AND locale = ?')
        .all(procedureId, locale) as { key: string; text: string | null; status: TextRow['status'] }[];
      for (const r of rows) {
        if (r.text === null) out.delete(r.key);
        else out.set(r.key, { text: r.text, status: r.status });
      }
    }
    return out;
  }
}
