import { useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { callApi } from '../../api/client';
import { errorText } from '../../api/error-text';
import { SubmitForm } from '../../forms/SubmitForm';
import { useDraftForm } from '../../forms/useDraftForm';
import { useKiosk } from '../../kiosk-context';
import { restartNeededFor, type Settings } from '../../../../electron/shared/settings-schema';
import { useAdmin } from './admin-context';
import { DoneNote, ErrorNote, LoadState, useLoad } from './admin-shared';
import { ReadAloudSettings } from './ReadAloudSettings';
import { ClinicDetails } from './settings/ClinicDetails';
import { KioskBehaviour } from './settings/KioskBehaviour';
import { PackSettings } from './settings/PackSettings';
import { PrintingSettings, TakeHomeSettings } from './settings/PrintingSettings';
import { settingsFields, toDraft, toSettings } from './settings/settings-draft';
import { SheetDefaultsSettings } from './settings/SheetDefaultsSettings';
import { Group } from './settings/SettingsParts';

/** Every clinic setting in one form, saved together. */
export function SettingsTab() {
  const [loaded] = useLoad('adminGetSettings', {});
  if (loaded.state !== 'ready') return <LoadState loaded={loaded} />;
  return <SettingsEditor stored={loaded.value} />;
}

function SettingsEditor({ stored }: { stored: Settings }) {
  const { t } = useUiText();
  const { languages } = useAdmin();
  const { refreshSettings } = useKiosk();
  const form = useDraftForm(toDraft(stored), settingsFields);
  const [saved, setSaved] = useState(stored);
  const [notice, setNotice] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setDone('');
    try {
      const next = await callApi('adminSaveSettings', { settings: toSettings(form.draft) });
      const restart = restartNeededFor(saved, next);
      setSaved(next);
      form.reset(toDraft(next));
      setNotice('');
      setDone(restart ? `${t('admin.settings.saved')} ${t('admin.settings.savedNeedsRestart')}` : t('admin.settings.saved'));
      // The patient screens read the new settings now: no sign-out or reload needed.
      refreshSettings();
    } catch (e) {
      const found = form.markRefusal(e);
      if (found) {
        setNotice(found.form ? `${t('admin.settings.fix')} ${found.form}` : t('admin.settings.fix'));
        // Take the admin to the first marked field.
        requestAnimationFrame(() => document.querySelector<HTMLElement>('.settings-tab [aria-invalid="true"]')?.focus());
      } else {
        form.clearMarks();
        setNotice(errorText(e, t));
      }
    } finally {
      setBusy(false);
    }
  };
  const undo = () => {
    form.reset(toDraft(saved));
    setNotice('');
    setDone('');
  };

  return (
    <SubmitForm className="settings-tab" onSubmit={save}>
      <ClinicDetails form={form} />
      <KioskBehaviour form={form} languages={languages} />
      <Group title={t('admin.settings.speech')} intro={t('admin.settings.speechIntro')}>
        <ReadAloudSettings languages={languages} allowed={form.draft.platformVoiceLocales} onChange={(codes) => form.set('platformVoiceLocales', codes)} />
      </Group>
      <SheetDefaultsSettings form={form} />
      <PrintingSettings form={form} onError={setNotice} />
      <TakeHomeSettings form={form} />
      <PackSettings form={form} />
      <div className="settings-save">
        <button type="submit" className="primary big" disabled={busy}>
          {t('admin.settings.save')}
        </button>
        <button type="button" className="secondary big" disabled={busy} onClick={undo}>
          {t('admin.settings.undo')}
        </button>
        <DoneNote>{done}</DoneNote>
        {notice && <ErrorNote message={notice} />}
      </div>
    </SubmitForm>
  );
}
