/**
 * The content-pack format: one JSON file holding locales, procedure structure (with
 * illustrations as base64), and every localized text with its review state. One schema,
 * used by db:build, admin import and the admin CLI.
 */
import { z } from 'zod';
import { contentId, localeCode } from '../electron/shared/ids';
import { textKeyShape } from '../electron/shared/text-keys';
import { NARRATION_MAX_BASE64, narrationMimes } from '../electron/shared/narration';
import { BASE_FONT, fontPackages } from '../electron/shared/fonts';

export const PACK_FORMAT = 'clinic-kiosk-content-pack';
export const PACK_FORMAT_VERSION = 1;
/** Largest pack file accepted, in bytes: room for narration (each recording at most 10 MB). */
export const MAX_PACK_BYTES = 200 * 1024 * 1024;

export const topicIcons = [
  'info', 'people', 'symptoms', 'checklist', 'steps', 'sleep',
  'recovery', 'risks', 'compare', 'question', 'book', 'phone',
] as const;

export const itemConditions = [
  'brace', 'noBrace', 'bloodThinnerDate', 'bloodThinnerAsk',
  'sedation', 'generalAnaesthesia', 'painNotes',
] as const;
export type ItemCondition = (typeof itemConditions)[number];

export const reviewStatus = z.enum(['draft', 'reviewed', 'approved']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'a date such as 2026-11-23');

export const reviewFields = {
  status: reviewStatus,
  reviewer: z.string().max(200).nullable(),
  reviewedAt: isoDate.nullable(),
  sourceNote: z.string().min(1, 'a source note is required').max(2000),
};

export const localeSchema = z.strictObject({
  code: localeCode,
  nativeName: z.string().min(1).max(100),
  englishName: z.string().min(1).max(100),
  direction: z.enum(['ltr', 'rtl']),
  /** The font package that draws the language (electron/shared/fonts.ts); packs made before fonts were named get Noto Sans. */
  font: z.enum(fontPackages, { message: `one of the kiosk's font packages: ${fontPackages.join(', ')}` }).default(BASE_FONT),
  /** Where Intl has no data for the language (or another calendar is wanted): the locale dates and numbers are formatted with, e.g. "fr-HT". */
  intlLocale: z
    .string()
    .max(60)
    .refine((tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1 && Intl.DateTimeFormat.supportedLocalesOf(tag).length === 1;
      } catch {
        return false;
      }
    }, 'a locale that Intl formats dates for, such as "fr-HT"')
    .optional(),
});

const teaches = z.string().regex(/^(step|topic):[a-z0-9]+(-[a-z0-9]+)*$/, '"step:<id>" or "topic:<id>"');

export const structureSchema = z.strictObject({
  id: contentId,
  sortOrder: z.number().int(),
  heroIllustration: contentId.nullable(),
  topics: z
    .array(z.strictObject({ id: contentId, icon: z.enum(topicIcons), sections: z.array(contentId).min(1) }))
    .min(1),
  steps: z.array(z.strictObject({ id: contentId, illustration: contentId.nullable() })).length(4),
  glossary: z.array(contentId),
  quiz: z.array(
    z.strictObject({
      id: contentId,
      options: z.array(contentId).min(2).max(6),
      answer: contentId,
      teaches,
    }),
  ),
  discharge: z.strictObject({
    sections: z.array(
      z.strictObject({
        id: contentId,
        items: z.array(z.strictObject({ id: contentId, when: z.enum(itemConditions).optional() })).min(1),
      }),
    ),
    clinicRedFlags: z.array(contentId).min(1),
    emergencyRedFlags: z.array(contentId).min(1),
  }),
});
export type ProcedureStructure = z.infer<typeof structureSchema>;

export const mediaTypes = ['image/svg+xml', 'image/png', 'image/webp'] as const;

export const packIllustrationSchema = z.strictObject({
  id: contentId,
  mediaType: z.enum(mediaTypes),
  data: z.string().min(1).regex(/^[A-Za-z0-9+/]+=*$/, 'base64 data'),
});

export const packProcedureSchema = structureSchema.extend({
  illustrations: z.array(packIllustrationSchema),
});
export type PackProcedure = z.infer<typeof packProcedureSchema>;

export const packTextSchema = z.strictObject({
  procedure: contentId,
  locale: localeCode,
  key: textKeyShape,
  text: z.string().min(1, 'the text is empty').max(20_000, 'the text is longer than 20,000 characters'),
  ...reviewFields,
});
export type PackText = z.infer<typeof packTextSchema>;

const hex64 = z.string().regex(/^[a-f0-9]{64}$/, 'a sha256 in lowercase hex');

/** A recording attached to one text, with the sha256 of the text it was recorded for. */
export const packNarrationSchema = z.strictObject({
  procedure: contentId,
  locale: localeCode,
  key: textKeyShape,
  mediaType: z.enum(narrationMimes),
  /** sha256 of the audio bytes. */
  sha256: hex64,
  textSha256: hex64,
  durationMs: z.number().int().positive(),
  recordedBy: z.string().min(1).max(120),
  attachedAt: isoDate,
  data: z.string().min(1).max(NARRATION_MAX_BASE64, 'the recording is larger than 10 MB').regex(/^[A-Za-z0-9+/]+=*$/, 'base64 data'),
});
export type PackNarration = z.infer<typeof packNarrationSchema>;

export const packSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION, {
    error: `this kiosk reads content packs of format version ${PACK_FORMAT_VERSION}`,
  }),
  description: z.string().max(500).optional(),
  /**
   * The signer's release number and date (covered by the signature): a kiosk keeps the highest
   * release it accepted per signing key and refuses older or equal ones, so a superseded signed
   * pack cannot be imported again.
   */
  release: z
    .strictObject({
      number: z.number().int().min(1).max(1_000_000_000),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-12-01'),
    })
    .optional(),
  /** Optional ed25519 signature over the canonical JSON of the pack without this field. */
  signature: z
    .strictObject({
      algorithm: z.literal('ed25519'),
      keyId: z.string().regex(/^[0-9a-f]{16}$/, 'a 16-character key id'),
      value: z.string().regex(/^[A-Za-z0-9+/]+=*$/, 'base64'),
    })
    .optional(),
  locales: z.array(localeSchema).min(1),
  procedures: z.array(packProcedureSchema),
  texts: z.array(packTextSchema),
  /** Recorded narration (optional; packs without it leave the kiosk's recordings as they are). */
  narrations: z.array(packNarrationSchema).max(10_000).optional(),
});
export type ContentPack = z.infer<typeof packSchema>;
export type PackLocale = z.infer<typeof localeSchema>;
