import { useEffect, useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { callApi } from '../../api/client';
import { errorText } from '../../api/error-text';
import { SubmitForm } from '../../forms/SubmitForm';
import { useDraftForm } from '../../forms/useDraftForm';
import { useKiosk } from '../../kiosk-context';
import type { DischargeSheet } from '../../../../electron/shared/content-types';
import type { SheetDefaults } from '../../../../electron/shared/sheet-defaults';
import { DischargeFields } from './discharge/DischargeFields';
import { dischargeFields, emptyDraft, formIssues, toForm } from './discharge/discharge-draft';
import { SheetPreview } from './discharge/SheetPreview';
import '../../styles/staff.css';

/** The nurse's discharge form, then the sheet's preview. Nothing typed is stored. */
export function DischargeForm() {
  const { t } = useUiText();
  const [defaults, setDefaults] = useState<SheetDefaults | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    callApi('getSheetDefaults', {}).then(setDefaults, (e: unknown) => setNotice(errorText(e, t)));
  }, [t]);

  if (!defaults) return <p className="loading">{notice || '…'}</p>;
  return <DischargeEditor defaults={defaults} />;
}

function DischargeEditor({ defaults }: { defaults: SheetDefaults }) {
  const { t } = useUiText();
  const { dispatch, locales, procedureId, state } = useKiosk();
  // The patient's chosen language is only a starting point, read when the form opens or is cleared.
  const fresh = () => emptyDraft(defaults, state.locale ?? locales[0]?.code ?? 'en');
  const form = useDraftForm(fresh(), dischargeFields);
  const [sheet, setSheet] = useState<DischargeSheet | null>(null);
  const [notice, setNotice] = useState('');

  const clear = () => {
    form.reset(fresh());
    setSheet(null);
  };
  const leave = () => {
    clear();
    dispatch({ type: 'navigate', screen: { name: 'staff-menu' } });
  };

  const preview = async () => {
    const values = toForm(form.draft, procedureId);
    const issues = formIssues(values);
    if (issues.length) {
      form.markIssues(issues);
      setNotice(t('form.fix'));
      return;
    }
    try {
      setSheet(await callApi('buildDischargeSheet', { form: values }));
      form.clearMarks();
      setNotice('');
    } catch (e) {
      setNotice(form.markRefusal(e) ? t('form.fix') : errorText(e, t));
    }
  };

  if (sheet) {
    const printed = (message: string) => {
      clear();
      setNotice(message);
    };
    return <SheetPreview sheet={sheet} form={toForm(form.draft, procedureId)} onEdit={() => setSheet(null)} onPrinted={printed} onCancel={leave} />;
  }

  return (
    <section className="discharge-form">
      <h1>{t('form.title')}</h1>
      <p className="form-privacy">{t('form.privacy')}</p>
      {notice && (
        <p className="staff-message" role="status">
          {notice}
        </p>
      )}
      <SubmitForm onSubmit={preview}>
        <DischargeFields form={form} locales={locales} />
        <div className="form-actions">
          <button type="submit" className="primary big">
            {t('form.preview')}
          </button>
          <button type="button" className="secondary big" onClick={leave}>
            {t('form.cancel')}
          </button>
        </div>
      </SubmitForm>
    </section>
  );
}
