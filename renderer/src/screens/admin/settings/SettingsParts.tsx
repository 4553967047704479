/** The building blocks of the Settings form: a titled group and a switch with its hint. */
import type { ReactNode } from 'react';
import { useUiText } from '../../../hooks/useUiText';
import { settingsNeedingRestart } from '../../../../../electron/shared/settings-schema';
import type { DraftForm } from '../../../forms/useDraftForm';
import type { SettingsDraft } from './settings-draft';

export type SettingsForm = DraftForm<SettingsDraft>;

export function Group({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <fieldset className="settings-group">
      <legend>{title}</legend>
      {intro && <p className="field-hint wide">{intro}</p>}
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}

type Switch = { [K in keyof SettingsDraft]: SettingsDraft[K] extends boolean ? K : never }[keyof SettingsDraft];

/** An on/off setting; one the kiosk reads only at start says so next to it. */
export function SwitchSetting({ form, name, label, hint }: { form: SettingsForm; name: Switch; label: string; hint: string }) {
  const { t } = useUiText();
  const restart = (settingsNeedingRestart as readonly string[]).includes(name);
  return (
    <div className="check-field">
      <label className="check">
        <input type="checkbox" checked={form.draft[name]} onChange={(e) => form.set(name, e.target.checked)} aria-describedby={restart ? `s-${name}-restart s-${name}-hint` : `s-${name}-hint`} />
        <span>{label}</span>
      </label>
      {restart && (
        <p className="field-restart" id={`s-${name}-restart`}>
          {t('admin.settings.needsRestart')}
        </p>
      )}
      <p className="field-hint" id={`s-${name}-hint`}>
        {hint}
      </p>
    </div>
  );
}
