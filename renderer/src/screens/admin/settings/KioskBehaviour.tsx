/** How the patient screens behave: idle reset, languages offered and their order, approved content only, kiosk mode. */
import { useUiText } from '../../../hooks/useUiText';
import { moveLocale, patientLocales } from '../../../../../electron/shared/locale-order';
import type { Locale } from '../../../../../electron/shared/content-types';
import { TextField } from '../../../forms/DraftFields';
import { FieldError } from '../../../forms/Field';
import { LanguageSelect } from '../admin-lists';
import { Group, SwitchSetting, type SettingsForm } from './SettingsParts';


export function KioskBehaviour({ form, languages }: { form: SettingsForm; languages: readonly Locale[] }) {
  const { t } = useUiText();
  const { draft, set, errors } = form;
  return (
    <Group title={t('admin.settings.screens')}>
      <TextField form={form} name="idleTimeoutSeconds" label={t('admin.settings.idle')} hint={t('admin.settings.idleHint')} type="number" autoComplete="off" inputMode="numeric" min={10} max={3600} step={1} />
      <LanguageSelect id="s-defaultLocale" label={t('admin.settings.defaultLocale')} value={draft.defaultLocale} languages={languages} onChange={(code) => set('defaultLocale', code)} error={errors.defaultLocale} />
      <fieldset className={`choice-group wide${errors.enabledLocales ? ' has-error' : ''}`} aria-describedby="s-enabledLocales-hint">
        <legend>{t('admin.settings.enabledLocales')}</legend>
        <p className="field-hint" id="s-enabledLocales-hint">
          {t('admin.settings.enabledHint')}
        </p>
        <div className="check-grid">
          {languages.map((l) => (
            <label className="check" key={l.code}>
              <input
                type="checkbox"
                checked={draft.enabledLocales.includes(l.code)}
                onChange={(e) => set('enabledLocales', e.target.checked ? [...draft.enabledLocales, l.code] : draft.enabledLocales.filter((c) => c !== l.code))}
              />
              <span>
                {l.englishName} ({l.code})
              </span>
            </label>
          ))}
        </div>
        <FieldError error={errors.enabledLocales} />
      </fieldset>
      <LocaleOrder form={form} languages={languages} />
      <SwitchSetting form={form} name="approvedContentOnly" label={t('admin.settings.approvedOnly')} hint={t('admin.settings.approvedOnlyHint')} />
      <SwitchSetting form={form} name="kioskMode" label={t('admin.settings.kioskMode')} hint={t('admin.settings.kioskModeHint')} />
    </Group>
  );
}

/** The order of the language screen: every language in the content, moved up or down. */
function LocaleOrder({ form, languages }: { form: SettingsForm; languages: readonly Locale[] }) {
  const { t } = useUiText();
  const { draft, set, errors } = form;
  // Every language in the content, in the order the language screen will show them.
  const ordered = patientLocales(languages, { enabledLocales: [], localeOrder: draft.localeOrder });
  const move = (code: string, by: -1 | 1) => set('localeOrder', moveLocale(ordered.map((o) => o.code), code, by));
  return (
    <fieldset className={`choice-group wide${errors.localeOrder ? ' has-error' : ''}`} aria-describedby="s-localeOrder-hint">
      <legend>{t('admin.settings.localeOrder')}</legend>
      <p className="field-hint" id="s-localeOrder-hint">
        {t('admin.settings.localeOrderHint')}
      </p>
      <ol className="locale-order" data-testid="locale-order">
        {ordered.map((l, i) => (
          <li key={l.code}>
            <span className="locale-order-name">
              {l.englishName} ({l.code}){draft.enabledLocales.length && !draft.enabledLocales.includes(l.code) ? ` · ${t('admin.settings.localeOff')}` : ''}
            </span>
            <button type="button" className="secondary" disabled={i === 0} onClick={() => move(l.code, -1)} aria-label={t('admin.settings.moveUp', { language: l.englishName })}>
              ↑
            </button>
            <button type="button" className="secondary" disabled={i === ordered.length - 1} onClick={() => move(l.code, 1)} aria-label={t('admin.settings.moveDown', { language: l.englishName })}>
              ↓
            </button>
          </li>
        ))}
      </ol>
      <FieldError error={errors.localeOrder} />
    </fieldset>
  );
}
