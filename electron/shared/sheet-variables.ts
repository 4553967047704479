/**
 * Typed variables of the discharge-sheet templates. Templates write them as {{name}}; the
 * sheet formats each value with Intl for the sheet's language, so a reviewed translation
 * stays valid whatever the clinic's numbers are.
 */
import { isolateValue, type TextDirection } from './bidi';

export const sheetVariableTypes = {
  procedureDate: 'date',
  levelsTreated: 'text',
  liftLimit: 'mass',
  noDrivingDays: 'days',
  showerAfterHours: 'hours',
  braceWeeks: 'weeks',
  bloodThinnerRestartDate: 'date',
  followUpDate: 'dateTime',
  followUpPlace: 'text',
  feverThreshold: 'temperature',
  clinicName: 'text',
  clinicPhone: 'phone',
  afterHoursPhone: 'phone',
  emergencyNumber: 'phone',
} as const;

export type SheetVariableName = keyof typeof sheetVariableTypes;
export type SheetVariableType = (typeof sheetVariableTypes)[SheetVariableName];

const placeholder = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The variable names a template text uses, sorted and de-duplicated. */
export function templateVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(placeholder)) names.add(match[1] as string);
  return [...names].sort();
}

export function isSheetVariable(name: string): name is SheetVariableName {
  return Object.prototype.hasOwnProperty.call(sheetVariableTypes, name);
}

/** Variables that clinic-wide texts (topics, steps, quiz, glossary) may use: clinic settings, never patient values. */
export const clinicVariableNames = ['clinicName', 'clinicPhone', 'afterHoursPhone', 'emergencyNumber'] as const satisfies readonly SheetVariableName[];
export type ClinicVariableName = (typeof clinicVariableNames)[number];

export function isClinicVariable(name: string): name is ClinicVariableName {
  return (clinicVariableNames as readonly string[]).includes(name);
}

/** Types whose values are always drawn left to right, as typed or formatted (phone numbers). */
const alwaysLeftToRight: ReadonlySet<SheetVariableType> = new Set(['phone']);

/**
 * The one place where template variables are filled: replaces each {{name}} with its
 * formatted value, bidi-isolated for the text's direction (see bidi.ts), so a phone number
 * reads as typed inside Arabic or Persian. Unknown names are left visible.
 */
export function fillTemplate(text: string, values: Partial<Record<string, string>>, direction: TextDirection): string {
  return text.replace(placeholder, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    const type = isSheetVariable(name) ? sheetVariableTypes[name] : 'text';
    return isolateValue(value, direction, alwaysLeftToRight.has(type) ? 'ltr' : 'auto');
  });
}
