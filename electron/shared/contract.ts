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
import type { StaffStatus } from './staff';
import type { SheetDefaults } from './sheet-defaults';
import type { PrintJob, PrintOutcome } from './printing';
import type { AdminTextItem, ImportSummary, TranslationMatrix } from './admin-types';
import { settingsSchema, type Settings } from './settings-schema';
import { siteBaseUrlSetting } from './site-url';

/** Who may make a call. `staff` is a nurse or an admin. */
export type RequiredRole = 'public' | 'staff' | 'admin';
/** Who is signed in on a window or browser session. */
export type SessionRole = 'public' | 'nurse' | 'admin';

import { contentId, localeCode } from './ids';
import { dischargeFormSchema } from './discharge-form';

export { contentId, localeCode };

const textKey = z.string().min(1).max(200).regex(/^[a-z0-9.-]+$/, 'a text key such as "topic.after.title"');
const procedureInLocale = z.strictObject({ procedureId: contentId, locale: localeCode });

interface CallSpec<I extends z.ZodType, O> {
  role: RequiredRole;
  input: I;
  /** Phantom field carrying the output type; never set at run time. */
  output?: O;
}

function call<O>() {
  return <I extends z.ZodType>(role: RequiredRole, input: I): CallSpec<I, O> => ({ role, input });
}

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

  getStaffStatus: call<StaffStatus>()('public', none),
  staffSignIn: call<StaffStatus>()('public', z.strictObject({ pin: z.string().max(8, 'a PIN is 4 to 8 digits') })),
  staffSignOut: call<StaffStatus>()('public', none),
  staffKeepAlive: call<StaffStatus>()('staff', none),
  setStaffPin: call<StaffStatus>()('admin', z.strictObject({ role: z.enum(['nurse', 'admin']), pin: z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits') })),

  getSheetDefaults: call<SheetDefaults>()('staff', none),
  buildDischargeSheet: call<DischargeSheet>()('staff', z.strictObject({ form: dischargeFormSchema })),
  /** Electron only: print or save the sheet from a hidden window; web mode uses the browser's print. */
  printDischargeSheet: call<PrintOutcome>()(
    'staff',
    z.strictObject({ form: dischargeFormSchema, mode: z.enum(['print', 'pdf']), cardOnly: z.boolean() }),
  ),
  /** Called by the hidden print window: the sheet it must render. */
  getPrintJob: call<PrintJob>()('staff', none),
  /** Called by the hidden print window once the sheet and its fonts are laid out. */
  printJobReady: call<{ ok: true }>()('staff', none),
  listPrinters: call<{ name: string; isDefault: boolean }[]>()('admin', none),
  /** Anonymous usage counts: what was viewed or answered, never who. */
  recordUsage: call<{ counted: true }>()(
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
  adminTranslationMatrix: call<TranslationMatrix>()('admin', z.strictObject({ procedureId: contentId })),
  adminReplaceIllustration: call<{ replaced: true }>()(
    'admin',
    z.strictObject({ procedureId: contentId, illustrationId: contentId, mediaType: z.enum(['image/svg+xml', 'image/png', 'image/webp']), data: z.string().max(14_000_000, 'the image is larger than 10 MB') }),
  ),
  adminExportPack: call<{ fileName: string; json: string }>()('admin', z.strictObject({ procedureId: contentId.optional(), locales: z.array(localeCode).max(50).optional() })),
  adminPreviewImport: call<ImportSummary>()('admin', z.strictObject({ fileName: z.string().max(255), json: z.string().max(52_428_800, 'the file is larger than 50 MB') })),
  adminApplyImport: call<{ versionId: number }>()('admin', z.strictObject({ token: z.string().min(10).max(64) })),
  adminListVersions: call<{ id: number; createdAt: string; kind: string; label: string; sizeBytes: number }[]>()('admin', none),
  adminRollback: call<{ versionId: number }>()('admin', z.strictObject({ versionId: z.number().int().positive() })),
  adminGetSettings: call<Settings>()('admin', none),
  adminSaveSettings: call<Settings>()('admin', z.strictObject({ settings: settingsSchema })),
  adminAuditLog: call<{ entries: { id: number; at: string; role: string; action: string; target: string; beforeHash: string | null; afterHash: string | null }[]; csv: string }>()('admin', none),
  adminUsage: call<{ rows: { day: string; metric: string; dimension: string; count: number }[]; csv: string }>()('admin', none),
  /** Electron, where browser downloads are refused: saves an export into the data folder's exports/. */
  adminSaveExport: call<{ path: string }>()(
    'admin',
    z.strictObject({ fileName: z.string().regex(/^[\w.-]{1,120}\.(json|csv)$/, 'a file name ending in .json or .csv'), content: z.string().max(60_000_000) }),
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
    z.strictObject({ locale: localeCode, secondLocale: localeCode.nullable(), card: z.boolean() }),
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
