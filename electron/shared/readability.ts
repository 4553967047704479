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
