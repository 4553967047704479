/**
 * Typed variables of the discharge-sheet templates. Templates write them as {{name}}; the
 * sheet formats each value with Intl for the sheet's language, so a reviewed translation
 * stays valid whatever the clinic's numbers are.
 */
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

/** Replaces each {{name}} with its formatted value; unknown names are left visible. */
export function fillTemplate(text: string, values: Partial<Record<string, string>>): string {
  return text.replace(placeholder, (whole, name: string) => values[name] ?? whole);
}
