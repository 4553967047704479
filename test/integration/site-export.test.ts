/** export-site over the real content and settings: what it writes, byte for byte, and what it refuses. */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import { openTestCore } from '../fixtures/core';
import { removeTempDirs, repoRoot, tempDir } from '../fixtures/content';
import { buildSiteFiles, exportSite } from '../../electron/core/site-export';
import { writeSiteFolder } from '../../electron/core/site-export/site-writer';
import type { KioskCore } from '../../electron/core/kiosk-core';
import { defaultSettings } from '../../electron/shared/settings-schema';
import type { DischargeForm } from '../../electron/shared/discharge-form';
import type { DischargeSheet } from '../../electron/shared/content-types';

afterAll(removeTempDirs);
const BASE = 'https://clinic.example/take-home/';
const uiStringsDir = join(repoRoot, 'resources', 'locales');

function filesIn(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split('\\').join('/'), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

function exportTo(core: KioskCore, outDir: string, baseUrl = BASE) {
  return exportSite({ content: core.content, settings: core.settings.get(), uiStringsDir, baseUrl, contentHash: core.contentHash, outDir });
}

const pageText = (files: Map<string, Buffer>, path: string) => files.get(path)?.toString('utf8') ?? '';
const htmlPages = (files: Map<string, Buffer>) => [...files.keys()].filter((p) => p.endsWith('.html'));

describe('export-site', () => {
  const { core } = openTestCore();
  core.settings.save({ ...defaultSettings, clinicName: 'Riverside Spine Clinic', clinicPhone: '555-0100', afterHoursPhone: '555-0199', emergencyNumber: '911' });
  const first = join(tempDir('site-'), 'site');
  const result = exportTo(core, first);
  const files = filesIn(first);

  it('writes every enabled language: home, each topic, the walkthrough, the word list and the quiz', () => {
    const languages = core.content.listLocales().map((l) => l.code);
    expect(result.languages).toEqual(languages);
    expect(result.path).toBe(first);
    for (const l of languages) {
      const dir = `${l}/kyphoplasty/`;
      const home = core.content.home('kyphoplasty', l);
      for (const page of ['index.html', 'walkthrough.html', 'glossary.html', 'quiz.html', ...home.topics.map((t) => `topic-${t.id}.html`)]) expect(files.has(dir + page), dir + page).toBe(true);
      expect(pageText(files, `${dir}index.html`)).toContain(home.procedure.name);
      const walkthrough = pageText(files, `${dir}walkthrough.html`);
      for (const step of core.content.walkthrough('kyphoplasty', l).steps) expect(walkthrough).toContain(step.illustration!.id);
    }
    expect(files.has('index.html')).toBe(true);
  });

  it('puts lang, dir and a strict CSP on every page, the clinic’s name and numbers, and no other host', () => {
    for (const path of htmlPages(files)) {
      const html = pageText(files, path);
      expect(html, path).toMatch(/^<!doctype html>\n<html lang="[a-zA-Z-]+" dir="(ltr|rtl)">/);
      expect(html, path).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; media-src 'self'; connect-src 'none'`);
      expect(html, path).toContain('Riverside Spine Clinic');
      expect(html, path).toContain('href="tel:555-0100"'.replace('-', ''));
      expect(html, path).toContain('>911</a>');
      // No address to anywhere else: links are relative or tel:, scripts and styles are in assets/.
      for (const m of html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(m[1], `${path}: ${m[1]}`).toMatch(/^(tel:|[a-z0-9#._-]|\.\.\/)/i);
      expect(html, path).not.toMatch(/\sstyle=|<script>|\son[a-z]+="/);
    }
    expect(pageText(files, 'ar/kyphoplasty/index.html')).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
  });

  it('turns glossary links into links to entries that exist on the word list page', () => {
    const topic = pageText(files, 'es/kyphoplasty/topic-what-it-is.html');
    const glossary = pageText(files, 'es/kyphoplasty/glossary.html');
    const anchors = [...topic.matchAll(/href="glossary\.html#([^"]+)"/g)].map((m) => m[1]!);
    expect(anchors.length).toBeGreaterThan(3);
    for (const a of anchors) expect(glossary).toContain(`id="${a}"`);
    expect(topic).not.toContain('glossary:');
  });

  it('ships the pictures and only the font subsets the text needs', () => {
    const fonts = [...files.keys()].filter((p) => p.startsWith('assets/fonts/'));
    expect(fonts.every((p) => p.endsWith('.woff2'))).toBe(true);
    expect(fonts.some((p) => /noto-sans-latin-400/.test(p))).toBe(true);
    expect(fonts.some((p) => /noto-sans-arabic-arabic-700/.test(p))).toBe(true);
    // Noto Sans draws Latin, Cyrillic and Vietnamese for every language; a language's own font
    // (Chinese, Korean, Arabic, Devanagari, Persian) ships only the script Noto Sans lacks.
    expect(fonts.filter((p) => /(sc|tc|kr|arabic|devanagari)-(latin|latin-ext|cyrillic|cyrillic-ext|greek|vietnamese)-|vazirmatn-(latin|latin-ext)-/.test(p))).toEqual([]);
    expect(fonts.some((p) => /noto-sans-kr-/.test(p))).toBe(true);
    expect(fonts.some((p) => /vazirmatn-arabic-/.test(p))).toBe(true);
    expect(fonts.filter((p) => /greek/.test(p))).toEqual([]);
    const css = pageText(files, 'assets/site.css');
    for (const f of fonts) expect(css).toContain(`url(fonts/${f.split('/').pop()})`);
    expect([...files.keys()].filter((p) => p.startsWith('assets/pictures/')).length).toBeGreaterThanOrEqual(4);
    expect(css).toContain('@media print');
  });

  it('lists every file with its size and sha256 in the manifest and in SHA256SUMS', () => {
    const manifest = JSON.parse(pageText(files, 'manifest.json')) as { baseUrl: string; files: { path: string; bytes: number; sha256: string }[] };
    expect(manifest.baseUrl).toBe(BASE);
    expect(manifest.files.map((f) => f.path).sort()).toEqual([...files.keys()].filter((p) => p !== 'manifest.json' && p !== 'SHA256SUMS').sort());
    for (const f of manifest.files) {
      expect(files.get(f.path)!.length, f.path).toBe(f.bytes);
      expect(createHash('sha256').update(files.get(f.path)!).digest('hex'), f.path).toBe(f.sha256);
    }
    const sums = pageText(files, 'SHA256SUMS').trim().split('\n');
    expect(sums).toHaveLength(files.size - 1);
    for (const line of sums) {
      const [hash, path] = line.split('  ');
      expect(createHash('sha256').update(files.get(path!)!).digest('hex'), path).toBe(hash);
    }
  });

  it('gives the same bytes for the same content and settings, also from a fresh start', () => {
    const second = join(tempDir('site-'), 'site');
    exportTo(core, second);
    const again = openTestCore();
    again.core.settings.save(core.settings.get());
    const third = join(tempDir('site-'), 'site');
    exportTo(again.core, third);
    again.core.close();
    for (const other of [filesIn(second), filesIn(third)]) {
      expect([...other.keys()]).toEqual([...files.keys()]);
      for (const [path, bytes] of files) expect(other.get(path)!.equals(bytes), path).toBe(true);
    }
  });

  it('is written readable for a web server', () => {
    expect(statSync(first).mode & 0o777).toBe(0o755);
    expect(statSync(join(first, 'en', 'kyphoplasty')).mode & 0o755).toBe(0o755);
    expect(statSync(join(first, 'index.html')).mode & 0o644).toBe(0o644);
  });
});

describe('export-site follows the clinic’s settings and edits, as the kiosk does', () => {
  it('only the enabled languages, clinic edits included, and only approved texts when the setting is on', () => {
    const { core } = openTestCore();
    core.settings.save({ ...defaultSettings, enabledLocales: ['en', 'es'] });
    core.admin.saveText('admin', 'kyphoplasty', 'es', 'topic.what-it-is.title', '¿Qué es la cifoplastia? (clínica)');
    let files = buildSiteFiles({ content: core.content, settings: core.settings.get(), uiStringsDir, baseUrl: BASE, contentHash: core.contentHash });
    expect([...files.keys()].filter((p) => /^[a-zA-Z-]+\/index\.html$/.test(p))).toEqual(['en/index.html', 'es/index.html']);
    expect(pageText(files, 'es/kyphoplasty/topic-what-it-is.html')).toContain('¿Qué es la cifoplastia? (clínica)');
    const tagline = core.content.home('kyphoplasty', 'es').procedure.tagline;
    expect(pageText(files, 'es/kyphoplasty/index.html')).toContain(tagline);

    for (const key of ['procedure.name', 'topic.what-it-is.title', 'topic.what-it-is.summary']) {
      core.admin.setReview('admin', 'kyphoplasty', 'es', key, 'approved', 'Dr Ana Ruiz');
      core.admin.setReview('admin', 'kyphoplasty', 'en', key, 'approved', 'Dr Ana Ruiz');
    }
    core.settings.save({ ...core.settings.get(), approvedContentOnly: true });
    files = buildSiteFiles({ content: core.content, settings: core.settings.get(), uiStringsDir, baseUrl: BASE, contentHash: core.contentHash });
    const home = pageText(files, 'es/kyphoplasty/index.html');
    expect(home).toContain('¿Qué es la cifoplastia? (clínica)');
    expect(home).not.toContain(tagline);
    expect(files.has('es/kyphoplasty/topic-what-it-is.html')).toBe(true);
    expect(files.has('es/kyphoplasty/topic-after.html')).toBe(false);
    core.close();
  });
});

describe('export-site refuses bad input with a clear message and writes nothing', () => {
  const { core, dispatch } = openTestCore();
  const admin = { session: { role: 'admin' as const } };

  it('a base URL that is not http(s)', () => {
    for (const bad of ['ftp://clinic.example/', 'clinic.example', 'javascript:alert(1)', '']) {
      const out = join(tempDir('site-'), 'site');
      expect(() => exportTo(core, out, bad), bad).toThrow(/http:\/\/ or https:\/\/|give the address/);
      expect(existsSync(out), bad).toBe(false);
      expect(readdirSync(dirname(out)), bad).toEqual([]);
    }
  });

  it('a folder that is not empty, a file, a missing parent, or one that cannot be written', () => {
    const parent = tempDir('site-');
    const full = join(parent, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'keep.txt'), 'the clinic’s file');
    expect(() => exportTo(core, full)).toThrow(/is not empty; choose a new or empty folder/);
    expect(readdirSync(full)).toEqual(['keep.txt']);
    writeFileSync(join(parent, 'a-file'), 'x');
    expect(() => exportTo(core, join(parent, 'a-file'))).toThrow(/is a file, not a folder/);
    expect(() => exportTo(core, join(parent, 'no', 'such', 'site'))).toThrow(/does not exist; create it first/);
    // /proc refuses new folders even for root, where permission bits would not.
    expect(() => exportTo(core, '/proc/kiosk-site-test')).toThrow(/cannot be written/);
    expect(readdirSync(parent).sort()).toEqual(['a-file', 'full']);
  });

  it('a failure half way leaves neither the folder nor the temporary one behind', () => {
    const parent = tempDir('site-');
    const files = new Map([['index.html', Buffer.from('a')], ['index.html/clash.html', Buffer.from('b')]]);
    expect(() => writeSiteFolder(join(parent, 'site'), files)).toThrow(/was not written .*nothing was left behind/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('an empty folder is fine, and the admin call answers the same messages as INVALID_INPUT', async () => {
    const empty = tempDir('site-');
    expect(exportTo(core, empty).files).toBeGreaterThan(50);
    const bad = await dispatch('adminExportSite', { outDir: join(tempDir('site-'), 'x'), baseUrl: 'ftp://x' }, admin);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const relativePath = await dispatch('adminExportSite', { outDir: 'site', baseUrl: BASE }, admin);
    expect(relativePath).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/full path/) } });
    const nurse = await dispatch('adminExportSite', { outDir: join(tempDir('site-'), 'x'), baseUrl: BASE }, { session: { role: 'nurse' } });
    expect(nurse).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const out = join(tempDir('site-'), 'x');
    const ok = await dispatch('adminExportSite', { outDir: out, baseUrl: BASE }, admin);
    expect(ok).toMatchObject({ ok: true, value: { path: out } });
    expect(core.audit.list()[0]).toMatchObject({ action: 'export-site', target: out });
  });
});

describe('the sheet’s take-home address', () => {
  const form: DischargeForm = {
    procedureId: 'kyphoplasty', locale: 'es', secondLocale: 'ar', patientName: 'Ana', procedureDate: '2026-03-02', levelsTreated: 'L1', anaesthesia: 'general', brace: { worn: false },
    liftLimit: { value: 10, unit: 'lb' }, noDrivingDays: 1, showerAfterHours: 24, bloodThinner: { kind: 'ask' }, painNotes: '', followUp: { date: '2026-03-16', time: '14:05', place: 'Room 4' },
    feverThreshold: { value: 101, unit: 'F' }, clinicPhone: '555-0100', afterHoursPhone: '555-0199', emergencyNumber: '112', nurseNotes: '', paper: 'A4', largePrint: false, includeCard: true,
  };
  const { core, dispatch } = openTestCore();
  const nurse = { session: { role: 'nurse' as const } };
  const sheet = async (f: DischargeForm) => {
    const r = await dispatch('buildDischargeSheet', { form: f }, nurse);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as DischargeSheet;
  };

  it('is absent while no base URL is set', async () => {
    expect((await sheet(form)).takeHome).toBeNull();
  });

  it('holds only the base URL, the procedure and each language, whatever the nurse types', async () => {
    core.settings.save({ ...defaultSettings, siteBaseUrl: BASE });
    const typed = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 2);
    await fc.assert(
      fc.asyncProperty(typed, typed, typed, typed, fc.constantFrom('en', 'es', 'ar'), async (patientName, nurseNotes, painNotes, place, locale) => {
        const s = await sheet({ ...form, locale, secondLocale: locale === 'ar' ? 'es' : 'ar', patientName, nurseNotes, painNotes, followUp: { ...form.followUp, place } });
        expect(s.takeHome).toEqual({ url: `${BASE}${locale}/kyphoplasty/`, secondUrl: `${BASE}${locale === 'ar' ? 'es' : 'ar'}/kyphoplasty/` });
      }),
      { numRuns: 40 },
    );
    expect((await sheet({ ...form, secondLocale: null })).takeHome).toEqual({ url: `${BASE}es/kyphoplasty/`, secondUrl: null });
  });
});
