/** Clinic settings: stored in the local database, edited by admins, validated here. */
import { z } from 'zod';
import { localeCode } from './contract';

export const settingsSchema = z.strictObject({
  clinicName: z.string().trim().min(1).max(120),
  idleTimeoutSeconds: z.number().int().min(10).max(3600),
  defaultLocale: localeCode,
  /** Empty means every language in the content. */
  enabledLocales: z.array(localeCode).max(50),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  clinicName: 'Clinic',
  idleTimeoutSeconds: 90,
  defaultLocale: 'en',
  enabledLocales: [],
};
