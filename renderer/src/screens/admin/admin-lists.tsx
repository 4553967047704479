/** The admin tabs' lists: a table of items with an empty message, a confirm dialog, a CSV export and the language picker. */
import type { ReactNode } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../forms/Field';
import { useAction } from '../../forms/useAction';
import { ActionNotes, saveExport, today } from './admin-shared';

/**
 * Items as a table inside a scroll box, or `empty` when there are none. `columns` are the
 * header cells; with `actions` a last, visually hidden "Actions" column is added.
 */
export function ListTable<T>({ caption, className = '', columns, items, empty, row, actions = false }: { caption: string; className?: string; columns: readonly string[]; items: readonly T[]; empty: string; row: (item: T) => ReactNode; actions?: boolean }) {
  const { t } = useUiText();
  if (items.length === 0) return <p className="admin-empty">{empty}</p>;
  return (
    <div className="table-scroll">
      <table className={`admin-table${className ? ` ${className}` : ''}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{items.map(row)}</tbody>
      </table>
    </div>
  );
}

/** "Are you sure?" before an action that replaces the clinic's data: Cancel, or do it. */
export function ConfirmDialog({ title, labelledBy, children, confirm, busy, onCancel, onConfirm }: { title: string; labelledBy: string; children: ReactNode; confirm: string; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useUiText();
  return (
    <Dialog title={title} labelledBy={labelledBy} onClose={onCancel}>
      {children}
      <div className="editor-actions">
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          {t('admin.cancel')}
        </button>
        <button type="button" className="primary" onClick={onConfirm} disabled={busy}>
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}

/** "Export CSV": saves `csv` as `<name>-<today>.csv` and says where it went. */
export function CsvExport({ name, csv }: { name: string; csv: string }) {
  const { t } = useUiText();
  const action = useAction();
  const exportCsv = () =>
    action.run(async () => {
      const fileName = `${name}-${today()}.csv`;
      const path = await saveExport(fileName, csv, 'text/csv');
      return path ? t('admin.saved', { path }) : t('admin.downloaded', { file: fileName });
    });
  return (
    <>
      <div className="editor-actions">
        <button type="button" className="secondary" onClick={() => void exportCsv()}>
          {t('admin.exportCsv')}
        </button>
      </div>
      <ActionNotes action={action} />
    </>
  );
}

/** A choice of one of the content's languages, each shown as "English name (code)". */
export function LanguageSelect({ id, label, value, languages, onChange, error }: { id: string; label: string; value: string; languages: readonly { code: string; englishName: string }[]; onChange: (code: string) => void; error?: string }) {
  return (
    <Field id={id} label={label} error={error}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}>
        {languages.map((l) => (
          <option key={l.code} value={l.code}>
            {l.englishName} ({l.code})
          </option>
        ))}
      </select>
    </Field>
  );
}
