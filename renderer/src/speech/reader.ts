/**
 * The kiosk's one reader: reads a list of items aloud, highlighting the one being read
 * (CSS Custom Highlight API, no DOM changes) and scrolling it into view. Each item comes from
 * the first source that can speak it (chooseSpeechSource): recorded narration, the platform's
 * voice where the clinic allows it, else the built-in voice, whose audio core prepares a few
 * sentences ahead while one plays. Audio plays through Web Audio. A failing built-in voice
 * stops reading and is marked failed, so Listen hides; patients never see an error.
 */
import { callApi } from '../api/client';
import { chooseSpeechSource, type SpeechRate, type SpeechSource } from '../../../electron/shared/speech';
import type { ReadItem } from './collect';

export type ReaderStatus = 'idle' | 'loading' | 'playing' | 'paused';

export interface ReaderState {
  status: ReaderStatus;
  /** Index of the item being read, -1 when none. */
  current: number;
  source: SpeechSource | null;
  rate: SpeechRate;
  /** The built-in voice failed during this session: do not offer it again. */
  builtInFailed: boolean;
}

export interface ReadRequest {
  items: ReadItem[];
  locale: string;
  /** The platform voice for the language when the clinic allows it, else null. */
  platformVoice: SpeechSynthesisVoice | null;
  builtInAvailable: boolean;
  /** False for text with typed patient values: the built-in voice then caches nothing on disk. */
  cache: boolean;
}

export const HIGHLIGHT_NAME = 'kiosk-reading';
/** How many sentences one prepareSpeech call asks for after the first (which comes alone, to start fast). */
const BATCH = 3;

type Listener = () => void;

class Reader {
  private state: ReaderState = { status: 'idle', current: -1, source: null, rate: 1, builtInFailed: false };
  private readonly listeners = new Set<Listener>();
  private request: ReadRequest | null = null;
  private generation = 0;
  private context: AudioContext | null = null;
  private node: AudioBufferSourceNode | null = null;
  /** Decoded built-in audio by item index, for the current request. */
  private prepared = new Map<number, Promise<AudioBuffer>>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): ReaderState => this.state;

  private set(patch: Partial<ReaderState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  setRate(rate: SpeechRate): void {
    if (rate === this.state.rate) return;
    this.set({ rate });
    // Audio already prepared is at the old speed.
    if (this.request && this.state.status !== 'idle') this.read(this.request, Math.max(this.state.current, 0));
  }

  /** Starts reading from `from`; must be called from a tap (browsers allow audio only then). */
  read(request: ReadRequest, from = 0): void {
    this.halt();
    this.request = request;
    const gen = ++this.generation;
    this.prepared = new Map();
    if (request.items.length === 0) return;
    this.audio();
    void this.playFrom(gen, from);
  }

  pause(): void {
    if (this.state.status !== 'playing' && this.state.status !== 'loading') return;
    if (this.state.source === 'platform') window.speechSynthesis?.pause();
    else void this.context?.suspend();
    this.set({ status: 'paused' });
  }

  resume(): void {
    if (this.state.status !== 'paused') return;
    if (this.state.source === 'platform') window.speechSynthesis?.resume();
    else void this.context?.resume();
    this.set({ status: 'playing' });
  }

  /** Reads the last request again from its start; false when there is none still on screen. */
  repeat(): boolean {
    const last = this.request;
    if (!last || !last.items.every((i) => i.range.startContainer.isConnected)) return false;
    this.read(last, 0);
    return true;
  }

  /** Stops reading; Repeat can still start the same text again while it is on screen. */
  stop(): void {
    this.halt();
  }

  private halt(): void {
    this.generation++;
    if (this.node) {
      this.node.onended = null;
      try {
        this.node.stop();
      } catch {
        // Not started yet.
      }
      this.node.disconnect();
      this.node = null;
    }
    if (this.state.source === 'platform' || this.state.status !== 'idle') window.speechSynthesis?.cancel();
    if (this.context?.state === 'suspended') void this.context.resume();
    clearHighlight();
    if (this.state.status !== 'idle' || this.state.current !== -1) this.set({ status: 'idle', current: -1, source: null });
  }

  private audio(): AudioContext {
    this.context ??= new AudioContext();
    if (this.context.state === 'suspended') void this.context.resume();
    return this.context;
  }

  private async playFrom(gen: number, index: number): Promise<void> {
    const request = this.request;
    if (!request || gen !== this.generation) return;
    const item = request.items[index];
    if (!item) {
      this.halt();
      return;
    }
    const source = chooseSpeechSource({
      hasNarration: Boolean(item.narrationSrc),
      platformAllowed: request.platformVoice !== null,
      platformVoiceExists: request.platformVoice !== null,
      builtInAvailable: request.builtInAvailable && !this.state.builtInFailed,
    });
    if (!source) return this.playFrom(gen, index + 1);
    const paused = this.state.status === 'paused';
    this.set({ current: index, source, status: paused ? 'paused' : 'loading' });
    highlight(item.range);
    try {
      if (source === 'platform') await this.speakPlatform(gen, item.text, request.platformVoice!);
      else {
        const buffer = source === 'narration' ? await this.narration(item.narrationSrc!) : await this.builtIn(gen, index);
        if (gen !== this.generation) return;
        for (let next = index + 1; next <= index + BATCH; next++) if (request.items[next] && !request.items[next]!.narrationSrc && source === 'builtin') void this.builtIn(gen, next).catch(() => undefined);
        await this.playBuffer(gen, buffer);
      }
    } catch {
      if (gen !== this.generation) return;
      this.halt();
      if (source === 'builtin') void this.recheckBuiltIn(request.locale);
      return;
    }
    if (gen === this.generation) return this.playFrom(gen, index + 1);
  }

  /** After a failed call: hides the built-in voice only if core now reports it broken (not merely busy). */
  private async recheckBuiltIn(locale: string): Promise<void> {
    try {
      const info = await callApi('getAppInfo', {});
      if (info.speech.builtInProblem !== null || !info.speech.builtInLocales.includes(locale)) this.set({ builtInFailed: true });
    } catch {
      this.set({ builtInFailed: true });
    }
  }

  private async narration(src: string): Promise<AudioBuffer> {
    const response = await fetch(src, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`narration ${response.status}`);
    return this.audio().decodeAudioData(await response.arrayBuffer());
  }

  /** The built-in voice's audio for item `index`, asking core for it and the next few in one call. */
  private builtIn(gen: number, index: number): Promise<AudioBuffer> {
    const known = this.prepared.get(index);
    if (known) return known;
    const request = this.request!;
    const batch: number[] = [];
    for (let i = index; batch.length < (index === 0 || this.prepared.size === 0 ? 1 : BATCH) && i < request.items.length; i++) {
      const item = request.items[i]!;
      if (item.narrationSrc) break;
      if (!this.prepared.has(i)) batch.push(i);
    }
    const call = callApi('prepareSpeech', { locale: request.locale, sentences: batch.map((i) => request.items[i]!.text), rate: this.state.rate, cache: request.cache });
    batch.forEach((i, n) => {
      const decoded = call.then((r) => {
        const clip = r.clips[n];
        if (!clip) throw new Error('missing clip');
        return this.audio().decodeAudioData(base64ToArrayBuffer(clip.audio));
      });
      decoded.catch(() => undefined);
      if (gen === this.generation) this.prepared.set(i, decoded);
    });
    return this.prepared.get(index) ?? Promise.reject(new Error('not prepared'));
  }

  private playBuffer(gen: number, buffer: AudioBuffer): Promise<void> {
    const ctx = this.audio();
    return new Promise((resolve) => {
      if (gen !== this.generation) return resolve();
      const node = ctx.createBufferSource();
      node.buffer = buffer;
      node.connect(ctx.destination);
      node.onended = () => {
        node.disconnect();
        if (this.node === node) this.node = null;
        resolve();
      };
      this.node = node;
      node.start();
      if (this.state.status !== 'paused') this.set({ status: 'playing' });
    });
  }

  private speakPlatform(gen: number, text: string, voice: SpeechSynthesisVoice): Promise<void> {
    return new Promise((resolve, reject) => {
      const synth = window.speechSynthesis;
      const u = new SpeechSynthesisUtterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      u.rate = this.state.rate;
      u.onend = () => resolve();
      u.onerror = (e) => (gen === this.generation && e.error !== 'interrupted' && e.error !== 'canceled' ? reject(new Error(e.error)) : resolve());
      synth.speak(u);
      if (this.state.status !== 'paused') this.set({ status: 'playing' });
    });
  }
}

function base64ToArrayBuffer(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

function highlight(range: Range): void {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(range));
  const target = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const reduce = document.documentElement.dataset.motion === 'reduce';
  target?.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
}

function clearHighlight(): void {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(HIGHLIGHT_NAME);
}

/** The one reader of this window. */
export const reader = new Reader();
