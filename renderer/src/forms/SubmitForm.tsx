import type { ReactNode } from 'react';

/** A form the kiosk checks itself (no browser validation, nothing remembered by the browser); Enter or the submit button runs `onSubmit`. */
export function SubmitForm({ className, onSubmit, children }: { className?: string; onSubmit: () => Promise<unknown>; children: ReactNode }) {
  return (
    <form
      className={className}
      noValidate
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
