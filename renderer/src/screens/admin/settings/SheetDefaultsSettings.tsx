/** The discharge sheet's defaults the nurse starts from (empty means "ask every time"), and the units. */
import { useTranslation } from 'react-i18next';
import { sheetLimits } from '../../../../../electron/shared/discharge-form';
import { Field } from '../../../forms/Field';
import { Group, type SettingsForm } from './SettingsParts';

export function SheetDefaultsSettings({ form }: { form: SettingsForm }) {
  const { t } = useTranslation();
  const { draft, set, errors, bind } = form;
  return (
    <Group title={t('admin.settings.sheet')} intro={t('admin.settings.sheetIntro')}>
      <Field id="s-liftValue" label={t('admin.settings.lift')} error={errors.liftValue} hint={t('admin.settings.askHint')}>
        <div className="with-unit">
          <input type="number" autoComplete="off" inputMode="decimal" min={0} max={sheetLimits.liftLimit.max} step="any" {...bind('liftValue', true)} />
          <select aria-label={t('admin.settings.liftUnit')} value={draft.liftUnit} onChange={(e) => set('liftUnit', e.target.value as SettingsDraftUnit<'liftUnit'>)}>
            <option value="lb">lb</option>
            <option value="kg">kg</option>
          </select>
        </div>
      </Field>
      <Field id="s-noDrivingDays" label={t('admin.settings.noDriving')} error={errors.noDrivingDays} hint={t('admin.settings.askHint')}>
        <input type="number" autoComplete="off" inputMode="numeric" min={sheetLimits.noDrivingDays.min} max={sheetLimits.noDrivingDays.max} {...bind('noDrivingDays', true)} />
      </Field>
      <Field id="s-showerAfterHours" label={t('admin.settings.shower')} error={errors.showerAfterHours} hint={t('admin.settings.askHint')}>
        <input type="number" autoComplete="off" inputMode="numeric" min={sheetLimits.showerAfterHours.min} max={sheetLimits.showerAfterHours.max} {...bind('showerAfterHours', true)} />
      </Field>
      <Field id="s-feverValue" label={t('admin.settings.fever')} error={errors.feverValue} hint={t('admin.settings.askHint')}>
        <div className="with-unit">
          <input type="number" autoComplete="off" inputMode="decimal" step="any" {...bind('feverValue', true)} />
          <select aria-label={t('admin.settings.feverUnit')} value={draft.feverUnit} onChange={(e) => set('feverUnit', e.target.value as SettingsDraftUnit<'feverUnit'>)}>
            <option value="F">°F</option>
            <option value="C">°C</option>
          </select>
        </div>
      </Field>
      <Field id="s-massUnit" label={t('admin.settings.massUnit')}>
        <select id="s-massUnit" value={draft.massUnit} onChange={(e) => set('massUnit', e.target.value as SettingsDraftUnit<'massUnit'>)}>
          <option value="lb">{t('admin.settings.pounds')}</option>
          <option value="kg">{t('admin.settings.kilograms')}</option>
        </select>
      </Field>
      <Field id="s-temperatureUnit" label={t('admin.settings.temperatureUnit')}>
        <select id="s-temperatureUnit" value={draft.temperatureUnit} onChange={(e) => set('temperatureUnit', e.target.value as SettingsDraftUnit<'temperatureUnit'>)}>
          <option value="F">{t('admin.settings.fahrenheit')}</option>
          <option value="C">{t('admin.settings.celsius')}</option>
        </select>
      </Field>
    </Group>
  );
}

type SettingsDraftUnit<K extends 'liftUnit' | 'feverUnit' | 'massUnit' | 'temperatureUnit'> = SettingsForm['draft'][K];
