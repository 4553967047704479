/**
 * The API contract: every call the renderer can make, with its input schema, output type
 * and the role it needs. Electron IPC (main + preload) and web mode (HTTP) are both
 * generated from this table, and core/ implements exactly these handlers.
 */
import { z } from 'zod';
import type {
  AppInfo,
  DischargeSheet,
  Locale,
  ProcedureHome,
  ProcedureSummary,
  Quiz,
  TopicPage,
  Walkthrough,
} from './content-types';
import type { CallResult } from './errors';
import { pinSchema, signInPinSchema, signInPlace, type StaffStatus } from './staff';
import type { SheetDefaults } from './sheet-defaults';
import type { PrintOutcome } from './printing';
import type { AdminTextItem, ImportSummary, TranslationMatrix } from './admin-types';
import { settingsSchema, type Settings } from './settings-schema';
import { speechLimits, speechRates, type SpeechClip } from './speech';
import { NARRATION_MAX_BASE64 } from './narration';
import { MAX_PICTURE_BYTES } from './picture-limits';
import { siteBaseUrlSetting } from './site-url';

/** Who may make a call. `staff` is a nurse or an admin. */
export type RequiredRole = 'public' | 'staff' | 'admin';
/** Who is signed in on a window or browser session. */
export type SessionRole = 'public' | 'nurse' | 'admin';

import { contentId, localeCode } from './ids';
import { dischargeFormSchema } from './discharge-form';
import { textKeySchema as textKey } from './text-keys';

export { contentId, localeCode };

const procedureInLocale = z.strictObject({ procedureId: contentId, locale: localeCode });

/** Largest request body web mode reads for a call that does not set its own `maxBodyBytes`. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

interface CallSpec<I extends z.ZodType, O> {
  role: RequiredRole;
  input: I;
  /** Largest request body web mode reads for this call, in bytes (default DEFAULT_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Phantom field carrying the output type; never set at run time. */
  output?: O;
}

function call<O>() {
  return <I extends z.ZodType>(role: RequiredRole, input: I, options: { maxBodyBytes?: number } = {}): CallSpec<I, O> => ({
    role,
    input,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  });
}

const MB = 1024 * 1024;
const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

const none = z.strictObject({});

export const contract = {
  getAppInfo: call<AppInfo>()('public', none),
  listLocales: call<Locale[]>()('public', none),
  listProcedures: call<ProcedureSummary[]>()('public', z.strictObject({ locale: localeCode })),
  getProcedureHome: call<ProcedureHome>()('public', procedureInLocale),
  getTopic: call<TopicPage>()(
    'public',
    z.strictObject({ procedureId: contentId, topicId: contentId, locale: localeCode }),
  ),
  getWalkthrough: call<Walkthrough>()('public', procedureInLocale),
  getQuiz: call<Quiz>()('public', procedureInLocale),
  /**
   * The built-in voice's audio for a few sentences of one language. `cache: false` for text
   * holding typed patient values: then nothing is written to disk.
   */
  prepareSpeech: call<{ clips: SpeechClip[] }>()(
    'public',
    z
      .strictObject({
        locale: localeCode,
        sentences: z
          .array(z.string().trim().min(1, 'a sentence is empty').max(speechLimits.charsPerSentence, `a sentence is longer than ${speechLimits.charsPerSentence} characters`))
          .min(1, 'no sentences')
          .max(speechLimits.sentencesPerCall, `at most ${speechLimits.sentencesPerCall} sentences per call`),
        rate: z.literal([...speechRates], 'a speed of 1 or 0.8'),
        cache: z.boolean(),
      })
      .refine((v) => v.sentences.reduce((n, t) => n + t.length, 0) <= speechLimits.charsPerCall, { message: `at most ${speechLimits.charsPerCall} characters per call`, path: ['sentences'] }),
    { maxBodyBytes: speechLimits.bodyBytes },
  ),

  getStaffStatus: call<StaffStatus>()('public', none),
  staffSignIn: call<StaffStatus>()('public', z.strictObject({ pin: signInPinSchema })),
  staffSignOut: call<StaffStatus>()('public', none),
  staffKeepAlive: call<StaffStatus>()('staff', none),
  setStaffPin: call<StaffStatus>()('admin', z.strictObject({ role: z.enum(['nurse', 'admin']), pin: pinSchema })),
  /** Clears a sign-in place's lock and its count of wrong PINs. */
  adminUnlockSignIn: call<StaffStatus>()('admin', z.strictObject({ place: signInPlace })),

  getSheetDefaults: call<SheetDefaults>()('staff', none),
  buildDischargeSheet: call<DischargeSheet>()('staff', z.strictObject({ form: dischargeFormSchema })),
  /** Electron only: print or save the sheet from a hidden window; web mode uses the browser's print. */
  printDischargeSheet: call<PrintOutcome>()(
    'staff',
    z.strictObject({ form: dischargeFormSchema, mode: z.enum(['print', 'pdf']), cardOnly: z.boolean() }),
  ),
  listPrinters: call<{ name: string; isDefault: boolean }[]>()('admin', none),
  /** Anonymous usage counts: what was viewed or answered, never who. */
  /** counted is false when the kiosk already counted many events this minute. */
  recordUsage: call<{ counted: boolean }>()(
    'public',
    z.strictObject({ event: z.enum(['topic_view', 'walkthrough_completed', 'quiz_right', 'quiz_wrong', 'language_chosen']), id: z.union([contentId, localeCode]).optional() }),
  ),

  adminListTexts: call<AdminTextItem[]>()('admin', procedureInLocale),
  adminSaveText: call<AdminTextItem>()('admin', z.strictObject({ procedureId: contentId, locale: localeCode, key: textKey, text: z.string().min(1, 'the text is empty').max(20_000, 'at most 20,000 characters') })),
  adminSetReview: call<AdminTextItem>()(
    'admin',
    z.strictObject({ procedureId: contentId, locale: localeCode, key: textKey, status: z.enum(['draft', 'reviewed', 'approved']), reviewer: z.string().max(120, 'at most 120 characters') }),
  ),
  adminRevertText: call<AdminTextItem>()('admin', z.strictObject({ procedureId: contentId, locale: localeCode, key: textKey })),
  /** Every language in the content, also those switched off for patients. */
  adminListLocales: call<Locale[]>()('admin', none),
  adminTranslationMatrix: call<TranslationMatrix>()('admin', z.strictObject({ procedureId: contentId })),
  adminReplaceIllustration: call<{ replaced: true }>()(
    'admin',
    z.strictObject({ procedureId: contentId, illustrationId: contentId, mediaType: z.enum(['image/svg+xml', 'image/png', 'image/webp']), data: z.string().max(base64Length(MAX_PICTURE_BYTES), 'the image is larger than 2 MB') }),
    { maxBodyBytes: base64Length(MAX_PICTURE_BYTES) + 4096 },
  ),
  /** Attaches a recording (base64 of the file's bytes) to a text; the file is checked in core. */
  adminAttachNarration: call<AdminTextItem>()(
    'admin',
    z.strictObject({
      procedureId: contentId,
      locale: localeCode,
      key: textKey,
      data: z.string().min(1, 'the file is empty').max(NARRATION_MAX_BASE64, 'the recording is larger than 10 MB').regex(/^[A-Za-z0-9+/]+=*$/, 'base64 data'),
      recordedBy: z.string().max(120, 'at most 120 characters').optional(),
    }),
    { maxBodyBytes: NARRATION_MAX_BASE64 + 4096 },
  ),
  adminRemoveNarration: call<AdminTextItem>()('admin', z.strictObject({ procedureId: contentId, locale: localeCode, key: textKey })),
  adminExportPack: call<{ fileName: string; json: string }>()('admin', z.strictObject({ procedureId: contentId.optional(), locales: z.array(localeCode).max(50).optional() })),
  adminPreviewImport: call<ImportSummary>()('admin', z.strictObject({ fileName: z.string().max(255), json: z.string().max(200 * MB, 'the file is larger than 200 MB') }), {
    // The pack file travels as a JSON string, where quotes and backslashes are escaped.
    maxBodyBytes: 240 * MB,
  }),
  adminApplyImport: call<{ versionId: number }>()('admin', z.strictObject({ token: z.string().min(10).max(64) })),
  adminListVersions: call<{ id: number; createdAt: string; kind: string; label: string; sizeBytes: number }[]>()('admin', none),
  adminRollback: call<{ versionId: number }>()('admin', z.strictObject({ versionId: z.number().int().positive() })),
  adminGetSettings: call<Settings>()('admin', none),
  adminSaveSettings: call<Settings>()('admin', z.strictObject({ settings: settingsSchema }), { maxBodyBytes: 1 * MB }),
  adminAuditLog: call<{ entries: { id: number; at: string; role: string; action: string; target: string; beforeHash: string | null; afterHash: string | null }[]; csv: string }>()('admin', none),
  adminUsage: call<{ rows: { day: string; metric: string; dimension: string; count: number }[]; csv: string }>()('admin', none),
  /** Electron, where browser downloads are refused: saves an export into the data folder's exports/. */
  adminSaveExport: call<{ path: string }>()(
    'admin',
    z.strictObject({ fileName: z.string().regex(/^[\w.-]{1,120}\.(kpack|json|csv)$/, 'a file name ending in .kpack, .json or .csv'), content: z.string().max(210_000_000) }),
    { maxBodyBytes: 240 * MB },
  ),
  /** Writes the take-home website into a new or empty folder on this computer (a path the admin types). */
  adminExportSite: call<{ path: string; files: number; bytes: number; languages: string[] }>()(
    'admin',
    z.strictObject({
      outDir: z.string().trim().max(500, 'at most 500 characters').regex(/^(\/|[A-Za-z]:[\\/]|\\\\)./, 'the full path of a folder, such as /media/usb/take-home or D:\\take-home'),
      /** Default: the address saved in Settings. */
      baseUrl: siteBaseUrlSetting.optional(),
    }),
  ),
  adminBackup: call<{ name: string; bytes: number }>()('admin', none),
  adminListBackups: call<{ name: string; bytes: number; modified: string }[]>()('admin', none),
  adminRestore: call<{ restored: true; safetyCopy: string }>()('admin', z.strictObject({ name: z.string().regex(/^[\w.-]+\.db$/, 'a backup file name from the list') })),

  recordSheetPrinted: call<{ counted: true }>()(
    'staff',
    /** What the browser printed (printedPages in shared/printing.ts): the sheet unless `sheet` is false, and the wallet card when `card` is true. */
    z.strictObject({ locale: localeCode, secondLocale: localeCode.nullable(), sheet: z.boolean().default(true), card: z.boolean() }),
  ),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.infer<Contract[N]['input']>;
export type CallOutput<N extends CallName> = NonNullable<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Whether a session role satisfies a call's required role. */
export function roleAllows(required: RequiredRole, session: SessionRole): boolean {
  if (required === 'public') return true;
  if (required === 'staff') return session === 'nurse' || session === 'admin';
  return session === 'admin';
}

/** The shape exposed on `window.kiosk` by the preload: one method per call. */
export type KioskBridge = {
  [N in CallName]: (input: CallInput<N>) => Promise<CallResult<CallOutput<N>>>;
};
