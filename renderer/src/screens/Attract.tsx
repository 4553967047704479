import { useEffect, useState } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../kiosk-context';
import { Icon } from '../components/Icon';
import { inLanguage } from '../styles/fonts';
import { preloadLanguagesWhileShown } from '../preload-language';

const CYCLE_MS = 3500;

/** Invites a touch in every enabled language in turn; the motion can be paused (WCAG 2.2.2). */
export function Attract() {
  const { t } = useTranslation();
  const { dispatch, locales, state, info, procedureId } = useKiosk();
  // While the kiosk waits for a patient, every language's first screens are made ready.
  useEffect(() => preloadLanguagesWhileShown(locales, procedureId), [locales, procedureId]);
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);
  const systemReduced = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const still = paused || state.display.reducedMotion || systemReduced;

  useEffect(() => {
    if (still || locales.length < 2) return;
    const timer = window.setInterval(() => setIndex((i) => (i + 1) % locales.length), CYCLE_MS);
    return () => window.clearInterval(timer);
  }, [still, locales.length]);

  const shown = locales[index % Math.max(locales.length, 1)];
  const greet = (code: string) => i18next.getFixedT(code)('attract.touch');
  const learn = (code: string) => i18next.getFixedT(code)('attract.learn');
  return (
    <section className="attract">
      <p className="clinic-name">{info.clinicName}</p>
      {/* The button's name is its own words (WCAG 2.5.3 Label in Name): the greeting on screen,
          then the others, kept for assistive technology while the greetings take turns. */}
      <button type="button" className="attract-start" onClick={() => dispatch({ type: 'navigate', screen: { name: 'language' } })}>
        {still ? (
          <span className="attract-all">
            {locales.map((l) => (
              <span key={l.code} {...inLanguage(l)} className="attract-line">
                {greet(l.code)}
              </span>
            ))}
          </span>
        ) : (
          shown && (
            <span key={shown.code} {...inLanguage(shown)} className="attract-greeting">
              <span className="attract-touch">{greet(shown.code)}</span>
              <span className="attract-learn">{learn(shown.code)}</span>
            </span>
          )
        )}
        {!still && (
          <span className="visually-hidden">
            {locales
              .filter((l) => l.code !== shown?.code)
              .map((l) => (
                <span key={l.code} lang={l.code} dir={l.direction}>
                  {greet(l.code)}.{' '}
                </span>
              ))}
          </span>
        )}
      </button>
      <button type="button" className="attract-pause" aria-pressed={paused} onClick={() => setPaused((p) => !p)} aria-label={paused ? t('attract.play') : t('attract.pause')}>
        <Icon name={paused ? 'play' : 'pause'} />
      </button>
    </section>
  );
}
