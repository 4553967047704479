import { useEffect, useState } from 'react';
import { fetchPrintJob, signalPrintReady } from '../../api/print-job';
import { SheetView } from '../../components/SheetView';
import { loadLocale } from '../../hooks/useLocaleReady';
import type { PrintJob } from '../../../../electron/shared/printing';

/**
 * The page a hidden Electron print window loads (app://kiosk/#print-job): it renders the
 * one sheet the shell holds for it (window.printJob, the print window's own preload), waits for
 * fonts, and says it is ready to print.
 */
export function PrintJobView() {
  const [job, setJob] = useState<PrintJob | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    // The sheet's languages (strings and fonts) are loaded before it is laid out and printed.
    fetchPrintJob()
      .then(async (j) => {
        await Promise.all([j.sheet.primary.locale, ...(j.sheet.second ? [j.sheet.second.locale] : [])].map(loadLocale));
        setJob(j);
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    if (!job) return;
    void document.fonts.ready.then(() => requestAnimationFrame(() => signalPrintReady()));
  }, [job]);
  if (error) return <p role="alert">{error}</p>;
  return job ? <SheetView sheet={job.sheet} cardOnly={job.cardOnly} /> : null;
}
