import { useCallback, useState } from 'react';
import { useUiText } from '../hooks/useUiText';
import { ApiError } from '../api/client';
import { fieldMessages, issuesOf, type Issue, type MarkOptions } from './draft-values';
import { describedBy } from './Field';

export interface DraftForm<D extends object> {
  draft: D;
  set: <K extends keyof D>(key: K, value: D[K]) => void;
  /** Starts again from `next` (after a save, "undo" or "clear"), with no marks. */
  reset: (next: D) => void;
  /** The message at each field; "form" for a problem of the whole form. */
  errors: Record<string, string>;
  markField: (field: string, message: string) => void;
  /** Marks every field a problem belongs to (and only those); returns the marks. */
  markIssues: (issues: readonly Issue[]) => Record<string, string>;
  /** Marks the fields of a refused call; null when the error names no field (the caller says it otherwise). */
  markRefusal: (e: unknown) => Record<string, string> | null;
  clearMarks: () => void;
  /** The id of the input for `key` ("f-liftValue"). */
  idOf: (key: keyof D & string) => string;
  /** The props of the text input for `key`: its id, value, change handler and marks (`hint`: it has a hint). */
  bind: (key: TextKey<D>, hint?: boolean) => BoundInput;
}

/** The draft fields that hold text. */
export type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

export interface BoundInput {
  id: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface DraftFormOptions extends Omit<MarkOptions<never>, 'draft'> {
  /** Each input's id is this prefix and the field's name ("f-" → "f-liftValue"). */
  idPrefix: string;
}

/**
 * One form's draft, kept only in memory, and the marks on its fields: problems from the
 * contract's zod schema (checked here or by the kiosk) at the field each path belongs to,
 * in plain words in the screen's language.
 */
export function useDraftForm<D extends object>(initial: D, options: DraftFormOptions): DraftForm<D> {
  const { t } = useUiText();
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = useCallback(<K extends keyof D>(key: K, value: D[K]) => setDraft((d) => ({ ...d, [key]: value })), []);
  const reset = useCallback((next: D) => {
    setDraft(next);
    setErrors({});
  }, []);
  const markField = useCallback((field: string, message: string) => setErrors((e) => ({ ...e, [field]: message })), []);
  const markIssues = (issues: readonly Issue[]) => {
    const found = fieldMessages(issues, t, { ...options, draft });
    setErrors(found);
    return found;
  };
  const markRefusal = (e: unknown) => {
    const issues = e instanceof ApiError && !e.transport ? issuesOf(e.error) : [];
    return issues.length ? markIssues(issues) : null;
  };
  const clearMarks = useCallback(() => setErrors({}), []);
  const idOf = (key: keyof D & string) => `${options.idPrefix}${key}`;
  const bind = (key: TextKey<D>, hint = false): BoundInput => {
    const id = idOf(key);
    return {
      id,
      value: draft[key] as string,
      onChange: (e) => set(key, e.target.value as D[typeof key]),
      'aria-invalid': errors[key] ? true : undefined,
      'aria-describedby': describedBy(id, hint, Boolean(errors[key])),
    };
  };
  return { draft, set, reset, errors, markField, markIssues, markRefusal, clearMarks, idOf, bind };
}
