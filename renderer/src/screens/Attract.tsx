import { useEffect, useId, useState } from 'react';
import { useKiosk } from '../kiosk-context';
import { Icon } from '../components/Icon';
import { inLanguage } from '../styles/fonts';
import { useLanguagePreload } from '../hooks/useLanguagePreload';
import { attractText } from '../attract-text';

const CYCLE_MS = 3500;

/** Invites a touch in every enabled language in turn; the motion can be paused (WCAG 2.2.2). */
export function Attract() {
  const { dispatch, locales, state, info, locale } = useKiosk();
  // While the kiosk waits for a patient, every language's first screens are made ready.
  useLanguagePreload();
  const [index, setIndex] = useState(0);
  const shownId = useId();
  const othersId = useId();
  const [paused, setPaused] = useState(false);
  const systemReduced = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const still = paused || state.display.reducedMotion || systemReduced;

  useEffect(() => {
    if (still || locales.length < 2) return;
    const timer = window.setInterval(() => setIndex((i) => (i + 1) % locales.length), CYCLE_MS);
    return () => window.clearInterval(timer);
  }, [still, locales.length]);

  const shown = locales[index % Math.max(locales.length, 1)];
  const greet = (code: string) => attractText(code, 'touch');
  const learn = (code: string) => attractText(code, 'learn');
  return (
    <section className="attract">
      <p className="clinic-name">{info.clinicName}</p>
      {/* The button's name is its own words (WCAG 2.5.3 Label in Name): the greeting on screen,
          then the others, kept for assistive technology while the greetings take turns. The
          others are display:none (a name may be made of hidden text), so the page never lays
          out lines in scripts whose fonts it has not loaded: that layout was a third of the
          first screen's cost. */}
      <button
        type="button"
        className="attract-start"
        aria-labelledby={still ? undefined : `${shownId} ${othersId}`}
        onClick={() => dispatch({ type: 'navigate', screen: { name: 'language' } })}
      >
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
            <span key={shown.code} id={shownId} {...inLanguage(shown)} className="attract-greeting">
              <span className="attract-touch">{greet(shown.code)}</span>
              <span className="attract-learn">{learn(shown.code)}</span>
            </span>
          )
        )}
        {!still && (
          <span id={othersId} hidden>
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
      <button type="button" className="attract-pause" aria-pressed={paused} onClick={() => setPaused((p) => !p)} aria-label={attractText(locale.code, paused ? 'play' : 'pause')}>
        <Icon name={paused ? 'play' : 'pause'} />
      </button>
    </section>
  );
}
