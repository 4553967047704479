/** The clinic's name, phone numbers and logo, as printed on sheets and shown to patients. */
import { useUiText } from '../../../hooks/useUiText';
import { TextField } from '../../../forms/DraftFields';
import { describedBy, FieldError } from '../../../forms/Field';
import { base64Of, imageTypeOf, readAsDataUrl } from '../admin-shared';
import { Group, type SettingsForm } from './SettingsParts';

const MAX_LOGO_CHARS = 300_000;

export function ClinicDetails({ form }: { form: SettingsForm }) {
  const { t } = useUiText();
  const { draft, set, errors } = form;
  return (
    <Group title={t('admin.settings.clinic')}>
      <TextField form={form} name="clinicName" label={t('admin.settings.clinicName')} type="text" autoComplete="off" maxLength={120} />
      <TextField form={form} name="clinicPhone" label={t('admin.settings.clinicPhone')} type="tel" autoComplete="off" />
      <TextField form={form} name="afterHoursPhone" label={t('admin.settings.afterHoursPhone')} type="tel" autoComplete="off" />
      <TextField form={form} name="emergencyNumber" label={t('admin.settings.emergencyNumber')} type="tel" autoComplete="off" />
      <div className={`field logo-field${errors.clinicLogo ? ' has-error' : ''}`}>
        <label htmlFor="s-clinicLogo">{t('admin.settings.logo')}</label>
        <div className="logo-row">
          {draft.clinicLogo ? <img className="logo-preview" src={draft.clinicLogo} alt={t('admin.settings.logoAlt')} /> : <span className="field-hint">{t('admin.settings.noLogo')}</span>}
          {draft.clinicLogo && (
            <button type="button" className="secondary" onClick={() => set('clinicLogo', '')}>
              {t('admin.settings.removeLogo')}
            </button>
          )}
        </div>
        <LogoInput form={form} />
        <p className="field-hint" id="s-clinicLogo-hint">
          {t('admin.settings.logoHint')}
        </p>
        <FieldError id="s-clinicLogo" error={errors.clinicLogo} />
      </div>
    </Group>
  );
}

/** Choosing a logo file: a PNG, WebP or SVG image small enough to store with the settings. */
function LogoInput({ form }: { form: SettingsForm }) {
  const { t } = useUiText();
  const choose = async (file: File | undefined) => {
    form.markField('clinicLogo', '');
    if (!file) return;
    const type = imageTypeOf(file);
    if (!type) return form.markField('clinicLogo', t('admin.settings.logoType'));
    const url = `data:${type};base64,${base64Of(await readAsDataUrl(file))}`;
    if (url.length > MAX_LOGO_CHARS) return form.markField('clinicLogo', t('admin.settings.logoSize'));
    form.set('clinicLogo', url);
  };
  return (
    <input
      id="s-clinicLogo"
      type="file"
      accept=".png,.webp,.svg,image/png,image/webp,image/svg+xml"
      aria-describedby={describedBy('s-clinicLogo', true, Boolean(form.errors.clinicLogo))}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        void choose(file);
      }}
    />
  );
}
