import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { useAdmin } from './admin-context';
import { formatTime, LoadState, StatusBadge, useLoad } from './admin-shared';
import { Field } from '../../forms/Field';
import { ProcedurePicker } from './ProcedurePicker';
import { LanguageSelect } from './admin-lists';
import { areaOf, cellOf, groupByArea, matches, type Area, type StatusFilter } from './content-areas';
import { textKey } from '../../../../electron/shared/text-keys';
import { TextEditor } from './TextEditor';
import type { AdminTextItem } from '../../../../electron/shared/admin-types';
import { inLanguage } from '../../styles/fonts';

const statusFilters: StatusFilter[] = ['all', 'missing', 'draft', 'reviewed', 'approved', 'changed'];

/** Every text of a procedure in one language, grouped by area, with an editor under the chosen row. */
export function ContentTab() {
  const { t } = useUiText();
  const { procedureId, languages } = useAdmin();
  const [localeCode, setLocaleCode] = useState('en');
  const [words, setWords] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [reviewer, setReviewer] = useState('');
  const [loaded] = useLoad('adminListTexts', procedureId ? { procedureId, locale: localeCode } : null);
  const [items, setItems] = useState<AdminTextItem[] | null>(null);
  const [homeVersion, setHomeVersion] = useState(0);
  const [home, reloadHome] = useLoad('getProcedureHome', procedureId ? { procedureId, locale: localeCode } : null);
  const locale = languages.find((l) => l.code === localeCode) ?? languages[0]!;

  useEffect(() => {
    setItems(loaded.state === 'ready' ? loaded.value : null);
  }, [loaded]);
  useEffect(() => setOpenKey(null), [procedureId, localeCode]);
  useEffect(() => {
    if (homeVersion) reloadHome();
  }, [homeVersion, reloadHome]);

  // Typing stays quick on slow kiosk computers: the long list follows a moment later.
  const deferredWords = useDeferredValue(words);
  const shown = useMemo(() => (items ?? []).filter((i) => matches(i, deferredWords, status)), [items, deferredWords, status]);
  const areas = useMemo(() => groupByArea(shown), [shown]);
  const englishOf = (key: string) => items?.find((i) => i.key === key)?.english ?? '';
  const areaTitle = (area: Area) =>
    area.topicId !== null ? t('admin.areas.topic', { title: englishOf(textKey.topic(area.topicId, 'title')) || area.topicId }) : t(`admin.areas.${area.id}`, { defaultValue: area.id });
  const changed = (next: AdminTextItem) => {
    setItems((list) => (list ?? []).map((i) => (i.key === next.key ? next : i)));
    // Glossary terms and definitions appear in previews of other texts.
    if (areaOf(next.key) === 'glossary') setHomeVersion((v) => v + 1);
  };
  const filterKey = `${deferredWords}|${status}`;

  return (
    <div className="content-tab" data-english={locale.code === 'en'}>
      <div className="admin-controls">
        <ProcedurePicker id="content-procedure" />
        <LanguageSelect id="content-language" label={t('admin.language')} value={localeCode} languages={languages} onChange={setLocaleCode} />
        <Field id="content-filter" label={t('admin.content.filter')}>
          <input id="content-filter" type="search" value={words} onChange={(e) => setWords(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <Field id="content-status" label={t('admin.content.statusFilter')}>
          <select id="content-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            {statusFilters.map((s) => (
              <option key={s} value={s}>
                {t(`admin.content.show.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {!items ? (
        <LoadState loaded={loaded} />
      ) : (
        <>
          <p className="admin-count" role="status">
            {t('admin.content.count', { shown: shown.length, total: items.length })}
          </p>
          {areas.map((area) => (
            <details key={`${area.id}|${filterKey}`} className="text-area" open data-area={area.id}>
              <summary>
                <span className="summary-text">
                  <span className="text-area-title">{areaTitle(area)}</span>
                  <span className="text-area-count">
                    {t('admin.content.areaCount', { count: area.items.length, missing: area.items.filter((i) => i.text === null).length })}
                  </span>
                </span>
              </summary>
              <ul className="text-list">
                {area.items.map((item) => {
                  const open = openKey === item.key;
                  const editorId = `editor-${item.key.replace(/\./g, '-')}`;
                  return (
                    <li key={item.key} className={`text-row${open ? ' open' : ''}`} data-key={item.key}>
                      <button type="button" className="text-row-button" aria-expanded={open} aria-controls={open ? editorId : undefined} onClick={() => setOpenKey(open ? null : item.key)}>
                        <span className="tr-key">{item.key}</span>
                        <span className="tr-status">
                          <StatusBadge state={cellOf(item)} />
                        </span>
                        {locale.code !== 'en' && (
                          <span className="tr-text tr-english">
                            <span className="tr-label">{t('admin.content.english')}</span>
                            <span className="tr-snippet" lang="en" dir="ltr">
                              {item.english}
                            </span>
                          </span>
                        )}
                        <span className="tr-text">
                          <span className="tr-label">{locale.englishName}</span>
                          <span className="tr-snippet" {...inLanguage(locale)}>
                            {item.text ?? t('admin.content.noText')}
                          </span>
                        </span>
                        <span className="tr-meta">
                          {item.reviewer && <span>{t('admin.content.reviewedBy', { name: item.reviewer, date: formatTime(item.reviewedAt) })}</span>}
                          {item.changedByClinic && <span className="tr-changed">{t('admin.content.changedByClinic')}</span>}
                        </span>
                      </button>
                      {open && (
                        <TextEditor
                          id={editorId}
                          item={item}
                          items={items}
                          locale={locale}
                          procedureId={procedureId}
                          home={home.state === 'ready' ? home.value : null}
                          reviewer={reviewer}
                          setReviewer={setReviewer}
                          onChange={changed}
                          onClose={() => setOpenKey(null)}
                        />
                      )}
                    </li>
                  );
                })}
              </ul>
            </details>
          ))}
          {shown.length === 0 && <p className="admin-empty">{t('admin.content.none')}</p>}
        </>
      )}
    </div>
  );
}
