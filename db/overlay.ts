/**
 * The clinic's overlay: the only reader and writer of overlay content rows.
 *
 * The local database holds the same content tables as the bundled content.db (plus replaced
 * illustrations and attached narrations). Its rows win over the bundled rows by key; an
 * overlay text row with NULL text is a tombstone that hides the bundled text. Every write
 * below bumps the overlay's content generation, so cached reads see it at once.
 */
import { tableNames, type Db } from './connection';
import { contentTablesV1 } from './content-schema';
import { illustrationOverridesTable } from './migrations/0040-illustration-overrides';
import { narrationsTable } from './migrations/0060-narration';
import { importPack, type ImportSummary, type TextOrigin } from './importer';
import type { ContentPack, mediaTypes } from './pack-schema';
import { sha256 } from './canonical-json';
import type { ReviewStatus } from '../electron/shared/content-types';
import type { FontPackage } from '../electron/shared/fonts';
import type { NarrationMime } from '../electron/shared/narration';

const tablesCreatedBy = (sql: string): string[] => [...sql.matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1] as string);

/** Describes the bundled file itself (its content hash); the clinic never writes it. */
const BUNDLED_ONLY = new Set(['content_meta']);

/**
 * The overlay tables, parents first (restore order), read from the statements that create
 * them: the content tables, replaced illustrations (migration 0040) and attached narrations
 * (0060). Recordings themselves (narration_audio, by content hash) are not overlay rows: they
 * are never deleted, so every snapshot finds the recordings it names.
 */
export const overlayTables: readonly string[] = [
  ...tablesCreatedBy(contentTablesV1).filter((t) => !BUNDLED_ONLY.has(t)),
  ...tablesCreatedBy(illustrationOverridesTable),
  ...tablesCreatedBy(narrationsTable),
];

/** Content generation per overlay database: bumped by every write in this process. */
const generations = new WeakMap<Db, number>();
const bump = (db: Db) => generations.set(db, (generations.get(db) ?? 0) + 1);

export interface TextRow {
  text: string;
  status: ReviewStatus;
}

/** A text with its review record, as stored (text NULL only for an overlay tombstone). */
export interface StoredText {
  key: string;
  text: string | null;
  status: ReviewStatus;
  reviewer: string | null;
  reviewed_at: string | null;
  source_note: string;
  origin: TextOrigin;
}

/** A text that shows: after the merge no tombstone is left. */
export type TextRecord = StoredText & { text: string };

/** One language's texts of one procedure, layer by layer and merged. */
export interface TextLayers {
  bundled: Map<string, StoredText>;
  /** Keys the clinic changed (edited, imported or removed). */
  clinic: Map<string, StoredText>;
  merged: Map<string, TextRecord>;
}

/** The overlay rule, once: overlay rows win by key; an overlay row with NULL text removes the key. */
export function mergeByKey<R extends { key: string; text: string | null }>(bundled: Iterable<R>, overlay: Iterable<R>): Map<string, R & { text: string }> {
  const out = new Map<string, R & { text: string }>();
  for (const layer of [bundled, overlay]) {
    for (const r of layer) {
      if (r.text === null) out.delete(r.key);
      else out.set(r.key, r as R & { text: string });
    }
  }
  return out;
}

export interface LocaleRow {
  code: string;
  native_name: string;
  english_name: string;
  direction: 'ltr' | 'rtl';
  font: FontPackage;
  intl_locale: string | null;
  sort_order: number;
}

export interface ProcedureRow {
  id: string;
  sort_order: number;
}

export interface Picture {
  media_type: (typeof mediaTypes)[number];
  data: Buffer;
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

/** An attached recording with its bytes, as a pack carries it. */
export interface NarrationWithAudio {
  key: string;
  audio_sha256: string;
  text_sha256: string;
  recorded_by: string;
  attached_at: string;
  mime: NarrationMime;
  duration_ms: number;
  data: Buffer;
}

type Row = Record<string, unknown>;
type Key3 = [procedureId: string, locale: string, key: string];

const TEXTS_SQL = 'SELECT key, text, status, reviewer, reviewed_at, source_note, origin FROM texts WHERE procedure_id = ? AND locale = ?';

/** Reads content through both layers: the bundled content.db and, when there is one, the clinic's local database. */
export class ContentOverlay {
  /** Overlay first, bundled last. */
  private readonly layers: Db[];
  private readonly writes: OverlayWriter | null;

  constructor(
    readonly bundled: Db,
    readonly local: Db | null,
  ) {
    this.layers = local ? [local, bundled] : [bundled];
    this.writes = local ? new OverlayWriter(local) : null;
  }

  /**
   * What the content looks like now: the bundled file never changes; the overlay changes
   * through this process (generation) or another one such as the admin CLI (data_version).
   */
  stamp(): string {
    if (!this.local) return 'bundled';
    return `${this.local.pragma('data_version', { simple: true }) as number}:${generations.get(this.local) ?? 0}`;
  }

  /** The writes, or null without a local database. (Whether it may be written is the caller's to know.) */
  writer(): OverlayWriter | null {
    return this.writes;
  }

  /** Union of rows across layers, keyed by `key`, the overlay winning. */
  private union<T>(sql: string, key: (row: T) => string): T[] {
    const seen = new Map<string, T>();
    for (const db of this.layers) {
      for (const row of db.prepare<[], T>(sql).all()) {
        const k = key(row);
        if (!seen.has(k)) seen.set(k, row);
      }
    }
    return [...seen.values()];
  }

  /** The layer that holds a procedure's structure (the overlay's when the clinic imported it), or null when no layer has it. */
  structureDb(procedureId: string): Db | null {
    return this.layers.find((db) => db.prepare<[string]>('SELECT 1 FROM procedures WHERE id = ?').get(procedureId)) ?? null;
  }

  /** Every language, by sort order then code. */
  locales(): LocaleRow[] {
    return this.union<LocaleRow>('SELECT * FROM locales', (r) => r.code).sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code));
  }

  /** Every procedure, by sort order then id. */
  procedures(): ProcedureRow[] {
    return this.union<ProcedureRow>('SELECT id, sort_order FROM procedures', (r) => r.id).sort((a, b) => a.sort_order - b.sort_order || a.id.localeCompare(b.id));
  }

  /** Topic ids of every procedure. */
  topicIds(): string[] {
    return this.union<{ id: string }>('SELECT id FROM topics', (r) => r.id).map((r) => r.id);
  }

  /** Quiz question ids of every procedure. */
  quizQuestionIds(): string[] {
    return this.union<{ id: string }>('SELECT id FROM quiz_questions', (r) => r.id).map((r) => r.id);
  }

  private storedTexts(db: Db, procedureId: string, locale: string): StoredText[] {
    return db.prepare<[string, string], StoredText>(TEXTS_SQL).all(procedureId, locale);
  }

  /** One language's texts, bundled and clinic rows apart and merged. */
  textLayers(procedureId: string, locale: string): TextLayers {
    const bundled = this.storedTexts(this.bundled, procedureId, locale);
    const clinic = this.local ? this.storedTexts(this.local, procedureId, locale) : [];
    return {
      bundled: new Map(bundled.map((r) => [r.key, r])),
      clinic: new Map(clinic.map((r) => [r.key, r])),
      merged: mergeByKey(bundled, clinic),
    };
  }

  /** The texts that show, with their review records. */
  textRecords(procedureId: string, locale: string): Map<string, TextRecord> {
    return this.textLayers(procedureId, locale).merged;
  }

  /** The texts that show: text and review status by key. */
  texts(procedureId: string, locale: string): Map<string, TextRow> {
    return new Map([...this.textRecords(procedureId, locale)].map(([k, r]) => [k, { text: r.text, status: r.status }]));
  }

  /** An illustration an admin replaced, if any. */
  illustrationOverride(procedureId: string, id: string): Picture | null {
    return this.local?.prepare<[string, string], Picture>('SELECT media_type, data FROM illustration_overrides WHERE procedure_id = ? AND id = ?').get(procedureId, id) ?? null;
  }

  /** The picture that shows for an illustration: the admin's replacement, else the procedure's own. */
  illustration(procedureId: string, id: string): Picture | null {
    const structure = this.structureDb(procedureId);
    return structure ? this.illustrationIn(structure, procedureId, id) : null;
  }

  /** The same, given the layer that holds the procedure's structure (structureDb). */
  illustrationIn(structure: Db, procedureId: string, id: string): Picture | null {
    return (
      this.illustrationOverride(procedureId, id) ??
      structure.prepare<[string, string], Picture>('SELECT media_type, data FROM illustrations WHERE procedure_id = ? AND id = ?').get(procedureId, id) ??
      null
    );
  }

  /** A procedure's illustrations as they show (replacements applied), by id. */
  illustrations(procedureId: string): (Picture & { id: string })[] {
    const db = this.structureDb(procedureId);
    if (!db) return [];
    return db
      .prepare<[string], Picture & { id: string }>('SELECT id, media_type, data FROM illustrations WHERE procedure_id = ? ORDER BY id')
      .all(procedureId)
      .map((x) => ({ id: x.id, ...(this.illustrationOverride(procedureId, x.id) ?? x) }));
  }

  /** Every picture in any layer, replaced ones and replacements included (media by hash). */
  allPictures(): Picture[] {
    const pictures = (db: Db, table: 'illustrations' | 'illustration_overrides') => db.prepare<[], Picture>(`SELECT media_type, data FROM ${table}`).all();
    return [...pictures(this.bundled, 'illustrations'), ...(this.local ? [...pictures(this.local, 'illustrations'), ...pictures(this.local, 'illustration_overrides')] : [])];
  }

  /** Recordings attached to the texts of one procedure in one language, by text key (overlay only). */
  narrations(procedureId: string, locale: string): Map<string, NarrationRow> {
    if (!this.local) return new Map();
    const rows = this.local
      .prepare<[string, string], NarrationRow>(
        `SELECT n.key, n.audio_sha256, n.text_sha256, a.mime, a.duration_ms, length(a.data) AS bytes, n.recorded_by, n.attached_at
         FROM narrations n JOIN narration_audio a ON a.sha256 = n.audio_sha256 WHERE n.procedure_id = ? AND n.locale = ?`,
      )
      .all(procedureId, locale);
    return new Map(rows.map((r) => [r.key, r]));
  }

  /** The recordings attached to texts of one procedure in one language, with their audio, by key. */
  narrationsWithAudio(procedureId: string, locale: string): NarrationWithAudio[] {
    if (!this.local) return [];
    return this.local
      .prepare<[string, string], NarrationWithAudio>(
        `SELECT n.key, n.audio_sha256, n.text_sha256, n.recorded_by, n.attached_at, a.mime, a.duration_ms, a.data
         FROM narrations n JOIN narration_audio a ON a.sha256 = n.audio_sha256 WHERE n.procedure_id = ? AND n.locale = ? ORDER BY n.key`,
      )
      .all(procedureId, locale);
  }

  /** A recording by its hash, only while it is attached to some text (kept-for-rollback ones are not served). */
  attachedAudio(audioSha256: string): { mime: string; data: Buffer } | null {
    return (
      this.local
        ?.prepare<[string], { mime: string; data: Buffer }>(
          'SELECT a.mime, a.data FROM narration_audio a WHERE a.sha256 = ? AND EXISTS (SELECT 1 FROM narrations n WHERE n.audio_sha256 = a.sha256)',
        )
        .get(audioSha256) ?? null
    );
  }
}

export interface TextFields {
  text: string;
  status: ReviewStatus;
  reviewer: string | null;
  reviewedAt: string | null;
  sourceNote: string;
}

/** The overlay's writes. Each one bumps the content generation; so does the end of a transaction, committed or not. */
export class OverlayWriter {
  constructor(private readonly db: Db) {}

  /** Runs `fn` in one transaction (nested ones become savepoints). */
  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } finally {
      bump(this.db);
    }
  }

  private changed<T>(result: T): T {
    bump(this.db);
    return result;
  }

  private upsertText([procedureId, locale, key]: Key3, text: string | null, fields: Omit<TextFields, 'text'>): void {
    this.db
      .prepare<[string, string, string, string | null, ReviewStatus, string | null, string | null, string]>(
        `INSERT INTO texts (procedure_id, locale, key, text, status, reviewer, reviewed_at, source_note, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'edit')
         ON CONFLICT (procedure_id, locale, key) DO UPDATE SET text = excluded.text, status = excluded.status, reviewer = excluded.reviewer,
         reviewed_at = excluded.reviewed_at, source_note = excluded.source_note, origin = 'edit'`,
      )
      .run(procedureId, locale, key, text, fields.status, fields.reviewer, fields.reviewedAt, fields.sourceNote);
    bump(this.db);
  }

  /** The clinic's text for a key (an edit), winning over the bundled one. */
  setText(procedureId: string, locale: string, key: string, fields: TextFields): void {
    this.upsertText([procedureId, locale, key], fields.text, fields);
  }

  /** Hides a text (bundled or not) in this language: a NULL text row. */
  tombstone(procedureId: string, locale: string, key: string, sourceNote: string): void {
    this.upsertText([procedureId, locale, key], null, { status: 'draft', reviewer: null, reviewedAt: null, sourceNote });
  }

  /** Removes the clinic's row for a key, so the bundled text (if any) shows again. */
  revertText(procedureId: string, locale: string, key: string): void {
    this.changed(this.db.prepare<Key3>('DELETE FROM texts WHERE procedure_id = ? AND locale = ? AND key = ?').run(procedureId, locale, key));
  }

  /** Writes a validated pack's rows (see db/importer.ts). */
  importPack(pack: ContentPack): ImportSummary {
    try {
      return importPack(this.db, pack, 'import');
    } finally {
      bump(this.db);
    }
  }

  /** Replaces an illustration; returns the hash of the replacement it replaced, if any. */
  setIllustrationOverride(procedureId: string, id: string, mediaType: string, data: Buffer, updatedAt: string): { before: string | null; sha256: string } {
    const before = this.db.prepare<[string, string], { sha256: string }>('SELECT sha256 FROM illustration_overrides WHERE procedure_id = ? AND id = ?').get(procedureId, id);
    const hash = sha256(data);
    this.db
      .prepare<[string, string, string, Buffer, string, string]>(
        `INSERT INTO illustration_overrides (procedure_id, id, media_type, data, sha256, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (procedure_id, id) DO UPDATE SET media_type = excluded.media_type, data = excluded.data, sha256 = excluded.sha256, updated_at = excluded.updated_at`,
      )
      .run(procedureId, id, mediaType, data, hash, updatedAt);
    return this.changed({ before: before?.sha256 ?? null, sha256: hash });
  }

  /** Stores a checked recording once by content hash and attaches it to a text; returns the recording's hash. */
  attachNarration(
    [procedureId, locale, key]: Key3,
    audio: { data: Buffer; mime: NarrationMime; durationMs: number },
    attachment: { textSha256: string; recordedBy: string; attachedAt: string },
  ): string {
    const hash = sha256(audio.data);
    this.db
      .prepare<[string, NarrationMime, Buffer, number]>('INSERT INTO narration_audio (sha256, mime, data, duration_ms) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING')
      .run(hash, audio.mime, audio.data, audio.durationMs);
    this.db
      .prepare<[...Key3, string, string, string, string]>(
        `INSERT INTO narrations (procedure_id, locale, key, audio_sha256, text_sha256, recorded_by, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (procedure_id, locale, key) DO UPDATE SET audio_sha256 = excluded.audio_sha256, text_sha256 = excluded.text_sha256,
         recorded_by = excluded.recorded_by, attached_at = excluded.attached_at`,
      )
      .run(procedureId, locale, key, hash, attachment.textSha256, attachment.recordedBy, attachment.attachedAt);
    return this.changed(hash);
  }

  /** Detaches a text's recording (the recording itself stays, for rollback). */
  detachNarration(procedureId: string, locale: string, key: string): void {
    this.changed(this.db.prepare<Key3>('DELETE FROM narrations WHERE procedure_id = ? AND locale = ? AND key = ?').run(procedureId, locale, key));
  }

  /** Every overlay row, table by table in restore order, rows by rowid. */
  readAll(): Record<string, Row[]> {
    return Object.fromEntries(overlayTables.map((t) => [t, this.db.prepare<[], Row>(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
  }

  /** Puts back rows read by readAll(): every overlay table emptied, then refilled parents first. The caller holds the transaction. */
  replaceAll(tables: Readonly<Record<string, readonly Row[]>>): void {
    for (const t of [...overlayTables].reverse()) this.db.prepare(`DELETE FROM ${t}`).run();
    for (const t of overlayTables) for (const r of tables[t] ?? []) insertRow(this.db, t, r);
    bump(this.db);
  }

  /**
   * Replaces the whole local database's rows (overlay and everything else) with a backup's,
   * except the tables in `keep`. One transaction; foreign keys are off while rows move.
   */
  restoreFrom(backup: Db, keep: readonly string[]): void {
    const live = new Set(tableNames(this.db));
    const incoming = tableNames(backup).filter((t) => live.has(t) && !keep.includes(t));
    this.db.pragma('foreign_keys = OFF');
    try {
      this.transaction(() => {
        for (const t of live) if (!keep.includes(t)) this.db.prepare(`DELETE FROM ${t}`).run();
        for (const t of incoming) for (const r of backup.prepare<[], Row>(`SELECT * FROM ${t}`).all()) insertRow(this.db, t, r);
      });
    } finally {
      this.db.pragma('foreign_keys = ON');
    }
  }
}

function insertRow(db: Db, table: string, row: Row): void {
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]));
}
