/** The handler table: one function per contract call, written once for every transport. */
import type { CallInput, CallName, CallOutput, SessionRole } from '../shared/contract';
import type { KioskCore } from './kiosk-core';
import type { SignInPlace, StaffStatus } from '../shared/staff';
import { buildDischargeSheet } from './discharge-sheet';
import { KioskError } from '../shared/errors';
import { printedPages } from '../shared/printing';
import type { PlatformServices } from './platform';
import { toCsv } from './audit-log';
import type { SpeechInfo } from '../shared/speech';
import { UsageRateLimit } from './usage-counter';
import { sheetDefaultsOf } from '../shared/sheet-defaults';

/** A window's or browser's session; the dispatcher ends idle staff sessions. */
export interface Session {
  role: SessionRole;
  /** When staff last made an accepted staff call (ms since epoch); the idle timeout counts from here. */
  lastSeen?: number;
  /** Where this session signs in (each place has its own lock); a window without one counts as the kiosk's screen. */
  place?: SignInPlace;
}

export interface CallContext {
  session: Session;
}

export type Handler<N extends CallName> = (input: CallInput<N>, ctx: CallContext) => CallOutput<N> | Promise<CallOutput<N>>;
export type HandlerTable = { [N in CallName]: Handler<N> };

export function createHandlers(core: KioskCore, platform: PlatformServices = {}, now: () => Date = () => new Date()): HandlerTable {
  const usageLimit = new UsageRateLimit(() => now().getTime());
  const sheetFor = (form: Parameters<HandlerTable['buildDischargeSheet']>[0]['form']) =>
    buildDischargeSheet(
      {
        primary: core.content.dischargeTemplate(form.procedureId, form.locale),
        second: form.secondLocale ? core.content.dischargeTemplate(form.procedureId, form.secondLocale) : null,
      },
      form,
      core.settings.get().clinicName,
      now(),
      core.settings.get().siteBaseUrl,
    );
  const status = (session: Session): StaffStatus => {
    const locked = core.staff.lockedUntil(session.place ?? 'kiosk');
    const admin = session.role === 'admin';
    return {
      role: session.role,
      pinsSet: core.staff.pinsSet(),
      lockedUntil: locked ? new Date(locked).toISOString() : null,
      shortPins: admin ? core.staff.shortPins() : [],
      locks: admin ? core.staff.locks() : [],
    };
  };
  const speechInfo = async (): Promise<SpeechInfo> => {
    const builtIn = await core.speech.status(core.content.listLocales().map((l) => l.code));
    return { builtInLocales: builtIn.locales, builtInVersion: builtIn.version, builtInProblem: builtIn.problem, platformVoiceLocales: core.settings.get().platformVoiceLocales };
  };
  return {
    getAppInfo: async (_input, ctx) => {
      const s = core.settings.get();
      const staff = ctx.session.role !== 'public';
      const speech = await speechInfo();
      const speechWarnings = staff && speech.builtInProblem ? [`Read aloud: the built-in voice (eSpeak NG) cannot speak on this kiosk: ${speech.builtInProblem}. Patients get no Listen button in languages without recorded narration or an allowed platform voice.`] : [];
      return {
        version: core.appVersion,
        contentHash: core.contentHash,
        clinicName: s.clinicName,
        idleTimeoutSeconds: s.idleTimeoutSeconds,
        defaultLocale: s.defaultLocale,
        siteBaseUrl: s.siteBaseUrl,
        enabledLocales: core.content.listLocales().map((l) => l.code),
        capabilities: { appPrinting: Boolean(platform.printSheet), saveFile: platform.savesFiles === true },
        clinicVariables: { clinicName: s.clinicName, clinicPhone: s.clinicPhone, afterHoursPhone: s.afterHoursPhone, emergencyNumber: s.emergencyNumber },
        startupWarnings: staff ? [...core.local.warnings, ...speechWarnings] : [],
        speech,
      };
    },
    listLocales: () => core.content.listLocales(),
    listProcedures: ({ locale }) => core.content.listProcedures(locale),
    getProcedureHome: ({ procedureId, locale }) => core.content.home(procedureId, locale),
    getTopic: ({ procedureId, topicId, locale }) => core.content.topic(procedureId, topicId, locale),
    getWalkthrough: ({ procedureId, locale }) => core.content.walkthrough(procedureId, locale),
    getQuiz: ({ procedureId, locale }) => core.content.quiz(procedureId, locale),
    prepareSpeech: async (request) => ({ clips: await core.speech.prepare(request) }),

    getStaffStatus: (_input, ctx) => status(ctx.session),
    staffSignIn: ({ pin }, ctx) => {
      ctx.session.role = core.staff.signIn(pin, ctx.session.place ?? 'kiosk');
      return status(ctx.session);
    },
    staffSignOut: (_input, ctx) => {
      ctx.session.role = 'public';
      return status(ctx.session);
    },
    staffKeepAlive: (_input, ctx) => status(ctx.session),
    setStaffPin: ({ role, pin }, ctx) => {
      core.staff.setPin(role, pin);
      return status(ctx.session);
    },
    adminUnlockSignIn: ({ place }, ctx) => {
      core.staff.unlock(ctx.session.role, place);
      return status(ctx.session);
    },

    getSheetDefaults: () => sheetDefaultsOf(core.settings.get()),
    buildDischargeSheet: ({ form }) => sheetFor(form),
    printDischargeSheet: async ({ form, mode, cardOnly }) => {
      if (!platform.printSheet) throw new KioskError('NOT_FOUND', 'Printing from the app is only available in the desktop app; use the browser\'s Print instead.');
      const sheet = sheetFor(form);
      const outcome = await platform.printSheet({ sheet, cardOnly, mode, printerName: core.settings.get().printerName });
      if (outcome.outcome !== 'cancelled') core.usage.recordPrint(printedPages(sheet, cardOnly));
      return outcome;
    },
    listPrinters: async () => (platform.listPrinters ? platform.listPrinters() : []),
    recordUsage: ({ event, id }, ctx) => {
      // Only ids that exist in the content (so counts cannot be invented and rows stay bounded), at a bounded rate.
      const kind = { topic_view: 'topic', quiz_right: 'question', quiz_wrong: 'question', language_chosen: 'locale', walkthrough_completed: null }[event] as 'topic' | 'question' | 'locale' | null;
      if (kind === null ? id !== undefined : id === undefined || !core.content.usageIdExists(kind, id))
        throw new KioskError('NOT_FOUND', kind === null ? `"${event}" is counted without an id.` : `"${id ?? ''}" is not a ${kind} in the content, so it was not counted.`, 'id');
      if (!usageLimit.allow(ctx.session)) return { counted: false };
      core.usage.increment(event, id ?? '');
      return { counted: true };
    },

    adminListTexts: ({ procedureId, locale }) => core.admin.items(procedureId, locale),
    adminSaveText: ({ procedureId, locale, key, text }, ctx) => core.admin.saveText(ctx.session.role, procedureId, locale, key, text),
    adminSetReview: ({ procedureId, locale, key, status, reviewer }, ctx) => core.admin.setReview(ctx.session.role, procedureId, locale, key, status, reviewer),
    adminRevertText: ({ procedureId, locale, key }, ctx) => core.admin.revert(ctx.session.role, procedureId, locale, key),
    adminListLocales: () => core.content.allLocales(),
    adminTranslationMatrix: ({ procedureId }) => core.admin.matrix(procedureId),
    adminReplaceIllustration: ({ procedureId, illustrationId, mediaType, data }, ctx) => {
      core.admin.replaceIllustration(ctx.session.role, procedureId, illustrationId, mediaType, data);
      return { replaced: true };
    },
    adminAttachNarration: ({ procedureId, locale, key, data, recordedBy }, ctx) => core.admin.attachNarration(ctx.session.role, procedureId, locale, key, data, recordedBy ?? ''),
    adminRemoveNarration: ({ procedureId, locale, key }, ctx) => core.admin.removeNarration(ctx.session.role, procedureId, locale, key),
    adminExportPack: ({ procedureId, locales }, ctx) => {
      const { fileName, json } = core.packs.exportPackFile(ctx.session.role, { procedureId, locales });
      return { fileName, json };
    },
    adminPreviewImport: ({ fileName, json }) => core.packs.preview(json, fileName),
    adminApplyImport: ({ token }, ctx) => core.packs.apply(ctx.session.role, token),
    adminListVersions: () => core.versions?.list() ?? [],
    adminRollback: ({ versionId }, ctx) => core.packs.rollback(ctx.session.role, versionId),
    adminGetSettings: () => core.settings.get(),
    adminSaveSettings: ({ settings }, ctx) => core.settings.saveBy(ctx.session.role, settings, now()),
    adminAuditLog: () => {
      const entries = core.audit.list();
      return { entries, csv: toCsv(['id', 'time', 'role', 'action', 'target', 'before', 'after'], entries.map((e) => [e.id, e.at, e.role, e.action, e.target, e.beforeHash, e.afterHash])) };
    },
    adminUsage: () => {
      const rows = core.usage.rows();
      return { rows, csv: toCsv(['day', 'metric', 'dimension', 'count'], rows.map((r) => [r.day, r.metric, r.dimension, r.count])) };
    },
    adminSaveExport: ({ fileName, content }, ctx) => core.exports.save(ctx.session.role, fileName, content),
    adminExportSite: ({ outDir, baseUrl }, ctx) => core.site.export(ctx.session.role, outDir, baseUrl),
    adminBackup: async (_input, ctx) => {
      const { name, bytes } = await core.backup.backup(ctx.session.role);
      return { name, bytes };
    },
    adminListBackups: () => core.backup.list(),
    adminRestore: async ({ name }, ctx) => ({ restored: true, safetyCopy: (await core.backup.restore(ctx.session.role, core.backup.pathOf(name))).safetyCopyName }),

    recordSheetPrinted: (printed) => {
      core.usage.recordPrint(printed);
      return { counted: true };
    },
  };
}
