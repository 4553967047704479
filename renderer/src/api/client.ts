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

/** An HTTP answer as web mode's contract reads it: the status, and the JSON body when it was JSON. */
export interface HttpAnswer {
  status: number;
  body?: unknown;
}

/**
 * A call public/boot.js sent before this code loaded, by the same transport rule as callApi:
 * in web mode an HttpAnswer (boot.js reads the body as readHttpAnswer does, while this code
 * is still being evaluated), in Electron the bridge's answer.
 */
export type SentRequest = Promise<unknown>;

/** Reads a response's JSON body (public/boot.js does the same, in plain ES2017). */
export function readHttpAnswer(response: Response): Promise<HttpAnswer> {
  return response.json().then(
    (body: unknown) => ({ status: response.status, body }),
    () => ({ status: response.status }),
  );
}

async function overHttp(name: string, input: unknown, sent?: SentRequest): Promise<CallResult<unknown>> {
  let answer: HttpAnswer;
  try {
    answer = (await (sent ??
      fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
        credentials: 'same-origin',
      }).then(readHttpAnswer))) as HttpAnswer;
    if (typeof answer?.status !== 'number') throw new Error('not an answer');
  } catch {
    throw transportError('unreachable', 'The kiosk service is not answering.');
  }
  if (!('body' in answer)) throw transportError('badAnswer', `The kiosk service answered HTTP ${answer.status}.`);
  return answer.body as CallResult<unknown>;
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
