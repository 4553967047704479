/**
 * The renderer's one way to reach the app: Electron IPC through `window.kiosk` when the
 * preload exposed it, otherwise web mode's HTTP contract on the same origin.
 */
import type { CallInput, CallName, CallOutput, KioskBridge } from '../../../electron/shared/contract';
import type { CallError, CallResult } from '../../../electron/shared/errors';

declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}

export class ApiError extends Error {
  constructor(readonly error: CallError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

async function overHttp(name: string, input: unknown): Promise<CallResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'The kiosk service is not answering.' } };
  }
  try {
    return (await response.json()) as CallResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `The kiosk service answered HTTP ${response.status}.` } };
  }
}

export async function callApi<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const bridge = window.kiosk;
  const result = bridge
    ? ((await (bridge[name] as (i: unknown) => Promise<CallResult<unknown>>)(input)) as CallResult<CallOutput<N>>)
    : ((await overHttp(name, input)) as CallResult<CallOutput<N>>);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
