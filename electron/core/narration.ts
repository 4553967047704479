/**
 * Recorded narration: admins attach a recording to one text (procedure, language, key).
 * Each recording is checked (real audio, at most 10 MB and 10 minutes), stored once by its
 * sha256, and remembers the sha256 of the text it was recorded for: when the text changes,
 * the recording is stale and patients no longer hear it. Changes are versioned and audited.
 */
import { sha256 } from '../../db/canonical-json';
import type { OverlayWriter } from '../../db/overlay';
import { probeAudio } from '../../db/audio-probe';
import { KioskError } from '../shared/errors';
import { mediaUrl } from '../shared/media';
import { narrationExtensions, type NarrationCoverage, type NarrationInfo, type NarrationMime, type NarrationRef } from '../shared/narration';
import type { ContentLayers, NarrationRow } from './content-layers';
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

export class NarrationService {
  constructor(
    private readonly layers: ContentLayers,
    private readonly versions: ContentVersions | null,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The overlay's writes and the versions, once both are known to be there. */
  private writable(): { overlay: OverlayWriter; versions: ContentVersions } {
    const overlay = this.layers.writer();
    if (!overlay || !this.versions) throw new KioskError('READ_ONLY', 'The local database cannot be written, so no change can be saved. Ask IT to make the data folder writable.');
    return { overlay, versions: this.versions };
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
    const { overlay, versions } = this.writable();
    const target = `${procedureId}/${locale}/${key}`;
    const attached = overlay.transaction(() => {
      versions.ensureRestorePoint('Before attaching narration');
      const before = this.layers.narrations(procedureId, locale).get(key);
      const hash = overlay.attachNarration(
        [procedureId, locale, key],
        { data, mime: probe.mime, durationMs: probe.durationMs },
        { textSha256: textHash(text), recordedBy: recordedBy.trim() || role, attachedAt: this.now().toISOString() },
      );
      versions.record('edit', `Attached narration to ${locale} ${key}`);
      this.audit.record(role, 'attach-narration', target, before?.audio_sha256 ?? null, hash);
      return this.layers.narrations(procedureId, locale).get(key);
    });
    if (!attached) throw new Error(`The recording attached to ${target} cannot be read back.`);
    return narrationInfo(attached, text);
  }

  remove(role: string, procedureId: string, locale: string, key: string): void {
    const before = this.layers.narrations(procedureId, locale).get(key);
    if (!before) throw new KioskError('NOT_FOUND', 'This text has no recording to remove.', 'key');
    const { overlay, versions } = this.writable();
    overlay.transaction(() => {
      versions.ensureRestorePoint('Before removing narration');
      overlay.detachNarration(procedureId, locale, key);
      versions.record('edit', `Removed narration from ${locale} ${key}`);
      this.audit.record(role, 'remove-narration', `${procedureId}/${locale}/${key}`, before.audio_sha256, null);
    });
  }

  /** Media resolver: a recording that is attached to some text (kept-for-rollback ones are not served). */
  resolve(id: string): MediaItem | null {
    const [hash = '', ext = ''] = id.split('.');
    if (hash.length !== 64) return null;
    const row = this.layers.attachedAudio(hash);
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
