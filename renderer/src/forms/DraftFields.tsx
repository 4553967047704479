/** A draft's fields as labelled inputs: typed text or numbers, and choices from a short list. */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from './Field';
import type { DraftForm, TextKey } from './useDraftForm';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'name' | 'form' | 'children'>;

/** A labelled input bound to the draft's text field `name`, with its hint and its mark. */
export function TextField<D extends object>({ form, name, label, hint, children, ...input }: { form: DraftForm<D>; name: TextKey<D>; label: string; hint?: string; children?: ReactNode } & InputProps) {
  const bound = form.bind(name, Boolean(hint));
  const field = <input {...input} {...bound} />;
  return (
    <Field id={bound.id} label={label} error={form.errors[name]} hint={hint}>
      {children ? (
        <div className="with-unit">
          {field}
          {children}
        </div>
      ) : (
        field
      )}
    </Field>
  );
}

/** The options of a choice: each value with the words shown for it. */
export type Options<V> = readonly (readonly [V, string])[];

/** A `<select>` of `options` bound to the draft's field `name` (its value is always one of them). */
export function ChoiceSelect<D extends object, K extends keyof D & string>({ form, name, options, id, label }: { form: DraftForm<D>; name: K; options: Options<D[K]>; id?: string; label?: string }) {
  const value = String(form.draft[name]);
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      onChange={(e) => {
        const chosen = options.find(([v]) => String(v) === e.target.value);
        if (chosen) form.set(name, chosen[0]);
      }}
    >
      {options.map(([v, words]) => (
        <option key={String(v)} value={String(v)}>
          {words}
        </option>
      ))}
    </select>
  );
}

/** A labelled choice bound to the draft's field `name`. */
export function ChoiceField<D extends object, K extends keyof D & string>({ form, name, label, options }: { form: DraftForm<D>; name: K; label: string; options: Options<D[K]> }) {
  const id = form.idOf(name);
  return (
    <Field id={id} label={label} error={form.errors[name]}>
      <ChoiceSelect form={form} name={name} options={options} id={id} />
    </Field>
  );
}
