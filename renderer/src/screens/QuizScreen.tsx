import { useUiText } from '../hooks/useUiText';
import { narrationAttr } from '../narration';
import { useKiosk } from '../kiosk-context';
import { Icon } from '../components/Icon';
import { scoreQuiz } from '../state/quiz-state';
import { recordUsage } from '../api/usage';
import type { ProcedureHome, Quiz, QuizQuestion, Walkthrough } from '../../../electron/shared/content-types';
import type { Screen } from '../state/kiosk-state';

/** Where a question's answer is taught, with a title to show on the "show me again" button. */
function teachingPlace(q: QuizQuestion, home: ProcedureHome, walkthrough: Walkthrough): { screen: Screen; title: string } {
  if (q.teaches.kind === 'step') {
    const index = Math.max(0, walkthrough.steps.findIndex((s) => s.id === q.teaches.id));
    return { screen: { name: 'walkthrough', step: index }, title: walkthrough.steps[index]?.title ?? '' };
  }
  return { screen: { name: 'topic', topicId: q.teaches.id }, title: home.topics.find((tp) => tp.id === q.teaches.id)?.title ?? '' };
}

/** Check your understanding: one question at a time, kind feedback, a way back to the lesson. */
export function QuizScreen({ quiz, home, walkthrough }: { quiz: Quiz; home: ProcedureHome; walkthrough: Walkthrough }) {
  const { t, language } = useUiText();
  const { state, dispatch } = useKiosk();
  const { index, answers, finished } = state.quiz;
  const number = new Intl.NumberFormat(language);
  const total = quiz.questions.length;

  if (finished) {
    const score = scoreQuiz(quiz.questions, answers);
    return (
      <section className="quiz quiz-summary">
        <h1>{t('quiz.title')}</h1>
        <p className="quiz-score" role="status">
          {score.missed.length === 0 ? t('quiz.summaryAll') : t('quiz.summary', { right: number.format(score.right), total: number.format(score.total) })}
        </p>
        {score.missed.length > 0 && (
          <>
            <p>{t('quiz.review')}</p>
            <ul className="review-list">
              {score.missed.map((id) => {
                const q = quiz.questions.find((x) => x.id === id)!;
                const place = teachingPlace(q, home, walkthrough);
                return (
                  <li key={id}>
                    <button type="button" className="link-button" onClick={() => dispatch({ type: 'navigate', screen: place.screen })}>
                      {place.title}
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
        <p>{t('quiz.askStaff')}</p>
        <button type="button" className="primary big" onClick={() => dispatch({ type: 'quiz', action: { type: 'restart' } })}>
          {t('quiz.again')}
        </button>
      </section>
    );
  }

  const q = quiz.questions[index];
  if (!q) return null;
  const chosen = answers[q.id];
  const right = chosen === q.answer;
  const place = teachingPlace(q, home, walkthrough);
  return (
    <section className="quiz">
      <h1>{t('quiz.title')}</h1>
      {index === 0 && chosen === undefined && <p className="quiz-intro">{t('quiz.intro')}</p>}
      <p className="quiz-progress">{t('quiz.progress', { current: number.format(index + 1), total: number.format(total) })}</p>
      <fieldset className="quiz-question" data-question={q.id}>
        <legend {...narrationAttr(q, 'question')}>{q.question}</legend>
        <div className="quiz-options">
          {q.options.map((o) => {
            const isChosen = chosen === o.id;
            const mark = chosen === undefined ? '' : o.id === q.answer ? 'correct' : isChosen ? 'wrong' : '';
            return (
              <button key={o.id} type="button" className={`quiz-option ${mark}`} data-option={o.id} aria-pressed={isChosen} disabled={chosen !== undefined && !isChosen && o.id !== q.answer} onClick={() => {
                  if (chosen === undefined) recordUsage(o.id === q.answer ? 'quiz_right' : 'quiz_wrong', q.id);
                  dispatch({ type: 'quiz', action: { type: 'answer', questionId: q.id, optionId: o.id } });
                }}>
                {mark === 'correct' && <Icon name="check" />}
                {mark === 'wrong' && <Icon name="cross" />}
                <span {...narrationAttr(o, 'text')}>{o.text}</span>
              </button>
            );
          })}
        </div>
      </fieldset>
      {chosen !== undefined && (
        <div className={`quiz-feedback ${right ? 'right' : 'not-quite'}`} role="status">
          <p className="quiz-verdict">{right ? t('quiz.right') : t('quiz.notQuite')}</p>
          <p {...narrationAttr(q, 'explanation')}>{q.explanation}</p>
          <div className="quiz-actions">
            {!right && (
              <button type="button" className="secondary big" onClick={() => dispatch({ type: 'navigate', screen: place.screen })}>
                {t('quiz.goBack', { title: place.title })}
              </button>
            )}
            <button type="button" className="primary big" onClick={() => dispatch({ type: 'quiz', action: { type: 'next', total } })}>
              {index + 1 >= total ? t('quiz.finish') : t('quiz.next')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
