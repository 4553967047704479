import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useKiosk } from '../kiosk-context';
import { reader } from '../speech/reader';
import { collectReadItems } from '../speech/collect';
import { canSpeakLocale, type SpeechRate } from '../../../electron/shared/speech';

/** Picks the platform voice for a language code such as "es" or "zh-Hans". */
export function voiceFor(voices: SpeechSynthesisVoice[], locale: string): SpeechSynthesisVoice | null {
  const base = locale.split('-')[0]?.toLowerCase() ?? locale;
  const preferred = locale === 'zh-Hans' ? ['zh-cn', 'zh-sg', 'zh'] : [locale.toLowerCase(), base];
  for (const p of preferred) {
    const exact = voices.find((v) => v.lang.toLowerCase().replace('_', '-') === p);
    if (exact) return exact;
  }
  return voices.find((v) => v.lang.toLowerCase().startsWith(base)) ?? null;
}

/** Splits text into utterances short enough for every speech engine. */
export function speechChunks(text: string, max = 220): string[] {
  const sentences = text.replace(/\s+/g, ' ').split(/(?<=[.!?。！？؟।:])\s*/).map((s) => s.trim()).filter(Boolean);
  const chunks: string[] = [];
  for (const s of sentences) {
    const lastChunk = chunks.at(-1);
    if (lastChunk !== undefined && lastChunk.length + s.length + 1 <= max) chunks[chunks.length - 1] = `${lastChunk} ${s}`;
    else chunks.push(s);
  }
  return chunks;
}

/** The platform's voices, kept up to date (none on Debian's Chromium). */
function usePlatformVoices(): SpeechSynthesisVoice[] {
  const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synth?.getVoices() ?? []);
  useEffect(() => {
    if (!synth) return;
    const update = () => setVoices(synth.getVoices());
    update();
    synth.addEventListener('voiceschanged', update);
    return () => synth.removeEventListener('voiceschanged', update);
  }, [synth]);
  return voices;
}

/** What can read `locale` aloud here: the platform's voice (only where the clinic allows it) and the built-in voice. */
export function useVoices(locale: string | null) {
  const { info } = useKiosk();
  const voices = usePlatformVoices();
  const state = useSyncExternalStore(reader.subscribe, reader.getState);
  const allowed = locale !== null && info.speech.platformVoiceLocales.includes(locale);
  const platformVoice = allowed && locale ? voiceFor(voices, locale) : null;
  const builtInAvailable = locale !== null && info.speech.builtInProblem === null && info.speech.builtInLocales.includes(locale) && !state.builtInFailed;
  const available = locale !== null && canSpeakLocale(locale, info.speech, platformVoice !== null, state.builtInFailed);
  return { platformVoice, builtInAvailable, available };
}

/** Read aloud for one language: the shared reader's state and controls. */
export function useSpeech(locale: string | null) {
  const state = useSyncExternalStore(reader.subscribe, reader.getState);
  const { platformVoice, builtInAvailable, available } = useVoices(locale);

  /** Reads an element (a screen or a dialog) aloud; `cache: false` for text with typed patient values. */
  const speak = useCallback(
    (root: Element, options: { cache?: boolean } = {}) => {
      if (!locale) return;
      reader.read({ items: collectReadItems(root, locale), locale, platformVoice, builtInAvailable, cache: options.cache ?? true });
    },
    [locale, platformVoice, builtInAvailable],
  );

  return {
    available,
    status: state.status,
    speaking: state.status !== 'idle',
    rate: state.rate,
    speak,
    stop: () => reader.stop(),
    pause: () => reader.pause(),
    resume: () => reader.resume(),
    /** Reads the last text again from its start; false when it is no longer on screen. */
    repeat: () => reader.repeat(),
    setRate: (rate: SpeechRate) => reader.setRate(rate),
  };
}
