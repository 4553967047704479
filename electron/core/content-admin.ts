/**
 * Admin editing of content texts and illustrations: every change goes to the clinic's
 * overlay in one transaction, with a content version and an audit entry. Bundled rows are
 * never changed; "revert" removes the overlay row so the bundled text shows again.
 */
import type { Db } from '../../db/connection';
import { expectedTextKeys, glossaryLinks } from '../../db/content-keys';
import { readStructure } from '../../db/structure-reader';
import { illustrationProblem } from '../../db/illustration-safety';
import { sha256 } from '../../db/canonical-json';
import { KioskError } from '../shared/errors';
import { templateVariables } from '../shared/sheet-variables';
import type { ReviewStatus } from '../shared/content-types';
import type { AdminTextItem, TranslationMatrix } from '../shared/admin-types';
import { contentChanged, type ContentLayers } from './content-layers';
import type { ContentVersions } from './content-versions';
import type { AuditLog } from './audit-log';
import { SOURCE_LOCALE } from './content-service';
import { narrationInfo, type NarrationService } from './narration';

interface TextRow {
  key: string;
  text: string | null;
  status: ReviewStatus;
  reviewer: string | null;
  reviewed_at: string | null;
  source_note: string;
  origin: string;
}

export class ContentAdmin {
  constructor(
    private readonly layers: ContentLayers,
    private readonly versions: ContentVersions | null,
    private readonly audit: AuditLog,
    private readonly narration: NarrationService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private overlay(): Db {
    if (!this.layers.overlay || !this.versions) throw new KioskError('READ_ONLY', 'The local database cannot be written, so no change can be saved. Ask IT to make the data folder writable.');
    return this.layers.overlay;
  }

  private structureDb(procedureId: string): Db {
    const db = this.layers.layerFor('procedures', 'id', procedureId);
    if (!db) throw new KioskError('NOT_FOUND', `The procedure "${procedureId}" is not in the content.`, 'procedureId');
    return db;
  }

  keys(procedureId: string): string[] {
    return expectedTextKeys(readStructure(this.structureDb(procedureId), procedureId));
  }

  private rows(db: Db, procedureId: string, locale: string): Map<string, TextRow> {
    const rows = db.prepare('SELECT key, text, status, reviewer, reviewed_at, source_note, origin FROM texts WHERE procedure_id = ? AND locale = ?').all(procedureId, locale) as TextRow[];
    return new Map(rows.map((r) => [r.key, r]));
  }

  /** Every text of one language, with English beside it and where it comes from. */
  items(procedureId: string, locale: string): AdminTextItem[] {
    const keys = this.keys(procedureId);
    const bundled = this.rows(this.layers.bundled, procedureId, locale);
    const overlay = this.layers.overlay ? this.rows(this.layers.overlay, procedureId, locale) : new Map<string, TextRow>();
    const english = this.layers.texts(procedureId, SOURCE_LOCALE);
    const narrations = this.layers.narrations(procedureId, locale);
    return keys.map((key) => {
      const o = overlay.get(key);
      const b = bundled.get(key);
      const row = o && o.text !== null ? o : o ? undefined : b;
      const recording = narrations.get(key);
      return {
        key,
        english: english.get(key)?.text ?? '',
        text: row?.text ?? null,
        status: row?.status ?? null,
        reviewer: row?.reviewer ?? null,
        reviewedAt: row?.reviewed_at ?? null,
        sourceNote: row?.source_note ?? '',
        changedByClinic: Boolean(o),
        bundledText: b?.text ?? null,
        narration: recording ? narrationInfo(recording, row?.text ?? null) : null,
      };
    });
  }

  item(procedureId: string, locale: string, key: string): AdminTextItem {
    const found = this.items(procedureId, locale).find((i) => i.key === key);
    if (!found) throw new KioskError('NOT_FOUND', `"${key}" is not a text of this procedure.`, 'key');
    return found;
  }

  private checkText(procedureId: string, locale: string, key: string, text: string): void {
    const structure = readStructure(this.structureDb(procedureId), procedureId);
    const english = this.layers.texts(procedureId, SOURCE_LOCALE).get(key)?.text ?? '';
    const want = templateVariables(english).join(', ');
    const got = templateVariables(text).join(', ');
    if (want !== got)
      throw new KioskError('INVALID_INPUT', `The text must use exactly the variables of the English text: [${want || 'none'}]; it has [${got || 'none'}].`, 'text');
    const unknown = glossaryLinks(text).filter((g) => !structure.glossary.includes(g));
    if (unknown.length) throw new KioskError('INVALID_INPUT', `Glossary link "${unknown[0]}" is not in the word list.`, 'text');
    void locale;
  }

  private write(procedureId: string, locale: string, key: string, fields: { text: string; status: ReviewStatus; reviewer: string | null; reviewedAt: string | null; sourceNote: string }): void {
    this.overlay()
      .prepare(
        `INSERT INTO texts (procedure_id, locale, key, text, status, reviewer, reviewed_at, source_note, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'edit')
         ON CONFLICT (procedure_id, locale, key) DO UPDATE SET text = excluded.text, status = excluded.status, reviewer = excluded.reviewer,
         reviewed_at = excluded.reviewed_at, source_note = excluded.source_note, origin = 'edit'`,
      )
      .run(procedureId, locale, key, fields.text, fields.status, fields.reviewer, fields.reviewedAt, fields.sourceNote);
  }

  /** Saves an edited text. An edit goes back to draft until it is reviewed again. */
  saveText(role: string, procedureId: string, locale: string, key: string, text: string): AdminTextItem {
    const before = this.item(procedureId, locale, key);
    this.checkText(procedureId, locale, key, text);
    const db = this.overlay();
    db.transaction(() => {
      this.versions!.ensureRestorePoint('Before edit');
      this.write(procedureId, locale, key, { text, status: 'draft', reviewer: null, reviewedAt: null, sourceNote: `Edited by the clinic on ${this.now().toISOString().slice(0, 10)}` });
      this.versions!.record('edit', `Edited ${locale} ${key}`);
      this.audit.record(role, 'edit-text', `${procedureId}/${locale}/${key}`, before.text, text);
    })();
    contentChanged(db);
    return this.item(procedureId, locale, key);
  }

  setReview(role: string, procedureId: string, locale: string, key: string, status: ReviewStatus, reviewer: string): AdminTextItem {
    const before = this.item(procedureId, locale, key);
    if (before.text === null) throw new KioskError('NOT_FOUND', 'There is no text to review in this language yet.', 'key');
    if (status !== 'draft' && !reviewer.trim()) throw new KioskError('INVALID_INPUT', 'Enter the name of the person who reviewed this text.', 'reviewer');
    const db = this.overlay();
    db.transaction(() => {
      this.versions!.ensureRestorePoint('Before review');
      this.write(procedureId, locale, key, {
        text: before.text!,
        status,
        reviewer: status === 'draft' ? null : reviewer.trim(),
        reviewedAt: status === 'draft' ? null : this.now().toISOString().slice(0, 10),
        sourceNote: before.sourceNote || 'Reviewed at the clinic',
      });
      this.versions!.record('edit', `Marked ${locale} ${key} ${status}`);
      this.audit.record(role, `review-${status}`, `${procedureId}/${locale}/${key}`, before.status, status);
    })();
    contentChanged(db);
    return this.item(procedureId, locale, key);
  }

  /** Removes the clinic's version of a text so the bundled one shows again. */
  revert(role: string, procedureId: string, locale: string, key: string): AdminTextItem {
    const before = this.item(procedureId, locale, key);
    const db = this.overlay();
    db.transaction(() => {
      this.versions!.ensureRestorePoint('Before revert');
      db.prepare('DELETE FROM texts WHERE procedure_id = ? AND locale = ? AND key = ?').run(procedureId, locale, key);
      this.versions!.record('revert', `Reverted ${locale} ${key} to the bundled text`);
      this.audit.record(role, 'revert-text', `${procedureId}/${locale}/${key}`, before.text, before.bundledText);
    })();
    contentChanged(db);
    return this.item(procedureId, locale, key);
  }

  matrix(procedureId: string): TranslationMatrix {
    const locales = [...new Set([SOURCE_LOCALE, ...this.layers.union<{ code: string }>('SELECT code FROM locales ORDER BY sort_order', (r) => r.code).map((l) => l.code)])];
    const byLocale = new Map(locales.map((l) => [l, new Map(this.items(procedureId, l).map((i) => [i.key, i]))]));
    const keys = this.keys(procedureId);
    const rows = keys.map((key) => ({
      key,
      cells: Object.fromEntries(locales.map((l) => [l, (byLocale.get(l)?.get(key)?.status ?? 'missing') as TranslationMatrix['rows'][number]['cells'][string]])),
    }));
    const totals = Object.fromEntries(
      locales.map((l) => {
        const counts = { missing: 0, draft: 0, reviewed: 0, approved: 0 };
        for (const r of rows) counts[r.cells[l] ?? 'missing'] += 1;
        return [l, counts];
      }),
    );
    const keyList = this.keys(procedureId);
    const narration = Object.fromEntries(
      locales.map((l) => [l, this.narration.coverage(procedureId, l, keyList)]),
    );
    return { locales, rows, totals, narration };
  }

  /** Attaches a checked recording to a text of this procedure (see NarrationService). */
  async attachNarration(role: string, procedureId: string, locale: string, key: string, base64: string, recordedBy: string): Promise<AdminTextItem> {
    await this.narration.attach(role, procedureId, locale, key, this.keys(procedureId), base64, recordedBy);
    return this.item(procedureId, locale, key);
  }

  removeNarration(role: string, procedureId: string, locale: string, key: string): AdminTextItem {
    this.item(procedureId, locale, key);
    this.narration.remove(role, procedureId, locale, key);
    return this.item(procedureId, locale, key);
  }

  replaceIllustration(role: string, procedureId: string, id: string, mediaType: string, base64: string): void {
    const structure = readStructure(this.structureDb(procedureId), procedureId);
    const used = new Set([structure.heroIllustration, ...structure.steps.map((s) => s.illustration)].filter(Boolean));
    if (!used.has(id)) throw new KioskError('NOT_FOUND', `"${id}" is not an illustration of this procedure.`, 'illustrationId');
    const data = Buffer.from(base64, 'base64');
    const problem = illustrationProblem(mediaType, data);
    if (problem) throw new KioskError('INVALID_INPUT', `This image cannot be used: ${problem}.`, 'data');
    const db = this.overlay();
    db.transaction(() => {
      this.versions!.ensureRestorePoint('Before replacing an illustration');
      const before = db.prepare('SELECT sha256 FROM illustration_overrides WHERE procedure_id = ? AND id = ?').get(procedureId, id) as { sha256: string } | undefined;
      db.prepare(
        `INSERT INTO illustration_overrides (procedure_id, id, media_type, data, sha256, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (procedure_id, id) DO UPDATE SET media_type = excluded.media_type, data = excluded.data, sha256 = excluded.sha256, updated_at = excluded.updated_at`,
      ).run(procedureId, id, mediaType, data, sha256(data), this.now().toISOString());
      this.versions!.record('edit', `Replaced illustration ${id}`);
      this.audit.record(role, 'replace-illustration', `${procedureId}/${id}`, before?.sha256 ?? null, sha256(data));
    })();
    contentChanged(db);
  }
}
