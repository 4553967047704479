/** The discharge form's inputs, in the order a nurse fills them in. */
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../../electron/shared/content-types';
import { sheetLimits } from '../../../../../electron/shared/discharge-form';
import { Field } from '../../../forms/Field';
import type { DraftForm } from '../../../forms/useDraftForm';
import type { DischargeDraft } from './discharge-draft';

export type DischargeDraftForm = DraftForm<DischargeDraft>;
type Part = { form: DischargeDraftForm };

/** Every input of the form: the patient and procedure, restrictions, follow-up and contacts, notes, print options. */
export function DischargeFields({ form, locales }: Part & { locales: readonly Locale[] }) {
  return (
    <>
      <div className="form-grid">
        <PatientAndProcedure form={form} locales={locales} />
        <Restrictions form={form} />
        <FollowUpAndContacts form={form} />
      </div>
      <NotesAndPrint form={form} />
    </>
  );
}

function LocaleOptions({ locales }: { locales: readonly Locale[] }) {
  return locales.map((l) => (
    <option key={l.code} value={l.code} lang={l.code}>
      {l.nativeName}
    </option>
  ));
}

function PatientAndProcedure({ form, locales }: Part & { locales: readonly Locale[] }) {
  const { t } = useTranslation();
  const { draft, set, errors, bind } = form;
  return (
    <>
      <Field id="f-locale" label={t('form.language')}>
        <select id="f-locale" value={draft.locale} onChange={(e) => set('locale', e.target.value)}>
          <LocaleOptions locales={locales} />
        </select>
      </Field>
      <Field id="f-secondLocale" label={t('form.secondLanguage')} error={errors.secondLocale}>
        <select id="f-secondLocale" value={draft.secondLocale} onChange={(e) => set('secondLocale', e.target.value)}>
          <option value="">{t('form.none')}</option>
          <LocaleOptions locales={locales} />
        </select>
      </Field>
      <Field id="f-patientName" label={t('form.patientName')} error={errors.patientName}>
        <input type="text" {...bind('patientName')} />
      </Field>
      <Field id="f-procedureDate" label={t('form.procedureDate')} error={errors.procedureDate}>
        <input type="date" {...bind('procedureDate')} />
      </Field>
      <Field id="f-levelsTreated" label={t('form.levels')} error={errors.levelsTreated}>
        <input type="text" {...bind('levelsTreated')} />
      </Field>
      <Field id="f-anaesthesia" label={t('form.anaesthesia')}>
        <select id="f-anaesthesia" value={draft.anaesthesia} onChange={(e) => set('anaesthesia', e.target.value as DischargeDraft['anaesthesia'])}>
          <option value="sedation">{t('form.sedation')}</option>
          <option value="general">{t('form.general')}</option>
        </select>
      </Field>
    </>
  );
}

/** Brace, lifting, driving, showering and blood thinners: what the patient must not do, and for how long. */
function Restrictions({ form }: Part) {
  const { t } = useTranslation();
  const { draft, set, errors, bind } = form;
  const L = sheetLimits;
  return (
    <>
      <Field id="f-braceWorn" label={t('form.brace')}>
        <select id="f-braceWorn" value={draft.braceWorn ? 'yes' : 'no'} onChange={(e) => set('braceWorn', e.target.value === 'yes')}>
          <option value="no">{t('form.braceNo')}</option>
          <option value="yes">{t('form.braceWorn')}</option>
        </select>
      </Field>
      {draft.braceWorn && (
        <Field id="f-braceWeeks" label={t('form.braceYes')} error={errors.braceWeeks}>
          <input type="number" inputMode="numeric" min={L.braceWeeks.min} max={L.braceWeeks.max} {...bind('braceWeeks')} />
        </Field>
      )}
      <Field id="f-liftValue" label={t('form.liftLimit')} error={errors.liftValue}>
        <div className="with-unit">
          <input type="number" inputMode="decimal" min={0} max={L.liftLimit.max} step="any" {...bind('liftValue')} />
          <select aria-label={t('form.unit')} value={draft.liftUnit} onChange={(e) => set('liftUnit', e.target.value as DischargeDraft['liftUnit'])}>
            <option value="lb">lb</option>
            <option value="kg">kg</option>
          </select>
        </div>
      </Field>
      <Field id="f-noDrivingDays" label={t('form.noDriving')} error={errors.noDrivingDays}>
        <input type="number" inputMode="numeric" min={L.noDrivingDays.min} max={L.noDrivingDays.max} {...bind('noDrivingDays')} />
      </Field>
      <Field id="f-showerAfterHours" label={t('form.shower')} error={errors.showerAfterHours}>
        <input type="number" inputMode="numeric" min={L.showerAfterHours.min} max={L.showerAfterHours.max} {...bind('showerAfterHours')} />
      </Field>
      <Field id="f-bloodThinner" label={t('form.bloodThinner')}>
        <select id="f-bloodThinner" value={draft.bloodThinner} onChange={(e) => set('bloodThinner', e.target.value as DischargeDraft['bloodThinner'])}>
          <option value="none">{t('form.btNone')}</option>
          <option value="ask">{t('form.btAsk')}</option>
          <option value="date">{t('form.btDate')}</option>
        </select>
      </Field>
      {draft.bloodThinner === 'date' && (
        <Field id="f-bloodThinnerDate" label={t('form.btDateLabel')} error={errors.bloodThinnerDate}>
          <input type="date" {...bind('bloodThinnerDate')} />
        </Field>
      )}
    </>
  );
}

/** The follow-up visit, when to call about a fever, and the numbers to call. */
function FollowUpAndContacts({ form }: Part) {
  const { t } = useTranslation();
  const { draft, set, errors, bind } = form;
  return (
    <>
      <Field id="f-followUpDate" label={t('form.followUpDate')} error={errors.followUpDate}>
        <input type="date" {...bind('followUpDate')} />
      </Field>
      <Field id="f-followUpTime" label={t('form.followUpTime')} error={errors.followUpTime}>
        <input type="time" {...bind('followUpTime')} />
      </Field>
      <Field id="f-followUpPlace" label={t('form.followUpPlace')} error={errors.followUpPlace}>
        <input type="text" {...bind('followUpPlace')} />
      </Field>
      <Field id="f-feverValue" label={t('form.fever')} error={errors.feverValue}>
        <div className="with-unit">
          <input type="number" inputMode="decimal" step="any" {...bind('feverValue')} />
          <select aria-label={t('form.unit')} value={draft.feverUnit} onChange={(e) => set('feverUnit', e.target.value as DischargeDraft['feverUnit'])}>
            <option value="F">°F</option>
            <option value="C">°C</option>
          </select>
        </div>
      </Field>
      <Field id="f-clinicPhone" label={t('form.clinicPhone')} error={errors.clinicPhone}>
        <input type="tel" {...bind('clinicPhone')} />
      </Field>
      <Field id="f-afterHoursPhone" label={t('form.afterHoursPhone')} error={errors.afterHoursPhone}>
        <input type="tel" {...bind('afterHoursPhone')} />
      </Field>
      <Field id="f-emergencyNumber" label={t('form.emergencyNumber')} error={errors.emergencyNumber}>
        <input type="tel" {...bind('emergencyNumber')} />
      </Field>
      <Field id="f-paper" label={t('form.paper')}>
        <select id="f-paper" value={draft.paper} onChange={(e) => set('paper', e.target.value as DischargeDraft['paper'])}>
          <option value="A4">A4</option>
          <option value="Letter">Letter</option>
        </select>
      </Field>
    </>
  );
}

/** Free-text notes (with how much room is left) and how the sheet prints. */
function NotesAndPrint({ form }: Part) {
  const { t } = useTranslation();
  const { draft, set, errors } = form;
  const notes = (key: 'painNotes' | 'nurseNotes', label: string, rows: number) => (
    <Field id={`f-${key}`} label={label} error={errors[key]} hint={t('form.characters', { count: draft[key].length, max: sheetLimits[key].max })}>
      <textarea id={`f-${key}`} rows={rows} value={draft[key]} onChange={(e) => set(key, e.target.value)} aria-invalid={errors[key] ? true : undefined} />
    </Field>
  );
  return (
    <>
      {notes('painNotes', t('form.painNotes'), 3)}
      {notes('nurseNotes', t('form.nurseNotes'), 4)}
      <div className="checks">
        <label>
          <input type="checkbox" checked={draft.largePrint} onChange={(e) => set('largePrint', e.target.checked)} /> {t('form.largePrint')}
        </label>
        <label>
          <input type="checkbox" checked={draft.includeCard} onChange={(e) => set('includeCard', e.target.checked)} /> {t('form.includeCard')}
        </label>
      </div>
    </>
  );
}
