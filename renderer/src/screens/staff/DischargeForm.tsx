import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../kiosk-context';
import type { ApiError } from '../../api/client';
import { callApi } from '../../api/client';
import { SheetView } from '../../components/SheetView';
import type { DischargeSheet } from '../../../../electron/shared/content-types';
import type { DischargeForm as FormValues } from '../../../../electron/shared/discharge-form';
import type { SheetDefaults } from '../../../../electron/shared/sheet-defaults';
import { printedPages } from '../../../../electron/shared/printing';

/** What the nurse types, as text, exactly as in the inputs. Lives only in this component's memory. */
interface Draft {
  locale: string;
  secondLocale: string;
  patientName: string;
  procedureDate: string;
  levelsTreated: string;
  anaesthesia: 'sedation' | 'general';
  braceWorn: boolean;
  braceWeeks: string;
  liftValue: string;
  liftUnit: 'lb' | 'kg';
  noDrivingDays: string;
  showerAfterHours: string;
  bloodThinner: 'none' | 'ask' | 'date';
  bloodThinnerDate: string;
  painNotes: string;
  followUpDate: string;
  followUpTime: string;
  followUpPlace: string;
  feverValue: string;
  feverUnit: 'F' | 'C';
  clinicPhone: string;
  afterHoursPhone: string;
  emergencyNumber: string;
  nurseNotes: string;
  paper: 'A4' | 'Letter';
  largePrint: boolean;
  includeCard: boolean;
}

function emptyDraft(d: SheetDefaults, locale: string): Draft {
  const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    locale,
    secondLocale: '',
    patientName: '',
    procedureDate: '',
    levelsTreated: '',
    anaesthesia: 'sedation',
    braceWorn: false,
    braceWeeks: '',
    liftValue: num(d.liftLimit?.value),
    liftUnit: d.liftLimit?.unit ?? d.massUnit,
    noDrivingDays: num(d.noDrivingDays),
    showerAfterHours: num(d.showerAfterHours),
    bloodThinner: 'none',
    bloodThinnerDate: '',
    painNotes: '',
    followUpDate: '',
    followUpTime: '',
    followUpPlace: '',
    feverValue: num(d.feverThreshold?.value),
    feverUnit: d.feverThreshold?.unit ?? d.temperatureUnit,
    clinicPhone: d.clinicPhone,
    afterHoursPhone: d.afterHoursPhone,
    emergencyNumber: d.emergencyNumber,
    nurseNotes: '',
    paper: d.paperSize,
    largePrint: false,
    includeCard: true,
  };
}

const toNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

function toForm(d: Draft, procedureId: string): FormValues {
  return {
    procedureId,
    locale: d.locale,
    secondLocale: d.secondLocale || null,
    patientName: d.patientName,
    procedureDate: d.procedureDate,
    levelsTreated: d.levelsTreated,
    anaesthesia: d.anaesthesia,
    brace: d.braceWorn ? { worn: true, weeks: toNumber(d.braceWeeks) } : { worn: false },
    liftLimit: { value: toNumber(d.liftValue), unit: d.liftUnit },
    noDrivingDays: toNumber(d.noDrivingDays),
    showerAfterHours: toNumber(d.showerAfterHours),
    bloodThinner: d.bloodThinner === 'date' ? { kind: 'date', date: d.bloodThinnerDate } : { kind: d.bloodThinner },
    painNotes: d.painNotes,
    followUp: { date: d.followUpDate, time: d.followUpTime, place: d.followUpPlace },
    feverThreshold: { value: toNumber(d.feverValue), unit: d.feverUnit },
    clinicPhone: d.clinicPhone,
    afterHoursPhone: d.afterHoursPhone,
    emergencyNumber: d.emergencyNumber,
    nurseNotes: d.nurseNotes,
    paper: d.paper,
    largePrint: d.largePrint,
    includeCard: d.includeCard,
  };
}

/** Which form field a server-side problem belongs to. */
const fieldFor: Record<string, string> = {
  'brace.weeks': 'braceWeeks',
  'liftLimit.value': 'liftValue',
  'bloodThinner.date': 'bloodThinnerDate',
  'followUp.date': 'followUpDate',
  'followUp.time': 'followUpTime',
  'followUp.place': 'followUpPlace',
  'feverThreshold.value': 'feverValue',
};

function Field({ id, label, error, children, hint }: { id: string; label: string; error?: string; children: ReactNode; hint?: string }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function DischargeForm() {
  const { t } = useTranslation();
  const { dispatch, locales, procedureId, state, info } = useKiosk();
  const [defaults, setDefaults] = useState<SheetDefaults | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sheet, setSheet] = useState<DischargeSheet | null>(null);
  const [cardOnly, setCardOnly] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    callApi('getSheetDefaults', {}).then(
      (d) => {
        setDefaults(d);
        setDraft(emptyDraft(d, state.locale ?? locales[0]?.code ?? 'en'));
      },
      (e: ApiError) => setNotice(e.message),
    );
    // The patient's chosen language is only a starting point, read once when the form opens.
  }, [state.locale, locales]);

  if (!draft || !defaults) return <p className="loading">{notice || '…'}</p>;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const input = (key: keyof Draft, type = 'text', extra: Record<string, unknown> = {}) => (
    <input
      id={`f-${key}`}
      type={type}
      value={String(draft[key])}
      onChange={(e) => set(key, e.target.value as never)}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={errors[key] ? `f-${key}-error` : undefined}
      {...extra}
    />
  );
  const counter = (key: 'painNotes' | 'nurseNotes', max: number) => t('form.characters', { count: draft[key].length, max });

  const clear = () => {
    setDraft(emptyDraft(defaults, state.locale ?? locales[0]?.code ?? 'en'));
    setSheet(null);
    setErrors({});
  };

  const preview = async () => {
    const required: (keyof Draft)[] = ['procedureDate', 'levelsTreated', 'liftValue', 'noDrivingDays', 'showerAfterHours', 'followUpDate', 'followUpTime', 'followUpPlace', 'feverValue', 'clinicPhone', 'afterHoursPhone', 'emergencyNumber'];
    if (draft.braceWorn) required.push('braceWeeks');
    if (draft.bloodThinner === 'date') required.push('bloodThinnerDate');
    const missing = Object.fromEntries(required.filter((k) => String(draft[k]).trim() === '').map((k) => [k, 'Please fill this in.']));
    if (Object.keys(missing).length) {
      setErrors(missing);
      setNotice(t('form.fix'));
      return;
    }
    try {
      setSheet(await callApi('buildDischargeSheet', { form: toForm(draft, procedureId) }));
      setErrors({});
      setNotice('');
    } catch (e) {
      const err = (e as ApiError).error;
      const found: Record<string, string> = {};
      for (const issue of err.issues ?? [{ field: err.field ?? '', message: err.message }]) {
        const path = issue.field.replace(/^form\./, '');
        found[fieldFor[path] ?? path] = issue.message;
      }
      setErrors(found);
      setNotice(t('form.fix'));
    }
  };

  /**
   * The desktop app prints from a hidden window (dialog, silent or PDF); web mode uses the
   * browser's print, which cannot save a PDF under `--kiosk-printing`, so it offers no "Save as PDF".
   */
  const appPrinting = info.capabilities.appPrinting;
  const print = async (onlyCard: boolean, mode: 'print' | 'pdf') => {
    if (!sheet) return;
    if (appPrinting) {
      try {
        const result = await callApi('printDischargeSheet', { form: toForm(draft, procedureId), mode, cardOnly: onlyCard });
        if (result.outcome === 'cancelled') return;
        clear();
        setNotice(result.path ? `${t('form.printed')} ${result.path}` : t('form.printed'));
      } catch (e) {
        setNotice((e as ApiError).message);
      }
      return;
    }
    setCardOnly(onlyCard);
    // Let the card-only layout render before the print dialog takes its snapshot.
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    window.print();
    await callApi('recordSheetPrinted', printedPages(sheet, onlyCard)).catch(() => undefined);
    clear();
    setCardOnly(false);
    setNotice(t('form.printed'));
  };

  if (sheet) {
    return (
      <section className="sheet-preview">
        <div className="preview-actions no-print">
          <button type="button" className="primary big" onClick={() => print(false, 'print')}>{t('form.print')}</button>
          {appPrinting && <button type="button" className="secondary big" onClick={() => print(false, 'pdf')}>{t('form.savePdf')}</button>}
          <button type="button" className="secondary big" onClick={() => print(true, 'print')}>{t('form.printCardOnly')}</button>
          <button type="button" className="secondary big" onClick={() => setSheet(null)}>{t('form.edit')}</button>
          <button type="button" className="secondary big" onClick={() => { clear(); dispatch({ type: 'navigate', screen: { name: 'staff-menu' } }); }}>{t('form.cancel')}</button>
        </div>
        <SheetView sheet={sheet} cardOnly={cardOnly} />
      </section>
    );
  }

  const err = (k: keyof Draft) => errors[k];
  return (
    <section className="discharge-form">
      <h1>{t('form.title')}</h1>
      <p className="form-privacy">{t('form.privacy')}</p>
      {notice && <p className="staff-message" role="status">{notice}</p>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void preview();
        }}
        autoComplete="off"
      >
        <div className="form-grid">
          <Field id="f-locale" label={t('form.language')}>
            <select id="f-locale" value={draft.locale} onChange={(e) => set('locale', e.target.value)}>
              {locales.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.nativeName}</option>)}
            </select>
          </Field>
          <Field id="f-secondLocale" label={t('form.secondLanguage')} error={err('secondLocale')}>
            <select id="f-secondLocale" value={draft.secondLocale} onChange={(e) => set('secondLocale', e.target.value)}>
              <option value="">{t('form.none')}</option>
              {locales.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.nativeName}</option>)}
            </select>
          </Field>
          <Field id="f-patientName" label={t('form.patientName')} error={err('patientName')}>{input('patientName')}</Field>
          <Field id="f-procedureDate" label={t('form.procedureDate')} error={err('procedureDate')}>{input('procedureDate', 'date')}</Field>
          <Field id="f-levelsTreated" label={t('form.levels')} error={err('levelsTreated')}>{input('levelsTreated')}</Field>
          <Field id="f-anaesthesia" label={t('form.anaesthesia')}>
            <select id="f-anaesthesia" value={draft.anaesthesia} onChange={(e) => set('anaesthesia', e.target.value as Draft['anaesthesia'])}>
              <option value="sedation">{t('form.sedation')}</option>
              <option value="general">{t('form.general')}</option>
            </select>
          </Field>
          <Field id="f-braceWorn" label={t('form.brace')}>
            <select id="f-braceWorn" value={draft.braceWorn ? 'yes' : 'no'} onChange={(e) => set('braceWorn', e.target.value === 'yes')}>
              <option value="no">{t('form.braceNo')}</option>
              <option value="yes">{t('form.braceWorn')}</option>
            </select>
          </Field>
          {draft.braceWorn && <Field id="f-braceWeeks" label={t('form.braceYes')} error={err('braceWeeks')}>{input('braceWeeks', 'number', { inputMode: 'numeric', min: 1 })}</Field>}
          <Field id="f-liftValue" label={t('form.liftLimit')} error={err('liftValue')}>
            <div className="with-unit">
              {input('liftValue', 'number', { inputMode: 'decimal', min: 0, step: 'any' })}
              <select aria-label={t('form.unit')} value={draft.liftUnit} onChange={(e) => set('liftUnit', e.target.value as Draft['liftUnit'])}>
                <option value="lb">lb</option>
                <option value="kg">kg</option>
              </select>
            </div>
          </Field>
          <Field id="f-noDrivingDays" label={t('form.noDriving')} error={err('noDrivingDays')}>{input('noDrivingDays', 'number', { inputMode: 'numeric', min: 1 })}</Field>
          <Field id="f-showerAfterHours" label={t('form.shower')} error={err('showerAfterHours')}>{input('showerAfterHours', 'number', { inputMode: 'numeric', min: 1 })}</Field>
          <Field id="f-bloodThinner" label={t('form.bloodThinner')}>
            <select id="f-bloodThinner" value={draft.bloodThinner} onChange={(e) => set('bloodThinner', e.target.value as Draft['bloodThinner'])}>
              <option value="none">{t('form.btNone')}</option>
              <option value="ask">{t('form.btAsk')}</option>
              <option value="date">{t('form.btDate')}</option>
            </select>
          </Field>
          {draft.bloodThinner === 'date' && <Field id="f-bloodThinnerDate" label={t('form.btDateLabel')} error={err('bloodThinnerDate')}>{input('bloodThinnerDate', 'date')}</Field>}
          <Field id="f-followUpDate" label={t('form.followUpDate')} error={err('followUpDate')}>{input('followUpDate', 'date')}</Field>
          <Field id="f-followUpTime" label={t('form.followUpTime')} error={err('followUpTime')}>{input('followUpTime', 'time')}</Field>
          <Field id="f-followUpPlace" label={t('form.followUpPlace')} error={err('followUpPlace')}>{input('followUpPlace')}</Field>
          <Field id="f-feverValue" label={t('form.fever')} error={err('feverValue')}>
            <div className="with-unit">
              {input('feverValue', 'number', { inputMode: 'decimal', step: 'any' })}
              <select aria-label={t('form.unit')} value={draft.feverUnit} onChange={(e) => set('feverUnit', e.target.value as Draft['feverUnit'])}>
                <option value="F">°F</option>
                <option value="C">°C</option>
              </select>
            </div>
          </Field>
          <Field id="f-clinicPhone" label={t('form.clinicPhone')} error={err('clinicPhone')}>{input('clinicPhone', 'tel')}</Field>
          <Field id="f-afterHoursPhone" label={t('form.afterHoursPhone')} error={err('afterHoursPhone')}>{input('afterHoursPhone', 'tel')}</Field>
          <Field id="f-emergencyNumber" label={t('form.emergencyNumber')} error={err('emergencyNumber')}>{input('emergencyNumber', 'tel')}</Field>
          <Field id="f-paper" label={t('form.paper')}>
            <select id="f-paper" value={draft.paper} onChange={(e) => set('paper', e.target.value as Draft['paper'])}>
              <option value="A4">A4</option>
              <option value="Letter">Letter</option>
            </select>
          </Field>
        </div>
        <Field id="f-painNotes" label={t('form.painNotes')} error={err('painNotes')} hint={counter('painNotes', 1000)}>
          <textarea id="f-painNotes" rows={3} value={draft.painNotes} onChange={(e) => set('painNotes', e.target.value)} aria-invalid={errors.painNotes ? true : undefined} />
        </Field>
        <Field id="f-nurseNotes" label={t('form.nurseNotes')} error={err('nurseNotes')} hint={counter('nurseNotes', 2000)}>
          <textarea id="f-nurseNotes" rows={4} value={draft.nurseNotes} onChange={(e) => set('nurseNotes', e.target.value)} aria-invalid={errors.nurseNotes ? true : undefined} />
        </Field>
        <div className="checks">
          <label><input type="checkbox" checked={draft.largePrint} onChange={(e) => set('largePrint', e.target.checked)} /> {t('form.largePrint')}</label>
          <label><input type="checkbox" checked={draft.includeCard} onChange={(e) => set('includeCard', e.target.checked)} /> {t('form.includeCard')}</label>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary big">{t('form.preview')}</button>
          <button type="button" className="secondary big" onClick={() => { clear(); dispatch({ type: 'navigate', screen: { name: 'staff-menu' } }); }}>{t('form.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
