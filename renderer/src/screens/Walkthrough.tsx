import { useEffect, useLayoutEffect, useRef } from 'react';
import { narrationAttr } from '../narration';
import { useUiText } from '../hooks/useUiText';
import { useKiosk } from '../kiosk-context';
import { Icon } from '../components/Icon';
import { ProvenanceNote } from '../components/ProvenanceNote';
import { KioskTakeHome } from '../components/KioskTakeHome';
import { moveForKey, moveForSwipe, moveStep, type StepMove } from '../state/walkthrough-state';
import { recordUsage } from '../api/usage';
import type { Walkthrough as WalkthroughData } from '../../../electron/shared/content-types';

/** The four illustrated steps: "Step 2 of 4", previous/next, swipe and arrow keys, then the quiz. */
export function Walkthrough({ data, step }: { data: WalkthroughData; step: number }) {
  const { t, language } = useUiText();
  const { dispatch, locale } = useKiosk();
  const total = data.steps.length;
  const current = data.steps[step];
  const start = useRef<{ x: number; y: number } | null>(null);
  const number = new Intl.NumberFormat(language);

  const move = (m: StepMove) => {
    const next = moveStep(step, m, total);
    if (next !== step) dispatch({ type: 'replace', screen: { name: 'walkthrough', step: next } });
  };

  useEffect(() => {
    if (step === total && total > 0) recordUsage('walkthrough_completed');
  }, [step, total]);

  // Decode every step's picture once, up front, so moving between steps does not wait for it.
  useEffect(() => {
    for (const s of data.steps) {
      if (!s.illustration) continue;
      const img = new Image();
      img.src = s.illustration.src;
      void img.decode().catch(() => undefined);
    }
  }, [data]);

  // Attached before the step is painted: a key pressed as soon as the step shows moves it.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement | null)?.closest?.('input, textarea, [role="dialog"]')) return;
      const m = moveForKey(e.key, locale.direction);
      if (m) {
        e.preventDefault();
        const next = moveStep(step, m, total);
        if (next !== step) dispatch({ type: 'replace', screen: { name: 'walkthrough', step: next } });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, total, locale.direction, dispatch]);

  return (
    <section
      className="walkthrough"
      onPointerDown={(e) => (start.current = { x: e.clientX, y: e.clientY })}
      onPointerUp={(e) => {
        if (!start.current) return;
        const m = moveForSwipe(e.clientX - start.current.x, e.clientY - start.current.y, locale.direction);
        start.current = null;
        if (m) move(m);
      }}
    >
      <h1>{t('walkthrough.title')}</h1>
      <ProvenanceNote provenance={data.provenance} />
      <ol className="step-dots" aria-hidden="true">
        {data.steps.map((s, i) => (
          <li key={s.id} className={i === step ? 'current' : i < step ? 'done' : ''} />
        ))}
      </ol>
      {current ? (
        <article className="step" key={current.id} data-step={current.id} aria-roledescription="step">
          <p className="step-progress" aria-live="polite">
            {t('walkthrough.progress', { current: number.format(step + 1), total: number.format(total) })}
          </p>
          <div className="step-body">
            {current.illustration && <img className="step-illustration" src={current.illustration.src} alt={current.illustration.alt} decoding="async" {...narrationAttr(current.illustration, 'alt')} />}
            <div className="step-text">
              <h2 {...narrationAttr(current, 'title')}>{current.title}</h2>
              <p {...narrationAttr(current, 'body')}>{current.body}</p>
              <h3>{t('walkthrough.feel')}</h3>
              <p {...narrationAttr(current, 'feel')}>{current.feel}</p>
            </div>
          </div>
        </article>
      ) : (
        <article className="step step-done">
          <Icon name="check" size={72} />
          <h2>{t('walkthrough.done')}</h2>
          <button type="button" className="primary big" onClick={() => dispatch({ type: 'navigate', screen: { name: 'quiz' } })}>
            {t('walkthrough.toQuiz')}
          </button>
          <KioskTakeHome />
        </article>
      )}
      <div className="step-nav" data-no-read="">
        <button type="button" className="step-button" onClick={() => move('previous')} disabled={step === 0}>
          <Icon name="back" /> {t('walkthrough.previous')}
        </button>
        <button type="button" className="step-button primary" onClick={() => move('next')} disabled={step >= total}>
          {t('walkthrough.next')} <Icon name="forward" />
        </button>
      </div>
      <p className="hint" data-no-read="">{t('walkthrough.swipeHint')}</p>
    </section>
  );
}
