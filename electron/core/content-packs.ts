/**
 * Content packs in and out of the kiosk. Export writes the content patients see (bundled
 * plus the clinic's changes). Import validates, checks the signature, summarises what would
 * change per language, and applies only on confirmation: one transaction, after a restore point.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { checkPackFile, narrationAudioProblems, type PackProblem } from '../../db/pack-validate';
import type { OverlayWriter } from '../../db/overlay';
import { readStructure } from '../../db/structure-reader';
import { expectedTextKeys } from '../../db/content-keys';
import { checkSignature, type TrustedKey } from '../../db/pack-signing';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type ContentPack, type PackNarration, type PackText, type ProcedureStructure } from '../../db/pack-schema';
import { KioskError } from '../shared/errors';
import { PACK_EXTENSION, type ImportSummary } from '../shared/admin-types';
import type { ContentLayers } from './content-layers';
import { PackReleases } from '../../db/repos/pack-releases';
import type { ContentVersions } from './content-versions';
import type { AuditLog } from './audit-log';
import { contentHash } from '../../db/canonical-json';
import { SOURCE_LOCALE } from './content-service';

export class PackRejected extends KioskError {
  constructor(readonly problems: PackProblem[]) {
    super('PACK_INVALID', `The pack was not imported: ${problems[0]?.path}: ${problems[0]?.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}. Nothing was changed.`);
  }
}

const TOKEN_TTL_MS = 30 * 60 * 1000;

export class ContentPacks {
  private readonly pending = new Map<string, { pack: ContentPack; label: string; expires: number; keyId: string | null }>();

  constructor(
    private readonly layers: ContentLayers,
    private readonly versions: ContentVersions | null,
    private readonly audit: AuditLog,
    private readonly trust: () => { trustedKeys: TrustedKey[]; allowUnsigned: boolean },
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Exports the content as pack JSON for `role`, and records the export in the audit log: under
   * `writeTo` when the file is written here (the CLI), else under the suggested file name (the
   * admin screen, whose browser saves it).
   */
  exportPackFile(role: string, options: { procedureId?: string; locales?: string[] } = {}, writeTo?: string): { fileName: string; json: string; pack: ContentPack } {
    const pack = this.exportPack(options);
    const json = JSON.stringify(pack, null, 1);
    const fileName = `kiosk-content-${options.procedureId ?? 'all'}${options.locales?.length ? `-${options.locales.join('-')}` : ''}-${new Date(this.now()).toISOString().slice(0, 10)}${PACK_EXTENSION}`;
    if (writeTo) writeFileSync(writeTo, json);
    this.audit.record(role, 'export-pack', writeTo ?? fileName, null, json);
    return { fileName, json, pack };
  }

  /** The content as patients see it, as a pack: everything, one procedure, or chosen languages (English always). */
  exportPack(options: { procedureId?: string; locales?: string[] } = {}): ContentPack {
    const allLocales = this.layers.locales();
    const wanted = options.locales?.length ? new Set([SOURCE_LOCALE, ...options.locales]) : null;
    const locales = allLocales.filter((l) => !wanted || wanted.has(l.code));
    const procedureIds = this.layers.procedures().map((p) => p.id).filter((id) => !options.procedureId || id === options.procedureId);
    if (options.procedureId && !procedureIds.length) throw new KioskError('NOT_FOUND', `The procedure "${options.procedureId}" is not in the content.`, 'procedureId');
    const pack: ContentPack = {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      description: `Exported from the kiosk on ${new Date(this.now()).toISOString().slice(0, 10)}`,
      locales: locales.map((l) => ({ code: l.code, nativeName: l.native_name, englishName: l.english_name, direction: l.direction, font: l.font, ...(l.intl_locale ? { intlLocale: l.intl_locale } : {}) })),
      procedures: [],
      texts: [],
    };
    for (const id of procedureIds.sort()) {
      const structure = this.structure(id);
      const illustrations = this.layers.illustrations(id).map((x) => ({ id: x.id, mediaType: x.media_type, data: x.data.toString('base64') }));
      pack.procedures.push({ ...structure, illustrations });
      for (const l of locales) pack.texts.push(...this.mergedTexts(id, l.code));
    }
    const narrations = procedureIds.flatMap((id) => locales.flatMap((l) => this.narrations(id, l.code)));
    if (narrations.length) pack.narrations = narrations;
    return pack;
  }

  /** A procedure's structure, from the layer that holds it. */
  private structure(procedureId: string): ProcedureStructure {
    const db = this.layers.structureDb(procedureId);
    if (!db) throw new KioskError('NOT_FOUND', `The procedure "${procedureId}" is not in the content.`, 'procedureId');
    return readStructure(db, procedureId);
  }

  /** The recordings attached to texts of one procedure in one language, stale ones included. */
  private narrations(procedureId: string, locale: string): PackNarration[] {
    return this.layers.narrationsWithAudio(procedureId, locale).map((r) => ({
      procedure: procedureId,
      locale,
      key: r.key,
      mediaType: r.mime,
      sha256: r.audio_sha256,
      textSha256: r.text_sha256,
      durationMs: r.duration_ms,
      recordedBy: r.recorded_by,
      attachedAt: r.attached_at,
      data: r.data.toString('base64'),
    }));
  }

  private mergedTexts(procedureId: string, locale: string): PackText[] {
    const keys = new Set(expectedTextKeys(this.structure(procedureId)));
    return [...this.layers.textRecords(procedureId, locale).values()]
      .filter((r) => keys.has(r.key))
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((r) => ({ procedure: procedureId, locale, key: r.key, text: r.text, status: r.status, reviewer: r.reviewer, reviewedAt: r.reviewed_at, sourceNote: r.source_note }));
  }

  /** Validates a pack file (recordings included) and says what importing it would change. Nothing is written. */
  async preview(bytes: Buffer | string, label: string): Promise<ImportSummary> {
    const check = checkPackFile(bytes);
    if (!check.ok) throw new PackRejected(check.problems);
    const pack = check.pack;
    const audioProblems = await narrationAudioProblems(pack);
    if (audioProblems.length) throw new PackRejected(audioProblems);
    const { trustedKeys, allowUnsigned } = this.trust();
    const sig = checkSignature(pack, trustedKeys);
    if (sig.state === 'bad') throw new PackRejected([{ path: 'signature', message: `the signature does not match the pack (key ${sig.keyId}); the file was changed after it was signed` }]);
    if (sig.state === 'untrusted')
      throw new PackRejected([
        {
          path: 'signature',
          message: `the pack is signed by key ${sig.keyId}, which is not in this kiosk's trusted keys (Settings)${sig.skipped.length ? `; these trusted keys are unusable and were skipped: ${sig.skipped.join(', ')}` : ''}`,
        },
      ]);
    if (sig.state === 'unsigned' && !allowUnsigned) throw new PackRejected([{ path: 'signature', message: 'the pack is not signed, and this kiosk accepts only signed packs (Settings: accept unsigned packs)' }]);
    const keyId = sig.state === 'trusted' ? sig.keyId : null;
    if (keyId) this.checkRelease(keyId, pack);

    const languages = new Map<string, { added: number; changed: number; removed: number }>();
    const pairs = new Set(pack.texts.map((t) => `${t.procedure}\u0000${t.locale}`));
    for (const pair of pairs) {
      const [procedure, locale] = pair.split('\u0000') as [string, string];
      const current = this.layers.structureDb(procedure) ? new Map(this.mergedTexts(procedure, locale).map((t) => [t.key, t.text])) : new Map<string, string>();
      const incoming = new Map(pack.texts.filter((t) => t.procedure === procedure && t.locale === locale).map((t) => [t.key, t.text]));
      const counts = languages.get(locale) ?? { added: 0, changed: 0, removed: 0 };
      for (const [key, text] of incoming) {
        if (!current.has(key)) counts.added += 1;
        else if (current.get(key) !== text) counts.changed += 1;
      }
      for (const key of current.keys()) if (!incoming.has(key)) counts.removed += 1;
      languages.set(locale, counts);
    }
    for (const [t, p] of this.pending) if (p.expires < this.now()) this.pending.delete(t);
    const token = randomBytes(18).toString('base64url');
    this.pending.set(token, { pack, label, expires: this.now() + TOKEN_TTL_MS, keyId });
    return {
      token,
      description: pack.description ?? label,
      signature: sig.state === 'trusted' ? 'trusted' : 'unsigned',
      keyId: sig.state === 'trusted' ? sig.keyId : null,
      procedures: pack.procedures.map((p) => p.id),
      languages: [...languages].map(([locale, c]) => ({ locale, ...c })),
      narrations: pack.narrations?.length ?? 0,
    };
  }

  /** Applies a previewed pack: a restore point, then the import and a new version, all in one transaction. */
  apply(role: string, token: string): { versionId: number } {
    const pending = this.pending.get(token);
    if (!pending || pending.expires < this.now()) throw new KioskError('NOT_FOUND', 'This import summary has expired. Choose the pack file again.', 'token');
    const { overlay, versions, releases } = this.writable('The local database cannot be written, so the pack was not imported. Ask IT to make the data folder writable.');
    const before = versions.stateHash();
    const versionId = overlay.transaction(() => {
      if (pending.keyId) this.acceptRelease(releases, pending.keyId, pending.pack);
      versions.ensureRestorePoint('Before import');
      overlay.importPack(pending.pack);
      const id = versions.record('import', `Imported ${pending.label}`);
      this.audit.record(role, 'import-pack', pending.label, before, contentHash(pending.pack));
      return id;
    });
    this.pending.delete(token);
    return { versionId };
  }

  /** Refuses a signed pack that is not newer than the last release accepted from its key (a replay). */
  private checkRelease(keyId: string, pack: ContentPack): void {
    const highest = this.layers.local ? new PackReleases(this.layers.local).highest(keyId) : null;
    if (!highest) return;
    const last = `release ${highest.release} of ${highest.released_at}`;
    if (!pack.release)
      throw new PackRejected([{ path: 'release', message: `the pack has no release number, but this kiosk already imported ${last} signed by key ${keyId}; ask the signer for a pack signed with a newer release (sign-pack --release)` }]);
    if (pack.release.number <= highest.release)
      throw new PackRejected([
        {
          path: 'release',
          message: `this is release ${pack.release.number} of ${pack.release.date}, but this kiosk already imported ${last} signed by key ${keyId}; older or repeated releases are refused (to go back, roll back to an earlier content version)`,
        },
      ]);
  }

  private acceptRelease(releases: PackReleases, keyId: string, pack: ContentPack): void {
    this.checkRelease(keyId, pack);
    if (!pack.release) return;
    releases.accept(keyId, pack.release.number, pack.release.date, new Date(this.now()).toISOString());
  }

  /** The overlay's writes, the versions and the accepted releases, once all are known to be there. */
  private writable(readOnlyMessage: string): { overlay: OverlayWriter; versions: ContentVersions; releases: PackReleases } {
    const overlay = this.layers.writer();
    if (!overlay || !this.layers.local || !this.versions) throw new KioskError('READ_ONLY', readOnlyMessage);
    return { overlay, versions: this.versions, releases: new PackReleases(this.layers.local) };
  }

  rollback(role: string, versionId: number): { versionId: number } {
    const { overlay, versions } = this.writable('The local database cannot be written, so nothing was rolled back.');
    const before = versions.stateHash();
    const id = overlay.transaction(() => {
      versions.ensureRestorePoint('Before rollback');
      versions.restore(versionId);
      const newId = versions.record('rollback', `Rolled back to version ${versionId}`);
      this.audit.record(role, 'rollback', `version ${versionId}`, before, versions.stateHash());
      return newId;
    });
    return { versionId: id };
  }
}
