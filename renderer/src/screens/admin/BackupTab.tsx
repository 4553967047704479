import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useAdmin } from './admin-context';
import { DoneNote, ErrorNote, errorText, formatBytes, formatTime, LoadState, useLoad } from './admin-shared';

/** Back up the local database now, and restore one of the backups (a safety copy is kept first). */
export function BackupTab() {
  const { t } = useTranslation();
  const { markRestartNeeded } = useAdmin();
  const [loaded, reload] = useLoad('adminListBackups', {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [confirm, setConfirm] = useState<string | null>(null);

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    setError('');
    setDone('');
    try {
      setDone(await action());
      reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };
  const backup = () =>
    act(async () => {
      const { name, bytes } = await callApi('adminBackup', {});
      return t('admin.backup.done', { name, size: formatBytes(bytes) });
    });
  const restore = (name: string) =>
    act(async () => {
      const { safetyCopy } = await callApi('adminRestore', { name });
      markRestartNeeded();
      return t('admin.backup.restored', { name, safetyCopy });
    });

  return (
    <div className="backup-tab">
      <p className="admin-intro">{t('admin.backup.intro')}</p>
      <div className="editor-actions">
        <button type="button" className="primary" onClick={() => void backup()} disabled={busy}>
          {t('admin.backup.now')}
        </button>
      </div>
      <ErrorNote message={error} />
      <DoneNote>{done}</DoneNote>
      <h3>{t('admin.backup.list')}</h3>
      {loaded.state !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : loaded.value.length === 0 ? (
        <p className="admin-empty">{t('admin.backup.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.backup.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.backup.name')}</th>
                <th scope="col">{t('admin.backup.modified')}</th>
                <th scope="col">{t('admin.backup.size')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.value.map((b) => (
                <tr key={b.name} data-backup={b.name}>
                  <td className="key-cell">{b.name}</td>
                  <td>{formatTime(b.modified)}</td>
                  <td className="num">{formatBytes(b.bytes)}</td>
                  <td>
                    <button type="button" className="secondary" onClick={() => setConfirm(b.name)} disabled={busy}>
                      {t('admin.backup.restore')}
                      <span className="visually-hidden"> {b.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirm && (
        <Dialog title={t('admin.backup.confirmTitle')} labelledBy="restore-title" onClose={() => setConfirm(null)}>
          <p>{t('admin.backup.confirmBody', { name: confirm })}</p>
          <div className="editor-actions">
            <button type="button" className="secondary" onClick={() => setConfirm(null)} disabled={busy}>
              {t('admin.cancel')}
            </button>
            <button type="button" className="primary" onClick={() => void restore(confirm)} disabled={busy}>
              {t('admin.backup.confirm')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
