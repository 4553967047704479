import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync, cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openKioskCore } from '../../electron/core/kiosk-core';
import { createHandlers } from '../../electron/core/handlers';
import { createDispatcher } from '../../electron/core/dispatch';
import { buildContentDatabase } from '../../db/content-build';
import { generateSigningKeys, signPack } from '../../db/pack-signing';
import { PackWatcher } from '../../electron/core/pack-watcher';
import { defaultSettings } from '../../electron/shared/settings-schema';
import { bundledLanguages, contentSourceDir, removeTempDirs, tempDir, buildTempContentDb, sourcePack } from '../fixtures/content';
import type { ContentPack } from '../../db/pack-schema';

afterAll(removeTempDirs);
const admin = () => ({ session: { role: 'admin' as const } });
const bundled = buildTempContentDb();

function open(dataDir = tempDir('kiosk-admin-'), content = bundled) {
  const core = openKioskCore({ bundledContentPath: content, dataDir, appVersion: 'test' });
  return { core, dispatch: createDispatcher(createHandlers(core)), dataDir };
}

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error?.message);
  return r.value as T;
}

async function allowUnsigned(dispatch: ReturnType<typeof open>['dispatch']) {
  await ok(dispatch('adminSaveSettings', { settings: { ...defaultSettings, allowUnsignedPacks: true } }, admin()));
}

describe('editing and review', () => {
  it('an edit shows to patients as a draft, can be reviewed, approved and reverted; each step is audited and versioned', async () => {
    const { core, dispatch } = open();
    const key = 'topic.after.title';
    const edited = await ok<{ text: string; status: string; changedByClinic: boolean }>(dispatch('adminSaveText', { procedureId: 'kyphoplasty', locale: 'es', key, text: 'Después del procedimiento (clínica)' }, admin()));
    expect(edited).toMatchObject({ text: 'Después del procedimiento (clínica)', status: 'draft', changedByClinic: true });
    expect(core.content.topic('kyphoplasty', 'after', 'es').topic.title).toBe('Después del procedimiento (clínica)');

    await ok(dispatch('adminSetReview', { procedureId: 'kyphoplasty', locale: 'es', key, status: 'approved', reviewer: 'Dr. Ana Ruiz' }, admin()));
    const item = (await ok<{ key: string; status: string; reviewer: string; reviewedAt: string }[]>(dispatch('adminListTexts', { procedureId: 'kyphoplasty', locale: 'es' }, admin()))).find((i) => i.key === key)!;
    expect(item).toMatchObject({ status: 'approved', reviewer: 'Dr. Ana Ruiz' });
    expect(item.reviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await dispatch('adminSetReview', { procedureId: 'kyphoplasty', locale: 'es', key, status: 'reviewed', reviewer: ' ' }, admin())).toMatchObject({ ok: false, error: { field: 'reviewer' } });

    const reverted = await ok<{ text: string; changedByClinic: boolean }>(dispatch('adminRevertText', { procedureId: 'kyphoplasty', locale: 'es', key }, admin()));
    expect(reverted.changedByClinic).toBe(false);
    expect(reverted.text).toBe(sourcePack().texts.find((t) => t.locale === 'es' && t.key === key)!.text);

    const audit = core.audit.list().map((e) => e.action);
    expect(audit).toEqual(['revert-text', 'review-approved', 'edit-text']);
    expect(core.versions!.list().map((v) => v.label)).toEqual([
      'Reverted es topic.after.title to the bundled text',
      'Marked es topic.after.title approved',
      'Edited es topic.after.title',
      'Before edit',
    ]);
    core.close();
  });

  it('refuses an edit that changes the template variables or links a missing glossary term', async () => {
    const { core, dispatch } = open();
    const key = sourcePack().texts.find((t) => t.locale === 'en' && t.text.includes('{{liftLimit}}'))!.key;
    expect(await dispatch('adminSaveText', { procedureId: 'kyphoplasty', locale: 'ar', key, text: 'لا ترفع شيئًا ثقيلًا' }, admin())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The text must use exactly the variables of the English text: [liftLimit]; it has [none].' },
    });
    expect(await dispatch('adminSaveText', { procedureId: 'kyphoplasty', locale: 'en', key: 'topic.after.first-hours.body', text: 'See [this](glossary:nothing).' }, admin())).toMatchObject({ ok: false, error: { message: 'Glossary link "nothing" is not in the word list.' } });
    expect(await dispatch('adminSaveText', { procedureId: 'kyphoplasty', locale: 'en', key: 'topic.after.title', text: 'x'.repeat(20_001) }, admin())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'text' } });
    expect(core.audit.list()).toEqual([]);
    core.close();
  });

  it('approved-only mode shows patients only approved text, falling back to approved English', async () => {
    const { core, dispatch } = open();
    const key = 'topic.after.title';
    await ok(dispatch('adminSetReview', { procedureId: 'kyphoplasty', locale: 'en', key, status: 'approved', reviewer: 'Dr. Lee' }, admin()));
    await ok(dispatch('adminSaveSettings', { settings: { ...defaultSettings, approvedContentOnly: true } }, admin()));
    const home = core.content.home('kyphoplasty', 'es');
    expect(home.topics.map((t) => t.id)).toEqual(['after']);
    expect(home.topics[0]!.title).toBe(sourcePack().texts.find((t) => t.locale === 'en' && t.key === key)!.text);
    expect(home.provenance.fallback).toBe(true);
    core.close();
  });

  it('a new bundled content.db (app upgrade) never overwrites a clinic edit', async () => {
    const dataDir = tempDir();
    let { core, dispatch } = open(dataDir);
    await ok(dispatch('adminSaveText', { procedureId: 'kyphoplasty', locale: 'en', key: 'topic.after.title', text: 'After: our clinic' }, admin()));
    core.close();
    // The upgrade: new sources with a changed bundled text, built into a new content.db.
    const newSources = join(tempDir(), 'content');
    cpSync(contentSourceDir, newSources, { recursive: true });
    const en = join(newSources, 'kyphoplasty', 'text', 'en.json');
    const file = JSON.parse(readFileSync(en, 'utf8'));
    file.texts['topic.after.title'] = 'After the procedure (2027 edition)';
    file.texts['topic.before.title'] = 'Getting ready (2027 edition)';
    writeFileSync(en, JSON.stringify(file));
    const upgraded = join(tempDir(), 'content.db');
    expect(buildContentDatabase(newSources, upgraded).ok).toBe(true);
    ({ core, dispatch } = open(dataDir, upgraded));
    expect(core.content.topic('kyphoplasty', 'after', 'en').topic.title).toBe('After: our clinic');
    expect(core.content.topic('kyphoplasty', 'before', 'en').topic.title).toBe('Getting ready (2027 edition)');
    core.close();
  });

  it('the translation matrix counts missing, draft, reviewed and approved per language', async () => {
    const { core, dispatch } = open();
    await ok(dispatch('adminSetReview', { procedureId: 'kyphoplasty', locale: 'hi', key: 'procedure.name', status: 'reviewed', reviewer: 'R. Sharma' }, admin()));
    const m = await ok<{ locales: string[]; rows: { key: string; cells: Record<string, string> }[]; totals: Record<string, Record<string, number>> }>(dispatch('adminTranslationMatrix', { procedureId: 'kyphoplasty' }, admin()));
    expect(m.locales).toEqual(bundledLanguages);
    expect(m.rows.find((r) => r.key === 'procedure.name')!.cells).toMatchObject({ en: 'draft', hi: 'reviewed' });
    expect(m.totals.hi).toMatchObject({ reviewed: 1, missing: 0 });
    expect(m.totals.en!.draft).toBe(m.rows.length);
    core.close();
  });

  it('replaces an illustration, and rejects an SVG with a script, an event handler or an external reference', async () => {
    const { core, dispatch } = open();
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const bad = [
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', /<script> element/],
      ['<svg xmlns="http://www.w3.org/2000/svg"><rect onload="x()"/></svg>', /event handler/],
      ['<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/a.png"/></svg>', /<image> element/],
    ] as const;
    for (const [svg, message] of bad) {
      const r = await dispatch('adminReplaceIllustration', { procedureId: 'kyphoplasty', illustrationId: 'step-needle', mediaType: 'image/svg+xml', data: b64(svg) }, admin());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    const good = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#123"/></svg>';
    await ok(dispatch('adminReplaceIllustration', { procedureId: 'kyphoplasty', illustrationId: 'step-needle', mediaType: 'image/svg+xml', data: b64(good) }, admin()));
    // Pictures are served by URL since issue 17 (item 9): the content gives the URL, the media registry the bytes.
    const src = core.content.walkthrough('kyphoplasty', 'en').steps[0]!.illustration!.src;
    expect(src).toMatch(/^media\/illustration\/[a-f0-9]{32}\.svg$/);
    expect(core.media.resolveMedia('illustration', src.split('/').pop()!)?.bytes.toString('utf8')).toBe(good);
    core.close();
  });
});

describe('packs', () => {
  it('export, then import shows a summary per language and applies only on confirmation', async () => {
    const a = open();
    await ok(a.dispatch('adminSaveText', { procedureId: 'kyphoplasty', locale: 'es', key: 'topic.after.title', text: 'Después (editado)' }, admin()));
    const exported = await ok<{ fileName: string; json: string }>(a.dispatch('adminExportPack', { locales: ['es'] }, admin()));
    expect(exported.fileName).toMatch(/^kiosk-content-all-es-\d{4}-\d{2}-\d{2}\.kpack$/);
    expect((JSON.parse(exported.json) as ContentPack).locales.map((l) => l.code)).toEqual(['en', 'es']);
    a.core.close();

    const b = open();
    await allowUnsigned(b.dispatch);
    const summary = await ok<{ token: string; languages: { locale: string; added: number; changed: number; removed: number }[] }>(b.dispatch('adminPreviewImport', { fileName: exported.fileName, json: exported.json }, admin()));
    expect(summary.languages).toEqual([
      { locale: 'en', added: 0, changed: 0, removed: 0 },
      { locale: 'es', added: 0, changed: 1, removed: 0 },
    ]);
    // Not applied until confirmed.
    expect(b.core.content.topic('kyphoplasty', 'after', 'es').topic.title).not.toBe('Después (editado)');
    await ok(b.dispatch('adminApplyImport', { token: summary.token }, admin()));
    expect(b.core.content.topic('kyphoplasty', 'after', 'es').topic.title).toBe('Después (editado)');
    expect(await b.dispatch('adminApplyImport', { token: summary.token }, admin())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // Rollback to the restore point taken before the import.
    const versions = await ok<{ id: number; label: string }[]>(b.dispatch('adminListVersions', {}, admin()));
    const before = versions.find((v) => v.label === 'Before import')!;
    await ok(b.dispatch('adminRollback', { versionId: before.id }, admin()));
    expect(b.core.content.topic('kyphoplasty', 'after', 'es').topic.title).not.toBe('Después (editado)');
    b.core.close();
  });

  it('rejected packs each get a clear error and leave the database unchanged', async () => {
    const { core, dispatch } = open();
    await allowUnsigned(dispatch);
    const stateBefore = core.versions!.stateHash();
    const good = sourcePack();
    const variants: [string, string, RegExp][] = [
      ['not json', '{"format": ', /not valid JSON/],
      ['wrong version', JSON.stringify({ ...good, formatVersion: 7 }), /format version 7/],
      ['unknown language', JSON.stringify({ ...good, texts: [...good.texts, { ...good.texts[0]!, locale: 'xx' }] }), /unknown language "xx"/],
      ['missing text', JSON.stringify({ ...good, texts: good.texts.filter((t) => !(t.locale === 'ar' && t.key === 'card.title')) }), /missing required text in ar/],
      ['duplicate key', JSON.stringify({ ...good, texts: [...good.texts, good.texts[3]!] }), /duplicate key/],
      ['variables', JSON.stringify({ ...good, texts: good.texts.map((t) => (t.locale === 'hi' && t.text.includes('{{clinicPhone}}') ? { ...t, text: t.text.replace('{{clinicPhone}}', '{{afterHoursPhone}}') } : t)) }), /variables do not match English/],
      ['unsafe illustration', JSON.stringify({ ...good, procedures: [{ ...good.procedures[0]!, illustrations: good.procedures[0]!.illustrations.map((x, i) => (i === 0 ? { ...x, data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>').toString('base64') } : x)) }] }), /event handler/],
    ];
    for (const [what, json, message] of variants) {
      const r = await dispatch('adminPreviewImport', { fileName: `${what}.json`, json }, admin());
      expect(r.ok, what).toBe(false);
      if (!r.ok) {
        expect(r.error.code, what).toBe('PACK_INVALID');
        expect(r.error.message, what).toMatch(message);
        expect(r.error.message, what).toMatch(/Nothing was changed\./);
      }
    }
    expect(await dispatch('adminPreviewImport', { fileName: 'big.json', json: 'x'.repeat(200 * 1024 * 1024 + 1) }, admin())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(core.versions!.stateHash()).toBe(stateBefore);
    expect(core.versions!.list()).toEqual([]);
    core.close();
  });

  it('signed packs: trusted keys are accepted, untrusted and tampered ones refused, unsigned only when allowed', async () => {
    const { core, dispatch } = open();
    const keys = generateSigningKeys();
    const pack = sourcePack();
    const signed = signPack(pack, keys.privateKeyPem);
    const preview = (p: unknown) => dispatch('adminPreviewImport', { fileName: 'p.json', json: JSON.stringify(p) }, admin());
    expect(await preview(pack)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not signed, and this kiosk accepts only signed packs/) } });
    expect(await preview(signed)).toMatchObject({ ok: false, error: { message: expect.stringMatching(new RegExp(`signed by key ${keys.keyId}, which is not in this kiosk's trusted keys`)) } });
    await ok(dispatch('adminSaveSettings', { settings: { ...defaultSettings, trustedKeys: [{ id: 'Fleet key', publicKeyPem: keys.publicKeyPem }] } }, admin()));
    expect(await preview(signed)).toMatchObject({ ok: true, value: { signature: 'trusted', keyId: keys.keyId } });
    const tampered = { ...signed, texts: signed.texts.map((t, i) => (i === 0 ? { ...t, text: `${t.text}!` } : t)) };
    expect(await preview(tampered)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/signature does not match/) } });
    core.close();
  });

  it('the watch folder imports a valid pack into processed/ and moves a bad one to rejected/ with the reason', async () => {
    const { core, dispatch } = open();
    await allowUnsigned(dispatch);
    const folder = tempDir('kiosk-watch-');
    const pack = sourcePack();
    pack.texts = pack.texts.filter((t) => t.locale === 'en' || t.locale === 'es').map((t) => (t.key === 'topic.after.title' && t.locale === 'es' ? { ...t, text: 'Desde la memoria USB' } : t));
    writeFileSync(join(folder, 'update.kpack'), JSON.stringify(pack));
    writeFileSync(join(folder, 'broken.kpack'), '{ nope');
    const watcher = new PackWatcher(folder, core.packs, { settleMs: 0 });
    const results = await watcher.scan();
    expect(results).toEqual([
      { file: 'broken.kpack', outcome: 'rejected', reason: expect.stringMatching(/not valid JSON/) },
      { file: 'update.kpack', outcome: 'imported' },
    ]);
    expect(existsSync(join(folder, 'processed', 'update.kpack'))).toBe(true);
    expect(readFileSync(join(folder, 'rejected', 'broken.kpack.txt'), 'utf8')).toMatch(/broken\.kpack was not imported\.[\s\S]*not valid JSON/);
    expect(core.content.topic('kyphoplasty', 'after', 'es').topic.title).toBe('Desde la memoria USB');
    expect(readdirSync(folder).filter((f) => f.endsWith('.kpack'))).toEqual([]);
    core.close();
  });
});

describe('settings, audit, usage and backup', () => {
  it('saves settings only when valid; audit and usage export as CSV', async () => {
    const { core, dispatch } = open();
    expect(await dispatch('adminSaveSettings', { settings: { ...defaultSettings, idleTimeoutSeconds: 5 } }, admin())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'settings.idleTimeoutSeconds' } });
    await ok(dispatch('adminSaveSettings', { settings: { ...defaultSettings, clinicName: 'Riverside Spine Clinic', emergencyNumber: '112' } }, admin()));
    expect(core.settings.get()).toMatchObject({ clinicName: 'Riverside Spine Clinic', emergencyNumber: '112' });
    await dispatch('recordUsage', { event: 'topic_view', id: 'after' }, { session: { role: 'public' } });
    await dispatch('recordUsage', { event: 'topic_view', id: 'after' }, { session: { role: 'public' } });
    expect(await dispatch('recordUsage', { event: 'patient_name', id: 'x' }, { session: { role: 'public' } })).toMatchObject({ ok: false });
    const usage = await ok<{ csv: string }>(dispatch('adminUsage', {}, admin()));
    expect(usage.csv).toMatch(/^"day","metric","dimension","count"\r\n"\d{4}-\d{2}-\d{2}","topic_view","after","2"\r\n$/);
    const audit = await ok<{ csv: string; entries: { action: string; role: string }[] }>(dispatch('adminAuditLog', {}, admin()));
    expect(audit.entries[0]).toMatchObject({ action: 'save-settings', role: 'admin' });
    expect(audit.csv.split('\r\n')[0]).toBe('"id","time","role","action","target","before","after"');
    core.close();
  });

  it('backs up while running and restores, keeping a safety copy', async () => {
    const { core, dispatch } = open();
    await ok(dispatch('adminSaveSettings', { settings: { ...defaultSettings, clinicName: 'Before backup' } }, admin()));
    const backup = await ok<{ name: string }>(dispatch('adminBackup', {}, admin()));
    await ok(dispatch('adminSaveSettings', { settings: { ...defaultSettings, clinicName: 'After backup' } }, admin()));
    const restored = await ok<{ safetyCopy: string }>(dispatch('adminRestore', { name: backup.name }, admin()));
    expect(core.settings.get().clinicName).toBe('Before backup');
    const names = (await ok<{ name: string }[]>(dispatch('adminListBackups', {}, admin()))).map((b) => b.name);
    expect(names).toContain(restored.safetyCopy);
    mkdirSync(join(core.backup.folder()), { recursive: true });
    writeFileSync(join(core.backup.folder(), 'junk.db'), 'not a database at all, just text'.repeat(100));
    expect(await dispatch('adminRestore', { name: 'junk.db' }, admin())).toMatchObject({ ok: false, error: { message: expect.stringMatching(/junk\.db is not a usable kiosk backup .* Nothing was changed\./) } });
    expect(await dispatch('adminRestore', { name: '../local.db' }, admin())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    core.close();
  });
});
