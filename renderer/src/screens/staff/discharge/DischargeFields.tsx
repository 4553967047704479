/** The discharge form's inputs, in the order a nurse fills them in. */
import { useUiText } from '../../../hooks/useUiText';
import type { Locale } from '../../../../../electron/shared/content-types';
import { sheetLimits } from '../../../../../electron/shared/discharge-form';
import { ChoiceField, ChoiceSelect, TextField } from '../../../forms/DraftFields';
import { massUnitOptions, paperOptions, temperatureUnitOptions } from '../../../forms/unit-choices';
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
  const { t } = useUiText();
  const { draft, set, errors } = form;
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
      <TextField form={form} name="patientName" label={t('form.patientName')} type="text" />
      <TextField form={form} name="procedureDate" label={t('form.procedureDate')} type="date" />
      <TextField form={form} name="levelsTreated" label={t('form.levels')} type="text" />
      <ChoiceField form={form} name="anaesthesia" label={t('form.anaesthesia')} options={[['sedation', t('form.sedation')], ['general', t('form.general')]]} />
    </>
  );
}

/** Brace, lifting, driving, showering and blood thinners: what the patient must not do, and for how long. */
function Restrictions({ form }: Part) {
  const { t } = useUiText();
  const { draft, set } = form;
  const L = sheetLimits;
  return (
    <>
      <Field id="f-braceWorn" label={t('form.brace')}>
        <select id="f-braceWorn" value={draft.braceWorn ? 'yes' : 'no'} onChange={(e) => set('braceWorn', e.target.value === 'yes')}>
          <option value="no">{t('form.braceNo')}</option>
          <option value="yes">{t('form.braceWorn')}</option>
        </select>
      </Field>
      {draft.braceWorn && <TextField form={form} name="braceWeeks" label={t('form.braceYes')} type="number" inputMode="numeric" min={L.braceWeeks.min} max={L.braceWeeks.max} />}
      <TextField form={form} name="liftValue" label={t('form.liftLimit')} type="number" inputMode="decimal" min={0} max={L.liftLimit.max} step="any">
        <ChoiceSelect form={form} name="liftUnit" label={t('form.unit')} options={massUnitOptions} />
      </TextField>
      <TextField form={form} name="noDrivingDays" label={t('form.noDriving')} type="number" inputMode="numeric" min={L.noDrivingDays.min} max={L.noDrivingDays.max} />
      <TextField form={form} name="showerAfterHours" label={t('form.shower')} type="number" inputMode="numeric" min={L.showerAfterHours.min} max={L.showerAfterHours.max} />
      <ChoiceField form={form} name="bloodThinner" label={t('form.bloodThinner')} options={[['none', t('form.btNone')], ['ask', t('form.btAsk')], ['date', t('form.btDate')]]} />
      {draft.bloodThinner === 'date' && <TextField form={form} name="bloodThinnerDate" label={t('form.btDateLabel')} type="date" />}
    </>
  );
}

/** The follow-up visit, when to call about a fever, and the numbers to call. */
function FollowUpAndContacts({ form }: Part) {
  const { t } = useUiText();
  return (
    <>
      <TextField form={form} name="followUpDate" label={t('form.followUpDate')} type="date" />
      <TextField form={form} name="followUpTime" label={t('form.followUpTime')} type="time" />
      <TextField form={form} name="followUpPlace" label={t('form.followUpPlace')} type="text" />
      <TextField form={form} name="feverValue" label={t('form.fever')} type="number" inputMode="decimal" step="any">
        <ChoiceSelect form={form} name="feverUnit" label={t('form.unit')} options={temperatureUnitOptions} />
      </TextField>
      <TextField form={form} name="clinicPhone" label={t('form.clinicPhone')} type="tel" />
      <TextField form={form} name="afterHoursPhone" label={t('form.afterHoursPhone')} type="tel" />
      <TextField form={form} name="emergencyNumber" label={t('form.emergencyNumber')} type="tel" />
      <ChoiceField form={form} name="paper" label={t('form.paper')} options={paperOptions} />
    </>
  );
}

/** Free-text notes (with how much room is left) and how the sheet prints. */
function NotesAndPrint({ form }: Part) {
  const { t } = useUiText();
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
