import { afterAll, describe, expect, it } from 'vitest';
import { checkPack, checkPackFile } from '../../db/pack-validate';
import { MAX_PACK_BYTES, type ContentPack } from '../../db/pack-schema';
import { removeTempDirs, sourcePack } from '../fixtures/content';

afterAll(removeTempDirs);

function problemsOf(pack: unknown): string[] {
  const result = checkPack(pack);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

function mutate(change: (p: ContentPack) => void): ContentPack {
  const pack = sourcePack();
  change(pack);
  return pack;
}

describe('content pack validation', () => {
  it('accepts the bundled content', () => {
    expect(problemsOf(sourcePack())).toEqual([]);
  });

  it('rejects a file that is not JSON, naming the problem', () => {
    const result = checkPackFile('{"format": "clinic-kiosk-content-pack", ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/not valid JSON/);
  });

  it('rejects an oversized file before parsing it', () => {
    const result = checkPackFile(Buffer.alloc(MAX_PACK_BYTES + 1, 32));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/at most 200 MB/);
  });

  it('rejects a wrong format version', () => {
    expect(problemsOf(mutate((p) => Object.assign(p, { formatVersion: 2 })))).toEqual([
      'formatVersion: this pack has format version 2; this kiosk reads version 1',
    ]);
  });

  it('rejects a text in a language the pack does not declare', () => {
    const problems = problemsOf(mutate((p) => p.texts.push({ ...p.texts[0]!, locale: 'de' })));
    expect(problems.join('\n')).toMatch(/texts\[\d+\] \(kyphoplasty \/ de \/ procedure\.name\): unknown language "de"/);
  });

  it('rejects missing required text, naming the keys', () => {
    const problems = problemsOf(mutate((p) => (p.texts = p.texts.filter((t) => !(t.locale === 'es' && t.key === 'step.needle.title')))));
    expect(problems.join('\n')).toMatch(/missing required text in es for "kyphoplasty": step\.needle\.title/);
  });

  it('rejects duplicate keys', () => {
    const problems = problemsOf(mutate((p) => p.texts.push({ ...p.texts[5]! })));
    expect(problems.join('\n')).toMatch(/duplicate key: the same text is also at texts\[5\]/);
  });

  it('rejects variables that do not match English', () => {
    const problems = problemsOf(
      mutate((p) => {
        const es = p.texts.find((t) => t.locale === 'es' && t.text.includes('{{liftLimit}}'))!;
        es.text = es.text.replace('{{liftLimit}}', '{{noDrivingDays}}');
      }),
    );
    expect(problems.join('\n')).toMatch(/variables do not match English: English has \[liftLimit\], this text has \[noDrivingDays\]/);
  });

  it('rejects an unsafe illustration', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const problems = problemsOf(mutate((p) => (p.procedures[0]!.illustrations[0]!.data = Buffer.from(svg).toString('base64'))));
    expect(problems.join('\n')).toMatch(/procedures\[0\]\.illustrations\[0\]: illustration "spine-fracture": the SVG contains a <script> element/);
  });

  it('rejects a quiz answer that is not an option and a link to a missing step', () => {
    const problems = problemsOf(
      mutate((p) => {
        p.procedures[0]!.quiz[0]!.answer = 'z';
        p.procedures[0]!.quiz[1]!.teaches = 'step:nowhere';
      }),
    );
    expect(problems).toContain('procedures[0].quiz[0].answer: answer "z" is not one of the options');
    expect(problems).toContain('procedures[0].quiz[1].teaches: "step:nowhere" does not name a step of this procedure');
  });

  it('rejects a glossary link to a term that does not exist', () => {
    const problems = problemsOf(
      mutate((p) => {
        const t = p.texts.find((x) => x.key.startsWith('topic.') && x.key.endsWith('.body'))!;
        t.text += ' [bones](glossary:no-such-term)';
      }),
    );
    expect(problems.join('\n')).toMatch(/glossary link "no-such-term" is not in this procedure's glossary/);
  });

  it('rejects a text of 20,001 characters with the field named', () => {
    const problems = problemsOf(mutate((p) => (p.texts[0]!.text = 'a'.repeat(20_001))));
    expect(problems).toEqual(['texts[0].text: the text is longer than 20,000 characters']);
  });

  it('rejects unknown fields and a pack without English', () => {
    expect(problemsOf(mutate((p) => Object.assign(p, { extra: true })))[0]).toMatch(/Unrecognized key/);
    const problems = problemsOf(mutate((p) => (p.texts = p.texts.filter((t) => t.locale !== 'en'))));
    expect(problems.join('\n')).toMatch(/has no English \(en\) texts/);
  });
});
