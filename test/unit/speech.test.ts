import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canSpeakLocale, chooseSpeechSource, splitSentences, type SpeechInfo } from '../../electron/shared/speech';
import { speechCacheKey } from '../../electron/core/speech-cache';
import { builtInVoices } from '../../electron/core/speech-voices';
import { fixWavHeader, wavDurationMs } from '../../electron/core/espeak';

const texts = (s: string, locale: string) => splitSentences(s, locale).map((x) => x.text);

describe('sentence splitting (Intl.Segmenter, per language)', () => {
  it('English: at full stops, question and exclamation marks, not inside numbers', () => {
    expect(texts('You may go home the same day. Rest for 2.5 hours! Any questions?', 'en')).toEqual(['You may go home the same day.', 'Rest for 2.5 hours!', 'Any questions?']);
  });
  it('Spanish: with inverted marks', () => {
    expect(texts('¿Tiene dolor? Llame a la clínica. ¡Gracias!', 'es')).toEqual(['¿Tiene dolor?', 'Llame a la clínica.', '¡Gracias!']);
  });
  it('Chinese: at 。 and ？ without spaces', () => {
    expect(texts('手术很短。您会回家吗？请休息。', 'zh-Hans')).toEqual(['手术很短。', '您会回家吗？', '请休息。']);
  });
  it('Arabic: at the Arabic question mark', () => {
    expect(texts('هل تشعر بألم؟ اتصل بالعيادة.', 'ar')).toEqual(['هل تشعر بألم؟', 'اتصل بالعيادة.']);
  });
  it('Hindi: at the danda', () => {
    expect(texts('आप घर जा सकते हैं। आराम करें।', 'hi')).toEqual(['आप घर जा सकते हैं।', 'आराम करें।']);
  });
  it('keeps offsets into the original text, skips text without letters, and cuts over-long sentences', () => {
    const text = '  One.  Two?\n';
    const spans = splitSentences(text, 'en');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(spans.map((s) => s.text));
    expect(spans.map((s) => s.text)).toEqual(['One.', 'Two?']);
    expect(splitSentences('…  — ', 'en')).toEqual([]);
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ') + '.';
    const cut = splitSentences(long, 'en', 100);
    expect(cut.length).toBeGreaterThan(4);
    expect(cut.every((s) => s.text.length <= 100)).toBe(true);
    expect(cut.map((s) => s.text).join(' ')).toBe(long);
    const han = '很'.repeat(250) + '。';
    expect(splitSentences(han, 'zh-Hans', 100).map((s) => s.text.length)).toEqual([100, 100, 51]);
  });
});

describe('speech cache key', () => {
  const base = { engine: 'espeak-ng 1.51', voice: 'es', rate: 1, text: 'Hola.' };
  it('is a sha256 hex that is the same for the same input', () => {
    expect(speechCacheKey(base)).toMatch(/^[a-f0-9]{64}$/);
    expect(speechCacheKey({ ...base })).toBe(speechCacheKey(base));
  });
  it('changes with the text, the voice, the rate and the engine version', () => {
    const keys = new Set([speechCacheKey(base), speechCacheKey({ ...base, text: 'Hola!' }), speechCacheKey({ ...base, voice: 'pt-br' }), speechCacheKey({ ...base, rate: 0.8 }), speechCacheKey({ ...base, engine: 'espeak-ng 1.52' })]);
    expect(keys.size).toBe(5);
    // Fields cannot run into each other.
    expect(speechCacheKey({ ...base, voice: 'es', text: 'x' })).not.toBe(speechCacheKey({ ...base, voice: 'esx', text: '' }));
  });
});

describe('choice among the three sources', () => {
  const none = { hasNarration: false, platformAllowed: false, platformVoiceExists: false, builtInAvailable: false };
  it('prefers recorded narration, then an allowed platform voice, then the built-in voice', () => {
    expect(chooseSpeechSource({ hasNarration: true, platformAllowed: true, platformVoiceExists: true, builtInAvailable: true })).toBe('narration');
    expect(chooseSpeechSource({ ...none, platformAllowed: true, platformVoiceExists: true, builtInAvailable: true })).toBe('platform');
    expect(chooseSpeechSource({ ...none, builtInAvailable: true })).toBe('builtin');
  });
  it('uses the platform voice only where the clinic allows it and it exists', () => {
    expect(chooseSpeechSource({ ...none, platformVoiceExists: true, builtInAvailable: true })).toBe('builtin');
    expect(chooseSpeechSource({ ...none, platformAllowed: true, builtInAvailable: true })).toBe('builtin');
    expect(chooseSpeechSource({ ...none, platformAllowed: true })).toBeNull();
    expect(chooseSpeechSource(none)).toBeNull();
  });
  it('offers Listen for a language only when some voice speaks it', () => {
    const info: SpeechInfo = { builtInLocales: ['en', 'es'], builtInVersion: '1.51', builtInProblem: null, platformVoiceLocales: ['tl'] };
    expect(canSpeakLocale('es', info, false)).toBe(true);
    expect(canSpeakLocale('es', info, false, true)).toBe(false);
    expect(canSpeakLocale('tl', info, false)).toBe(false);
    expect(canSpeakLocale('tl', info, true)).toBe(true);
    expect(canSpeakLocale('en', { ...info, builtInProblem: 'missing' }, false)).toBe(false);
  });
});

describe('built-in voice table and WAV files', () => {
  it('has a voice for every language of the design except Tagalog', () => {
    const design = ['en', 'es', 'zh-Hans', 'zh-Hant', 'vi', 'tl', 'ko', 'ar', 'ru', 'ht', 'fr', 'pt-BR', 'pl', 'hi', 'fa'];
    expect(design.filter((c) => !builtInVoices[c])).toEqual(['tl']);
    const bundled = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'db', 'content', 'locales.json'), 'utf8')) as { code: string }[]).map((l) => l.code);
    expect(bundled.filter((c) => c !== 'tl' && !builtInVoices[c])).toEqual([]);
  });
  it('writes the real sizes into a streamed WAV header and measures its length', () => {
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'ascii');
    header.writeUInt32LE(0x7ffff024, 4);
    header.write('WAVEfmt ', 8, 'ascii');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(22050, 24);
    header.writeUInt32LE(44100, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36, 'ascii');
    header.writeUInt32LE(0x7ffff000, 40);
    const wav = fixWavHeader(Buffer.concat([header, Buffer.alloc(44100)]));
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.readUInt32LE(40)).toBe(44100);
    expect(wavDurationMs(wav)).toBe(1000);
    expect(() => fixWavHeader(Buffer.from('not a wav file at all, clearly not one.....'))).toThrow(/not a WAV/);
  });
});

describe('speech disk cache', () => {
  it('keeps under its size cap by removing the least recently used files, and survives a restart', async () => {
    const { SpeechCache } = await import('../../electron/core/speech-cache');
    const { mkdtempSync, readdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-speech-cache-'));
    try {
      const cache = new SpeechCache(dir, 1000);
      const key = (n: number) => String(n).repeat(64).slice(0, 64);
      for (let i = 1; i <= 3; i++) cache.put(key(i), Buffer.alloc(300, i));
      expect(cache.get(key(1))?.[0]).toBe(1);
      cache.put(key(4), Buffer.alloc(300, 4));
      expect(cache.size().bytes).toBeLessThanOrEqual(1000);
      expect(cache.get(key(4))).not.toBeNull();
      expect(readdirSync(dir).length).toBe(cache.size().files);
      // A new process finds what is on disk.
      const again = new SpeechCache(dir, 1000);
      expect(again.size()).toEqual(cache.size());
      expect(again.get(key(4))?.[0]).toBe(4);
      // Nothing larger than the cap is kept.
      again.put(key(5), Buffer.alloc(2000));
      expect(again.get(key(5))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
