import { useEffect, useState } from 'react';
import { callKey, loading, settledAnswer, takeCall, type Loaded } from '../api/call-cache';
import type { CallInput, CallName, CallOutput } from '../../../electron/shared/contract';

export type { Loaded };

/**
 * Loads one contract call; reloads when the input changes, or when `version` goes up (after a
 * change elsewhere), keeping the previous answer for the same input until the new one arrives.
 * An answer the kiosk already has (api/call-cache.ts) shows in the first render, with no
 * loading state.
 */
export function useCall<N extends CallName>(name: N, input: CallInput<N> | null, version = 0): Loaded<CallOutput<N>> {
  const key = input === null ? null : callKey(name, input);
  const ready = key !== null && version === 0 ? (settledAnswer(key) as Loaded<CallOutput<N>> | undefined) : undefined;
  // The answer is kept with the input it answers, so a new input never shows the old answer.
  const [result, setResult] = useState<{ key: string | null; loaded: Loaded<CallOutput<N>> }>(() => ({ key, loaded: ready ?? loading }));
  useEffect(() => {
    if (key === null || input === null) return;
    let live = true;
    const entry = takeCall(name, input, version);
    const show = (loaded: Loaded<CallOutput<N>>) => setResult((r) => (r.key === key && r.loaded === loaded ? r : { key, loaded }));
    if (entry.loaded.state !== 'loading') show(entry.loaded);
    else void entry.promise.then((loaded) => live && show(loaded));
    return () => {
      live = false;
    };
    // `key` stands for `input`: it changes exactly when the input's content does.
  }, [name, key, version]);
  if (result.key === key && (result.loaded.state !== 'loading' || !ready)) return result.loaded;
  return ready ?? loading;
}
