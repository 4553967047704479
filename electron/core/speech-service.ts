/**
 * Read aloud with the built-in voice: which languages it speaks here, and the audio for a few
 * sentences at a time (the renderer asks for the next sentences while one plays). Content
 * sentences are cached on disk; a request with `cache: false` (typed patient values) is
 * synthesised in memory only and nothing of it is written or logged.
 */
import { join } from 'node:path';
import { Espeak, wavDurationMs } from './espeak';
import { SpeechCache, speechCacheKey } from './speech-cache';
import { builtInVoices, wordsPerMinute } from './speech-voices';
import { KioskError } from '../shared/errors';
import type { SpeechClip } from '../shared/speech';

export interface SpeechServiceOptions {
  /** eSpeak NG program: a name on PATH or a full path. */
  command: string;
  dataDir: string;
  cacheBytes?: number;
  maxProcesses?: number;
  timeoutMs?: number;
}

export interface BuiltInVoiceStatus {
  locales: string[];
  version: string | null;
  problem: string | null;
}

/** After the program fails while speaking, it is reported as broken for this long (then tried again). */
const FAILURE_MEMORY_MS = 5 * 60 * 1000;

export class SpeechService {
  readonly engine: Espeak;
  readonly cache: SpeechCache;
  private failure: { message: string; at: number } | null = null;

  constructor(options: SpeechServiceOptions) {
    this.engine = new Espeak({ command: options.command, maxProcesses: options.maxProcesses ?? 2, timeoutMs: options.timeoutMs ?? 20_000 });
    this.cache = new SpeechCache(join(options.dataDir, 'speech-cache'), options.cacheBytes);
  }

  /** The kiosk languages (of `locales`) the built-in voice speaks on this machine, or why none. */
  async status(locales: readonly string[]): Promise<BuiltInVoiceStatus> {
    const s = await this.engine.status();
    if (!s.available) return { locales: [], version: null, problem: s.problem };
    if (this.failure && Date.now() - this.failure.at < FAILURE_MEMORY_MS) return { locales: [], version: s.version, problem: this.failure.message };
    return { locales: locales.filter((code) => this.voiceFor(code, s.voices) !== null), version: s.version, problem: null };
  }

  async prepare(request: { locale: string; sentences: string[]; rate: number; cache: boolean }): Promise<SpeechClip[]> {
    const s = await this.engine.status();
    if (!s.available) throw new KioskError('UNAVAILABLE', `The built-in voice is not available on this kiosk: ${s.problem ?? 'unknown problem'}.`);
    const voice = this.voiceFor(request.locale, s.voices);
    if (!voice) throw new KioskError('NOT_FOUND', `The built-in voice has no voice for the language "${request.locale}".`, 'locale');
    const wpm = wordsPerMinute(request.rate);
    const engineId = `espeak-ng ${s.version ?? ''}`;
    return Promise.all(
      request.sentences.map(async (text) => {
        const key = request.cache ? speechCacheKey({ engine: engineId, voice, rate: request.rate, text }) : null;
        let wav = key ? this.cache.get(key) : null;
        if (!wav) {
          try {
            wav = await this.engine.synthesize(text, voice, wpm);
          } catch (e) {
            this.failure = { message: `it failed while speaking (${(e as Error).message.replace(/^.*\((.*)\)\.$/, '$1')})`, at: Date.now() };
            throw e;
          }
          this.failure = null;
          if (key) this.cache.put(key, wav);
        }
        return { audio: wav.toString('base64'), mime: 'audio/wav' as const, durationMs: wavDurationMs(wav) };
      }),
    );
  }

  private voiceFor(locale: string, installed: Set<string>): string | null {
    const voice = builtInVoices[locale];
    return voice !== undefined && installed.has(voice) ? voice : null;
  }
}
