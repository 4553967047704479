/**
 * Admin editing of content texts and illustrations: every change goes to the clinic's
 * overlay in one transaction, with a content version and an audit entry. Bundled rows are
 * never changed; "revert" removes the overlay row so the bundled text shows again.
 */
import type { Db } from '../../db/connection';
import { expectedTextKeys, glossaryLinks } from '../../db/content-keys';
import { readStructure } from '../../db/structure-reader';
import { illustrationProblem } from '../../db/illustration-safety';
import { KioskError } from '../shared/errors';
import { templateVariables } from '../shared/sheet-variables';
import type { ReviewStatus } from '../shared/content-types';
import type { AdminTextItem, TranslationMatrix } from '../shared/admin-types';
import type { OverlayWriter, TextFields } from '../../db/overlay';
import type { ContentLayers } from './content-layers';
import type { ContentVersions } from './content-versions';
import type { AuditLog } from './audit-log';
import { SOURCE_LOCALE } from './content-service';
import { narrationInfo, type NarrationService } from './narration';

export class ContentAdmin {
  constructor(
    private readonly layers: ContentLayers,
    private readonly versions: ContentVersions | null,
    private readonly audit: AuditLog,
    private readonly narration: NarrationService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The overlay's writes and the versions, once both are known to be there. */
  private writable(): { overlay: OverlayWriter; versions: ContentVersions } {
    const overlay = this.layers.writer();
    if (!overlay || !this.versions) throw new KioskError('READ_ONLY', 'The local database cannot be written, so no change can be saved. Ask IT to make the data folder writable.');
    return { overlay, versions: this.versions };
  }

  private structureDb(procedureId: string): Db {
    const db = this.layers.structureDb(procedureId);
    if (!db) throw new KioskError('NOT_FOUND', `The procedure "${procedureId}" is not in the content.`, 'procedureId');
    return db;
  }

  keys(procedureId: string): string[] {
    return expectedTextKeys(readStructure(this.structureDb(procedureId), procedureId));
  }

  /** Every text of one language, with English beside it and where it comes from. */
  items(procedureId: string, locale: string): AdminTextItem[] {
    const keys = this.keys(procedureId);
    const { bundled, clinic, merged } = this.layers.textLayers(procedureId, locale);
    const english = this.layers.texts(procedureId, SOURCE_LOCALE);
    const narrations = this.layers.narrations(procedureId, locale);
    return keys.map((key) => {
      const row = merged.get(key);
      const recording = narrations.get(key);
      return {
        key,
        english: english.get(key)?.text ?? '',
        text: row?.text ?? null,
        status: row?.status ?? null,
        reviewer: row?.reviewer ?? null,
        reviewedAt: row?.reviewed_at ?? null,
        sourceNote: row?.source_note ?? '',
        changedByClinic: clinic.has(key),
        bundledText: bundled.get(key)?.text ?? null,
        narration: recording ? narrationInfo(recording, row?.text ?? null) : null,
      };
    });
  }

  item(procedureId: string, locale: string, key: string): AdminTextItem {
    const found = this.items(procedureId, locale).find((i) => i.key === key);
    if (!found) throw new KioskError('NOT_FOUND', `"${key}" is not a text of this procedure.`, 'key');
    return found;
  }

  private checkText(procedureId: string, key: string, text: string): void {
    const structure = readStructure(this.structureDb(procedureId), procedureId);
    const english = this.layers.texts(procedureId, SOURCE_LOCALE).get(key)?.text ?? '';
    const want = templateVariables(english).join(', ');
    const got = templateVariables(text).join(', ');
    if (want !== got)
      throw new KioskError('INVALID_INPUT', `The text must use exactly the variables of the English text: [${want || 'none'}]; it has [${got || 'none'}].`, 'text');
    const unknown = glossaryLinks(text).filter((g) => !structure.glossary.includes(g));
    if (unknown.length) throw new KioskError('INVALID_INPUT', `Glossary link "${unknown[0]}" is not in the word list.`, 'text');
  }

  /** Saves an edited text. An edit goes back to draft until it is reviewed again. */
  saveText(role: string, procedureId: string, locale: string, key: string, text: string): AdminTextItem {
    const before = this.item(procedureId, locale, key);
    this.checkText(procedureId, key, text);
    const { overlay, versions } = this.writable();
    const fields: TextFields = { text, status: 'draft', reviewer: null, reviewedAt: null, sourceNote: `Edited by the clinic on ${this.now().toISOString().slice(0, 10)}` };
    overlay.transaction(() => {
      versions.ensureRestorePoint('Before edit');
      overlay.setText(procedureId, locale, key, fields);
      versions.record('edit', `Edited ${locale} ${key}`);
      this.audit.record(role, 'edit-text', `${procedureId}/${locale}/${key}`, before.text, text);
    });
    return this.item(procedureId, locale, key);
  }

  setReview(role: string, procedureId: string, locale: string, key: string, status: ReviewStatus, reviewer: string): AdminTextItem {
    const before = this.item(procedureId, locale, key);
    const text = before.text;
    if (text === null) throw new KioskError('NOT_FOUND', 'There is no text to review in this language yet.', 'key');
    if (status !== 'draft' && !reviewer.trim()) throw new KioskError('INVALID_INPUT', 'Enter the name of the person who reviewed this text.', 'reviewer');
    const { overlay, versions } = this.writable();
    const fields: TextFields = {
      text,
      status,
      reviewer: status === 'draft' ? null : reviewer.trim(),
      reviewedAt: status === 'draft' ? null : this.now().toISOString().slice(0, 10),
      sourceNote: before.sourceNote || 'Reviewed at the clinic',
    };
    overlay.transaction(() => {
      versions.ensureRestorePoint('Before review');
      overlay.setText(procedureId, locale, key, fields);
      versions.record('edit', `Marked ${locale} ${key} ${status}`);
      this.audit.record(role, `review-${status}`, `${procedureId}/${locale}/${key}`, before.status, status);
    });
    return this.item(procedureId, locale, key);
  }

  /** Removes the clinic's version of a text so the bundled one shows again. */
  revert(role: string, procedureId: string, locale: string, key: string): AdminTextItem {
    const before = this.item(procedureId, locale, key);
    const { overlay, versions } = this.writable();
    overlay.transaction(() => {
      versions.ensureRestorePoint('Before revert');
      overlay.revertText(procedureId, locale, key);
      versions.record('revert', `Reverted ${locale} ${key} to the bundled text`);
      this.audit.record(role, 'revert-text', `${procedureId}/${locale}/${key}`, before.text, before.bundledText);
    });
    return this.item(procedureId, locale, key);
  }

  matrix(procedureId: string): TranslationMatrix {
    const locales = [...new Set([SOURCE_LOCALE, ...this.layers.locales().map((l) => l.code)])];
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
    const { overlay, versions } = this.writable();
    overlay.transaction(() => {
      versions.ensureRestorePoint('Before replacing an illustration');
      const replaced = overlay.setIllustrationOverride(procedureId, id, mediaType, data, this.now().toISOString());
      versions.record('edit', `Replaced illustration ${id}`);
      this.audit.record(role, 'replace-illustration', `${procedureId}/${id}`, replaced.before, replaced.sha256);
    });
  }
}
