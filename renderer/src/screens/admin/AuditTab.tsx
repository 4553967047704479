import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DoneNote, ErrorNote, errorText, formatTime, LoadState, saveExport, today, useLoad } from './admin-shared';

const PAGE = 100;

/** Who (which role) changed what and when, newest first, with a CSV export. */
export function AuditTab() {
  const { t } = useTranslation();
  const [loaded] = useLoad('adminAuditLog', {});
  const [shown, setShown] = useState(PAGE);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  if (loaded.state !== 'ready') return <LoadState loaded={loaded} />;
  const entries = [...loaded.value.entries].sort((a, b) => b.id - a.id);

  const exportCsv = async () => {
    setError('');
    setDone('');
    const fileName = `kiosk-audit-${today()}.csv`;
    try {
      const path = await saveExport(fileName, loaded.value.csv, 'text/csv');
      setDone(path ? t('admin.saved', { path }) : t('admin.downloaded', { file: fileName }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="audit-tab">
      <p className="admin-intro">{t('admin.audit.intro')}</p>
      <div className="editor-actions">
        <button type="button" className="secondary" onClick={() => void exportCsv()}>
          {t('admin.exportCsv')}
        </button>
      </div>
      <ErrorNote message={error} />
      <DoneNote>{done}</DoneNote>
      {entries.length === 0 ? (
        <p className="admin-empty">{t('admin.audit.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table audit-table">
            <caption className="visually-hidden">{t('admin.tabs.audit')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.time')}</th>
                <th scope="col">{t('admin.audit.role')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.target')}</th>
                <th scope="col">{t('admin.audit.hashes')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.slice(0, shown).map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>{formatTime(e.at)}</td>
                  <td>{e.role}</td>
                  <td>{e.action}</td>
                  <td className="key-cell">{e.target}</td>
                  <td className="hash-cell">
                    <code>{e.beforeHash?.slice(0, 8) ?? '–'}</code> → <code>{e.afterHash?.slice(0, 8) ?? '–'}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.length > shown && (
        <button type="button" className="secondary" onClick={() => setShown(shown + PAGE)}>
          {t('admin.audit.more', { count: entries.length - shown })}
        </button>
      )}
    </div>
  );
}
