import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { DoneNote, ErrorNote, errorText, formatBytes, formatTime, LoadState, useLoad } from './admin-shared';

interface Version {
  id: number;
  createdAt: string;
  kind: string;
  label: string;
  sizeBytes: number;
}

/** Every saved version of the clinic's content, newest first, each one restorable. */
export function VersionsTab() {
  const { t } = useTranslation();
  const [loaded, reload] = useLoad('adminListVersions', {});
  const [confirm, setConfirm] = useState<Version | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  const rollback = async (v: Version) => {
    setBusy(true);
    setError('');
    setDone('');
    try {
      const { versionId } = await callApi('adminRollback', { versionId: v.id });
      setDone(t('admin.versions.done', { version: v.id, created: versionId }));
      reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };

  return (
    <div className="versions-tab">
      <p className="admin-intro">{t('admin.versions.intro')}</p>
      <ErrorNote message={error} />
      <DoneNote>{done}</DoneNote>
      {loaded.state !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : loaded.value.length === 0 ? (
        <p className="admin-empty">{t('admin.versions.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.tabs.versions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.versions.number')}</th>
                <th scope="col">{t('admin.versions.time')}</th>
                <th scope="col">{t('admin.versions.kind')}</th>
                <th scope="col">{t('admin.versions.label')}</th>
                <th scope="col">{t('admin.versions.size')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.value.map((v) => (
                <tr key={v.id} data-version={v.id}>
                  <td className="num">{v.id}</td>
                  <td>{formatTime(v.createdAt)}</td>
                  <td>{t(`admin.versions.kinds.${v.kind}`, { defaultValue: v.kind })}</td>
                  <td>{v.label}</td>
                  <td className="num">{formatBytes(v.sizeBytes)}</td>
                  <td>
                    <button type="button" className="secondary" onClick={() => setConfirm(v)} disabled={busy}>
                      {t('admin.versions.rollback')}
                      <span className="visually-hidden"> ({t('admin.versions.numbered', { version: v.id })})</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirm && (
        <Dialog title={t('admin.versions.confirmTitle', { version: confirm.id })} labelledBy="rollback-title" onClose={() => setConfirm(null)}>
          <p>{t('admin.versions.confirmBody', { time: formatTime(confirm.createdAt), label: confirm.label })}</p>
          <div className="editor-actions">
            <button type="button" className="secondary" onClick={() => setConfirm(null)} disabled={busy}>
              {t('admin.cancel')}
            </button>
            <button type="button" className="primary" onClick={() => void rollback(confirm)} disabled={busy}>
              {t('admin.versions.confirm')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
