/** Which languages patients get, and adding a language as a content change (issue 14). */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openKioskCore } from '../../electron/core/kiosk-core';
import { createHandlers } from '../../electron/core/handlers';
import { createDispatcher } from '../../electron/core/dispatch';
import { defaultSettings, type Settings } from '../../electron/shared/settings-schema';
import { buildTempContentDb, bundledLanguages, removeTempDirs, tempDir } from '../fixtures/content';
import { newLocales, pseudo, pseudoLocale, sixteenLanguageContent } from '../fixtures/languages';
import type { Locale, TopicPage } from '../../electron/shared/content-types';

afterAll(removeTempDirs);
const admin = () => ({ session: { role: 'admin' as const } });
const patient = () => ({ session: { role: 'public' as const } });

function open(content: string) {
  const core = openKioskCore({ bundledContentPath: content, dataDir: tempDir('kiosk-lang-'), appVersion: 'test' });
  return { core, dispatch: createDispatcher(createHandlers(core)) };
}

async function value<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error?.code}: ${r.error?.message}`);
  return r.value as T;
}

describe('one rule for the languages patients get', () => {
  const bundled = buildTempContentDb();

  it('a language switched off is neither listed nor served, even after it was read (cached) while on', async () => {
    const { dispatch } = open(bundled);
    const topic = { procedureId: 'kyphoplasty', topicId: 'after', locale: 'es' };
    expect((await value<TopicPage>(dispatch('getTopic', topic, patient()))).topic.title).toBeTruthy();
    await value(dispatch('adminSaveSettings', { settings: { ...defaultSettings, enabledLocales: ['en', 'ar'] } }, admin()));

    expect((await value<Locale[]>(dispatch('listLocales', {}, patient()))).map((l) => l.code)).toEqual(['en', 'ar']);
    expect((await value<{ enabledLocales: string[] }>(dispatch('getAppInfo', {}, patient()))).enabledLocales).toEqual(['en', 'ar']);
    for (const [call, input] of [
      ['getTopic', topic],
      ['getProcedureHome', { procedureId: 'kyphoplasty', locale: 'es' }],
      ['getWalkthrough', { procedureId: 'kyphoplasty', locale: 'es' }],
      ['getQuiz', { procedureId: 'kyphoplasty', locale: 'es' }],
      ['listProcedures', { locale: 'es' }],
    ] as const) {
      const r = await dispatch(call, input as never, patient());
      expect(r, call).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'The language "es" is not available on this kiosk.' } });
    }
    // Admins still see and edit every language in the content.
    expect((await value<Locale[]>(dispatch('adminListLocales', {}, admin()))).map((l) => l.code)).toEqual(bundledLanguages);
    expect(await dispatch('adminListLocales', {}, patient())).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('the clinic orders the language screen; languages it did not order follow in content order', async () => {
    const { dispatch } = open(bundled);
    const save = (s: Partial<Settings>) => value(dispatch('adminSaveSettings', { settings: { ...defaultSettings, ...s } }, admin()));
    await save({ localeOrder: ['ar', 'es'] });
    expect((await value<Locale[]>(dispatch('listLocales', {}, patient()))).map((l) => l.code)).toEqual(['ar', 'es', ...bundledLanguages.filter((c) => c !== 'ar' && c !== 'es')]);
    await save({ localeOrder: ['hi', 'ar', 'es'], enabledLocales: ['en', 'es', 'hi'] });
    expect((await value<Locale[]>(dispatch('listLocales', {}, patient()))).map((l) => l.code)).toEqual(['hi', 'es', 'en']);
    expect(await dispatch('adminSaveSettings', { settings: { ...defaultSettings, localeOrder: ['es', 'es'] } }, admin())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('every language names its font, and the bundled languages name theirs', async () => {
    const { dispatch } = open(bundled);
    const fonts = Object.fromEntries((await value<Locale[]>(dispatch('listLocales', {}, patient()))).map((l) => [l.code, l.font]));
    expect(fonts).toMatchObject({ en: '@fontsource/noto-sans', es: '@fontsource/noto-sans', 'zh-Hans': '@fontsource/noto-sans-sc', 'zh-Hant': '@fontsource/noto-sans-tc', ko: '@fontsource/noto-sans-kr', ar: '@fontsource/noto-sans-arabic', fa: '@fontsource/vazirmatn', hi: '@fontsource/noto-sans-devanagari', ru: '@fontsource/noto-sans', vi: '@fontsource/noto-sans' });
    expect(Object.keys(fonts)).toEqual(bundledLanguages);
  });
});

describe('adding languages from files alone (FORMAT.md, "Adding a language")', () => {
  const sixteen = sixteenLanguageContent();

  it('the real content build takes ten new languages and a sixteenth, and the kiosk lists and serves each', async () => {
    const { dispatch } = open(sixteen.db);
    const listed = await value<Locale[]>(dispatch('listLocales', {}, patient()));
    expect(listed).toHaveLength(16);
    expect(listed.at(-1)).toEqual({ code: 'en-XA', nativeName: pseudoLocale.nativeName, englishName: pseudoLocale.englishName, direction: 'ltr', font: '@fontsource/noto-sans' });
    expect(listed.find((l) => l.code === 'fa')).toMatchObject({ nativeName: 'فارسی', direction: 'rtl', font: '@fontsource/vazirmatn' });
    expect(listed.find((l) => l.code === 'ht')).toMatchObject({ intlLocale: 'fr-HT' });
    for (const code of newLocales.map((l) => l.code)) {
      const page = await value<TopicPage>(dispatch('getTopic', { procedureId: 'kyphoplasty', topicId: 'after', locale: code }, patient()));
      expect(page.provenance, code).toEqual({ status: 'draft', fallback: false });
    }
    const english = await value<TopicPage>(dispatch('getTopic', { procedureId: 'kyphoplasty', topicId: 'after', locale: 'en' }, patient()));
    const xa = await value<TopicPage>(dispatch('getTopic', { procedureId: 'kyphoplasty', topicId: 'after', locale: 'en-XA' }, patient()));
    expect(xa.topic.title).toBe(pseudo(english.topic.title));
    expect(xa.provenance).toEqual({ status: 'draft', fallback: false });
  });

  it('a language’s Intl locale formats its sheet (Haitian Creole through fr-HT)', async () => {
    const { dispatch } = open(sixteen.db);
    const form = {
      procedureId: 'kyphoplasty', locale: 'ht', secondLocale: null, patientName: '', procedureDate: '2026-03-02', levelsTreated: 'T12',
      anaesthesia: 'sedation', brace: { worn: false }, liftLimit: { value: 4.5, unit: 'kg' }, noDrivingDays: 2, showerAfterHours: 48,
      bloodThinner: { kind: 'none' }, followUp: { date: '2026-03-16', time: '14:30', place: 'Room 2' }, feverThreshold: { value: 38.5, unit: 'C' },
      clinicPhone: '555 0100', afterHoursPhone: '555 0101', emergencyNumber: '911', painNotes: '', nurseNotes: '', paper: 'A4', largePrint: false, includeCard: false,
    };
    const sheet = await value<{ primary: unknown }>(dispatch('buildDischargeSheet', { form } as never, { session: { role: 'nurse' as const } }));
    // Intl has no Haitian Creole data: the values in the Creole sheet are formatted for fr-HT.
    expect(JSON.stringify(sheet.primary)).toContain('2\u00a0jours');
  });

  it('each added language’s UI strings file has exactly the keys of English', () => {
    const keys = (file: string) => {
      const out: string[] = [];
      const walk = (o: Record<string, unknown>, p: string) => {
        for (const [k, v] of Object.entries(o)) {
          if (typeof v === 'object' && v) walk(v as Record<string, unknown>, `${p}${k}.`);
          else out.push(`${p}${k}`);
        }
      };
      walk(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>, '');
      return out.sort();
    };
    const english = keys(join(sixteen.localesDir, 'en', 'ui.json'));
    // The bundled languages' files are checked by test/unit/ui-strings.test.ts (with their own plural forms).
    expect(keys(join(sixteen.localesDir, 'en-XA', 'ui.json'))).toEqual(english);
  });
});
