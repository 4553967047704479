/**
 * The pure parts of the renderer's forms (renderer/src/forms/draft-values.ts and the discharge
 * draft): typed numbers, problems marked at the field they belong to, in the English screen
 * words, with the real shared schemas and the real UI strings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import english from '../../resources/locales/en/ui.json';
import { fieldMessages, fieldOfPath, numberOf, numberOrNull, pathOf, textOf } from '../../renderer/src/forms/draft-values';
import { dischargeFields, emptyDraft, formIssues, toForm, type DischargeDraft } from '../../renderer/src/screens/staff/discharge/discharge-draft';
import { settingsFields, toDraft, toSettings } from '../../renderer/src/screens/admin/settings/settings-draft';
import { defaultSettings, settingsSchema } from '../../electron/shared/settings-schema';
import { sheetDefaultsOf } from '../../electron/shared/sheet-defaults';

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', resources: { en: { translation: english } }, interpolation: { escapeValue: false } });
  t = i18n.t;
});

describe('typed numbers', () => {
  it('reads what a person types, with a comma or spaces; an empty input is no number', () => {
    expect(numberOf('7')).toBe(7);
    expect(numberOf(' 2,5 ')).toBe(2.5);
    expect(numberOf('')).toBeNaN();
    expect(numberOf('   ')).toBeNaN();
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull('38.5')).toBe(38.5);
    expect(textOf(null)).toBe('');
    expect(textOf(undefined)).toBe('');
    expect(textOf(0)).toBe('0');
  });

  it('settings survive the trip through the draft unchanged', () => {
    const settings = { ...defaultSettings, liftLimit: { value: 4.5, unit: 'kg' as const }, noDrivingDays: 7, feverThreshold: null };
    expect(toSettings(toDraft(settings))).toEqual(settings);
    const emptied = { ...toDraft(settings), liftValue: ' ', noDrivingDays: '' };
    expect(toSettings(emptied)).toMatchObject({ liftLimit: null, noDrivingDays: null });
  });
});

describe('problems marked at their field', () => {
  it('a path is the field it belongs to, with or without the call input name', () => {
    const { prefix, aliases } = dischargeFields;
    expect(fieldOfPath('form.liftLimit.value', prefix, aliases)).toBe('liftValue');
    expect(fieldOfPath('followUp.date', prefix, aliases)).toBe('followUpDate');
    expect(fieldOfPath('form.nurseNotes', prefix, aliases)).toBe('nurseNotes');
    expect(fieldOfPath('form', prefix, aliases)).toBe('form');
    expect(fieldOfPath('settings.feverThreshold.unit', settingsFields.prefix, settingsFields.aliases)).toBe('feverValue');
    expect(fieldOfPath('settings', settingsFields.prefix, settingsFields.aliases)).toBe('form');
    expect(pathOf(['trustedKeys', 0, 'id'])).toBe('trustedKeys.0.id');
  });

  it("the settings checker's own words become plain English sentences", () => {
    const result = settingsSchema.safeParse({ ...defaultSettings, idleTimeoutSeconds: 5, noDrivingDays: 91, showerAfterHours: 1.5, clinicName: '', clinicPhone: 'call us' });
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.error.issues.map((i) => ({ field: pathOf(['settings', ...i.path]), message: i.message }));
    expect(fieldMessages(issues, t, settingsFields)).toEqual({
      idleTimeoutSeconds: 'Enter 10 or more.',
      noDrivingDays: 'Enter 90 or less.',
      showerAfterHours: 'Enter a whole number.',
      clinicName: 'This cannot be empty.',
      clinicPhone: 'Only digits, spaces and + ( ) - . /',
    });
  });

  it('a number left empty asks for a number; the first problem of a field wins', () => {
    const marks = fieldMessages(
      [
        { field: 'settings.idleTimeoutSeconds', message: 'Invalid input: expected number, received null' },
        { field: 'settings.idleTimeoutSeconds', message: 'Too small: expected number to be >=10' },
      ],
      t,
      settingsFields,
    );
    expect(marks).toEqual({ idleTimeoutSeconds: 'Enter a number.' });
  });
});

describe('the discharge draft, checked by the shared schema', () => {
  const defaults = sheetDefaultsOf(defaultSettings);
  const marks = (draft: DischargeDraft) => fieldMessages(formIssues(toForm(draft, 'kyphoplasty')), t, { ...dischargeFields, draft });
  const filled: DischargeDraft = {
    ...emptyDraft(defaults, 'es'),
    procedureDate: '2026-11-24',
    levelsTreated: 'L1',
    liftValue: '10',
    noDrivingDays: '7',
    showerAfterHours: '48',
    followUpDate: '2026-12-08',
    followUpTime: '10:30',
    followUpPlace: 'Clinic B',
    feverValue: '101',
    clinicPhone: '555-0100',
    afterHoursPhone: '555-0199',
  };

  it('an empty form asks for every required field, and only those', () => {
    const required = Object.fromEntries(
      ['procedureDate', 'levelsTreated', 'liftValue', 'noDrivingDays', 'showerAfterHours', 'followUpDate', 'followUpTime', 'followUpPlace', 'feverValue', 'clinicPhone', 'afterHoursPhone'].map((k) => [k, 'Please fill this in.']),
    );
    expect(marks(emptyDraft(defaults, 'en'))).toEqual(required);
  });

  it('a filled-in form has no problem; a brace or a restart date asks for its own value', () => {
    expect(marks(filled)).toEqual({});
    expect(marks({ ...filled, braceWorn: true, bloodThinner: 'date' })).toEqual({ braceWeeks: 'Please fill this in.', bloodThinnerDate: 'Please fill this in.' });
  });

  it('values out of range are explained in plain words at their field', () => {
    expect(marks({ ...filled, liftValue: '-5', nurseNotes: 'x'.repeat(2001), braceWorn: true, braceWeeks: '60', secondLocale: 'es' })).toEqual({
      liftValue: 'more than 0',
      nurseNotes: 'at most 2000 characters',
      braceWeeks: 'at most 52 weeks',
      secondLocale: 'The second language is the same as the first.',
    });
    expect(marks({ ...filled, followUpDate: '2026-11-20' })).toEqual({ followUpDate: 'The follow-up date is before the procedure date.' });
  });
});
