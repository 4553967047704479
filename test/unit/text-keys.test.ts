/** The text-key grammar: every builder's key parses back to what built it; malformed keys are refused. */
import { describe, expect, it } from 'vitest';
import { formatTextKey, isSheetTemplateKey, parseTextKey, textKey, textKeyArea, textKeySchema, type TextKey } from '../../electron/shared/text-keys';
import { expectedTextKeys } from '../../db/content-keys';
import { sourcePack } from '../fixtures/content';

/** One key of every kind, as its builder spells it, with what the parser must read back. */
const everyKind: [string, string, TextKey][] = [
  [textKey.procedure('name'), 'procedure.name', { kind: 'procedure', field: 'name' }],
  [textKey.procedure('tagline'), 'procedure.tagline', { kind: 'procedure', field: 'tagline' }],
  [textKey.topic('after', 'title'), 'topic.after.title', { kind: 'topic', topicId: 'after', field: 'title' }],
  [textKey.topic('what-it-is', 'summary'), 'topic.what-it-is.summary', { kind: 'topic', topicId: 'what-it-is', field: 'summary' }],
  [textKey.topicSection('after', 'first-hours', 'heading'), 'topic.after.first-hours.heading', { kind: 'topicSection', topicId: 'after', sectionId: 'first-hours', field: 'heading' }],
  [textKey.topicSection('after', 'get-help', 'body'), 'topic.after.get-help.body', { kind: 'topicSection', topicId: 'after', sectionId: 'get-help', field: 'body' }],
  [textKey.step('needle', 'title'), 'step.needle.title', { kind: 'step', stepId: 'needle', field: 'title' }],
  [textKey.step('needle', 'body'), 'step.needle.body', { kind: 'step', stepId: 'needle', field: 'body' }],
  [textKey.step('balloon-in', 'feel'), 'step.balloon-in.feel', { kind: 'step', stepId: 'balloon-in', field: 'feel' }],
  [textKey.illustrationAlt('spine-1'), 'illustration.spine-1.alt', { kind: 'illustration', illustrationId: 'spine-1', field: 'alt' }],
  [textKey.glossary('vertebra', 'term'), 'glossary.vertebra.term', { kind: 'glossary', termId: 'vertebra', field: 'term' }],
  [textKey.glossary('vertebra', 'definition'), 'glossary.vertebra.definition', { kind: 'glossary', termId: 'vertebra', field: 'definition' }],
  [textKey.quiz('emergency', 'question'), 'quiz.emergency.question', { kind: 'quiz', questionId: 'emergency', field: 'question' }],
  [textKey.quiz('emergency', 'explanation'), 'quiz.emergency.explanation', { kind: 'quiz', questionId: 'emergency', field: 'explanation' }],
  [textKey.quizOption('emergency', 'call'), 'quiz.emergency.option.call', { kind: 'quizOption', questionId: 'emergency', optionId: 'call' }],
  [textKey.discharge('title'), 'discharge.title', { kind: 'discharge', field: 'title' }],
  [textKey.discharge('intro'), 'discharge.intro', { kind: 'discharge', field: 'intro' }],
  [textKey.dischargeHeading('what-was-done'), 'discharge.what-was-done.heading', { kind: 'dischargeHeading', sectionId: 'what-was-done' }],
  [textKey.dischargeItem('what-was-done', 'sedation'), 'discharge.what-was-done.sedation', { kind: 'dischargeItem', sectionId: 'what-was-done', itemId: 'sedation' }],
  [textKey.redFlagsHeading('clinic'), 'discharge.clinic-flags.heading', { kind: 'redFlagsHeading', flags: 'clinic' }],
  [textKey.redFlagsHeading('emergency'), 'discharge.emergency-flags.heading', { kind: 'redFlagsHeading', flags: 'emergency' }],
  [textKey.redFlag('clinic', 'new-pain'), 'discharge.clinic-flags.new-pain', { kind: 'redFlag', flags: 'clinic', flagId: 'new-pain' }],
  [textKey.redFlag('emergency', 'weak-legs'), 'discharge.emergency-flags.weak-legs', { kind: 'redFlag', flags: 'emergency', flagId: 'weak-legs' }],
  [textKey.card('title'), 'card.title', { kind: 'card', field: 'title' }],
  [textKey.card('footer'), 'card.footer', { kind: 'card', field: 'footer' }],
];

describe('text keys', () => {
  it('covers every kind of key', () => {
    const kinds = new Set(everyKind.map(([, , k]) => k.kind));
    expect([...kinds].sort()).toEqual(
      ['card', 'discharge', 'dischargeHeading', 'dischargeItem', 'glossary', 'illustration', 'procedure', 'quiz', 'quizOption', 'redFlag', 'redFlagsHeading', 'step', 'topic', 'topicSection'].sort(),
    );
  });

  it.each(everyKind)('builds %s, and parses it back to what built it', (built, spelled, parsed) => {
    expect(built).toBe(spelled);
    expect(parseTextKey(built)).toEqual(parsed);
    expect(formatTextKey(parseTextKey(built)!)).toBe(built);
    expect(textKeySchema.safeParse(built).success).toBe(true);
  });

  it('parses every key the bundled content requires, and spells each one back unchanged', () => {
    const keys = sourcePack().procedures.flatMap((p) => expectedTextKeys(p));
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) {
      const parsed = parseTextKey(key);
      expect(parsed, key).not.toBeNull();
      expect(formatTextKey(parsed!), key).toBe(key);
    }
  });

  it.each([
    ['an empty key', ''],
    ['an empty segment', 'topic..title'],
    ['an extra part', 'topic.x.title.extra'],
    ['a missing part', 'topic.title'],
    ['a trailing dot', 'topic.after.title.'],
    ['a leading dot', '.topic.after.title'],
    ['an unknown field', 'topic.after.name'],
    ['an unknown first word', 'chapter.after.title'],
    ['a topic section with an unknown field', 'topic.after.first-hours.summary'],
    ['a quiz option without its id', 'quiz.q1.option'],
    ['a quiz key with an unknown middle word', 'quiz.q1.choice.a'],
    ['a discharge field outside the grammar', 'discharge.footer'],
    ['a card field outside the grammar', 'card.heading'],
    ['capitals', 'topic.After.title'],
    ['a space', 'topic.after .title'],
    ['a doubled hyphen', 'topic.after--care.title'],
    ['a leading hyphen', 'step.-needle.body'],
    ['10,000 characters', `topic.${'a'.repeat(10_000)}.title`],
    ['201 characters', `topic.${'a'.repeat(201 - 'topic..title'.length)}.title`],
  ])('refuses %s', (_what, key) => {
    expect(parseTextKey(key)).toBeNull();
    const result = textKeySchema.safeParse(key);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/a text key such as "topic\.after\.title"|Too (big|small)/i);
  });

  it('accepts a key of exactly 200 characters', () => {
    const key = `topic.${'a'.repeat(200 - 'topic..title'.length)}.title`;
    expect(key).toHaveLength(200);
    expect(parseTextKey(key)).toEqual({ kind: 'topic', topicId: 'a'.repeat(188), field: 'title' });
  });

  it('groups keys into the admin screen areas', () => {
    const area = (key: string) => textKeyArea(parseTextKey(key)!);
    expect(area('topic.after.title')).toBe('topic.after');
    expect(area('topic.after.first-hours.body')).toBe('topic.after');
    expect(area('quiz.q1.option.a')).toBe('quiz');
    expect(area('discharge.clinic-flags.new-pain')).toBe('discharge');
    expect(area('discharge.title')).toBe('discharge');
    expect(area('card.footer')).toBe('card');
    expect(area('glossary.vertebra.term')).toBe('glossary');
  });

  it('knows the sheet and card templates, the only texts filled with a patient’s values', () => {
    for (const key of ['discharge.title', 'discharge.what-was-done.sedation', 'discharge.emergency-flags.heading', 'card.footer']) expect(isSheetTemplateKey(key), key).toBe(true);
    for (const key of ['topic.after.title', 'quiz.emergency.question', 'step.needle.body', 'procedure.name', 'discharge..title']) expect(isSheetTemplateKey(key), key).toBe(false);
  });
});
