/** The sheet's typed values through Intl in the new languages: dates, units and digits as each language writes them. */
import { describe, expect, it } from 'vitest';
import { sheetValues } from '../../electron/shared/sheet-format';
import type { DischargeForm } from '../../electron/shared/discharge-form';

const form: DischargeForm = {
  procedureId: 'kyphoplasty',
  locale: 'en',
  secondLocale: null,
  patientName: '',
  procedureDate: '2026-03-02',
  levelsTreated: 'T12',
  anaesthesia: 'sedation',
  brace: { worn: true, weeks: 6 },
  liftLimit: { value: 4.5, unit: 'kg' },
  noDrivingDays: 2,
  showerAfterHours: 48,
  bloodThinner: { kind: 'date', date: '2026-03-05' },
  followUp: { date: '2026-03-16', time: '14:30', place: 'Room 2' },
  feverThreshold: { value: 38.5, unit: 'C' },
  clinicPhone: '555 0100',
  afterHoursPhone: '555 0101',
  emergencyNumber: '911',
  painNotes: '',
  nurseNotes: '',
  paper: 'A4',
  largePrint: false,
  includeCard: false,
};

const pick = (locale: string) => {
  const v = sheetValues(locale, form, 'Clinic');
  return { date: v.procedureDate, lift: v.liftLimit, days: v.noDrivingDays, hours: v.showerAfterHours, weeks: v.braceWeeks, followUp: v.followUpDate, fever: v.feverThreshold };
};

describe('sheet values in the new languages', () => {
  it('Russian: genitive month, comma decimals, plural forms', () => {
    expect(pick('ru')).toEqual({
      date: 'понедельник, 2 марта 2026 г.',
      lift: '4,5 килограмма',
      days: '2 дня',
      hours: '48 часов',
      weeks: '6 недель',
      followUp: 'понедельник, 16 марта 2026 г. в 14:30',
      fever: '38,5 °C',
    });
  });

  it('Korean and Traditional Chinese: their own date order and unit words', () => {
    expect(pick('ko')).toMatchObject({ date: '2026년 3월 2일 월요일', lift: '4.5킬로그램', days: '2일', hours: '48시간', weeks: '6주' });
    expect(pick('zh-Hant')).toMatchObject({ date: '2026年3月2日 星期一', lift: '4.5 公斤', days: '2 天', hours: '48 小時', weeks: '6 週' });
  });

  it('Persian: Persian digits and decimal separator, Solar Hijri calendar (Intl default for fa)', () => {
    const fa = pick('fa');
    expect(fa).toMatchObject({ lift: '۴٫۵ کیلوگرم', days: '۲ روز', hours: '۴۸ ساعت', weeks: '۶ هفته' });
    expect(fa.date).toContain('اسفند'); // 2 March 2026 is 11 Esfand 1404
    expect(fa.date).toContain('۱۴۰۴');
    // A clinic that wants Gregorian dates names the Intl locale in the locale entry ("intlLocale").
    expect(pick('fa-u-ca-gregory').date).toContain('مارس');
  });

  it('Tagalog, Vietnamese, Polish, Portuguese (Brazil) and French read in their own words', () => {
    expect(pick('tl')).toMatchObject({ date: 'Lunes, Marso 2, 2026', days: '2 araw', hours: '48 oras' });
    expect(pick('vi')).toMatchObject({ date: 'Thứ Hai, 2 tháng 3, 2026', lift: '4,5 kilôgam', days: '2 ngày' });
    expect(pick('pl')).toMatchObject({ date: 'poniedziałek, 2 marca 2026', days: '2 dni', hours: '48 godzin', weeks: '6 tygodni' });
    expect(pick('pt-BR')).toMatchObject({ date: 'segunda-feira, 2 de março de 2026', lift: '4,5 quilogramas' });
    expect(pick('fr')).toMatchObject({ date: 'lundi 2 mars 2026', weeks: '6\u00a0semaines' });
  });

  it('Haitian Creole: Intl has no data and falls back to English, so its locale entry names fr-HT', () => {
    expect(pick('ht').date).toBe('Monday, March 2, 2026');
    expect(pick('fr-HT')).toMatchObject({ date: 'lundi 2 mars 2026', days: '2\u00a0jours' });
  });
});
