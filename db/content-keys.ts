/** The text keys a procedure's structure requires in every language (see db/content/FORMAT.md). */
import type { ProcedureStructure } from './pack-schema';
import { textKey } from '../electron/shared/text-keys';

export function expectedTextKeys(s: ProcedureStructure): string[] {
  const keys = [textKey.procedure('name'), textKey.procedure('tagline')];
  for (const t of s.topics) {
    keys.push(textKey.topic(t.id, 'title'), textKey.topic(t.id, 'summary'));
    for (const sec of t.sections) keys.push(textKey.topicSection(t.id, sec, 'heading'), textKey.topicSection(t.id, sec, 'body'));
  }
  for (const step of s.steps) keys.push(textKey.step(step.id, 'title'), textKey.step(step.id, 'body'), textKey.step(step.id, 'feel'));
  const illustrationIds = new Set<string>();
  if (s.heroIllustration) illustrationIds.add(s.heroIllustration);
  for (const step of s.steps) if (step.illustration) illustrationIds.add(step.illustration);
  for (const id of illustrationIds) keys.push(textKey.illustrationAlt(id));
  for (const g of s.glossary) keys.push(textKey.glossary(g, 'term'), textKey.glossary(g, 'definition'));
  for (const q of s.quiz) {
    keys.push(textKey.quiz(q.id, 'question'));
    for (const o of q.options) keys.push(textKey.quizOption(q.id, o));
    keys.push(textKey.quiz(q.id, 'explanation'));
  }
  keys.push(textKey.discharge('title'), textKey.discharge('intro'));
  for (const sec of s.discharge.sections) {
    keys.push(textKey.dischargeHeading(sec.id));
    for (const item of sec.items) keys.push(textKey.dischargeItem(sec.id, item.id));
  }
  keys.push(textKey.redFlagsHeading('clinic'));
  for (const f of s.discharge.clinicRedFlags) keys.push(textKey.redFlag('clinic', f));
  keys.push(textKey.redFlagsHeading('emergency'));
  for (const f of s.discharge.emergencyRedFlags) keys.push(textKey.redFlag('emergency', f));
  keys.push(textKey.card('title'), textKey.card('footer'));
  return keys;
}

/** Markdown glossary links in a text: `[words](glossary:<id>)`. */
export function glossaryLinks(text: string): string[] {
  return [...text.matchAll(/\]\(glossary:([a-z0-9-]+)\)/g)].map((m) => m[1] as string);
}
