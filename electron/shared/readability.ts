/**
 * Reading-level measures for content texts: Flesch-Kincaid grade (English) via the
 * text-readability library, and sentence and word length for any language.
 */
import readability from 'text-readability';

/** Markdown to plain sentences: link targets, emphasis and table rules removed; list items and cells end as sentences. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[[\]*_#>`]/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^\|?\s*:?-{3,}/.test(line))
    .flatMap((line) => (line.includes('|') ? line.split('|').map((c) => c.trim()).filter(Boolean) : [line.replace(/^[-+]\s+|^\d+\.\s+/, '')]))
    .map((s) => (/[.!?:;。！？؟।]$/.test(s) ? s : `${s}.`))
    .join(' ');
}

/** Flesch-Kincaid grade of a Markdown text (meaningful for English only). */
export function fleschKincaidGrade(markdown: string): number {
  return readability.fleschKincaidGrade(plainText(markdown));
}

/** Average words per sentence and characters per word: a rough measure for any language. */
export function sentenceStats(markdown: string): { sentences: number; wordsPerSentence: number; charsPerWord: number } {
  const text = plainText(markdown);
  const sentences = text.split(/[.!?。！？؟।]+/).map((s) => s.trim()).filter(Boolean);
  const words = text.split(/\s+/).filter(Boolean);
  const letters = words.join('').replace(/[^\p{L}\p{M}\p{N}]/gu, '').length;
  return {
    sentences: sentences.length,
    wordsPerSentence: sentences.length ? words.length / sentences.length : 0,
    charsPerWord: words.length ? letters / words.length : 0,
  };
}

/** Words of a plain text: runs of letters (with marks and inner apostrophes or hyphens). */
function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu) ?? [];
}

function sentenceCount(text: string): number {
  return Math.max(1, text.split(/[.!?¡¿;:]+/).filter((s) => wordsOf(s).length > 0).length);
}

/**
 * Spanish syllables by vowel nuclei: a, e, o and accented vowels are strong; i, u and ü are
 * weak and join a neighbouring vowel (a diphthong); two strong vowels are two syllables (a
 * hiatus). The silent u of "que", "qui", "gue", "gui" does not count; a final y after a vowel
 * ("hoy", "muy") joins it.
 */
export function spanishSyllables(word: string): number {
  const w = word.toLowerCase().replace(/qu(?=[eiéí])/g, 'q').replace(/gu(?=[eiéí])/g, 'g').replace(/y$/, 'i');
  const strong = 'aeoáéíóú';
  const weak = 'iuü';
  let count = 0;
  let prev = '';
  for (const ch of w) {
    const isVowel = strong.includes(ch) || weak.includes(ch);
    if (isVowel) {
      const joins = prev !== '' && (weak.includes(prev) || weak.includes(ch));
      if (!joins) count++;
      prev = ch;
    } else {
      prev = '';
    }
  }
  return Math.max(1, count);
}

/**
 * French syllables as spoken: vowel groups (a, e, i, o, u, y with their accents, and œ, æ),
 * less a final mute e ("-e", "-es") after a consonant in a word of more than one group.
 */
export function frenchSyllables(word: string): number {
  const w = word.toLowerCase();
  const groups = w.match(/[aeiouyàâäéèêëîïôöùûüÿœæ]+/g) ?? [];
  let count = groups.length;
  if (count > 1 && /[^aeiouyàâäéèêëîïôöùûüÿœæ]es?$/.test(w)) count--;
  return Math.max(1, count);
}

export interface ReadingEase {
  /** The formula's own name, shown on screen. */
  formula: string;
  score: number;
  /** The formula's published band for the score, in English for the admin. */
  band: string;
  words: number;
  sentences: number;
  syllables: number;
}

function counts(markdown: string, syllables: (w: string) => number) {
  const text = plainText(markdown);
  const words = wordsOf(text);
  return { words: words.length, sentences: sentenceCount(text), syllables: words.reduce((n, w) => n + syllables(w), 0) };
}

/**
 * Szigriszt-Pazos perspicuity (1993) with the INFLESZ scale (Barrio-Cantalejo et al., 2008):
 * 206.835 − 62.3 × syllables/words − words/sentences.
 */
export function inflesz(markdown: string): ReadingEase {
  const c = counts(markdown, spanishSyllables);
  const score = c.words ? 206.835 - (62.3 * c.syllables) / c.words - c.words / c.sentences : 0;
  const band = score > 80 ? 'very easy (muy fácil)' : score >= 65 ? 'quite easy (bastante fácil)' : score >= 55 ? 'normal' : score >= 40 ? 'somewhat hard (algo difícil)' : 'very hard (muy difícil)';
  return { formula: 'Szigriszt-Pazos / INFLESZ', score, band, ...c };
}

/**
 * Kandel & Moles (1958), Flesch's reading ease for French:
 * 207 − 1.015 × words/sentences − 73.6 × syllables/words, read on Flesch's bands.
 */
export function kandelMoles(markdown: string): ReadingEase {
  const c = counts(markdown, frenchSyllables);
  const score = c.words ? 207 - (1.015 * c.words) / c.sentences - (73.6 * c.syllables) / c.words : 0;
  const band = score >= 90 ? 'very easy' : score >= 80 ? 'easy' : score >= 70 ? 'fairly easy' : score >= 60 ? 'standard' : score >= 50 ? 'fairly difficult' : score >= 30 ? 'difficult' : 'very difficult';
  return { formula: 'Kandel–Moles', score, band, ...c };
}

/** Reading-ease formulas by language (base code); languages without one get none. */
const readingEaseFormulas: Record<string, (markdown: string) => ReadingEase> = { es: inflesz, fr: kandelMoles };

/** The published reading-ease figure for a text's language, or null when there is none here. */
export function readingEase(locale: string, markdown: string): ReadingEase | null {
  const formula = readingEaseFormulas[locale.split('-')[0] ?? ''];
  return formula ? formula(markdown) : null;
}
