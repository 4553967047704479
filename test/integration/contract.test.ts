import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { roleAllows } from '../../electron/shared/contract';
import { LOCAL_DB_FILE } from '../../db/local-db';
import { openTestCore } from '../fixtures/core';
import { removeTempDirs, tempDir } from '../fixtures/content';

const { core, dispatch } = openTestCore();
afterAll(() => {
  core.close();
  removeTempDirs();
});
const publicSession = () => ({ session: { role: 'public' as const } });

describe('contract', () => {
  it('roles: staff is a nurse or an admin; admin only an admin', () => {
    expect(roleAllows('public', 'public')).toBe(true);
    expect(roleAllows('staff', 'public')).toBe(false);
    expect(roleAllows('staff', 'nurse')).toBe(true);
    expect(roleAllows('admin', 'nurse')).toBe(false);
    expect(roleAllows('admin', 'admin')).toBe(true);
  });

  it('without the desktop shell (web mode) the platform neither prints nor saves files itself: the browser does', async () => {
    expect(await dispatch('getAppInfo', {}, publicSession())).toMatchObject({ ok: true, value: { capabilities: { appPrinting: false, saveFile: false } } });
  });

  it('answers a valid call with the localized content', async () => {
    const result = await dispatch('getProcedureHome', { procedureId: 'kyphoplasty', locale: 'es' }, publicSession());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const home = result.value as { procedure: { name: string }; topics: unknown[]; locale: { direction: string } };
    expect(home.procedure.name).toBe('Cifoplastia con balón');
    expect(home.topics.length).toBeGreaterThanOrEqual(8);
  });

  it('rejects invalid input with INVALID_INPUT naming the field', async () => {
    expect(await dispatch('getTopic', { procedureId: 'kyphoplasty', topicId: '../etc', locale: 'en' }, publicSession())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'topicId' },
    });
    expect(await dispatch('getTopic', { procedureId: 'kyphoplasty', locale: 'en' }, publicSession())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'topicId' },
    });
    expect(await dispatch('listLocales', { extra: 1 }, publicSession())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('listProcedures', { locale: 'x'.repeat(10_000) }, publicSession())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'locale' } });
  });

  it('answers NOT_FOUND for an unknown call, language, procedure or topic', async () => {
    expect(await dispatch('dropTables', {}, publicSession())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('listProcedures', { locale: 'de' }, publicSession())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'locale' } });
    expect(await dispatch('getWalkthrough', { procedureId: 'hip-replacement', locale: 'en' }, publicSession())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'procedureId' } });
    expect(await dispatch('getTopic', { procedureId: 'kyphoplasty', topicId: 'nope', locale: 'en' }, publicSession())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'topicId' } });
  });

  it('shows start-up warnings to staff only: a damaged local database moved aside', async () => {
    const dataDir = tempDir('kiosk-damaged-');
    writeFileSync(join(dataDir, LOCAL_DB_FILE), 'this is not a database, just some random bytes '.repeat(200));
    const damaged = openTestCore(dataDir);
    try {
      const moved = readdirSync(dataDir).find((f) => f.startsWith(`${LOCAL_DB_FILE}.corrupt-`));
      expect(moved).toBeDefined();
      const warningsFor = async (role: 'public' | 'nurse' | 'admin') => {
        const result = await damaged.dispatch('getAppInfo', {}, { session: { role } });
        if (!result.ok) throw new Error(result.error.message);
        return (result.value as { startupWarnings: string[] }).startupWarnings;
      };
      expect(await warningsFor('public')).toEqual([]);
      for (const role of ['nurse', 'admin'] as const) {
        const warnings = await warningsFor(role);
        expect(warnings, role).toHaveLength(1);
        expect(warnings[0], role).toContain(`moved aside to ${moved}`);
      }
    } finally {
      damaged.core.close();
    }
  });

  it('walkthrough has four illustrated steps with alt text, in the brief\'s order', async () => {
    const result = await dispatch('getWalkthrough', { procedureId: 'kyphoplasty', locale: 'ar' }, publicSession());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const steps = (result.value as { steps: { id: string; illustration: { src: string; alt: string } | null }[] }).steps;
    expect(steps.map((s) => s.id)).toEqual(['needle', 'balloon-in', 'balloon-inflate', 'cement']);
    for (const s of steps) {
      // By URL since issue 17 (item 9), not an inline data URL.
      expect(s.illustration?.src).toMatch(/^media\/illustration\/[a-f0-9]{32}\.svg$/);
      expect(s.illustration?.alt.length).toBeGreaterThan(10);
    }
  });
});
