/** Checks that fail when the bundled content goes wrong (issue: kyphoplasty content). */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPack } from '../../db/pack-validate';
import { expectedTextKeys, glossaryLinks } from '../../db/content-keys';
import { svgProblem } from '../../db/illustration-safety';
import { fleschKincaidGrade } from '../../electron/shared/readability';
import { templateVariables } from '../../electron/shared/sheet-variables';
import { bundledLanguages, contentSourceDir, sourcePack } from '../fixtures/content';

const pack = sourcePack();
const procedure = pack.procedures.find((p) => p.id === 'kyphoplasty')!;
const textsIn = (locale: string) => new Map(pack.texts.filter((t) => t.locale === locale).map((t) => [t.key, t.text]));
const en = textsIn('en');
const languages = pack.locales.map((l) => l.code);

describe('kyphoplasty content', () => {
  it('is a valid pack (schema, references, safe illustrations without words)', () => {
    const result = checkPack(pack, { forbidTextInIllustrations: true });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('has all fifteen languages, every one complete, each starting as a draft with a source note', () => {
    expect(languages).toEqual(bundledLanguages);
    expect(pack.locales.filter((l) => l.direction === 'rtl').map((l) => l.code)).toEqual(['ar', 'fa']);
    const keys = expectedTextKeys(procedure).sort();
    for (const code of languages) {
      const texts = pack.texts.filter((t) => t.locale === code);
      expect([...texts.map((t) => t.key)].sort(), code).toEqual(keys);
      expect(texts.every((t) => t.status === 'draft' && t.sourceNote.length > 10 && t.text.trim().length > 0), code).toBe(true);
    }
  });

  it('uses exactly the English template variables in every translation', () => {
    for (const code of languages) {
      for (const [key, text] of textsIn(code)) expect(templateVariables(text), `${code} ${key}`).toEqual(templateVariables(en.get(key)!));
    }
  });

  it('leaves no English in translated patient texts (only the allowed terms)', () => {
    /** Scripts other than Latin allow these Latin terms only: scan names, the bone-density test, the cement, X-ray and vitamin D. */
    const allowedLatin = new Set(['MRI', 'CT', 'DXA', 'PMMA', 'X', 'D']);
    const englishWords = /\b(the|your|you|and|with|this|that|will|should|when|after|before)\b/gi;
    const strip = (t: string) => t.replace(/\{\{\s*\w+\s*\}\}/g, '').replace(/\]\((glossary|topic|step):[a-z0-9-]+\)/g, ']');
    const latinScript = (code: string) => /\p{Script=Latin}/u.test(en.get('procedure.name')!) && /\p{Script=Latin}/u.test(textsIn(code).get('procedure.name') ?? '');
    for (const code of languages.filter((c) => c !== 'en')) {
      const problems: string[] = [];
      for (const [key, text] of textsIn(code)) {
        const plain = strip(text);
        if (text.trim() === en.get(key)?.trim() && !/^glossary\..*\.term$/.test(key)) problems.push(`${key}: the English text`);
        if (latinScript(code)) {
          const found = plain.match(englishWords);
          if (found) problems.push(`${key}: English words ${found.join(', ')}`);
        } else {
          const latin = (plain.match(/[A-Za-z]+/g) ?? []).filter((w) => !allowedLatin.has(w));
          if (latin.length) problems.push(`${key}: Latin letters ${latin.join(', ')}`);
        }
      }
      expect(problems, code).toEqual([]);
    }
  });

  it('keeps clinic numbers out of topic texts: only the clinic\'s own settings appear, as variables', () => {
    const clinicSettings = ['afterHoursPhone', 'clinicName', 'clinicPhone', 'emergencyNumber'];
    for (const [key, text] of en) {
      if (!/^(topic|step|quiz|glossary)\./.test(key)) continue;
      expect(text, key).not.toMatch(/\b911\b|\d+\s*(lb|lbs|pounds?|kg|kilograms?)\b|\d+\s*°|\d+(\.\d+)?\s*degrees/i);
      expect(templateVariables(text).filter((name) => !clinicSettings.includes(name)), key).toEqual([]);
    }
  });

  it('has the scope the brief asks for', () => {
    expect(procedure.steps.map((s) => s.id)).toEqual(['needle', 'balloon-in', 'balloon-inflate', 'cement']);
    expect(procedure.glossary.length).toBeGreaterThanOrEqual(20);
    expect(procedure.quiz.length).toBeGreaterThanOrEqual(5);
    const faq = procedure.topics.find((t) => t.id === 'faq')!;
    expect(faq.sections.length).toBeGreaterThanOrEqual(8);
    expect(faq.sections.length).toBeLessThanOrEqual(12);
    const faqText = faq.sections.map((s) => `${en.get(`topic.faq.${s}.heading`)} ${en.get(`topic.faq.${s}.body`)}`).join('\n');
    expect(faqText).toMatch(/billing office/i);
    expect(en.get('topic.compare.table.body')).toMatch(/^\|.*\|\s*\n\|\s*:?-{3,}/m);
    for (const term of ['vertebroplasty', 'laminectomy', 'discectomy']) expect(en.get('topic.compare.table.body')!.toLowerCase()).toContain(term);
    expect(procedure.illustrations.map((i) => i.id).sort()).toEqual(['spine-fracture', 'step-balloon-in', 'step-balloon-inflate', 'step-cement', 'step-needle']);
    expect(procedure.discharge.sections.map((s) => s.id)).toEqual(['what-was-done', 'wound-care', 'bathing', 'pain', 'medicines', 'activity', 'driving', 'brace', 'bone-health', 'follow-up']);
  });

  it('reads at grade 6 or below per topic (the admin target) and 5 or below on average (Flesch-Kincaid, English)', () => {
    const rows = procedure.topics.map((t) => {
      const text = [en.get(`topic.${t.id}.title`), en.get(`topic.${t.id}.summary`), ...t.sections.flatMap((s) => [en.get(`topic.${t.id}.${s}.heading`), en.get(`topic.${t.id}.${s}.body`)])].join('\n\n');
      return { topic: t.id, grade: fleschKincaidGrade(text) };
    });
    const average = rows.reduce((sum, r) => sum + r.grade, 0) / rows.length;
    console.log(['Reading grade (Flesch-Kincaid) per topic:', ...rows.map((r) => `  ${r.topic.padEnd(16)} ${r.grade.toFixed(1)}`), `  ${'average'.padEnd(16)} ${average.toFixed(1)}`].join('\n'));
    for (const r of rows) expect(r.grade, r.topic).toBeLessThanOrEqual(6);
    expect(average).toBeLessThanOrEqual(5);
  });

  it('keeps the brief\'s corrections: none of the known-wrong claims come back', () => {
    const all = pack.texts;
    for (const t of all) {
      const where = `${t.locale} ${t.key}`;
      // No success-rate or complication percentages, in any language.
      expect(t.text, where).not.toMatch(/%|٪|percent|por ciento|प्रतिशत|百分/i);
    }
    for (const [key, text] of en) {
      expect(text, key).not.toMatch(/unconscious/i);
      // Spondylolisthesis only as something kyphoplasty does not treat.
      if (/spondylolisthesis/i.test(text)) expect(key, text).toMatch(/^(topic\.what-it-is\.not-for|glossary\.spondylolisthesis|quiz\.what-it-treats)/);
      // Cement never goes in before the balloon comes out.
      expect(text, key).not.toMatch(/cement[^.]*\b(then|before)\b[^.]*balloons?[^.]*\b(removed|taken out|comes? out)/i);
      // Never advice to stop, skip or hold a medicine on your own.
      for (const sentence of text.split(/(?<=[.!?])\s+|\n/)) {
        if (/\b(stop|skip|hold|pause|quit)\b/i.test(sentence) && /\b(medicine|medication|pill|blood thinner|aspirin|warfarin|drug)s?\b/i.test(sentence))
          expect(sentence, key).toMatch(/care team|doctor|nurse|tell you|unless/i);
      }
    }
    expect(en.get('step.cement.body')).toMatch(/balloon[^.]*\b(out|removed)\b[\s\S]*\bthen\b[^.]*cement/i);
    expect([...en.values()].join(' ')).toContain('Serious complications are uncommon, but they can happen.');
  });

  it('every glossary link resolves and every glossary term is linked from a topic', () => {
    const glossary = new Set(procedure.glossary);
    for (const code of languages) {
      const linked = new Set<string>();
      for (const [key, text] of textsIn(code)) {
        for (const id of glossaryLinks(text)) {
          expect(glossary.has(id), `${code} ${key} -> ${id}`).toBe(true);
          if (key.startsWith('topic.')) linked.add(id);
        }
      }
      expect([...glossary].filter((g) => !linked.has(g)), code).toEqual([]);
    }
  });

  it('every quiz answer points to a step or topic that exists and is explained', () => {
    const steps = new Set(procedure.steps.map((s) => s.id));
    const topics = new Set(procedure.topics.map((t) => t.id));
    for (const q of procedure.quiz) {
      const [kind, id] = q.teaches.split(':') as [string, string];
      expect((kind === 'step' ? steps : topics).has(id), q.id).toBe(true);
      expect(q.options).toContain(q.answer);
      expect(en.get(`quiz.${q.id}.explanation`)!.length).toBeGreaterThan(20);
    }
  });

  it('illustration files are SVG with no script, no external reference and no words', () => {
    const dir = join(contentSourceDir, 'kyphoplasty', 'illustrations');
    const files = readdirSync(dir).filter((f) => f.endsWith('.svg'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const svg = readFileSync(join(dir, f), 'utf8');
      expect(svgProblem(svg, { forbidText: true }), f).toBeNull();
      expect(svg, f).toMatch(/viewBox=/);
    }
    expect(svgProblem('<svg xmlns="http://www.w3.org/2000/svg"><text>Spine</text></svg>', { forbidText: true })).toMatch(/words/);
  });
});
