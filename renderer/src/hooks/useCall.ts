import { useEffect, useState } from 'react';
import { callApi, ApiError } from '../api/client';
import type { CallInput, CallName, CallOutput } from '../../../electron/shared/contract';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: ApiError };

/** Loads one contract call; reloads when the input changes. */
export function useCall<N extends CallName>(name: N, input: CallInput<N> | null): Loaded<CallOutput<N>> {
  const key = input === null ? null : JSON.stringify(input);
  const [result, setResult] = useState<Loaded<CallOutput<N>>>({ state: 'loading' });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setResult({ state: 'loading' });
    callApi(name, JSON.parse(key) as CallInput<N>).then(
      (value) => live && setResult({ state: 'ready', value }),
      (e: unknown) =>
        live && setResult({ state: 'error', error: e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: String(e) }) }),
    );
    return () => {
      live = false;
    };
  }, [name, key]);
  return result;
}
