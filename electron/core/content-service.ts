/** Content queries behind the patient screens: localized, with English fallback marked. */
import { KioskError } from '../shared/errors';
import type {
  DischargeTemplate,
  Illustration,
  Locale,
  ProcedureHome,
  ProcedureSummary,
  Quiz,
  ReviewStatus,
  TextProvenance,
  TopicPage,
  TopicTile,
  Walkthrough,
} from '../shared/content-types';
import type { ContentLayers, NarrationRow } from './content-layers';
import type { NarrationRef } from '../shared/narration';
import { narrationRef } from './narration';
import { fillTemplate, type ClinicVariableName } from '../shared/sheet-variables';
import { textKey } from '../shared/text-keys';
import { defaultSettings } from '../shared/settings-schema';
import { patientLocales, type LocaleChoice } from '../shared/locale-order';
import type { Db } from '../../db/connection';
import { sha256 } from '../../db/canonical-json';
import { mediaUrl } from '../shared/media';
import type { MediaBytes } from './media';

const extensions: Record<string, string> = { 'image/svg+xml': 'svg', 'image/png': 'png', 'image/webp': 'webp' };
/** A picture's media id: the first 32 hex digits of its sha256, and its file extension. */
export const illustrationMediaId = (mediaType: string, data: Buffer): string => `${sha256(data).slice(0, 32)}.${extensions[mediaType] ?? 'bin'}`;

export const SOURCE_LOCALE = 'en';

export interface ContentOptions extends LocaleChoice {
  /** When set, texts not yet approved are not shown to patients. */
  approvedOnly: boolean;
  /** The clinic's values for the variables that topic, step, quiz and glossary texts may use. */
  clinic: Record<ClinicVariableName, string>;
}

const statusRank: Record<ReviewStatus, number> = { draft: 0, reviewed: 1, approved: 2 };

/** Looks up texts in one language, falling back to English, and remembers what it did. */
class Localizer {
  private status: ReviewStatus = 'approved';
  private fallback = false;

  constructor(
    private readonly wanted: Map<string, { text: string; status: ReviewStatus }>,
    private readonly source: Map<string, { text: string; status: ReviewStatus }>,
    /** When set, texts not yet approved are not shown to patients. */
    private readonly approvedOnly = false,
    /** Fills the clinic's variables (emergency number, phones) into patient texts; sheet templates stay unfilled. */
    private readonly fill: (text: string) => string = (text) => text,
    /** Recordings attached to texts in the wanted language and in English. */
    private readonly narrations: { wanted: Map<string, NarrationRow>; source: Map<string, NarrationRow> } = { wanted: new Map(), source: new Map() },
  ) {}

  /** The recording to play for the text `t(key)` shows, when it was recorded for exactly that text. */
  n(key: string): NarrationRef | null {
    const own = this.usable(this.wanted.get(key));
    const row = own ?? this.usable(this.source.get(key));
    const recording = (own ? this.narrations.wanted : this.narrations.source).get(key);
    if (!row || !recording) return null;
    const ref = narrationRef(recording, row.text);
    return ref.stale ? null : ref;
  }

  /** Recordings for the fields of one item, by field name; undefined when none is narrated. */
  narrated<F extends string>(fields: Record<F, string>): Partial<Record<F, NarrationRef>> | undefined {
    const out: Partial<Record<F, NarrationRef>> = {};
    let any = false;
    for (const [field, key] of Object.entries(fields) as [F, string][]) {
      const ref = this.n(key);
      if (ref) {
        out[field] = ref;
        any = true;
      }
    }
    return any ? out : undefined;
  }

  private usable(row: { text: string; status: ReviewStatus } | undefined) {
    return row && (!this.approvedOnly || row.status === 'approved') ? row : undefined;
  }

  t(key: string): string {
    const own = this.usable(this.wanted.get(key));
    const row = own ?? this.usable(this.source.get(key));
    if (!row) return '';
    if (!own) this.fallback = true;
    if (statusRank[row.status] < statusRank[this.status]) this.status = row.status;
    return this.fill(row.text);
  }

  provenance(): TextProvenance {
    return { status: this.status, fallback: this.fallback };
  }
}

/** Spreads `{ narration }` into an item only when one of its texts is narrated. */
function withNarration<F extends string>(narration: Partial<Record<F, NarrationRef>> | undefined): { narration?: Partial<Record<F, NarrationRef>> } {
  return narration ? { narration } : {};
}

const noClinicValues: ContentOptions['clinic'] = { clinicName: '', clinicPhone: '', afterHoursPhone: '', emergencyNumber: defaultSettings.emergencyNumber };

export class ContentService {
  constructor(
    private readonly layers: ContentLayers,
    private readonly options: () => ContentOptions = () => ({ approvedOnly: false, enabledLocales: [], localeOrder: [], clinic: noClinicValues }),
  ) {}

  /** Every language in the content, switched on or not (admin screens). */
  allLocales(): Locale[] {
    return this.layers.cached('locales', () => this.readLocales());
  }

  /**
   * The languages patients get, in the clinic's order: the one rule behind the language
   * screen and every content call (a language switched off is neither listed nor served).
   */
  listLocales(): Locale[] {
    return patientLocales(this.allLocales(), this.options());
  }

  private readLocales(): Locale[] {
    return this.layers
      .locales()
      .map((r) => ({ code: r.code, nativeName: r.native_name, englishName: r.english_name, direction: r.direction, font: r.font, ...(r.intl_locale ? { intlLocale: r.intl_locale } : {}) }));
  }

  /** Part of every cache key of patient content: what the settings change in it. */
  private variant(): string {
    const o = this.options();
    return JSON.stringify([o.approvedOnly, o.clinic]);
  }

  private locale(code: string): Locale {
    const found = this.listLocales().find((l) => l.code === code);
    if (!found) throw new KioskError('NOT_FOUND', `The language "${code}" is not available on this kiosk.`, 'locale');
    return found;
  }

  private structure(procedureId: string): Db {
    const db = this.layers.structureDb(procedureId);
    if (!db) throw new KioskError('NOT_FOUND', `The procedure "${procedureId}" is not in the content.`, 'procedureId');
    return db;
  }

  /** Texts for patient screens: the clinic's variables filled in, isolated for the language's direction. */
  private localizer(procedureId: string, locale: string): Localizer {
    const { direction } = this.locale(locale);
    const { approvedOnly, clinic } = this.options();
    return this.templateLocalizer(procedureId, locale, approvedOnly, (text) => fillTemplate(text, clinic, direction));
  }

  /** Texts as written, variables left in place (discharge templates, filled per patient later). */
  private templateLocalizer(procedureId: string, locale: string, approvedOnly = this.options().approvedOnly, fill?: (text: string) => string): Localizer {
    this.locale(locale);
    const source = this.layers.texts(procedureId, SOURCE_LOCALE);
    const sourceNarrations = this.layers.narrations(procedureId, SOURCE_LOCALE);
    const narrations = { wanted: locale === SOURCE_LOCALE ? sourceNarrations : this.layers.narrations(procedureId, locale), source: sourceNarrations };
    return new Localizer(locale === SOURCE_LOCALE ? source : this.layers.texts(procedureId, locale), source, approvedOnly, fill, narrations);
  }

  private illustration(db: Db, procedureId: string, id: string | null, l: Localizer): Illustration | null {
    if (!id) return null;
    const row = this.layers.illustrationIn(db, procedureId, id);
    if (!row) return null;
    return {
      id,
      mediaType: row.media_type,
      // By URL (media/illustration/<hash>), so content answers stay small; the bytes come from illustrationMedia.
      src: mediaUrl('illustration', illustrationMediaId(row.media_type, row.data)),
      alt: l.t(textKey.illustrationAlt(id)),
      ...withNarration(l.narrated({ alt: textKey.illustrationAlt(id) })),
    };
  }

  /** Whether an id a patient screen reports usage for exists in the content (topics, quiz questions, languages). */
  usageIdExists(kind: 'topic' | 'question' | 'locale', id: string): boolean {
    const known = this.layers.cached('usage-ids', () => ({
      topic: new Set(this.layers.topicIds()),
      question: new Set(this.layers.quizQuestionIds()),
      locale: new Set(this.listLocales().map((l) => l.code)),
    }));
    return known[kind].has(id);
  }

  /** Every picture in the content (bundled and replaced), by media id; kept until the content changes. */
  illustrationMedia(mediaId: string): MediaBytes | null {
    const all = this.layers.cached('illustration-media', () => {
      const byId = new Map<string, MediaBytes>();
      for (const r of this.layers.allPictures()) byId.set(illustrationMediaId(r.media_type, r.data), { mime: r.media_type, bytes: r.data });
      return byId;
    });
    return all.get(mediaId) ?? null;
  }

  private tiles(db: Db, procedureId: string, l: Localizer): TopicTile[] {
    const rows = db
      .prepare('SELECT id, icon FROM topics WHERE procedure_id = ? ORDER BY sort_order')
      .all(procedureId) as { id: string; icon: string }[];
    // A topic with no title to show (approved-only mode, nothing approved) is left out.
    return rows
      .map((r) => ({
        id: r.id,
        icon: r.icon,
        title: l.t(textKey.topic(r.id, 'title')),
        summary: l.t(textKey.topic(r.id, 'summary')),
        ...withNarration(l.narrated({ title: textKey.topic(r.id, 'title'), summary: textKey.topic(r.id, 'summary') })),
      }))
      .filter((t) => t.title !== '');
  }

  listProcedures(locale: string): ProcedureSummary[] {
    this.locale(locale); // before the cache: a language switched off since is not served from it
    return this.layers.cached(`procedures\u0000${locale}\u0000${this.variant()}`, () => this.readProcedures(locale));
  }

  private readProcedures(locale: string): ProcedureSummary[] {
    return this.layers
      .procedures()
      .map((r) => {
        const l = this.localizer(r.id, locale);
        return { id: r.id, name: l.t(textKey.procedure('name')), tagline: l.t(textKey.procedure('tagline')) };
      });
  }

  home(procedureId: string, locale: string): ProcedureHome {
    this.locale(locale); // before the cache: a language switched off since is not served from it
    return this.layers.cached(`home\u0000${procedureId}\u0000${locale}\u0000${this.variant()}`, () => this.readHome(procedureId, locale));
  }

  private readHome(procedureId: string, locale: string): ProcedureHome {
    const db = this.structure(procedureId);
    const l = this.localizer(procedureId, locale);
    const proc = db.prepare('SELECT hero_illustration FROM procedures WHERE id = ?').get(procedureId) as { hero_illustration: string | null };
    const glossary = (db.prepare('SELECT id FROM glossary_terms WHERE procedure_id = ? ORDER BY sort_order').all(procedureId) as { id: string }[]).map(
      (g) => ({
        id: g.id,
        term: l.t(textKey.glossary(g.id, 'term')),
        definition: l.t(textKey.glossary(g.id, 'definition')),
        ...withNarration(l.narrated({ term: textKey.glossary(g.id, 'term'), definition: textKey.glossary(g.id, 'definition') })),
      }),
    );
    return {
      procedure: {
        id: procedureId,
        name: l.t(textKey.procedure('name')),
        tagline: l.t(textKey.procedure('tagline')),
        ...withNarration(l.narrated({ name: textKey.procedure('name'), tagline: textKey.procedure('tagline') })),
      },
      locale: this.locale(locale),
      hero: this.illustration(db, procedureId, proc.hero_illustration, l),
      topics: this.tiles(db, procedureId, l),
      glossary,
      provenance: l.provenance(),
    };
  }

  topic(procedureId: string, topicId: string, locale: string): TopicPage {
    this.locale(locale); // before the cache: a language switched off since is not served from it
    return this.layers.cached(`topic\u0000${procedureId}\u0000${topicId}\u0000${locale}\u0000${this.variant()}`, () => this.readTopic(procedureId, topicId, locale));
  }

  private readTopic(procedureId: string, topicId: string, locale: string): TopicPage {
    const db = this.structure(procedureId);
    const l = this.localizer(procedureId, locale);
    const tile = this.tiles(db, procedureId, l).find((t) => t.id === topicId);
    if (!tile) throw new KioskError('NOT_FOUND', `The topic "${topicId}" is not in this procedure.`, 'topicId');
    const sections = (
      db.prepare('SELECT id FROM topic_sections WHERE procedure_id = ? AND topic_id = ? ORDER BY sort_order').all(procedureId, topicId) as { id: string }[]
    ).map((s) => ({
      id: s.id,
      heading: l.t(textKey.topicSection(topicId, s.id, 'heading')),
      body: l.t(textKey.topicSection(topicId, s.id, 'body')),
      ...withNarration(l.narrated({ heading: textKey.topicSection(topicId, s.id, 'heading'), body: textKey.topicSection(topicId, s.id, 'body') })),
    }));
    return { procedureId, topic: tile, sections, provenance: l.provenance() };
  }

  walkthrough(procedureId: string, locale: string): Walkthrough {
    this.locale(locale); // before the cache: a language switched off since is not served from it
    return this.layers.cached(`walkthrough\u0000${procedureId}\u0000${locale}\u0000${this.variant()}`, () => this.readWalkthrough(procedureId, locale));
  }

  private readWalkthrough(procedureId: string, locale: string): Walkthrough {
    const db = this.structure(procedureId);
    const l = this.localizer(procedureId, locale);
    const rows = db
      .prepare('SELECT id, illustration_id FROM steps WHERE procedure_id = ? ORDER BY sort_order')
      .all(procedureId) as { id: string; illustration_id: string | null }[];
    const steps = rows.map((s) => ({
      id: s.id,
      title: l.t(textKey.step(s.id, 'title')),
      body: l.t(textKey.step(s.id, 'body')),
      feel: l.t(textKey.step(s.id, 'feel')),
      illustration: this.illustration(db, procedureId, s.illustration_id, l),
      ...withNarration(l.narrated({ title: textKey.step(s.id, 'title'), body: textKey.step(s.id, 'body'), feel: textKey.step(s.id, 'feel') })),
    }));
    return { procedureId, steps, provenance: l.provenance() };
  }

  quiz(procedureId: string, locale: string): Quiz {
    this.locale(locale); // before the cache: a language switched off since is not served from it
    return this.layers.cached(`quiz\u0000${procedureId}\u0000${locale}\u0000${this.variant()}`, () => this.readQuiz(procedureId, locale));
  }

  private readQuiz(procedureId: string, locale: string): Quiz {
    const db = this.structure(procedureId);
    const l = this.localizer(procedureId, locale);
    type Q = { id: string; answer_option: string; teaches_kind: 'step' | 'topic'; teaches_id: string };
    const questions = (db.prepare('SELECT * FROM quiz_questions WHERE procedure_id = ? ORDER BY sort_order').all(procedureId) as Q[]).map((q) => ({
      id: q.id,
      question: l.t(textKey.quiz(q.id, 'question')),
      options: (
        db.prepare('SELECT id FROM quiz_options WHERE procedure_id = ? AND question_id = ? ORDER BY sort_order').all(procedureId, q.id) as { id: string }[]
      ).map((o) => ({ id: o.id, text: l.t(textKey.quizOption(q.id, o.id)), ...withNarration(l.narrated({ text: textKey.quizOption(q.id, o.id) })) })),
      answer: q.answer_option,
      explanation: l.t(textKey.quiz(q.id, 'explanation')),
      teaches: { kind: q.teaches_kind, id: q.teaches_id },
      ...withNarration(l.narrated({ question: textKey.quiz(q.id, 'question'), explanation: textKey.quiz(q.id, 'explanation') })),
    }));
    return { procedureId, questions, provenance: l.provenance() };
  }

  dischargeTemplate(procedureId: string, locale: string): DischargeTemplate {
    const db = this.structure(procedureId);
    const l = this.templateLocalizer(procedureId, locale);
    const sections = (db.prepare('SELECT id FROM discharge_sections WHERE procedure_id = ? ORDER BY sort_order').all(procedureId) as { id: string }[]).map((sec) => ({
      id: sec.id,
      heading: l.t(textKey.dischargeHeading(sec.id)),
      items: (
        db.prepare('SELECT id, condition FROM discharge_items WHERE procedure_id = ? AND section_id = ? ORDER BY sort_order').all(procedureId, sec.id) as { id: string; condition: string | null }[]
      ).map((item) => ({ id: item.id, when: item.condition, text: l.t(textKey.dischargeItem(sec.id, item.id)) })),
    }));
    const flags = (kind: 'clinic' | 'emergency') =>
      (db.prepare('SELECT id FROM red_flags WHERE procedure_id = ? AND kind = ? ORDER BY sort_order').all(procedureId, kind) as { id: string }[]).map((f) =>
        l.t(textKey.redFlag(kind, f.id)),
      );
    return {
      locale: this.locale(locale),
      title: l.t(textKey.discharge('title')),
      intro: l.t(textKey.discharge('intro')),
      sections,
      clinicFlags: { heading: l.t(textKey.redFlagsHeading('clinic')), items: flags('clinic') },
      emergencyFlags: { heading: l.t(textKey.redFlagsHeading('emergency')), items: flags('emergency') },
      card: { title: l.t(textKey.card('title')), footer: l.t(textKey.card('footer')) },
      provenance: l.provenance(),
    };
  }
}
