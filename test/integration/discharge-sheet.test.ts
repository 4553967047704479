import { afterAll, describe, expect, it } from 'vitest';
import { dischargeFormSchema, type DischargeForm } from '../../electron/shared/discharge-form';
import { openTestCore } from '../fixtures/core';
import type { DischargeSheet } from '../../electron/shared/content-types';
import { removeTempDirs } from '../fixtures/content';
import { sampleDischargeForm } from '../fixtures/discharge-forms';

const { core, dispatch } = openTestCore();
afterAll(() => {
  core.close();
  removeTempDirs();
});
const nurse = () => ({ session: { role: 'nurse' as const } });

const form: DischargeForm = sampleDischargeForm;

async function sheetFor(f: DischargeForm) {
  const result = await dispatch('buildDischargeSheet', { form: f }, nurse());
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DischargeSheet;
}
const allItems = (s: Awaited<ReturnType<typeof sheetFor>>) => s.primary.sections.flatMap((x) => x.items).join('\n');

describe('discharge sheet assembly', () => {
  it('fills every variable with Intl formatting, singular and plural included', async () => {
    const s = await sheetFor(form);
    const text = allItems(s) + s.primary.emergencyFlags.heading + s.primary.clinicFlags.items.join('\n');
    expect(text).toContain('Monday, March 2, 2026');
    expect(text).toContain('10 pounds');
    expect(text).toContain('1 day');
    expect(text).toContain('24 hours');
    expect(text).toContain('Monday, March 16, 2026 at 2:05 PM');
    expect(text).toContain('101°F');
    expect(text).toContain('Call 112 now');
    expect(text).not.toMatch(/\{\{/);
  });

  it('includes only the items that apply: brace, blood thinner, anaesthesia, pain notes', async () => {
    const without = allItems(await sheetFor(form));
    const withAll = allItems(await sheetFor({ ...form, brace: { worn: true, weeks: 6 }, bloodThinner: { kind: 'date', date: '2026-03-05' }, anaesthesia: 'sedation', painNotes: 'x' }));
    expect(withAll).toContain('6 weeks');
    expect(withAll).toContain('Thursday, March 5, 2026');
    expect(without).not.toContain('6 weeks');
    expect(without).not.toContain('March 5');
    expect(withAll).not.toEqual(without);
  });

  it('builds the second language block for a bilingual sheet, each with its own formats', async () => {
    const s = await sheetFor({ ...form, locale: 'es', secondLocale: 'en' });
    expect(s.primary.locale.code).toBe('es');
    expect(s.second?.locale.code).toBe('en');
    expect(allItems(s)).toContain('lunes, 2 de marzo de 2026');
    expect(s.second!.sections.length).toBe(s.primary.sections.length);
  });

  it('refuses invalid values with plain messages, naming each field', () => {
    const bad = dischargeFormSchema.safeParse({ ...form, followUp: { ...form.followUp, date: '2026-03-01' }, liftLimit: { value: -1, unit: 'lb' }, nurseNotes: 'n'.repeat(10_000), secondLocale: 'en' });
    expect(bad.success).toBe(false);
    const issues = bad.success ? [] : bad.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual(expect.arrayContaining(['liftLimit.value: more than 0', 'nurseNotes: at most 2000 characters']));
    const refined = dischargeFormSchema.safeParse({ ...form, followUp: { ...form.followUp, date: '2026-03-01' }, secondLocale: 'en' });
    expect(refined.success ? [] : refined.error.issues.map((i) => i.message)).toEqual(['The follow-up date is before the procedure date.', 'The second language is the same as the first.']);
  });

  it('counts printed sheets per language per day, and nothing else', async () => {
    await dispatch('recordSheetPrinted', { locale: 'es', secondLocale: 'en', card: true }, nurse());
    expect(core.usage.rows().map((r) => [r.metric, r.dimension, r.count])).toEqual([
      ['card_printed', 'es', 1],
      ['sheet_printed', 'es', 1],
      ['sheet_printed_second_language', 'en', 1],
    ]);
  });
});
