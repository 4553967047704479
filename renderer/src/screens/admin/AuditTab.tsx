import { useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { CsvExport, ListTable } from './admin-lists';
import { formatTime, LoadState, useLoad } from './admin-shared';

const PAGE = 100;

/** Who (which role) changed what and when, newest first, with a CSV export. */
export function AuditTab() {
  const { t } = useUiText();
  const [loaded] = useLoad('adminAuditLog', {});
  const [shown, setShown] = useState(PAGE);
  if (loaded.state !== 'ready') return <LoadState loaded={loaded} />;
  const entries = [...loaded.value.entries].sort((a, b) => b.id - a.id);

  return (
    <div className="audit-tab">
      <p className="admin-intro">{t('admin.audit.intro')}</p>
      <CsvExport name="kiosk-audit" csv={loaded.value.csv} />
      <ListTable
        caption={t('admin.tabs.audit')}
        className="audit-table"
        columns={[t('admin.audit.time'), t('admin.audit.role'), t('admin.audit.action'), t('admin.audit.target'), t('admin.audit.hashes')]}
        items={entries.slice(0, shown)}
        empty={t('admin.audit.none')}
        row={(e) => (
          <tr key={e.id} data-action={e.action}>
            <td>{formatTime(e.at)}</td>
            <td>{e.role}</td>
            <td>{e.action}</td>
            <td className="key-cell">{e.target}</td>
            <td className="hash-cell">
              <code>{e.beforeHash?.slice(0, 8) ?? '–'}</code> → <code>{e.afterHash?.slice(0, 8) ?? '–'}</code>
            </td>
          </tr>
        )}
      />
      {entries.length > shown && (
        <button type="button" className="secondary" onClick={() => setShown(shown + PAGE)}>
          {t('admin.audit.more', { count: entries.length - shown })}
        </button>
      )}
    </div>
  );
}
