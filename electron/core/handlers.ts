/** The handler table: one function per contract call, written once for every transport. */
import type { CallInput, CallName, CallOutput, SessionRole } from '../shared/contract';
import type { KioskCore } from './kiosk-core';

export interface CallContext {
  session: { role: SessionRole };
}

export type Handler<N extends CallName> = (input: CallInput<N>, ctx: CallContext) => CallOutput<N> | Promise<CallOutput<N>>;
export type HandlerTable = { [N in CallName]: Handler<N> };

export function createHandlers(core: KioskCore): HandlerTable {
  return {
    getAppInfo: (_input, ctx) => {
      const s = core.settings.get();
      const staff = ctx.session.role !== 'public';
      return {
        version: core.appVersion,
        contentHash: core.contentHash,
        clinicName: s.clinicName,
        idleTimeoutSeconds: s.idleTimeoutSeconds,
        defaultLocale: s.defaultLocale,
        enabledLocales: s.enabledLocales.length ? s.enabledLocales : core.content.listLocales().map((l) => l.code),
        startupWarnings: staff ? core.local.warnings : [],
      };
    },
    listLocales: () => {
      const enabled = core.settings.get().enabledLocales;
      const all = core.content.listLocales();
      return enabled.length ? all.filter((l) => enabled.includes(l.code)) : all;
    },
    listProcedures: ({ locale }) => core.content.listProcedures(locale),
    getProcedureHome: ({ procedureId, locale }) => core.content.home(procedureId, locale),
    getTopic: ({ procedureId, topicId, locale }) => core.content.topic(procedureId, topicId, locale),
    getWalkthrough: ({ procedureId, locale }) => core.content.walkthrough(procedureId, locale),
    getQuiz: ({ procedureId, locale }) => core.content.quiz(procedureId, locale),
  };
}
