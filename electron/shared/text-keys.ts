/**
 * The grammar of content text keys (see db/content/FORMAT.md), in one place: builders that
 * spell a key, and one parser that reads it back. Every other module builds keys with
 * `textKey.*` and reads them with `parseTextKey`.
 *
 *   procedure.name | procedure.tagline
 *   topic.<topic>.title | topic.<topic>.summary
 *   topic.<topic>.<section>.heading | topic.<topic>.<section>.body
 *   step.<step>.title | .body | .feel
 *   illustration.<illustration>.alt
 *   glossary.<term>.term | .definition
 *   quiz.<question>.question | .explanation | quiz.<question>.option.<option>
 *   discharge.title | discharge.intro
 *   discharge.<section>.heading | discharge.<section>.<item>
 *   discharge.clinic-flags.heading | discharge.clinic-flags.<flag>   (and emergency-flags)
 *   card.title | card.footer
 *
 * Every <id> is a content id (ids.ts): lowercase words joined by hyphens.
 */
import { z } from 'zod';

export type RedFlagKind = 'clinic' | 'emergency';

export type TextKey =
  | { kind: 'procedure'; field: 'name' | 'tagline' }
  | { kind: 'topic'; topicId: string; field: 'title' | 'summary' }
  | { kind: 'topicSection'; topicId: string; sectionId: string; field: 'heading' | 'body' }
  | { kind: 'step'; stepId: string; field: 'title' | 'body' | 'feel' }
  | { kind: 'illustration'; illustrationId: string; field: 'alt' }
  | { kind: 'glossary'; termId: string; field: 'term' | 'definition' }
  | { kind: 'quiz'; questionId: string; field: 'question' | 'explanation' }
  | { kind: 'quizOption'; questionId: string; optionId: string }
  | { kind: 'discharge'; field: 'title' | 'intro' }
  | { kind: 'dischargeHeading'; sectionId: string }
  | { kind: 'dischargeItem'; sectionId: string; itemId: string }
  | { kind: 'redFlagsHeading'; flags: RedFlagKind }
  | { kind: 'redFlag'; flags: RedFlagKind; flagId: string }
  | { kind: 'card'; field: 'title' | 'footer' };

export type TextKeyKind = TextKey['kind'];
type FieldOf<K extends TextKeyKind> = Extract<TextKey, { kind: K; field: string }>['field'];

/** The longest key the contract and packs accept. */
export const MAX_TEXT_KEY_LENGTH = 200;

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const redFlagSegment: Record<RedFlagKind, string> = { clinic: 'clinic-flags', emergency: 'emergency-flags' };

/** Spells a parsed key; the inverse of parseTextKey. */
export function formatTextKey(k: TextKey): string {
  switch (k.kind) {
    case 'procedure':
      return `procedure.${k.field}`;
    case 'topic':
      return `topic.${k.topicId}.${k.field}`;
    case 'topicSection':
      return `topic.${k.topicId}.${k.sectionId}.${k.field}`;
    case 'step':
      return `step.${k.stepId}.${k.field}`;
    case 'illustration':
      return `illustration.${k.illustrationId}.${k.field}`;
    case 'glossary':
      return `glossary.${k.termId}.${k.field}`;
    case 'quiz':
      return `quiz.${k.questionId}.${k.field}`;
    case 'quizOption':
      return `quiz.${k.questionId}.option.${k.optionId}`;
    case 'discharge':
      return `discharge.${k.field}`;
    case 'dischargeHeading':
      return `discharge.${k.sectionId}.heading`;
    case 'dischargeItem':
      return `discharge.${k.sectionId}.${k.itemId}`;
    case 'redFlagsHeading':
      return `discharge.${redFlagSegment[k.flags]}.heading`;
    case 'redFlag':
      return `discharge.${redFlagSegment[k.flags]}.${k.flagId}`;
    case 'card':
      return `card.${k.field}`;
  }
}

/** Builders for every kind of key: `textKey.topic('after', 'title')` is "topic.after.title". */
export const textKey = {
  procedure: (field: FieldOf<'procedure'>) => formatTextKey({ kind: 'procedure', field }),
  topic: (topicId: string, field: FieldOf<'topic'>) => formatTextKey({ kind: 'topic', topicId, field }),
  topicSection: (topicId: string, sectionId: string, field: FieldOf<'topicSection'>) => formatTextKey({ kind: 'topicSection', topicId, sectionId, field }),
  step: (stepId: string, field: FieldOf<'step'>) => formatTextKey({ kind: 'step', stepId, field }),
  illustrationAlt: (illustrationId: string) => formatTextKey({ kind: 'illustration', illustrationId, field: 'alt' }),
  glossary: (termId: string, field: FieldOf<'glossary'>) => formatTextKey({ kind: 'glossary', termId, field }),
  quiz: (questionId: string, field: FieldOf<'quiz'>) => formatTextKey({ kind: 'quiz', questionId, field }),
  quizOption: (questionId: string, optionId: string) => formatTextKey({ kind: 'quizOption', questionId, optionId }),
  discharge: (field: FieldOf<'discharge'>) => formatTextKey({ kind: 'discharge', field }),
  dischargeHeading: (sectionId: string) => formatTextKey({ kind: 'dischargeHeading', sectionId }),
  dischargeItem: (sectionId: string, itemId: string) => formatTextKey({ kind: 'dischargeItem', sectionId, itemId }),
  redFlagsHeading: (flags: RedFlagKind) => formatTextKey({ kind: 'redFlagsHeading', flags }),
  redFlag: (flags: RedFlagKind, flagId: string) => formatTextKey({ kind: 'redFlag', flags, flagId }),
  card: (field: FieldOf<'card'>) => formatTextKey({ kind: 'card', field }),
};

function oneOf<F extends string>(value: string, fields: readonly F[]): F | null {
  return (fields as readonly string[]).includes(value) ? (value as F) : null;
}

function redFlagKindOf(segment: string): RedFlagKind | null {
  return segment === 'clinic-flags' ? 'clinic' : segment === 'emergency-flags' ? 'emergency' : null;
}

function parseParts(parts: string[]): TextKey | null {
  const [head, a = '', b = '', c = ''] = parts;
  switch (parts.length) {
    case 2: {
      if (head === 'procedure') return withField({ kind: 'procedure' }, oneOf(a, ['name', 'tagline']));
      if (head === 'discharge') return withField({ kind: 'discharge' }, oneOf(a, ['title', 'intro']));
      if (head === 'card') return withField({ kind: 'card' }, oneOf(a, ['title', 'footer']));
      return null;
    }
    case 3: {
      if (head === 'topic') return withField({ kind: 'topic', topicId: a }, oneOf(b, ['title', 'summary']));
      if (head === 'step') return withField({ kind: 'step', stepId: a }, oneOf(b, ['title', 'body', 'feel']));
      if (head === 'illustration') return withField({ kind: 'illustration', illustrationId: a }, oneOf(b, ['alt']));
      if (head === 'glossary') return withField({ kind: 'glossary', termId: a }, oneOf(b, ['term', 'definition']));
      if (head === 'quiz') return withField({ kind: 'quiz', questionId: a }, oneOf(b, ['question', 'explanation']));
      if (head !== 'discharge') return null;
      const flags = redFlagKindOf(a);
      if (flags) return b === 'heading' ? { kind: 'redFlagsHeading', flags } : { kind: 'redFlag', flags, flagId: b };
      return b === 'heading' ? { kind: 'dischargeHeading', sectionId: a } : { kind: 'dischargeItem', sectionId: a, itemId: b };
    }
    case 4: {
      if (head === 'topic') return withField({ kind: 'topicSection', topicId: a, sectionId: b }, oneOf(c, ['heading', 'body']));
      if (head === 'quiz' && b === 'option') return { kind: 'quizOption', questionId: a, optionId: c };
      return null;
    }
    default:
      return null;
  }
}

function withField<const T extends object, F extends string>(rest: T, field: F | null): (T & { field: F }) | null {
  return field === null ? null : { ...rest, field };
}

/**
 * Reads a text key: what it names, or null when it is not a key of the grammar (an empty or
 * non-id segment, a missing or extra part, an unknown field, longer than MAX_TEXT_KEY_LENGTH).
 */
export function parseTextKey(key: string): TextKey | null {
  if (key.length === 0 || key.length > MAX_TEXT_KEY_LENGTH) return null;
  const parts = key.split('.');
  if (!parts.every((p) => idPattern.test(p))) return null;
  return parseParts(parts);
}

/** Where a key belongs on the admin content screen: "topic.<id>" for a topic's texts, else the key's first word. */
export function textKeyArea(k: TextKey): string {
  switch (k.kind) {
    case 'topic':
    case 'topicSection':
      return `topic.${k.topicId}`;
    case 'quizOption':
      return 'quiz';
    case 'dischargeHeading':
    case 'dischargeItem':
    case 'redFlagsHeading':
    case 'redFlag':
      return 'discharge';
    default:
      return k.kind;
  }
}

/** Keys of the discharge-sheet and wallet-card templates, the only texts filled with a patient's values. */
export function isSheetTemplateKey(key: string): boolean {
  const k = parseTextKey(key);
  return k !== null && (k.kind === 'card' || textKeyArea(k) === 'discharge');
}

const example = 'a text key such as "topic.after.title"';

/** The characters and length of a key (pack files, whose importer then names each unknown key). */
export const textKeyShape = z.string().min(1).max(MAX_TEXT_KEY_LENGTH).regex(/^[a-z0-9.-]+$/, example);

/** A text key the grammar accepts, for the contract. */
export const textKeySchema = textKeyShape.refine((key) => parseTextKey(key) !== null, example);
