import { useCallback, useMemo, useState } from 'react';
import { useUiText } from '../hooks/useUiText';
import { errorText } from '../api/error-text';

/** The state of one button's work: running, and what it last said (an error or what was done). */
export interface Action {
  busy: boolean;
  error: string;
  done: string;
  /**
   * Runs `work` once at a time: clears the last message, marks busy, shows what `work`
   * returns as done (nothing for no message) or its failure as the error. True when it worked.
   */
  run: (work: () => Promise<string | void>) => Promise<boolean>;
  /** Shows a problem found before any call (a wrong file type). */
  fail: (message: string) => void;
  succeed: (message: string) => void;
  clear: () => void;
}

export function useAction(): Action {
  const { t } = useUiText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const clear = useCallback(() => {
    setError('');
    setDone('');
  }, []);
  const run = useCallback(
    async (work: () => Promise<string | void>) => {
      setBusy(true);
      clear();
      try {
        const message = await work();
        if (message) setDone(message);
        return true;
      } catch (e) {
        setError(errorText(e, t));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t, clear],
  );
  const fail = useCallback((message: string) => {
    setDone('');
    setError(message);
  }, []);
  const succeed = useCallback((message: string) => {
    setError('');
    setDone(message);
  }, []);
  return useMemo(() => ({ busy, error, done, run, fail, succeed, clear }), [busy, error, done, run, fail, succeed, clear]);
}
