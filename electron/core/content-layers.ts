/**
 * Reads content from the bundled database and the clinic's overlay (local database).
 * Overlay rows win by key; an overlay text row with NULL text is a tombstone.
 */
import type { Db } from '../../db/connection';

export interface TextRow {
  text: string;
  status: 'draft' | 'reviewed' | 'approved';
}

/** Content generation per overlay database: bumped by every content write in this process. */
const generations = new WeakMap<Db, number>();

/** Call after writing content rows to an overlay, so cached reads are dropped. */
export function contentChanged(overlay: Db): void {
  generations.set(overlay, (generations.get(overlay) ?? 0) + 1);
}

/** A recording attached to a text in the overlay (see migration 0060). */
export interface NarrationRow {
  key: string;
  audio_sha256: string;
  text_sha256: string;
  mime: string;
  duration_ms: number;
  bytes: number;
  recorded_by: string;
  attached_at: string;
}

export class ContentLayers {
  private readonly cache = new Map<string, { stamp: string; value: unknown }>();

  /**
   * What the content looks like now: the bundled file never changes; the overlay changes
   * through this process (generation) or another one such as the admin CLI (data_version).
   */
  private stamp(): string {
    if (!this.overlay) return 'bundled';
    return `${this.overlay.pragma('data_version', { simple: true }) as number}:${generations.get(this.overlay) ?? 0}`;
  }

  /** A read whose answer is kept until the content changes. */
  cached<T>(key: string, compute: () => T): T {
    const stamp = this.stamp();
    const hit = this.cache.get(key);
    if (hit && hit.stamp === stamp) return hit.value as T;
    const value = compute();
    if (this.cache.size > 500) this.cache.clear();
    this.cache.set(key, { stamp, value });
    return value;
  }

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

  /** Recordings attached to the texts of one procedure in one language, by text key (overlay only). */
  narrations(procedureId: string, locale: string): Map<string, NarrationRow> {
    return this.cached(`narrations\u0000${procedureId}\u0000${locale}`, () => {
      if (!this.overlay) return new Map<string, NarrationRow>();
      const rows = this.overlay
        .prepare(
          `SELECT n.key, n.audio_sha256, n.text_sha256, a.mime, a.duration_ms, length(a.data) AS bytes, n.recorded_by, n.attached_at
           FROM narrations n JOIN narration_audio a ON a.sha256 = n.audio_sha256 WHERE n.procedure_id = ? AND n.locale = ?`,
        )
        .all(procedureId, locale) as NarrationRow[];
      return new Map(rows.map((r) => [r.key, r]));
    });
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
    return this.cached(`texts\u0000${procedureId}\u0000${locale}`, () => this.readTexts(procedureId, locale));
  }

  private readTexts(procedureId: string, locale: string): Map<string, TextRow> {
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
