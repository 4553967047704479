import { useEffect, useState } from 'react';
import { callApi, ApiError } from '../api/client';
import type { CallInput, CallName, CallOutput } from '../../../electron/shared/contract';

/** A call's answer as a screen shows it: still loading, ready, or failed with the kiosk's error. */
export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: ApiError };

/**
 * Loads one contract call; reloads when the input changes, or when `version` goes up (after a
 * change elsewhere), keeping the previous answer for the same input until the new one arrives.
 */
export function useCall<N extends CallName>(name: N, input: CallInput<N> | null, version = 0): Loaded<CallOutput<N>> {
  const key = input === null ? null : `${name}:${JSON.stringify(input)}`;
  // The answer is kept with the input it answers, so a new input never shows the old answer.
  const [result, setResult] = useState<{ key: string | null; loaded: Loaded<CallOutput<N>> }>({ key: null, loaded: { state: 'loading' } });
  useEffect(() => {
    if (key === null || input === null) return;
    let live = true;
    callApi(name, input).then(
      (value) => live && setResult({ key, loaded: { state: 'ready', value } }),
      (e: unknown) => live && setResult({ key, loaded: { state: 'error', error: ApiError.from(e) } }),
    );
    return () => {
      live = false;
    };
    // `key` stands for `input`: it changes exactly when the input's content does.
  }, [name, key, version]);
  return result.key === key ? result.loaded : { state: 'loading' };
}
