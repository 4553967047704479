/**
 * The one table from the kiosk's language codes to eSpeak NG voices (checked with Debian's
 * espeak-ng 1.51). A language missing here has no built-in voice (Tagalog: eSpeak NG has none).
 */
export const builtInVoices: Readonly<Record<string, string>> = {
  en: 'en-us',
  es: 'es',
  'zh-Hans': 'cmn',
  'zh-Hant': 'yue',
  ar: 'ar',
  hi: 'hi',
  vi: 'vi',
  ko: 'ko',
  ru: 'ru',
  ht: 'ht',
  fr: 'fr-fr',
  'pt-BR': 'pt-br',
  pl: 'pl',
  fa: 'fa',
};

/** eSpeak NG's speed in words per minute for each of the kiosk's rates. */
export function wordsPerMinute(rate: number): number {
  return Math.round(175 * rate);
}
