import { describe, expect, it } from 'vitest';
import { FSI, LRI, PDI, isolateValue, withoutIsolates } from '../../electron/shared/bidi';
import { fillTemplate, sheetVariableTypes, type SheetVariableName } from '../../electron/shared/sheet-variables';
import { sheetValues } from '../../electron/shared/sheet-format';
import type { DischargeForm } from '../../electron/shared/discharge-form';

/** A made-up patient with every variable set (brace worn, a restart date for blood thinners). */
const sampleDischargeForm: DischargeForm = {
  procedureId: 'kyphoplasty',
  locale: 'ar',
  secondLocale: null,
  patientName: '',
  procedureDate: '2026-03-02',
  levelsTreated: 'T12 and L1',
  anaesthesia: 'sedation',
  brace: { worn: true, weeks: 6 },
  liftLimit: { value: 4.5, unit: 'kg' },
  noDrivingDays: 3,
  showerAfterHours: 48,
  bloodThinner: { kind: 'date', date: '2026-03-05' },
  painNotes: '',
  followUp: { date: '2026-03-16', time: '14:05', place: 'Room 4' },
  feverThreshold: { value: 38.3, unit: 'C' },
  clinicPhone: '555-0100',
  afterHoursPhone: '555-0199',
  emergencyNumber: '112',
  nurseNotes: '',
  paper: 'A4',
  largePrint: false,
  includeCard: true,
};

describe('fillTemplate: the one place variables are filled', () => {
  it('isolates a phone number left to right inside right-to-left text', () => {
    const filled = fillTemplate('اتصل بالعيادة على {{clinicPhone}} الآن', { clinicPhone: '555-0100' }, 'rtl');
    expect(filled).toBe(`اتصل بالعيادة على ${LRI}555-0100${PDI} الآن`);
  });

  it('isolates every other kind by its own letters (first strong character) in right-to-left text', () => {
    expect(fillTemplate('الفقرات {{levelsTreated}}', { levelsTreated: 'T12 and L1' }, 'rtl')).toBe(`الفقرات ${FSI}T12 and L1${PDI}`);
    expect(fillTemplate('{{procedureDate}}', { procedureDate: 'الثلاثاء، ١ ديسمبر ٢٠٢٦' }, 'rtl')).toBe(`${FSI}الثلاثاء، ١ ديسمبر ٢٠٢٦${PDI}`);
  });

  it('isolates every variable of a real Arabic sheet, each with the kind its type asks for', () => {
    const values = sheetValues('ar', sampleDischargeForm, 'Riverside Clinic');
    for (const name of Object.keys(sheetVariableTypes) as SheetVariableName[]) {
      const value = values[name];
      const filled = fillTemplate(`قبل {{${name}}} بعد`, values, 'rtl');
      if (value === '') continue;
      const mark = sheetVariableTypes[name] === 'phone' ? LRI : FSI;
      expect(filled, name).toBe(`قبل ${mark}${value}${PDI} بعد`);
    }
  });

  it('leaves left-to-right text alone unless the value holds right-to-left letters', () => {
    expect(fillTemplate('Call {{emergencyNumber}}.', { emergencyNumber: '911' }, 'ltr')).toBe('Call 911.');
    expect(fillTemplate('At {{followUpPlace}}.', { followUpPlace: 'عيادة العمود الفقري' }, 'ltr')).toBe(`At ${FSI}عيادة العمود الفقري${PDI}.`);
  });

  it('strips isolation marks a value brings with it, and keeps unknown names visible', () => {
    expect(isolateValue(`${PDI}555${LRI}`, 'rtl', 'ltr')).toBe(`${LRI}555${PDI}`);
    expect(fillTemplate('{{nope}} {{clinicPhone}}', {}, 'rtl')).toBe('{{nope}} {{clinicPhone}}');
    expect(withoutIsolates(fillTemplate('على {{clinicPhone}}', { clinicPhone: '555-0100' }, 'rtl'))).toBe('على 555-0100');
  });
});
