/**
 * The pure parts of a form draft: what the person typed (text, exactly as in the inputs) turned
 * into numbers, and the kiosk's problems (zod issue paths) turned into marks on the fields,
 * in plain words in the screen's language.
 */
import type { TFunction } from 'i18next';
import type { CallError } from '../../../electron/shared/errors';

/** One problem with a form value: where (a path such as "liftLimit.value") and what. */
export interface Issue {
  field: string;
  message: string;
}

/** A number as the text an input shows; no number is an empty input. */
export const textOf = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));

/** A typed number ("7", " 2,5 "); an empty input is NaN so the checker marks it. */
export const numberOf = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));

/** A typed number, or null ("ask every time") when the input is empty. */
export const numberOrNull = (s: string): number | null => (s.trim() === '' ? null : numberOf(s));

/** Whether a draft value counts as not filled in. */
export const isBlank = (value: unknown): boolean => typeof value === 'string' && value.trim() === '';

/** Every problem a failed call listed (a single-field error counts as one). */
export function issuesOf(error: CallError): Issue[] {
  if (error.issues?.length) return error.issues;
  return error.field !== undefined ? [{ field: error.field, message: error.message }] : [];
}

/** A zod issue's path as the contract writes it. */
export const pathOf = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/**
 * Which form field a problem's path belongs to. `prefix` is the call's input name ("form",
 * "settings"); `aliases` names the field of a whole path or of its first part ("liftLimit" →
 * "liftValue"); otherwise the path's first part; an empty path is the whole form ("form").
 */
export function fieldOfPath(path: string, prefix: string, aliases: Readonly<Record<string, string>> = {}): string {
  const rest = path === prefix ? '' : path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path;
  const first = rest.split('.')[0] ?? '';
  return aliases[rest] ?? aliases[first] ?? (first || 'form');
}

/** The checker's own wording, in plain words in the screen's language; a message written for people stays as it is. */
export function plainMessage(message: string, t: TFunction): string {
  const min = /expected (?:number|int) to be >=?\s*(-?[\d.]+)/i.exec(message);
  if (min) return t('form.check.min', { min: min[1] });
  const max = /expected (?:number|int) to be <=?\s*(-?[\d.]+)/i.exec(message);
  if (max) return t('form.check.max', { max: max[1] });
  if (/expected number, received (NaN|null)/i.test(message)) return t('form.check.number');
  if (/expected int/i.test(message)) return t('form.check.whole');
  if (/expected string to have >=1 char/i.test(message)) return t('form.check.empty');
  const long = /expected string to have <=(\d+)/i.exec(message);
  if (long) return t('form.check.tooLong', { max: long[1] });
  return message;
}

export const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export interface MarkOptions<D> {
  /** The call's input name that prefixes each path ("form"). */
  prefix: string;
  aliases?: Readonly<Record<string, string>>;
  /** Start each message with a capital letter (the settings' checker writes lower-case phrases). */
  capitalize?: boolean;
  /** With the draft: a problem on an empty field says "Please fill this in." */
  draft?: D;
}

/** The message to show at each field (the first problem of a field wins). */
export function fieldMessages<D extends object>(issues: readonly Issue[], t: TFunction, options: MarkOptions<D>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const issue of issues) {
    const field = fieldOfPath(issue.field, options.prefix, options.aliases);
    if (found[field] !== undefined) continue;
    const draft = options.draft as Record<string, unknown> | undefined;
    if (draft && field in draft && isBlank(draft[field])) found[field] = t('form.check.required');
    else {
      const plain = plainMessage(issue.message, t);
      found[field] = options.capitalize ? capitalized(plain) : plain;
    }
  }
  return found;
}
