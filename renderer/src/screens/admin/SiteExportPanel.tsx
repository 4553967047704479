import { useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { callApi } from '../../api/client';
import { ActionNotes } from './admin-shared';
import { Field } from '../../forms/Field';
import { SubmitForm } from '../../forms/SubmitForm';
import { useAction } from '../../forms/useAction';

/**
 * Export the take-home website (at the address saved in Settings) into a folder typed by the admin: a path on the computer the
 * kiosk runs on, which works the same in the desktop app and in web mode (no download, no
 * folder dialog the browser cannot offer).
 */
export function SiteExportPanel() {
  const { t } = useUiText();
  const [outDir, setOutDir] = useState('');
  const action = useAction();

  const run = () =>
    action.run(async () => {
      const r = await callApi('adminExportSite', { outDir });
      return t('admin.site.exported', { files: r.files, path: r.path, languages: r.languages.join(', ') });
    });

  return (
    <section className="settings-group site-export" aria-labelledby="site-export-title">
      <h3 id="site-export-title">{t('admin.site.exportTitle')}</h3>
      <p className="field-hint">{t('admin.site.exportIntro')}</p>
      <SubmitForm className="form-grid" onSubmit={run}>
        <Field id="site-outDir" label={t('admin.site.folder')} hint={t('admin.site.folderHint')}>
          <input id="site-outDir" type="text" value={outDir} maxLength={500} spellCheck={false} onChange={(e) => setOutDir(e.target.value)} aria-describedby="site-outDir-hint" />
        </Field>
        <div className="field">
          <button type="submit" className="primary" disabled={action.busy}>
            {t('admin.site.export')}
          </button>
        </div>
      </SubmitForm>
      <ActionNotes action={action} />
    </section>
  );
}
