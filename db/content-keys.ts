/** The text keys a procedure's structure requires in every language (see db/content/FORMAT.md). */
import type { ProcedureStructure } from './pack-schema';

export function expectedTextKeys(s: ProcedureStructure): string[] {
  const keys = ['procedure.name', 'procedure.tagline'];
  for (const t of s.topics) {
    keys.push(`topic.${t.id}.title`, `topic.${t.id}.summary`);
    for (const sec of t.sections) keys.push(`topic.${t.id}.${sec}.heading`, `topic.${t.id}.${sec}.body`);
  }
  for (const step of s.steps) keys.push(`step.${step.id}.title`, `step.${step.id}.body`, `step.${step.id}.feel`);
  const illustrationIds = new Set<string>();
  if (s.heroIllustration) illustrationIds.add(s.heroIllustration);
  for (const step of s.steps) if (step.illustration) illustrationIds.add(step.illustration);
  for (const id of illustrationIds) keys.push(`illustration.${id}.alt`);
  for (const g of s.glossary) keys.push(`glossary.${g}.term`, `glossary.${g}.definition`);
  for (const q of s.quiz) {
    keys.push(`quiz.${q.id}.question`);
    for (const o of q.options) keys.push(`quiz.${q.id}.option.${o}`);
    keys.push(`quiz.${q.id}.explanation`);
  }
  keys.push('discharge.title', 'discharge.intro');
  for (const sec of s.discharge.sections) {
    keys.push(`discharge.${sec.id}.heading`);
    for (const item of sec.items) keys.push(`discharge.${sec.id}.${item.id}`);
  }
  keys.push('discharge.clinic-flags.heading');
  for (const f of s.discharge.clinicRedFlags) keys.push(`discharge.clinic-flags.${f}`);
  keys.push('discharge.emergency-flags.heading');
  for (const f of s.discharge.emergencyRedFlags) keys.push(`discharge.emergency-flags.${f}`);
  keys.push('card.title', 'card.footer');
  return keys;
}

/** Markdown glossary links in a text: `[words](glossary:<id>)`. */
export function glossaryLinks(text: string): string[] {
  return [...text.matchAll(/\]\(glossary:([a-z0-9-]+)\)/g)].map((m) => m[1] as string);
}
