/** The discharge sheet's defaults the nurse starts from (empty means "ask every time"), and the units. */
import { useUiText } from '../../../hooks/useUiText';
import { sheetLimits } from '../../../../../electron/shared/discharge-form';
import { ChoiceField, ChoiceSelect, TextField } from '../../../forms/DraftFields';
import { massUnitOptions, temperatureUnitOptions } from '../../../forms/unit-choices';
import { Group, type SettingsForm } from './SettingsParts';

export function SheetDefaultsSettings({ form }: { form: SettingsForm }) {
  const { t } = useUiText();
  const L = sheetLimits;
  const ask = t('admin.settings.askHint');
  return (
    <Group title={t('admin.settings.sheet')} intro={t('admin.settings.sheetIntro')}>
      <TextField form={form} name="liftValue" label={t('admin.settings.lift')} hint={ask} type="number" autoComplete="off" inputMode="decimal" min={0} max={L.liftLimit.max} step="any">
        <ChoiceSelect form={form} name="liftUnit" label={t('admin.settings.liftUnit')} options={massUnitOptions} />
      </TextField>
      <TextField form={form} name="noDrivingDays" label={t('admin.settings.noDriving')} hint={ask} type="number" autoComplete="off" inputMode="numeric" min={L.noDrivingDays.min} max={L.noDrivingDays.max} />
      <TextField form={form} name="showerAfterHours" label={t('admin.settings.shower')} hint={ask} type="number" autoComplete="off" inputMode="numeric" min={L.showerAfterHours.min} max={L.showerAfterHours.max} />
      <TextField form={form} name="feverValue" label={t('admin.settings.fever')} hint={ask} type="number" autoComplete="off" inputMode="decimal" step="any">
        <ChoiceSelect form={form} name="feverUnit" label={t('admin.settings.feverUnit')} options={temperatureUnitOptions} />
      </TextField>
      <ChoiceField form={form} name="massUnit" label={t('admin.settings.massUnit')} options={[['lb', t('admin.settings.pounds')], ['kg', t('admin.settings.kilograms')]]} />
      <ChoiceField form={form} name="temperatureUnit" label={t('admin.settings.temperatureUnit')} options={[['F', t('admin.settings.fahrenheit')], ['C', t('admin.settings.celsius')]]} />
    </Group>
  );
}
