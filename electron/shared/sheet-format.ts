/** Formats the sheet's typed variables with Intl for the sheet's language. */
import type { DischargeForm } from './discharge-form';
import type { SheetVariableName } from './sheet-variables';

function utcDate(iso: string, time = '00:00'): Date {
  return new Date(`${iso}T${time}:00Z`);
}

export function formatDate(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(utcDate(iso));
}

export function formatDateTime(locale: string, iso: string, time: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(utcDate(iso, time));
}

function unit(locale: string, value: number, unitName: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: unitName, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
}

const massUnit = { lb: 'pound', kg: 'kilogram' } as const;
const temperatureUnit = { F: 'fahrenheit', C: 'celsius' } as const;

/** Every sheet variable for one form, formatted for `locale`. */
export function sheetValues(locale: string, form: DischargeForm, clinicName: string): Record<SheetVariableName, string> {
  return {
    procedureDate: formatDate(locale, form.procedureDate),
    levelsTreated: form.levelsTreated,
    liftLimit: unit(locale, form.liftLimit.value, massUnit[form.liftLimit.unit]),
    noDrivingDays: unit(locale, form.noDrivingDays, 'day'),
    showerAfterHours: unit(locale, form.showerAfterHours, 'hour'),
    braceWeeks: form.brace.worn ? unit(locale, form.brace.weeks, 'week') : '',
    bloodThinnerRestartDate: form.bloodThinner.kind === 'date' ? formatDate(locale, form.bloodThinner.date) : '',
    followUpDate: formatDateTime(locale, form.followUp.date, form.followUp.time),
    followUpPlace: form.followUp.place,
    feverThreshold: new Intl.NumberFormat(locale, { style: 'unit', unit: temperatureUnit[form.feverThreshold.unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(form.feverThreshold.value),
    clinicName,
    clinicPhone: form.clinicPhone,
    afterHoursPhone: form.afterHoursPhone,
    emergencyNumber: form.emergencyNumber,
  };
}
