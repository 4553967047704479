/** Clinic settings: stored in the local database, edited by admins, validated here. */
import { z } from 'zod';
import { localeCode } from './ids';
import { massUnits, temperatureUnits } from './discharge-form';
import { siteBaseUrlSetting } from './site-url';

const phoneSetting = z.string().trim().max(30).regex(/^[0-9+()\-. /]*$/, 'only digits, spaces and + ( ) - . /');

export const settingsSchema = z.strictObject({
  clinicName: z.string().trim().min(1).max(120),
  clinicPhone: phoneSetting,
  afterHoursPhone: phoneSetting,
  emergencyNumber: phoneSetting,
  idleTimeoutSeconds: z.number().int().min(10).max(3600),
  defaultLocale: localeCode,
  /** Empty means every language in the content. */
  enabledLocales: z.array(localeCode).max(50),
  /** Discharge-sheet defaults the nurse can change per patient; null means "ask every time". */
  liftLimit: z.strictObject({ value: z.number().positive().max(100), unit: z.enum(massUnits) }).nullable(),
  noDrivingDays: z.number().int().min(1).max(90).nullable(),
  showerAfterHours: z.number().int().min(1).max(336).nullable(),
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
  /** Where the clinic hosts the take-home site (export-site); empty for none. Sheets and the kiosk show a QR code when set. */
  siteBaseUrl: siteBaseUrlSetting,
  clinicLogo: z.string().max(300_000).regex(/^(data:image\/(png|webp|svg\+xml);base64,[A-Za-z0-9+/]+=*)?$/, 'a PNG, WebP or SVG image'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  clinicName: 'Clinic',
  clinicPhone: '',
  afterHoursPhone: '',
  emergencyNumber: '',
  idleTimeoutSeconds: 90,
  defaultLocale: 'en',
  enabledLocales: [],
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
  siteBaseUrl: '',
  clinicLogo: '',
};
