import { z } from 'zod';

/** A BCP 47 language code as used in content: "en", "es", "zh-Hans". */
export const localeCode = z
  .string()
  .min(2)
  .max(20)
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code such as "en" or "zh-Hans"');

/** A content id: lowercase words joined by hyphens. */
export const contentId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lowercase id such as "kyphoplasty"');
