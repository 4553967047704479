/**
 * Recorded narration: admins attach a recording to one text (procedure, language, key).
 * Each recording is checked (real audio, at most 10 MB and 10 minutes), stored once by its
 * sha256, and remembers the sha256 of the text it was recorded for: when the text changes,
 * the recording is stale and patients no longer hear it. Changes are versioned and audited.
 */
import type { Db } from '../../db/connection';
import { sha256 } from '../../db/canonical-json';
import { probeAudio } from '../../db/audio-probe';
import { KioskError } from '../shared/errors';
import { mediaUrl } from '../shared/media';
import { narrationExtensions, type NarrationCoverage, type NarrationInfo, type NarrationMime, type NarrationRef } from '../shared/narration';
import { contentChanged, type ContentLayers, type NarrationRow } from './content-layers';
import type { ContentVersions } from './content-versions';
import type { AuditLog } from './audit-log';
import type { MediaItem } from './media';

/** The hash a recording keeps of the text it was recorded for. */
export function textHash(text: string): string {
  return sha256(text);
}

/** The media id of a recording: its sha256 and the extension of its type. */
export function narrationMediaId(audioSha256: string, mime: string): string {
  return `${audioSha256}.${narrationExtensions[mime as NarrationMime] ?? 'bin'}`;
}

/** What a screen gets for a recording, given the text it now shows. */
export function narrationRef(row: NarrationRow, currentText: string | null): NarrationRef {
  return { url: mediaUrl('narration', narrationMediaId(row.audio_sha256, row.mime)), stale: currentText === null || textHash(currentText) !== row.text_sha256 };
}

export function narrationInfo(row: NarrationRow, currentText: string | null): NarrationInfo {
  return {
    ...narrationRef(row, currentText),
    mime: row.mime as NarrationMime,
    durationMs: row.duration_ms,
    bytes: row.bytes,
    sha256: row.audio_sha256,
    recordedBy: row.recorded_by,
    attachedAt: row.attached_at,
  };
}

/** Stores one checked recording by content hash (a no-op when the same bytes are already stored). */
export function storeAudio(db: Db, data: Buffer, mime: NarrationMime, durationMs: number): string {
  const hash = sha256(data);
  db.prepare('INSERT INTO narration_audio (sha256, mime, data, duration_ms) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING').run(hash, mime, data, durationMs);
  return hash;
}

export class NarrationService {
  constructor(
    private readonly layers: ContentLayers,
    private readonly versions: ContentVersions | null,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private overlay(): Db {
    if (!this.layers.overlay || !this.versions) throw new KioskError('READ_ONLY', 'The local database cannot be written, so no change can be saved. Ask IT to make the data folder writable.');
    return this.layers.overlay;
  }

  private currentText(procedureId: string, locale: string, key: string): string | null {
    return this.layers.texts(procedureId, locale).get(key)?.text ?? null;
  }

  info(procedureId: string, locale: string, key: string): NarrationInfo | null {
    const row = this.layers.narrations(procedureId, locale).get(key);
    return row ? narrationInfo(row, this.currentText(procedureId, locale, key)) : null;
  }

  /**
   * Checks a recording and attaches it to the text as it is now. `keys` are the procedure's
   * text keys (the caller has checked the procedure exists). Nothing is written on any problem.
   */
  async attach(role: string, procedureId: string, locale: string, key: string, keys: readonly string[], base64: string, recordedBy = ''): Promise<NarrationInfo> {
    if (!keys.includes(key)) throw new KioskError('NOT_FOUND', `"${key}" is not a text of this procedure.`, 'key');
    const text = this.currentText(procedureId, locale, key);
    if (text === null) throw new KioskError('NOT_FOUND', 'There is no text in this language yet: save the text first, then attach its recording.', 'key');
    const data = Buffer.from(base64, 'base64');
    const probe = await probeAudio(data);
    if (!probe.ok) throw new KioskError('INVALID_INPUT', `This recording cannot be used: ${probe.problem}. Nothing was changed.`, 'data');
    const db = this.overlay();
    const target = `${procedureId}/${locale}/${key}`;
    db.transaction(() => {
      this.versions!.ensureRestorePoint('Before attaching narration');
      const before = this.layers.narrations(procedureId, locale).get(key);
      const hash = storeAudio(db, data, probe.mime, probe.durationMs);
      db.prepare(
        `INSERT INTO narrations (procedure_id, locale, key, audio_sha256, text_sha256, recorded_by, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (procedure_id, locale, key) DO UPDATE SET audio_sha256 = excluded.audio_sha256, text_sha256 = excluded.text_sha256,
         recorded_by = excluded.recorded_by, attached_at = excluded.attached_at`,
      ).run(procedureId, locale, key, hash, textHash(text), recordedBy.trim() || role, this.now().toISOString());
      this.versions!.record('edit', `Attached narration to ${locale} ${key}`);
      this.audit.record(role, 'attach-narration', target, before?.audio_sha256 ?? null, hash);
    })();
    contentChanged(db);
    return this.info(procedureId, locale, key)!;
  }

  remove(role: string, procedureId: string, locale: string, key: string): void {
    const before = this.layers.narrations(procedureId, locale).get(key);
    if (!before) throw new KioskError('NOT_FOUND', 'This text has no recording to remove.', 'key');
    const db = this.overlay();
    db.transaction(() => {
      this.versions!.ensureRestorePoint('Before removing narration');
      db.prepare('DELETE FROM narrations WHERE procedure_id = ? AND locale = ? AND key = ?').run(procedureId, locale, key);
      this.versions!.record('edit', `Removed narration from ${locale} ${key}`);
      this.audit.record(role, 'remove-narration', `${procedureId}/${locale}/${key}`, before.audio_sha256, null);
    })();
    contentChanged(db);
  }

  /** Media resolver: a recording that is attached to some text (kept-for-rollback ones are not served). */
  resolve(id: string): MediaItem | null {
    const db = this.layers.overlay;
    if (!db) return null;
    const [hash = '', ext = ''] = id.split('.');
    if (hash.length !== 64) return null;
    const row = db
      .prepare('SELECT a.mime, a.data FROM narration_audio a WHERE a.sha256 = ? AND EXISTS (SELECT 1 FROM narrations n WHERE n.audio_sha256 = a.sha256)')
      .get(hash) as { mime: string; data: Buffer } | undefined;
    if (!row || narrationMediaId(hash, row.mime) !== `${hash}.${ext}`) return null;
    return { mime: row.mime, bytes: row.data };
  }

  /** Per language: how many texts have a current recording and how many a stale one. */
  coverage(procedureId: string, locale: string, keys: readonly string[]): NarrationCoverage {
    const texts = this.layers.texts(procedureId, locale);
    const narrations = this.layers.narrations(procedureId, locale);
    const out: NarrationCoverage = { current: 0, stale: 0, texts: 0 };
    for (const key of keys) {
      const text = texts.get(key)?.text ?? null;
      if (text !== null) out.texts += 1;
      const row = narrations.get(key);
      if (!row) continue;
      if (narrationRef(row, text).stale) out.stale += 1;
      else out.current += 1;
    }
    return out;
  }
}
