/**
 * Answers the kiosk may reuse, so a screen it has shown (or a language a patient is about to
 * pick) renders at once instead of through a loading state:
 * - content reads (public, the same for every patient) are kept for one kiosk session, which
 *   ends at every reset, so the next patient reads the content as it is then;
 * - calls started early (the two first calls, before React mounts) are handed once to the
 *   first screen that asks for them, and then forgotten.
 * Nothing a nurse types is ever kept here: only the public calls below are.
 */
import { callApi, ApiError, type SentRequest } from './client';
import type { CallInput, CallName, CallOutput } from '../../../electron/shared/contract';

/** A call's answer as a screen shows it: still loading, ready, or failed with the kiosk's error. */
export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: ApiError };

/** A call under way or answered; `promise` settles with the same value as `loaded` ends with, and never rejects. */
export interface CallEntry<T> {
  loaded: Loaded<T>;
  promise: Promise<Loaded<T>>;
}

const contentReads: ReadonlySet<CallName> = new Set<CallName>(['listProcedures', 'getProcedureHome', 'getTopic', 'getWalkthrough', 'getQuiz']);
/** Enough for every screen of a few languages; the oldest answer goes first. */
const MAX_KEPT = 64;

const kept = new Map<string, CallEntry<unknown>>();
const early = new Map<string, CallEntry<unknown>>();

export const loading: Loaded<never> = { state: 'loading' };

export function callKey<N extends CallName>(name: N, input: CallInput<N>): string {
  return `${name}:${JSON.stringify(input)}`;
}

function start<N extends CallName>(name: N, input: CallInput<N>, sent?: SentRequest): CallEntry<CallOutput<N>> {
  const entry: CallEntry<CallOutput<N>> = { loaded: loading, promise: Promise.resolve(loading) };
  entry.promise = callApi(name, input, sent).then(
    (value): Loaded<CallOutput<N>> => (entry.loaded = { state: 'ready', value }),
    (e: unknown): Loaded<CallOutput<N>> => (entry.loaded = { state: 'error', error: ApiError.from(e) }),
  );
  return entry;
}

function keep<N extends CallName>(key: string, name: N, input: CallInput<N>): CallEntry<CallOutput<N>> {
  const found = kept.get(key) as CallEntry<CallOutput<N>> | undefined;
  if (found) {
    // Most recently used last, so the oldest is the first to go.
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const entry = start(name, input);
  kept.set(key, entry);
  // A failed read is not kept: the next screen asks again.
  void entry.promise.then((loaded) => loaded.state === 'error' && kept.get(key) === entry && kept.delete(key));
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  return entry;
}

/**
 * Starts a call ahead of the screen that will show it (a content read is kept; any other call
 * is handed to its first asker). `sent`: the same call, already sent (public/boot.js).
 */
export function prefetchCall<N extends CallName>(name: N, input: CallInput<N>, sent?: SentRequest): Promise<Loaded<CallOutput<N>>> {
  const key = callKey(name, input);
  if (contentReads.has(name)) return keep(key, name, input).promise;
  let entry = early.get(key) as CallEntry<CallOutput<N>> | undefined;
  if (!entry) early.set(key, (entry = start(name, input, sent)));
  return entry.promise;
}

/** The answer already in for `key`, if any (without starting or taking anything). */
export function settledAnswer(key: string): Loaded<unknown> | undefined {
  const entry = kept.get(key) ?? early.get(key);
  return entry && entry.loaded.state !== 'loading' ? entry.loaded : undefined;
}

/**
 * The call a screen shows: a kept content read or an early call when there is one (version 0),
 * else a new call. `version` above 0 asks again (after a change elsewhere).
 */
export function takeCall<N extends CallName>(name: N, input: CallInput<N>, version: number): CallEntry<CallOutput<N>> {
  const key = callKey(name, input);
  if (version === 0 && contentReads.has(name)) return keep(key, name, input);
  const started = early.get(key) as CallEntry<CallOutput<N>> | undefined;
  early.delete(key);
  if (version === 0 && started) return started;
  return start(name, input);
}

/** Forgets every kept answer (a reset: the next patient, or content and settings just changed). */
export function forgetAnswers(): void {
  kept.clear();
  early.clear();
}
