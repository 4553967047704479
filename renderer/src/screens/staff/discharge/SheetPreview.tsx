/** The sheet as it will print, with Print, Save as PDF, card only, change the answers, and cancel. */
import { useState } from 'react';
import { useUiText } from '../../../hooks/useUiText';
import { callApi } from '../../../api/client';
import { errorText } from '../../../api/error-text';
import { SheetView } from '../../../components/SheetView';
import { useKiosk } from '../../../kiosk-context';
import type { DischargeSheet } from '../../../../../electron/shared/content-types';
import type { DischargeForm } from '../../../../../electron/shared/discharge-form';
import { printedPages } from '../../../../../electron/shared/printing';
import '../../../styles/sheet.css';

export function SheetPreview({ sheet, form, onEdit, onPrinted, onCancel }: { sheet: DischargeSheet; form: DischargeForm; onEdit: () => void; onPrinted: (message: string) => void; onCancel: () => void }) {
  const { t } = useUiText();
  const { info } = useKiosk();
  const [cardOnly, setCardOnly] = useState(false);
  const [problem, setProblem] = useState('');

  /**
   * The desktop app prints from a hidden window (dialog, silent or PDF); web mode uses the
   * browser's print, which cannot save a PDF under `--kiosk-printing`, so it offers no "Save as PDF".
   */
  const appPrinting = info.capabilities.appPrinting;
  const print = async (onlyCard: boolean, mode: 'print' | 'pdf') => {
    setProblem('');
    if (appPrinting) {
      try {
        const result = await callApi('printDischargeSheet', { form, mode, cardOnly: onlyCard });
        if (result.outcome === 'cancelled') return;
        onPrinted(result.path ? `${t('form.printed')} ${result.path}` : t('form.printed'));
      } catch (e) {
        setProblem(errorText(e, t));
      }
      return;
    }
    setCardOnly(onlyCard);
    // Let the card-only layout render before the print dialog takes its snapshot.
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    window.print();
    await callApi('recordSheetPrinted', printedPages(sheet, onlyCard)).catch(() => undefined);
    setCardOnly(false);
    onPrinted(t('form.printed'));
  };

  return (
    <section className="sheet-preview">
      <div className="preview-actions no-print">
        <button type="button" className="primary big" onClick={() => void print(false, 'print')}>
          {t('form.print')}
        </button>
        {appPrinting && (
          <button type="button" className="secondary big" onClick={() => void print(false, 'pdf')}>
            {t('form.savePdf')}
          </button>
        )}
        <button type="button" className="secondary big" onClick={() => void print(true, 'print')}>
          {t('form.printCardOnly')}
        </button>
        <button type="button" className="secondary big" onClick={onEdit}>
          {t('form.edit')}
        </button>
        <button type="button" className="secondary big" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
      {problem && (
        <p className="staff-message no-print" role="alert">
          {problem}
        </p>
      )}
      <SheetView sheet={sheet} cardOnly={cardOnly} />
    </section>
  );
}
