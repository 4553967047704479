import type { ReactNode } from 'react';

/** A labelled form field with its hint and its error, the error announced and tied to the input. */
export function Field({ id, label, error, hint, children, className }: { id: string; label: ReactNode; error?: string; hint?: string; children: ReactNode; className?: string }) {
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A field's error, announced; `id` is the input's, so the input can point at it. */
export function FieldError({ id, error }: { id?: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={id ? `${id}-error` : undefined} role="alert">
      {error}
    </p>
  );
}

/** aria-describedby for an input with an optional hint and error. */
export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}
