import { useCallback, useEffect, useRef, useState } from 'react';

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

/** Read aloud with the platform's speechSynthesis, per language; `available` is false with no voice. */
export function useSpeech(locale: string | null) {
  const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synth?.getVoices() ?? []);
  const [speaking, setSpeaking] = useState(false);
  const lastText = useRef('');

  useEffect(() => {
    if (!synth) return;
    const update = () => setVoices(synth.getVoices());
    update();
    synth.addEventListener('voiceschanged', update);
    return () => synth.removeEventListener('voiceschanged', update);
  }, [synth]);

  const voice = locale ? voiceFor(voices, locale) : null;

  const stop = useCallback(() => {
    synth?.cancel();
    setSpeaking(false);
  }, [synth]);

  const speak = useCallback(
    (text: string) => {
      if (!synth || !voice || !locale) return;
      synth.cancel();
      lastText.current = text;
      const chunks = speechChunks(text);
      chunks.forEach((chunk, i) => {
        const u = new SpeechSynthesisUtterance(chunk);
        u.voice = voice;
        u.lang = voice.lang;
        if (i === chunks.length - 1) u.onend = () => setSpeaking(false);
        u.onerror = () => setSpeaking(false);
        synth.speak(u);
      });
      setSpeaking(chunks.length > 0);
    },
    [synth, voice, locale],
  );

  // Stop reading when the language changes or the screen goes away.
  useEffect(() => stop, [locale, stop]);

  return { available: Boolean(synth && voice), speaking, speak, stop, repeat: () => speak(lastText.current) };
}
