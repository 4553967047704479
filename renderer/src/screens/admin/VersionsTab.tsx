import { useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { callApi } from '../../api/client';
import { useAction } from '../../forms/useAction';
import { ConfirmDialog, ListTable } from './admin-lists';
import { ActionNotes, formatBytes, formatTime, LoadState, useLoad } from './admin-shared';

interface Version {
  id: number;
  createdAt: string;
  kind: string;
  label: string;
  sizeBytes: number;
}

/** Every saved version of the clinic's content, newest first, each one restorable. */
export function VersionsTab() {
  const { t } = useUiText();
  const [loaded, reload] = useLoad('adminListVersions', {});
  const [confirm, setConfirm] = useState<Version | null>(null);
  const action = useAction();

  const rollback = async (v: Version) => {
    const worked = await action.run(async () => {
      const { versionId } = await callApi('adminRollback', { versionId: v.id });
      return t('admin.versions.done', { version: v.id, created: versionId });
    });
    if (worked) reload();
    setConfirm(null);
  };

  return (
    <div className="versions-tab">
      <p className="admin-intro">{t('admin.versions.intro')}</p>
      <ActionNotes action={action} />
      {loaded.state !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : (
        <ListTable
          caption={t('admin.tabs.versions')}
          columns={[t('admin.versions.number'), t('admin.versions.time'), t('admin.versions.kind'), t('admin.versions.label'), t('admin.versions.size')]}
          actions
          items={loaded.value}
          empty={t('admin.versions.none')}
          row={(v) => (
            <tr key={v.id} data-version={v.id}>
              <td className="num">{v.id}</td>
              <td>{formatTime(v.createdAt)}</td>
              <td>{t(`admin.versions.kinds.${v.kind}`, { defaultValue: v.kind })}</td>
              <td>{v.label}</td>
              <td className="num">{formatBytes(v.sizeBytes)}</td>
              <td>
                <button type="button" className="secondary" onClick={() => setConfirm(v)} disabled={action.busy}>
                  {t('admin.versions.rollback')}
                  <span className="visually-hidden"> ({t('admin.versions.numbered', { version: v.id })})</span>
                </button>
              </td>
            </tr>
          )}
        />
      )}
      {confirm && (
        <ConfirmDialog title={t('admin.versions.confirmTitle', { version: confirm.id })} labelledBy="rollback-title" confirm={t('admin.versions.confirm')} busy={action.busy} onCancel={() => setConfirm(null)} onConfirm={() => void rollback(confirm)}>
          <p>{t('admin.versions.confirmBody', { time: formatTime(confirm.createdAt), label: confirm.label })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
