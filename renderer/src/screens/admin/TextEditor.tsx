import { useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { callApi } from '../../api/client';
import { Markdown } from '../../components/Markdown';
import { Icon } from '../../components/Icon';
import { fleschKincaidGrade, readingEase, sentenceStats } from '../../../../electron/shared/readability';
import { DoneNote, ErrorNote, formatTime, StatusBadge } from './admin-shared';
import { useAction } from '../../forms/useAction';
import { cellOf, previewKindOf, topicOf } from './content-areas';
import { NarrationPanel } from './NarrationPanel';
import { useKiosk } from '../../kiosk-context';
import { fillTemplate } from '../../../../electron/shared/sheet-variables';
import { isSheetTemplateKey, textKey } from '../../../../electron/shared/text-keys';
import type { AdminTextItem } from '../../../../electron/shared/admin-types';
import type { Locale, ProcedureHome, ReviewStatus } from '../../../../electron/shared/content-types';
import { inLanguage } from '../../styles/fonts';

const TARGET_GRADE = 6;

interface Props {
  id: string;
  item: AdminTextItem;
  items: AdminTextItem[];
  locale: Locale;
  procedureId: string;
  home: ProcedureHome | null;
  reviewer: string;
  setReviewer: (name: string) => void;
  onChange: (item: AdminTextItem) => void;
  onClose: () => void;
}

/** Edit one text with a live preview as patients see it, its reading level, review and revert. */
export function TextEditor({ id, item, items, locale, procedureId, home, reviewer, setReviewer, onChange, onClose }: Props) {
  const { t } = useUiText();
  const [draft, setDraft] = useState(item.text ?? '');
  const action = useAction();
  const { busy, error, done } = action;
  const saved = item.text ?? '';
  const dirty = draft !== saved;
  const base = { procedureId, locale: locale.code, key: item.key };

  const run = (work: () => Promise<AdminTextItem>, message: string, resetDraft = false) =>
    action.run(async () => {
      const next = await work();
      onChange(next);
      if (resetDraft) setDraft(next.text ?? '');
      return message;
    });
  const save = () => run(() => callApi('adminSaveText', { ...base, text: draft }), t('admin.editor.saved'));
  const review = (status: ReviewStatus) => run(() => callApi('adminSetReview', { ...base, status, reviewer }), t('admin.editor.marked', { status: t(`admin.status.${status}`) }));
  const revert = () => run(() => callApi('adminRevertText', base), t('admin.editor.reverted'), true);

  const textId = `${id}-text`;
  const reviewerId = `${id}-reviewer`;
  const errorId = `${id}-error`;
  return (
    <div className="text-editor" id={id} role="region" aria-label={t('admin.editor.label', { key: item.key })}>
      <div className="editor-columns">
        <div className="editor-input">
          {locale.code !== 'en' && (
            <div className="editor-english">
              <p className="tr-label">{t('admin.editor.englishText')}</p>
              <p lang="en" dir="ltr">
                {item.english}
              </p>
            </div>
          )}
          <div className={`field${error ? ' has-error' : ''}`}>
            <label htmlFor={textId}>{t('admin.editor.textIn', { language: locale.englishName })}</label>
            <textarea
              id={textId}
              {...inLanguage(locale)}
              rows={Math.min(14, Math.max(3, Math.ceil(draft.length / 60) + draft.split('\n').length))}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
          </div>
          <ErrorNote message={error} id={errorId} />
          <DoneNote>{done}</DoneNote>
          <ReadingLevel text={draft} locale={locale.code} english={item.english} />
          <div className="editor-actions">
            <button type="button" className="primary" onClick={() => void save()} disabled={busy || !dirty || !draft.trim()}>
              {t('admin.editor.save')}
            </button>
            {dirty && (
              <button type="button" className="secondary" onClick={() => setDraft(saved)} disabled={busy}>
                {t('admin.editor.undo')}
              </button>
            )}
            {!draft && item.english && locale.code !== 'en' && (
              <button type="button" className="secondary" onClick={() => setDraft(item.english)}>
                {t('admin.editor.copyEnglish')}
              </button>
            )}
            {item.changedByClinic && (
              <button type="button" className="secondary" onClick={() => void revert()} disabled={busy}>
                {t('admin.editor.revert')}
              </button>
            )}
            <button type="button" className="secondary" onClick={onClose}>
              {t('admin.editor.close')}
            </button>
          </div>
          <div className="editor-review" role="group" aria-labelledby={`${id}-review-title`}>
            <h3 id={`${id}-review-title`}>{t('admin.editor.review')}</h3>
            <p className="editor-review-now">
              <span>{t('admin.editor.now')}</span> <StatusBadge state={cellOf(item)} />
              {item.reviewer && <span>{t('admin.content.reviewedBy', { name: item.reviewer, date: formatTime(item.reviewedAt) })}</span>}
            </p>
            {item.sourceNote && <p className="field-hint">{item.sourceNote}</p>}
            <div className="field">
              <label htmlFor={reviewerId}>{t('admin.editor.reviewer')}</label>
              <input id={reviewerId} type="text" value={reviewer} onChange={(e) => setReviewer(e.target.value)} autoComplete="off" maxLength={120} aria-describedby={`${reviewerId}-hint`} />
              <p className="field-hint" id={`${reviewerId}-hint`}>
                {dirty ? t('admin.editor.saveFirst') : t('admin.editor.reviewerHint')}
              </p>
            </div>
            <div className="review-buttons">
              {(['draft', 'reviewed', 'approved'] as const).map((s) => (
                <button key={s} type="button" className="secondary" aria-pressed={item.status === s && item.text !== null} onClick={() => void review(s)} disabled={busy || dirty || item.text === null}>
                  {t(`admin.status.${s}`)}
                </button>
              ))}
            </div>
          </div>
          <NarrationPanel id={`${id}-narration`} item={item} procedureId={procedureId} locale={locale.code} dirty={dirty} onChange={onChange} />
        </div>
        <Preview item={item} draft={draft} items={items} locale={locale} home={home} />
      </div>
    </div>
  );
}

function ReadingLevel({ text, locale, english }: { text: string; locale: string; english: string }) {
  const { t } = useUiText();
  if (!text.trim()) return null;
  if (locale === 'en') {
    const grade = Math.max(0, fleschKincaidGrade(text));
    const hard = grade > TARGET_GRADE;
    return (
      <p className={`reading-level${hard ? ' too-hard' : ''}`} data-grade={grade.toFixed(1)}>
        {hard && <Icon name="risks" size={24} />}
        <span>{t(hard ? 'admin.editor.gradeHigh' : 'admin.editor.gradeOk', { grade: grade.toFixed(1), target: t('admin.editor.target') })}</span>
      </p>
    );
  }
  // Beside the English source's grade: this language's own published formula, where there is one.
  const ease = readingEase(locale, text);
  const s = sentenceStats(text);
  return (
    <div className="reading-level">
      {english.trim() && <p data-english-grade={Math.max(0, fleschKincaidGrade(english)).toFixed(1)}>{t('admin.editor.englishGrade', { grade: Math.max(0, fleschKincaidGrade(english)).toFixed(1) })}</p>}
      {ease && (
        <p data-ease={ease.score.toFixed(0)} data-formula={ease.formula}>
          {t('admin.editor.ease', { formula: ease.formula, score: ease.score.toFixed(0), band: ease.band })}
        </p>
      )}
      <p>{t('admin.editor.lengths', { sentences: s.sentences, words: s.wordsPerSentence.toFixed(1), letters: s.charsPerWord.toFixed(1) })}</p>
    </div>
  );
}

/** The text as patients see it: the same components and sizes as the patient screens. */
function Preview({ item, draft, items, locale, home }: { item: AdminTextItem; draft: string; items: AdminTextItem[]; locale: Locale; home: ProcedureHome | null }) {
  const { t } = useUiText();
  const kind = previewKindOf(item.key);
  const { info } = useKiosk();
  // Patient texts show the clinic's numbers, filled and isolated as the kiosk fills them; sheet
  // templates keep their {{variables}}, which the nurse's values fill.
  const text = draft ? (isSheetTemplateKey(item.key) ? draft : fillTemplate(draft, info.clinicVariables, locale.direction)) : t('admin.editor.emptyPreview');
  const sibling = (key: string) => {
    const other = items.find((i) => i.key === key);
    return other?.text ?? other?.english ?? '';
  };
  const topicId = topicOf(item.key) ?? '';
  let body;
  if (kind === 'markdown') body = <Markdown text={text} glossary={home?.glossary ?? []} kept={false} />;
  else if (kind === 'tile-title' || kind === 'tile-summary')
    body = (
      <div className="tile preview-tile">
        <Icon name={home?.topics.find((tp) => tp.id === topicId)?.icon ?? 'info'} size={48} />
        <span className="tile-title">{kind === 'tile-title' ? text : sibling(textKey.topic(topicId, 'title'))}</span>
        <span className="tile-summary">{kind === 'tile-summary' ? text : sibling(textKey.topic(topicId, 'summary'))}</span>
      </div>
    );
  else if (kind === 'heading') body = <p className={item.key === textKey.procedure('name') ? 'preview-h1' : 'preview-h2'}>{text}</p>;
  else body = <p className="preview-plain">{text}</p>;
  return (
    <div className="editor-preview">
      <p className="tr-label" id={`preview-${item.key}`}>
        {t('admin.editor.preview')}
      </p>
      <div className="preview-frame" {...inLanguage(locale)} role="group" aria-labelledby={`preview-${item.key}`} data-preview={kind}>
        {body}
      </div>
    </div>
  );
}
