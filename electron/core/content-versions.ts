/**
 * Content versions: a snapshot of the clinic's whole content overlay after every import,
 * edit, revert and rollback, so any of them can be restored. Snapshots are gzipped JSON; large
 * binary values (pictures) are stored once by content hash in snapshot_blobs and referenced, so
 * a one-line edit never copies every picture again.
 */
import { gzipSync, gunzipSync } from 'node:zlib';
import type { Db } from '../../db/connection';
import { sha256 } from '../../db/canonical-json';
import { KioskError } from '../shared/errors';

/**
 * Overlay tables, parents first (restore order). Narration recordings themselves
 * (narration_audio, by content hash) are kept out of snapshots and never deleted, so a
 * snapshot stays small and restoring one finds every recording it names.
 */
export const overlayTables = [
  'locales', 'procedures', 'illustrations', 'topics', 'topic_sections', 'steps', 'glossary_terms',
  'quiz_questions', 'quiz_options', 'discharge_sections', 'discharge_items', 'red_flags', 'texts',
  'template_variables', 'illustration_overrides', 'narrations',
] as const;

type Row = Record<string, unknown>;
/** Binary values at least this long are kept by hash instead of inside each snapshot. */
const BLOB_BY_HASH_BYTES = 1024;

export interface ContentVersion {
  id: number;
  createdAt: string;
  kind: 'import' | 'edit' | 'rollback' | 'revert';
  label: string;
  sizeBytes: number;
}

export class ContentVersions {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private encode(row: Row, blobs: Map<string, Buffer> | null): Row {
    return Object.fromEntries(
      Object.entries(row).map(([k, v]) => {
        if (!Buffer.isBuffer(v)) return [k, v];
        if (v.length < BLOB_BY_HASH_BYTES) return [k, { $b64: v.toString('base64') }];
        const hash = sha256(v);
        blobs?.set(hash, v);
        return [k, { $blob: hash }];
      }),
    );
  }

  private decode(row: Row): Row {
    return Object.fromEntries(
      Object.entries(row).map(([k, v]) => {
        if (!v || typeof v !== 'object') return [k, v];
        if ('$b64' in v) return [k, Buffer.from((v as { $b64: string }).$b64, 'base64')];
        if ('$blob' in v) {
          const hash = (v as { $blob: string }).$blob;
          const blob = this.db.prepare('SELECT data FROM snapshot_blobs WHERE sha256 = ?').get(hash) as { data: Buffer } | undefined;
          if (!blob) throw new KioskError('NOT_FOUND', `This content version refers to a picture (${hash.slice(0, 12)}) that is no longer in the database.`);
          return [k, blob.data];
        }
        return [k, v];
      }),
    );
  }

  /** The overlay as canonical JSON (tables in order, rows by rowid); `blobs` collects large binary values. */
  private state(blobs: Map<string, Buffer> | null = null): string {
    const tables: Record<string, Row[]> = {};
    for (const t of overlayTables) tables[t] = (this.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Row[]).map((r) => this.encode(r, blobs));
    return JSON.stringify(tables);
  }

  stateHash(): string {
    return sha256(this.state());
  }

  /** Records the current overlay as a version. Call inside the same transaction as the change. */
  record(kind: ContentVersion['kind'], label: string): number {
    const blobs = new Map<string, Buffer>();
    const snapshot = gzipSync(this.state(blobs));
    const keep = this.db.prepare('INSERT OR IGNORE INTO snapshot_blobs (sha256, data) VALUES (?, ?)');
    for (const [hash, data] of blobs) keep.run(hash, data);
    return Number(
      this.db.prepare('INSERT INTO content_versions (created_at, kind, label, snapshot) VALUES (?, ?, ?, ?)').run(this.now().toISOString(), kind, label, snapshot).lastInsertRowid,
    );
  }

  /** Makes sure the state before a change is kept: records it unless the newest version already is it. */
  ensureRestorePoint(label: string): void {
    const latest = this.db.prepare('SELECT snapshot FROM content_versions ORDER BY id DESC LIMIT 1').get() as { snapshot: Buffer } | undefined;
    const current = this.state();
    if (!latest || gunzipSync(latest.snapshot).toString('utf8') !== current) this.record('edit', label);
  }

  list(): ContentVersion[] {
    return (this.db.prepare('SELECT id, created_at, kind, label, length(snapshot) AS size FROM content_versions ORDER BY id DESC').all() as Row[]).map((r) => ({
      id: r.id as number,
      createdAt: r.created_at as string,
      kind: r.kind as ContentVersion['kind'],
      label: r.label as string,
      sizeBytes: r.size as number,
    }));
  }

  /** Puts the overlay back to a version; the caller runs this in a transaction and records a new version. */
  restore(id: number): void {
    const row = this.db.prepare('SELECT snapshot FROM content_versions WHERE id = ?').get(id) as { snapshot: Buffer } | undefined;
    if (!row) throw new KioskError('NOT_FOUND', `Content version ${id} does not exist.`);
    const tables = JSON.parse(gunzipSync(row.snapshot).toString('utf8')) as Record<string, Row[]>;
    for (const t of [...overlayTables].reverse()) this.db.prepare(`DELETE FROM ${t}`).run();
    for (const t of overlayTables) {
      for (const raw of tables[t] ?? []) {
        const r = this.decode(raw);
        const cols = Object.keys(r);
        this.db.prepare(`INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => r[c]));
      }
    }
  }
}
