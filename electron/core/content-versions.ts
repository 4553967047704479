/**
 * Content versions: a snapshot of the clinic's whole content overlay after every import,
 * edit, revert and rollback, so any of them can be restored. Snapshots are gzipped JSON; large
 * binary values (pictures) are stored once by content hash in snapshot_blobs and referenced, so
 * a one-line edit never copies every picture again.
 */
import { gzipSync, gunzipSync } from 'node:zlib';
import type { Db } from '../../db/connection';
import { sha256 } from '../../db/canonical-json';
import { OverlayWriter } from '../../db/overlay';
import { VersionsRepo, type VersionKind } from '../../db/repos/versions';
import { KioskError } from '../shared/errors';

type Row = Record<string, unknown>;
/** Binary values at least this long are kept by hash instead of inside each snapshot. */
const BLOB_BY_HASH_BYTES = 1024;

export interface ContentVersion {
  id: number;
  createdAt: string;
  kind: VersionKind;
  label: string;
  sizeBytes: number;
}

export class ContentVersions {
  private readonly overlay: OverlayWriter;
  private readonly repo: VersionsRepo;

  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.overlay = new OverlayWriter(db);
    this.repo = new VersionsRepo(db);
  }

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
          const blob = this.repo.blob(hash);
          if (!blob) throw new KioskError('NOT_FOUND', `This content version refers to a picture (${hash.slice(0, 12)}) that is no longer in the database.`);
          return [k, blob];
        }
        return [k, v];
      }),
    );
  }

  /** The overlay as canonical JSON (tables in order, rows by rowid); `blobs` collects large binary values. */
  private state(blobs: Map<string, Buffer> | null = null): string {
    const tables = Object.entries(this.overlay.readAll()).map(([t, rows]) => [t, rows.map((r) => this.encode(r, blobs))]);
    return JSON.stringify(Object.fromEntries(tables));
  }

  stateHash(): string {
    return sha256(this.state());
  }

  /** Records the current overlay as a version. Call inside the same transaction as the change. */
  record(kind: ContentVersion['kind'], label: string): number {
    const blobs = new Map<string, Buffer>();
    const snapshot = gzipSync(this.state(blobs));
    for (const [hash, data] of blobs) this.repo.keepBlob(hash, data);
    return this.repo.insert(this.now().toISOString(), kind, label, snapshot);
  }

  /** Makes sure the state before a change is kept: records it unless the newest version already is it. */
  ensureRestorePoint(label: string): void {
    const latest = this.repo.latestSnapshot();
    const current = this.state();
    if (!latest || gunzipSync(latest).toString('utf8') !== current) this.record('edit', label);
  }

  list(): ContentVersion[] {
    return this.repo.list().map((r) => ({ id: r.id, createdAt: r.created_at, kind: r.kind, label: r.label, sizeBytes: r.size }));
  }

  /** Puts the overlay back to a version; the caller runs this in a transaction and records a new version. */
  restore(id: number): void {
    const snapshot = this.repo.snapshot(id);
    if (!snapshot) throw new KioskError('NOT_FOUND', `Content version ${id} does not exist.`);
    const tables = JSON.parse(gunzipSync(snapshot).toString('utf8')) as Record<string, Row[]>;
    this.overlay.replaceAll(Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.map((r) => this.decode(r))])));
  }
}
