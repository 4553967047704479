/**
 * Read aloud, the parts every layer shares: the limits of one speech request, what the kiosk
 * reports about its voices, sentence splitting, and the choice among the three sources
 * (recorded narration, the platform's voice, the built-in eSpeak NG voice).
 */

/** Speeds a patient can choose: normal and slower (for older patients). */
export const speechRates = [1, 0.8] as const;
export type SpeechRate = (typeof speechRates)[number];

/** Bounds of one prepareSpeech call, so one request cannot keep the machine busy. */
export const speechLimits = {
  sentencesPerCall: 12,
  charsPerSentence: 600,
  charsPerCall: 3000,
  /** Largest prepareSpeech request body in web mode. */
  bodyBytes: 32 * 1024,
} as const;

/** What the kiosk can say, reported with the app info. */
export interface SpeechInfo {
  /** Languages the built-in voice (eSpeak NG) speaks on this machine. */
  builtInLocales: string[];
  /** eSpeak NG's version when it answered, else null. */
  builtInVersion: string | null;
  /** Why the built-in voice cannot speak at all (missing or broken program), else null. */
  builtInProblem: string | null;
  /** Languages for which the clinic allows the platform's own voice (a setting). */
  platformVoiceLocales: string[];
}

/** One synthesised sentence: a WAV file (base64) and its length. */
export interface SpeechClip {
  audio: string;
  mime: 'audio/wav';
  durationMs: number;
}

export type SpeechSource = 'narration' | 'platform' | 'builtin';

export interface SourceOptions {
  /** The element's text has recorded narration (data-narration-src). */
  hasNarration: boolean;
  /** The clinic allows the platform's voice for this language... */
  platformAllowed: boolean;
  /** ...and the platform has a voice for it. */
  platformVoiceExists: boolean;
  /** The built-in voice speaks this language and has not failed. */
  builtInAvailable: boolean;
}

/** Where the speech for one text comes from, in the kiosk's order of preference; null when nothing can speak it. */
export function chooseSpeechSource(o: SourceOptions): SpeechSource | null {
  if (o.hasNarration) return 'narration';
  if (o.platformAllowed && o.platformVoiceExists) return 'platform';
  if (o.builtInAvailable) return 'builtin';
  return null;
}

/** Whether any voice (not counting narration of single texts) can read a language; hides Listen when false. */
export function canSpeakLocale(locale: string, info: SpeechInfo, platformVoiceExists: boolean, builtInFailed = false): boolean {
  return (
    chooseSpeechSource({
      hasNarration: false,
      platformAllowed: info.platformVoiceLocales.includes(locale),
      platformVoiceExists,
      builtInAvailable: !builtInFailed && info.builtInProblem === null && info.builtInLocales.includes(locale),
    }) !== null
  );
}

/** A sentence and where it sits in the text it came from (for highlighting). */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

const hasLetters = /[\p{L}\p{N}]/u;

/**
 * Splits text into sentences with the language's own rules (Intl.Segmenter), trimmed, with
 * offsets into the original text. Sentences longer than `max` characters are cut at the last
 * space or comma before the limit (or hard at the limit, for scripts without spaces).
 */
export function splitSentences(text: string, locale: string, max: number = speechLimits.charsPerSentence): SentenceSpan[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const spans: SentenceSpan[] = [];
  for (const seg of segmenter.segment(text)) {
    let start = seg.index;
    let end = seg.index + seg.segment.length;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    while (end - start > max) {
      const window = text.slice(start, start + max);
      const cut = Math.max(window.lastIndexOf(' '), window.lastIndexOf(','), window.lastIndexOf('،'), window.lastIndexOf('，'));
      const at = cut > max / 3 ? start + cut + 1 : start + max;
      const piece = text.slice(start, at).trimEnd();
      if (hasLetters.test(piece)) spans.push({ text: piece, start, end: start + piece.length });
      start = at;
      while (start < end && /\s/.test(text[start] ?? '')) start++;
    }
    const sentence = text.slice(start, end);
    if (hasLetters.test(sentence)) spans.push({ text: sentence, start, end });
  }
  return spans;
}
