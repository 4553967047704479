import { afterAll, describe, expect, it } from 'vitest';
import { contract, roleAllows, callNames } from '../../electron/shared/contract';
import { createHandlers } from '../../electron/core/handlers';
import { openTestCore } from '../fixtures/core';
import { removeTempDirs } from '../fixtures/content';

const { core, dispatch } = openTestCore();
afterAll(() => {
  core.close();
  removeTempDirs();
});
const publicSession = () => ({ session: { role: 'public' as const } });

describe('contract', () => {
  it('core implements exactly the calls the contract declares', () => {
    expect(Object.keys(createHandlers(core)).sort()).toEqual([...callNames].sort());
  });

  it('roles: staff is a nurse or an admin; admin only an admin', () => {
    expect(roleAllows('public', 'public')).toBe(true);
    expect(roleAllows('staff', 'public')).toBe(false);
    expect(roleAllows('staff', 'nurse')).toBe(true);
    expect(roleAllows('admin', 'nurse')).toBe(false);
    expect(roleAllows('admin', 'admin')).toBe(true);
    for (const name of callNames) expect(['public', 'staff', 'admin']).toContain(contract[name].role);
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
    expect(await dispatch('listProcedures', { locale: 'fr' }, publicSession())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'locale' } });
    expect(await dispatch('getWalkthrough', { procedureId: 'hip-replacement', locale: 'en' }, publicSession())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'procedureId' } });
    expect(await dispatch('getTopic', { procedureId: 'kyphoplasty', topicId: 'nope', locale: 'en' }, publicSession())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'topicId' } });
  });

  it('shows start-up warnings to staff only', async () => {
    const asPublic = await dispatch('getAppInfo', {}, publicSession());
    expect(asPublic.ok && (asPublic.value as { startupWarnings: string[] }).startupWarnings).toEqual([]);
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
