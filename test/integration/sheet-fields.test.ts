/**
 * Every value the nurse types reaches the sheet: each field of the discharge form shows on the
 * filled sheet, unless `fieldsNotPrinted` lists it with its reason.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { dischargeFormSchema, fieldsNotPrinted, type DischargeForm } from '../../electron/shared/discharge-form';
import type { DischargeSheet, SheetBlock } from '../../electron/shared/content-types';
import { withoutIsolates } from '../../electron/shared/bidi';
import { sheetValues } from '../../electron/shared/sheet-format';
import { openTestCore } from '../fixtures/core';
import { removeTempDirs } from '../fixtures/content';

const { core, dispatch } = openTestCore();
afterAll(() => {
  core.close();
  removeTempDirs();
});

/** Distinct values, so each one found on the sheet can only have come from its own field. */
const form: DischargeForm = {
  procedureId: 'kyphoplasty',
  locale: 'en',
  secondLocale: null,
  patientName: 'Ottoline Quist',
  procedureDate: '2026-03-02',
  levelsTreated: 'T11 and T12',
  anaesthesia: 'sedation',
  brace: { worn: true, weeks: 7 },
  liftLimit: { value: 13, unit: 'lb' },
  noDrivingDays: 9,
  showerAfterHours: 31,
  bloodThinner: { kind: 'date', date: '2026-03-05' },
  painNotes: 'Take the pain medicine marked zephyr-3',
  followUp: { date: '2026-03-16', time: '14:05', place: 'Room 4B, East Wing' },
  feverThreshold: { value: 100.9, unit: 'F' },
  clinicPhone: '555-0142',
  afterHoursPhone: '555-0177',
  emergencyNumber: '999',
  nurseNotes: 'Family asked about stairs: quokka-8',
  paper: 'Letter',
  largePrint: false,
  includeCard: true,
};

function blockText(b: SheetBlock): string {
  return [b.title, b.intro, ...b.sections.flatMap((s) => [s.heading, ...s.items]), b.clinicFlags.heading, ...b.clinicFlags.items, b.emergencyFlags.heading, ...b.emergencyFlags.items].join('\n');
}

describe('every discharge-form field reaches the sheet', () => {
  it('lists only real fields as not printed', () => {
    const fields = Object.keys(dischargeFormSchema.shape);
    for (const name of Object.keys(fieldsNotPrinted)) expect(fields, name).toContain(name);
  });

  for (const locale of ['en', 'es', 'ar']) {
    it(`shows every printed field's value in ${locale}`, async () => {
      const result = await dispatch('buildDischargeSheet', { form: { ...form, locale } }, { session: { role: 'nurse' } });
      if (!result.ok) throw new Error(result.error.message);
      const sheet = result.value as DischargeSheet;
      const page = withoutIsolates([blockText(sheet.primary), sheet.patientName, sheet.painNotes, sheet.nurseNotes, sheet.clinicPhone].join('\n'));
      const card = withoutIsolates([sheet.primary.card.title, sheet.primary.card.footer, sheet.primary.emergencyFlags.heading].join('\n'));
      const v = sheetValues(locale, form, sheet.clinicName);
      // Each field, and the formatted value(s) by which it shows.
      const shown: Record<Exclude<keyof DischargeForm, keyof typeof fieldsNotPrinted>, string[]> = {
        patientName: [form.patientName],
        procedureDate: [v.procedureDate],
        levelsTreated: [form.levelsTreated],
        brace: [v.braceWeeks],
        liftLimit: [v.liftLimit],
        noDrivingDays: [v.noDrivingDays],
        showerAfterHours: [v.showerAfterHours],
        bloodThinner: [v.bloodThinnerRestartDate],
        painNotes: [form.painNotes],
        followUp: [v.followUpDate, form.followUp.place],
        feverThreshold: [v.feverThreshold],
        clinicPhone: [form.clinicPhone],
        afterHoursPhone: [form.afterHoursPhone],
        emergencyNumber: [form.emergencyNumber],
        nurseNotes: [form.nurseNotes],
      };
      const fields = Object.keys(dischargeFormSchema.shape).filter((f) => !(f in fieldsNotPrinted));
      expect(Object.keys(shown).sort(), 'a new form field must be printed or listed in fieldsNotPrinted').toEqual(fields.sort());
      for (const [field, values] of Object.entries(shown)) for (const value of values) expect(page, `${locale}: ${field} (${value}) on the sheet`).toContain(value);
      // The wallet card carries the numbers to call: the clinic by day, after hours, and the emergency number.
      for (const phone of [form.clinicPhone, form.afterHoursPhone, form.emergencyNumber]) expect(card, `${locale}: ${phone} on the wallet card`).toContain(phone);
    });
  }
});
