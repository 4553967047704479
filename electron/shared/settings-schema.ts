/** Clinic settings: stored in the local database, edited by admins, validated here. */
import { z } from 'zod';
import { localeCode } from './ids';
import { massUnits, sheetLimits, temperatureUnits } from './discharge-form';
import { siteBaseUrlSetting } from './site-url';

const phoneSetting = z.string().trim().max(30).regex(/^[0-9+()\-. /]*$/, 'only digits, spaces and + ( ) - . /');

export const settingsSchema = z.strictObject({
  clinicName: z.string().trim().min(1).max(120),
  clinicPhone: phoneSetting,
  afterHoursPhone: phoneSetting,
  /** The number patients are told to call in an emergency, inside topic and sheet texts (for example 911, 112 or 999). */
  emergencyNumber: phoneSetting.min(1, 'the emergency number patients must call, for example 911'),
  idleTimeoutSeconds: z.number().int().min(10).max(3600),
  defaultLocale: localeCode,
  /** Empty means every language in the content. */
  enabledLocales: z.array(localeCode).max(50),
  /** The order of the language screen: these first, in this order, then the rest in content order. */
  localeOrder: z.array(localeCode).max(50).refine((codes) => new Set(codes).size === codes.length, 'each language once'),
  /** Discharge-sheet defaults the nurse can change per patient; null means "ask every time". */
  liftLimit: z.strictObject({ value: z.number().positive().max(sheetLimits.liftLimit.max), unit: z.enum(massUnits) }).nullable(),
  noDrivingDays: z.number().int().min(sheetLimits.noDrivingDays.min).max(sheetLimits.noDrivingDays.max).nullable(),
  showerAfterHours: z.number().int().min(sheetLimits.showerAfterHours.min).max(sheetLimits.showerAfterHours.max).nullable(),
  feverThreshold: z.strictObject({ value: z.number(), unit: z.enum(temperatureUnits) }).nullable(),
  massUnit: z.enum(massUnits),
  temperatureUnit: z.enum(temperatureUnits),
  paperSize: z.enum(['A4', 'Letter']),
  printerName: z.string().max(200),
  approvedContentOnly: z.boolean(),
  kioskMode: z.boolean(),
  /** Public keys (PEM) whose signed content packs are trusted. */
  trustedKeys: z.array(z.strictObject({ id: z.string().trim().min(1).max(60), publicKeyPem: z.string().max(1000).regex(/-----BEGIN PUBLIC KEY-----/, 'a PEM public key') })).max(20),
  allowUnsignedPacks: z.boolean(),
  /** A folder (USB mount or network share) watched for new content packs; empty for none. */
  watchFolder: z.string().max(500),
  /** Languages for which the platform's own voice may read aloud (else the built-in voice); empty for none. */
  platformVoiceLocales: z.array(localeCode).max(50),
  /** Where the clinic hosts the take-home site (export-site); empty for none. Sheets and the kiosk show a QR code when set. */
  siteBaseUrl: siteBaseUrlSetting,
  clinicLogo: z.string().max(300_000).regex(/^(data:image\/(png|webp|svg\+xml);base64,[A-Za-z0-9+/]+=*)?$/, 'a PNG, WebP or SVG image'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  clinicName: 'Clinic',
  clinicPhone: '',
  afterHoursPhone: '',
  emergencyNumber: '911',
  idleTimeoutSeconds: 90,
  defaultLocale: 'en',
  enabledLocales: [],
  localeOrder: [],
  liftLimit: null,
  noDrivingDays: null,
  showerAfterHours: null,
  feverThreshold: null,
  massUnit: 'lb',
  temperatureUnit: 'F',
  paperSize: 'A4',
  printerName: '',
  approvedContentOnly: false,
  kioskMode: false,
  trustedKeys: [],
  allowUnsignedPacks: false,
  watchFolder: '',
  platformVoiceLocales: [],
  siteBaseUrl: '',
  clinicLogo: '',
};

/**
 * Settings the kiosk reads only when the app starts (kiosk mode decides the window's full
 * screen and whether patients can close it). Every other setting applies as soon as it is saved.
 */
export const settingsNeedingRestart = ['kioskMode'] as const satisfies readonly (keyof Settings)[];

/** Whether a save changed a setting that needs the app to start again. */
export function restartNeededFor(before: Settings, after: Settings): boolean {
  return settingsNeedingRestart.some((key) => before[key] !== after[key]);
}
