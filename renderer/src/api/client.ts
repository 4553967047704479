/**
 * The renderer's one way to reach the app: Electron IPC through `window.kiosk` when the
 * preload exposed it, otherwise web mode's HTTP contract on the same origin. Every failure,
 * whether the kiosk refused the call or the call never arrived, rejects with an `ApiError`.
 */
import type { CallInput, CallName, CallOutput, KioskBridge } from '../../../electron/shared/contract';
import type { CallError, CallResult } from '../../../electron/shared/errors';

declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}

/** Why a call never got an answer from the kiosk (the screens say so in the staff's language). */
export type TransportFailure = 'unreachable' | 'badAnswer';

export class ApiError extends Error {
  constructor(
    readonly error: CallError,
    /** Set when the call did not reach the kiosk or its answer could not be read. */
    readonly transport?: TransportFailure,
  ) {
    super(error.message);
    this.name = 'ApiError';
  }

  /** Anything a call rejected with, as an ApiError (a rejected IPC call or fetch is not one). */
  static from(e: unknown): ApiError {
    if (e instanceof ApiError) return e;
    return new ApiError({ code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) }, 'unreachable');
  }
}

const transportError = (transport: TransportFailure, message: string) => new ApiError({ code: 'INTERNAL', message }, transport);

/**
 * A request public/boot.js sent before this code loaded, by the same transport rule as
 * callApi (an HTTP Response in web mode, the bridge's answer in Electron).
 */
export type SentRequest = Promise<unknown>;

async function overHttp(name: string, input: unknown, sent?: SentRequest): Promise<CallResult<unknown>> {
  let response: Response;
  try {
    response = (await (sent ??
      fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
        credentials: 'same-origin',
      }))) as Response;
    if (!(response instanceof Response)) throw new Error('not a response');
  } catch {
    throw transportError('unreachable', 'The kiosk service is not answering.');
  }
  try {
    return (await response.json()) as CallResult<unknown>;
  } catch {
    throw transportError('badAnswer', `The kiosk service answered HTTP ${response.status}.`);
  }
}

async function overIpc(bridge: KioskBridge, name: CallName, input: unknown, sent?: SentRequest): Promise<CallResult<unknown>> {
  try {
    return (await (sent ?? (bridge[name] as (i: unknown) => Promise<CallResult<unknown>>)(input))) as CallResult<unknown>;
  } catch (e) {
    throw ApiError.from(e);
  }
}

/** Makes a call (or reads the answer to `sent`, the same call already sent); rejects with an ApiError. */
export async function callApi<N extends CallName>(name: N, input: CallInput<N>, sent?: SentRequest): Promise<CallOutput<N>> {
  const bridge = window.kiosk;
  const result = (bridge ? await overIpc(bridge, name, input, sent) : await overHttp(name, input, sent)) as CallResult<CallOutput<N>> | null | undefined;
  if (!result || typeof result !== 'object') throw transportError('badAnswer', 'The kiosk service gave no answer.');
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
