/** The clinic's defaults for the discharge form (from settings), offered to the nurse. */
import type { Settings } from './settings-schema';

export const sheetDefaultKeys = [
  'clinicName',
  'clinicPhone',
  'afterHoursPhone',
  'emergencyNumber',
  'liftLimit',
  'noDrivingDays',
  'showerAfterHours',
  'feverThreshold',
  'massUnit',
  'temperatureUnit',
  'paperSize',
] as const satisfies readonly (keyof Settings)[];

export type SheetDefaults = Pick<Settings, (typeof sheetDefaultKeys)[number]>;

/** The settings a nurse's form starts from, and nothing else (no keys, folders or printer). */
export function sheetDefaultsOf(settings: Settings): SheetDefaults {
  return Object.fromEntries(sheetDefaultKeys.map((key) => [key, settings[key]])) as SheetDefaults;
}
