/** Issue 14's target for languages with a published formula: every topic "fácil" or easier in Spanish. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingEase } from '../../electron/shared/readability';
import { contentSourceDir } from '../fixtures/content';

/** The lowest acceptable score per formula: INFLESZ "bastante fácil" starts at 65 (the target); for French, Flesch's "standard" band (60), plain language. */
const floor: Record<string, number> = { 'Szigriszt-Pazos / INFLESZ': 65, 'Kandel–Moles': 60 };
const dir = join(contentSourceDir, 'kyphoplasty', 'text');
const withFormula = readdirSync(dir)
  .map((f) => f.replace(/\.json$/, ''))
  .filter((code) => readingEase(code, 'x.') !== null);

describe('reading ease of every topic, in each language with a formula', () => {
  it('there is at least Spanish to measure', () => expect(withFormula).toContain('es'));
  for (const code of withFormula) {
    it(code, () => {
      const texts = (JSON.parse(readFileSync(join(dir, `${code}.json`), 'utf8')) as { texts: Record<string, string> }).texts;
      const topics = [...new Set(Object.keys(texts).filter((k) => k.startsWith('topic.')).map((k) => k.split('.')[1] as string))];
      const scores = topics.map((id) => {
        const body = Object.entries(texts)
          .filter(([k]) => k.startsWith(`topic.${id}.`) && k.endsWith('.body'))
          .map(([, v]) => v)
          .join('\n\n');
        const r = readingEase(code, body)!;
        return { topic: id, score: Math.round(r.score), easyEnough: r.score >= (floor[r.formula] ?? 0) };
      });
      expect(scores.filter((s) => !s.easyEnough)).toEqual([]);
    });
  }
});
