import { useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { callApi } from '../../api/client';
import { useAdmin } from './admin-context';
import { ActionNotes, saveExport } from './admin-shared';
import { useAction } from '../../forms/useAction';
import type { ImportSummary } from '../../../../electron/shared/admin-types';

/** Content packs: export (all, one procedure, chosen languages) and import with a summary first. */
export function PacksTab() {
  return (
    <div className="packs-tab">
      <ExportPack />
      <ImportPack />
    </div>
  );
}

function ExportPack() {
  const { t } = useUiText();
  const { procedures, procedureId, languages } = useAdmin();
  const [scope, setScope] = useState<'all' | 'one'>('all');
  const [oneProcedure, setOneProcedure] = useState(procedureId);
  const [chosen, setChosen] = useState<string[]>([]);
  const action = useAction();

  const exportPack = () =>
    action.run(async () => {
      const { fileName, json } = await callApi('adminExportPack', {
        ...(scope === 'one' ? { procedureId: oneProcedure } : {}),
        ...(chosen.length ? { locales: chosen } : {}),
      });
      const path = await saveExport(fileName, json, 'application/json');
      return path ? t('admin.saved', { path }) : t('admin.downloaded', { file: fileName });
    });

  return (
    <section className="admin-card" aria-labelledby="export-title">
      <h3 id="export-title">{t('admin.packs.exportTitle')}</h3>
      <fieldset className="choice-group">
        <legend>{t('admin.packs.what')}</legend>
        <label className="check">
          <input type="radio" name="export-scope" value="all" checked={scope === 'all'} onChange={() => setScope('all')} />
          <span>{t('admin.packs.everything')}</span>
        </label>
        <label className="check">
          <input type="radio" name="export-scope" value="one" checked={scope === 'one'} onChange={() => setScope('one')} />
          <span>{t('admin.packs.oneProcedure')}</span>
        </label>
        {scope === 'one' && (
          <div className="field">
            <label htmlFor="export-procedure">{t('admin.procedure')}</label>
            <select id="export-procedure" value={oneProcedure} onChange={(e) => setOneProcedure(e.target.value)}>
              {procedures.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>
      <fieldset className="choice-group">
        <legend>{t('admin.packs.languages')}</legend>
        <p className="field-hint">{t('admin.packs.languagesHint')}</p>
        <div className="check-grid">
          {languages
            .filter((l) => l.code !== 'en')
            .map((l) => (
              <label className="check" key={l.code}>
                <input
                  type="checkbox"
                  checked={chosen.includes(l.code)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, l.code] : chosen.filter((c) => c !== l.code))}
                />
                <span>
                  {l.englishName} ({l.code})
                </span>
              </label>
            ))}
        </div>
      </fieldset>
      <div className="editor-actions">
        <button type="button" className="primary" onClick={() => void exportPack()} disabled={action.busy}>
          {t('admin.packs.export')}
        </button>
      </div>
      <ActionNotes action={action} />
    </section>
  );
}

function ImportPack() {
  const { t } = useUiText();
  const { languages } = useAdmin();
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const action = useAction();
  const busy = action.busy;
  const name = (code: string) => languages.find((l) => l.code === code)?.englishName ?? code;

  const choose = async (file: File | undefined) => {
    setSummary(null);
    action.clear();
    if (!file) return;
    await action.run(async () => {
      setSummary(await callApi('adminPreviewImport', { fileName: file.name.slice(0, 255), json: await file.text() }));
    });
  };
  const apply = async () => {
    if (!summary) return;
    await action.run(async () => {
      const { versionId } = await callApi('adminApplyImport', { token: summary.token });
      setSummary(null);
      return t('admin.packs.imported', { version: versionId });
    });
  };

  return (
    <section className="admin-card" aria-labelledby="import-title">
      <h3 id="import-title">{t('admin.packs.importTitle')}</h3>
      <p className="admin-intro">{t('admin.packs.importIntro')}</p>
      <div className="field">
        <label htmlFor="import-file">{t('admin.packs.chooseFile')}</label>
        <input
          id="import-file"
          type="file"
          accept=".kpack,.json,application/json"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            void choose(file);
          }}
        />
      </div>
      <ActionNotes action={action} />
      {summary && (
        <div className="import-summary" role="region" aria-labelledby="summary-title">
          <h4 id="summary-title">{t('admin.packs.summaryTitle')}</h4>
          <dl>
            <dt>{t('admin.packs.description')}</dt>
            <dd>{summary.description}</dd>
            <dt>{t('admin.packs.signature')}</dt>
            <dd data-signature={summary.signature}>{summary.signature === 'trusted' ? t('admin.packs.signedBy', { key: summary.keyId ?? '' }) : t('admin.packs.unsigned')}</dd>
            <dt>{t('admin.packs.procedures')}</dt>
            <dd>{summary.procedures.join(', ') || t('admin.packs.noProcedures')}</dd>
            <dt>{t('admin.packs.narrations')}</dt>
            <dd data-narrations={summary.narrations}>{t('admin.packs.narrationCount', { count: summary.narrations })}</dd>
            <dt>{t('admin.packs.changes')}</dt>
            <dd>
              <ul className="summary-languages">
                {summary.languages.map((l) => (
                  <li key={l.locale} data-locale={l.locale}>
                    {t('admin.packs.languageLine', { code: l.locale, added: l.added, changed: l.changed, removed: l.removed })} <span className="muted">({name(l.locale)})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          <div className="editor-actions">
            <button type="button" className="primary" onClick={() => void apply()} disabled={busy}>
              {t('admin.packs.import')}
            </button>
            <button type="button" className="secondary" onClick={() => {
                setSummary(null);
                action.succeed(t('admin.packs.cancelled'));
              }}
              disabled={busy}
            >
              {t('admin.packs.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
