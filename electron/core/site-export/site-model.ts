/**
 * What the take-home site shows: the clinic's current content (bundled plus overlay, with
 * "show approved texts only" applied by the content service, as on the kiosk) for every
 * language patients can choose, and the clinic's name and phone numbers.
 */
import type { Locale, ProcedureHome, Quiz, TopicPage, Walkthrough } from '../../shared/content-types';
import type { Settings } from '../../shared/settings-schema';
import type { ContentService } from '../content-service';
import { enabledLocales } from '../enabled-locales';

/** Recorded narration for a text, when the content has one (a hook: none yet in this content). */
export interface SiteNarration {
  mediaType: string;
  data: Buffer;
}
export type NarrationSource = (procedureId: string, locale: string, textKey: string) => SiteNarration | null;
export const noNarration: NarrationSource = () => null;

export interface SiteProcedure {
  id: string;
  home: ProcedureHome;
  topics: TopicPage[];
  walkthrough: Walkthrough;
  quiz: Quiz;
}

export interface SiteLanguage {
  locale: Locale;
  procedures: SiteProcedure[];
}

export interface SiteClinic {
  name: string;
  phone: string;
  afterHoursPhone: string;
  emergencyNumber: string;
}

export interface SiteModel {
  clinic: SiteClinic;
  defaultLocale: string;
  languages: SiteLanguage[];
}

export function readSiteModel(content: ContentService, settings: Settings): SiteModel {
  const languages = enabledLocales(content.listLocales(), settings.enabledLocales).map((locale) => ({
    locale,
    procedures: content.listProcedures(locale.code).map((p) => {
      const home = content.home(p.id, locale.code);
      return {
        id: p.id,
        home,
        topics: home.topics.map((tile) => content.topic(p.id, tile.id, locale.code)),
        walkthrough: content.walkthrough(p.id, locale.code),
        quiz: content.quiz(p.id, locale.code),
      };
    }),
  }));
  const defaultLocale = languages.some((l) => l.locale.code === settings.defaultLocale) ? settings.defaultLocale : (languages[0]?.locale.code ?? 'en');
  return {
    clinic: { name: settings.clinicName, phone: settings.clinicPhone, afterHoursPhone: settings.afterHoursPhone, emergencyNumber: settings.emergencyNumber },
    defaultLocale,
    languages,
  };
}
