/**
 * Content versions: a snapshot of the clinic's whole content overlay after every import,
 * edit, revert and rollback, so any of them can be restored. Snapshots are gzipped JSON.
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
const encode = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? { $b64: v.toString('base64') } : v]));
const decode = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v && typeof v === 'object' && '$b64' in (v as object) ? Buffer.from((v as { $b64: string }).$b64, 'base64') : v]));

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

  /** The overlay as canonical JSON (tables in order, rows by rowid). */
  private state(): string {
    const tables: Record<string, Row[]> = {};
    for (const t of overlayTables) tables[t] = (this.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Row[]).map(encode);
    return JSON.stringify(tables);
  }

  stateHash(): string {
    return sha256(this.state());
  }

  /** Records the current overlay as a version. Call inside the same transaction as the change. */
  record(kind: ContentVersion['kind'], label: string): number {
    const snapshot = gzipSync(this.state());
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
        const r = decode(raw);
        const cols = Object.keys(r);
        this.db.prepare(`INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => r[c]));
      }
    }
  }
}
