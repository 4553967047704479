/** Reading ease per language: syllable counts and scores checked against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { frenchSyllables, inflesz, kandelMoles, readingEase, spanishSyllables } from '../../electron/shared/readability';

describe('Spanish: Szigriszt-Pazos / INFLESZ', () => {
  it('counts syllables by vowel nuclei: diphthongs join, hiatus splits, silent u and final y', () => {
    const words: [string, number][] = [
      ['casa', 2], // ca-sa
      ['poeta', 3], // po-e-ta (two strong vowels: hiatus)
      ['ciudad', 2], // ciu-dad (two weak vowels: one nucleus)
      ['día', 2], // dí-a (accented weak vowel breaks the diphthong)
      ['guerra', 2], // gue-rra (silent u)
      ['parque', 2], // par-que (silent u)
      ['pingüino', 3], // pin-güi-no
      ['muy', 1], // final y joins
      ['vértebra', 3],
    ];
    for (const [word, n] of words) expect(spanishSyllables(word), word).toBe(n);
  });

  it('scores a text by hand: 206.835 − 62.3 × syllables/words − words/sentences', () => {
    // El(1) mé-di-co(3) re-pa-ra(3) la(1) vér-te-bra(3) ro-ta(2): 13 syllables, 6 words, 1 sentence.
    const r = inflesz('El médico repara la vértebra rota.');
    expect(r).toMatchObject({ words: 6, sentences: 1, syllables: 13, formula: 'Szigriszt-Pazos / INFLESZ', band: 'quite easy (bastante fácil)' });
    expect(r.score).toBeCloseTo(206.835 - (62.3 * 13) / 6 - 6, 6); // 65.85
    // La casa es muy bonita. Hoy vamos al parque: 14 syllables, 9 words, 2 sentences.
    const two = inflesz('La casa es muy bonita. Hoy vamos al parque.');
    expect(two).toMatchObject({ words: 9, sentences: 2, syllables: 14, band: 'very easy (muy fácil)' });
    expect(two.score).toBeCloseTo(105.424, 3);
  });

  it('reads Markdown as plain text (links, bold and list items)', () => {
    const r = inflesz('- El **médico** repara la [vértebra](glossary:vertebra) rota');
    expect(r).toMatchObject({ words: 6, sentences: 1, syllables: 13 });
  });
});

describe('French: Kandel–Moles', () => {
  it('counts spoken syllables: vowel groups, less a final mute e', () => {
    const words: [string, number][] = [
      ['le', 1],
      ['chat', 1],
      ['mange', 1], // mange: the final e is mute
      ['beau', 1], // eau is one sound
      ['médecin', 3],
      ['vertèbre', 2],
      ['fracturée', 3], // -ée is sounded
    ];
    for (const [word, n] of words) expect(frenchSyllables(word), word).toBe(n);
  });

  it('scores a text by hand: 207 − 1.015 × words/sentences − 73.6 × syllables/words', () => {
    // Le(1) mé-de-cin(3) ré-pare(2) la(1) ver-tèbre(2) frac-tu-rée(3): 12 syllables, 6 words, 1 sentence.
    const r = kandelMoles('Le médecin répare la vertèbre fracturée.');
    expect(r).toMatchObject({ words: 6, sentences: 1, syllables: 12, formula: 'Kandel–Moles', band: 'fairly difficult' });
    expect(r.score).toBeCloseTo(207 - 1.015 * 6 - 73.6 * 2, 6); // 53.71
    const easy = kandelMoles('Le chat mange une pomme. Il fait beau.');
    expect(easy).toMatchObject({ words: 8, sentences: 2, syllables: 8, band: 'very easy' });
    expect(easy.score).toBeCloseTo(207 - 1.015 * 4 - 73.6, 6);
  });
});

describe('which languages have a formula', () => {
  it('Spanish and French (any region) do; the others show none', () => {
    expect(readingEase('es', 'Hola.')?.formula).toBe('Szigriszt-Pazos / INFLESZ');
    expect(readingEase('fr-CA', 'Bonjour.')?.formula).toBe('Kandel–Moles');
    for (const code of ['zh-Hans', 'ar', 'hi', 'ko', 'vi', 'tl']) expect(readingEase(code, 'text.'), code).toBeNull();
  });
});
