/** What the renderer receives: content already localized, with review and fallback marks. */
export type Direction = 'ltr' | 'rtl';
export type ReviewStatus = 'draft' | 'reviewed' | 'approved';

export interface Locale {
  code: string;
  nativeName: string;
  englishName: string;
  direction: Direction;
}

/** Review state of a block of localized text shown to a patient. */
export interface TextProvenance {
  /** The weakest review status among the texts in the block. */
  status: ReviewStatus;
  /** True when at least one text was missing in the requested language and English was shown. */
  fallback: boolean;
}

export interface Illustration {
  id: string;
  mediaType: string;
  /** data: URL, so every transport serves it the same way and CSP stays `img-src 'self' data:`. */
  src: string;
  alt: string;
}

export interface ProcedureSummary {
  id: string;
  name: string;
  tagline: string;
}

export interface TopicTile {
  id: string;
  icon: string;
  title: string;
  summary: string;
}

export interface GlossaryEntry {
  id: string;
  term: string;
  definition: string;
}

export interface ProcedureHome {
  procedure: ProcedureSummary;
  locale: Locale;
  hero: Illustration | null;
  topics: TopicTile[];
  glossary: GlossaryEntry[];
  provenance: TextProvenance;
}

export interface TopicSection {
  id: string;
  heading: string;
  /** Markdown: paragraphs, lists, GFM tables, [words](glossary:id) links. */
  body: string;
}

export interface TopicPage {
  procedureId: string;
  topic: TopicTile;
  sections: TopicSection[];
  provenance: TextProvenance;
}

export interface WalkthroughStep {
  id: string;
  title: string;
  body: string;
  feel: string;
  illustration: Illustration | null;
}

export interface Walkthrough {
  procedureId: string;
  steps: WalkthroughStep[];
  provenance: TextProvenance;
}

export interface QuizOption {
  id: string;
  text: string;
}

export interface QuizQuestion {
  id: string;
  question: string;
  options: QuizOption[];
  answer: string;
  explanation: string;
  /** Where the answer is taught: a walkthrough step or a topic. */
  teaches: { kind: 'step' | 'topic'; id: string };
}

export interface Quiz {
  procedureId: string;
  questions: QuizQuestion[];
  provenance: TextProvenance;
}

export interface AppInfo {
  version: string;
  contentHash: string;
  clinicName: string;
  idleTimeoutSeconds: number;
  defaultLocale: string;
  enabledLocales: string[];
  /** Where the take-home site is hosted (Settings); empty for none. Only this base, never patient data, goes into a QR code. */
  siteBaseUrl: string;
  /** Problems found at start (e.g. a corrupt local database moved aside); shown to staff only. */
  startupWarnings: string[];
}

/** A discharge-sheet template in one language, before the nurse's values are filled in. */
export interface DischargeTemplate {
  locale: Locale;
  title: string;
  intro: string;
  sections: { id: string; heading: string; items: { id: string; when: string | null; text: string }[] }[];
  clinicFlags: { heading: string; items: string[] };
  emergencyFlags: { heading: string; items: string[] };
  card: { title: string; footer: string };
  provenance: TextProvenance;
}

/** One language of a filled sheet: the template with the items that apply, values filled in. */
export type SheetBlock = Omit<DischargeTemplate, 'sections'> & {
  sections: { id: string; heading: string; items: string[] }[];
};

/** A filled discharge sheet: built in memory for preview and print, never stored. */
export interface DischargeSheet {
  primary: SheetBlock;
  second: SheetBlock | null;
  clinicName: string;
  clinicPhone: string;
  /** The print date, formatted for the primary language. */
  printedOn: string;
  patientName: string;
  painNotes: string;
  nurseNotes: string;
  paper: 'A4' | 'Letter';
  largePrint: boolean;
  includeCard: boolean;
  /** The procedure's page on the take-home site, in each language of the sheet; null when no site address is set. */
  takeHome: { url: string; secondUrl: string | null } | null;
}
