import { useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { callApi } from '../../api/client';
import { useAction } from '../../forms/useAction';
import { useAdmin } from './admin-context';
import { ConfirmDialog, ListTable } from './admin-lists';
import { ActionNotes, formatBytes, formatTime, LoadState, useLoad } from './admin-shared';

/** Back up the local database now, and restore one of the backups (a safety copy is kept first). */
export function BackupTab() {
  const { t } = useUiText();
  const { markRestartNeeded } = useAdmin();
  const [loaded, reload] = useLoad('adminListBackups', {});
  const action = useAction();
  const [confirm, setConfirm] = useState<string | null>(null);

  const act = async (work: () => Promise<string>) => {
    if (await action.run(work)) reload();
    setConfirm(null);
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
        <button type="button" className="primary" onClick={() => void backup()} disabled={action.busy}>
          {t('admin.backup.now')}
        </button>
      </div>
      <ActionNotes action={action} />
      <h3>{t('admin.backup.list')}</h3>
      {loaded.state !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : (
        <ListTable
          caption={t('admin.backup.list')}
          columns={[t('admin.backup.name'), t('admin.backup.modified'), t('admin.backup.size')]}
          actions
          items={loaded.value}
          empty={t('admin.backup.none')}
          row={(b) => (
            <tr key={b.name} data-backup={b.name}>
              <td className="key-cell">{b.name}</td>
              <td>{formatTime(b.modified)}</td>
              <td className="num">{formatBytes(b.bytes)}</td>
              <td>
                <button type="button" className="secondary" onClick={() => setConfirm(b.name)} disabled={action.busy}>
                  {t('admin.backup.restore')}
                  <span className="visually-hidden"> {b.name}</span>
                </button>
              </td>
            </tr>
          )}
        />
      )}
      {confirm && (
        <ConfirmDialog title={t('admin.backup.confirmTitle')} labelledBy="restore-title" confirm={t('admin.backup.confirm')} busy={action.busy} onCancel={() => setConfirm(null)} onConfirm={() => void restore(confirm)}>
          <p>{t('admin.backup.confirmBody', { name: confirm })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
