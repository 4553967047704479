/** What the renderer receives: content already localized, with review and fallback marks. */
import type { ClinicVariableName } from './sheet-variables';
import type { SpeechInfo } from './speech';
import type { NarrationRef } from './narration';
import type { FontPackage } from './fonts';

/**
 * Recordings to play for an item's texts, by field name (e.g. `{ body: { url, stale: false } }`).
 * Present only when at least one field has a current recording; screens put its url on the
 * element showing that text as `data-narration-src`.
 */
export type Narrated<F extends string> = { narration?: Partial<Record<F, NarrationRef>> };
export type Direction = 'ltr' | 'rtl';
export type ReviewStatus = 'draft' | 'reviewed' | 'approved';

export interface Locale {
  code: string;
  nativeName: string;
  englishName: string;
  direction: Direction;
  /** The font package that draws it (fonts.ts). */
  font: FontPackage;
  /** The locale Intl formats its dates and numbers with, when not its own code. */
  intlLocale?: string;
}

/** Review state of a block of localized text shown to a patient. */
export interface TextProvenance {
  /** The weakest review status among the texts in the block. */
  status: ReviewStatus;
  /** True when at least one text was missing in the requested language and English was shown. */
  fallback: boolean;
}

export interface Illustration extends Narrated<'alt'> {
  id: string;
  mediaType: string;
  /** data: URL, so every transport serves it the same way and CSP stays `img-src 'self' data:`. */
  src: string;
  alt: string;
}

export interface ProcedureSummary extends Narrated<'name' | 'tagline'> {
  id: string;
  name: string;
  tagline: string;
}

export interface TopicTile extends Narrated<'title' | 'summary'> {
  id: string;
  icon: string;
  title: string;
  summary: string;
}

export interface GlossaryEntry extends Narrated<'term' | 'definition'> {
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

export interface TopicSection extends Narrated<'heading' | 'body'> {
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

export interface WalkthroughStep extends Narrated<'title' | 'body' | 'feel'> {
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

export interface QuizOption extends Narrated<'text'> {
  id: string;
  text: string;
}

export interface QuizQuestion extends Narrated<'question' | 'explanation'> {
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
  /** The clinic's values for the variables patient texts may use (they are shown on patient screens). */
  clinicVariables: Record<ClinicVariableName, string>;
  /**
   * What this platform can do. appPrinting: the desktop app prints from its own window (and
   * saves PDFs); web mode uses the browser's print. saveFile: the desktop app, which refuses
   * downloads, saves exports into its data folder itself; web mode downloads them.
   */
  capabilities: { appPrinting: boolean; saveFile: boolean };
  /** Where the take-home site is hosted (Settings); empty for none. Only this base, never patient data, goes into a QR code. */
  siteBaseUrl: string;
  /** Problems found at start (e.g. a corrupt local database moved aside); shown to staff only. */
  startupWarnings: string[];
  /** Which languages can be read aloud, and by which voice. */
  speech: SpeechInfo;
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
