import { useMemo, useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { useAdmin } from './admin-context';
import { LoadState, reviewStates, StatusBadge, useLoad } from './admin-shared';
import { Field } from '../../forms/Field';
import { ProcedurePicker } from './ProcedurePicker';

/** Every text by language in four states, with totals per language and a legend. */
export function MatrixTab() {
  const { t } = useUiText();
  const { procedureId, languages } = useAdmin();
  const [loaded] = useLoad('adminTranslationMatrix', procedureId ? { procedureId } : null);
  const [words, setWords] = useState('');
  const [notDone, setNotDone] = useState(false);
  // The full table has a row per text and a cell per language: built only when asked for.
  const [showAll, setShowAll] = useState(false);
  const name = (code: string) => languages.find((l) => l.code === code)?.englishName ?? code;

  const rows = useMemo(() => {
    if (loaded.state !== 'ready') return [];
    const q = words.trim().toLowerCase();
    return loaded.value.rows.filter((r) => (!q || r.key.includes(q)) && (!notDone || Object.values(r.cells).some((c) => c !== 'approved')));
  }, [loaded, words, notDone]);

  if (loaded.state !== 'ready') return <LoadState loaded={loaded} />;
  const m = loaded.value;
  return (
    <div className="matrix-tab">
      <div className="admin-controls">
        <ProcedurePicker id="matrix-procedure" />
      </div>
      <h3>{t('admin.matrix.legend')}</h3>
      <ul className="legend">
        {reviewStates.map((s) => (
          <li key={s}>
            <StatusBadge state={s} /> <span>{t(`admin.matrix.means.${s}`)}</span>
          </li>
        ))}
      </ul>
      <div className="table-scroll">
        <table className="admin-table totals-table">
          <caption>{t('admin.matrix.totals', { count: m.rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.language')}</th>
              {[...reviewStates].reverse().map((s) => (
                <th scope="col" key={s}>
                  <StatusBadge state={s} />
                </th>
              ))}
              <th scope="col">{t('admin.matrix.approvedShare')}</th>
            </tr>
          </thead>
          <tbody>
            {m.locales.map((code) => {
              const totals = m.totals[code] ?? { missing: 0, draft: 0, reviewed: 0, approved: 0 };
              return (
                <tr key={code} data-locale={code}>
                  <th scope="row">
                    {name(code)} ({code})
                  </th>
                  {[...reviewStates].reverse().map((s) => (
                    <td key={s} data-state={s} className="num">
                      {totals[s]}
                    </td>
                  ))}
                  <td className="num">{m.rows.length ? Math.round((100 * totals.approved) / m.rows.length) : 0}%</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="table-scroll">
        <table className="admin-table narration-table">
          <caption>{t('admin.narration.coverage')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.language')}</th>
              <th scope="col">{t('admin.narration.current')}</th>
              <th scope="col">{t('admin.narration.staleCount')}</th>
              <th scope="col">{t('admin.narration.share')}</th>
            </tr>
          </thead>
          <tbody>
            {m.locales.map((code) => {
              const n = m.narration[code] ?? { current: 0, stale: 0, texts: 0 };
              return (
                <tr key={code} data-locale={code}>
                  <th scope="row">
                    {name(code)} ({code})
                  </th>
                  <td className="num" data-narration="current">
                    {n.current}
                  </td>
                  <td className="num" data-narration="stale">
                    {n.stale}
                  </td>
                  <td className="num">{n.texts ? Math.round((100 * n.current) / n.texts) : 0}%</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <details className="matrix-all" onToggle={(e) => setShowAll(e.currentTarget.open)}>
        <summary>
          <span>{t('admin.matrix.everyText')}</span>
        </summary>
        {showAll && (
          <>
            <div className="admin-controls">
              <Field id="matrix-filter" label={t('admin.matrix.filter')}>
                <input id="matrix-filter" type="search" value={words} onChange={(e) => setWords(e.target.value)} autoComplete="off" spellCheck={false} />
              </Field>
              <label className="check">
                <input type="checkbox" checked={notDone} onChange={(e) => setNotDone(e.target.checked)} />
                <span>{t('admin.matrix.notDone')}</span>
              </label>
            </div>
            <p className="admin-count" role="status">
              {t('admin.content.count', { shown: rows.length, total: m.rows.length })}
            </p>
            <div className="table-scroll" role="region" aria-label={t('admin.matrix.everyText')} tabIndex={0}>
              <table className="admin-table matrix-table">
                <caption className="visually-hidden">{t('admin.matrix.everyText')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.matrix.key')}</th>
                    {m.locales.map((code) => (
                      <th scope="col" key={code}>
                        <abbr title={name(code)}>{code}</abbr>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.key}>
                      <th scope="row" className="key-cell">
                        {r.key}
                      </th>
                      {m.locales.map((code) => (
                        <td key={code}>
                          <StatusBadge state={r.cells[code] ?? 'missing'} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </details>
    </div>
  );
}
