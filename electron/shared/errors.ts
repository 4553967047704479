/** Stable error codes every transport returns; messages are written for a nurse or admin. */
export const errorCodes = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'LOCKED_OUT',
  'PACK_INVALID',
  'STORAGE_FULL',
  'READ_ONLY',
  /** A part of the kiosk (such as the built-in voice) cannot work on this machine right now. */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface CallError {
  code: ErrorCode;
  message: string;
  /** For INVALID_INPUT / PACK_INVALID: where the problem is (e.g. "locale" or "texts[3].key"). */
  field?: string;
  /** For INVALID_INPUT: every problem found, so a form can mark each field at once. */
  issues?: { field: string; message: string }[];
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** Thrown inside core; the dispatcher turns it into `{ ok: false, error }`. */
export class KioskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'KioskError';
  }
}

/** HTTP status for each code (web mode). */
export const httpStatusFor: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  PACK_INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  LOCKED_OUT: 423,
  STORAGE_FULL: 507,
  READ_ONLY: 503,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};
