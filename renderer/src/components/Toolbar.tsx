import { useUiText } from '../hooks/useUiText';
import { useKiosk } from '../kiosk-context';
import { useSpeech } from '../hooks/useSpeech';
import { Icon } from './Icon';
import type { TextSize } from '../state/kiosk-state';

/** The controls on every patient screen: home, back, language, display, read aloud. */
export function Toolbar() {
  const { t } = useUiText();
  const { state, dispatch, locale } = useKiosk();
  const speech = useSpeech(locale.code);
  const { display } = state;
  const sizes: { size: TextSize; label: string }[] = [
    { size: 0, label: t('toolbar.textSizeSmall') },
    { size: 1, label: t('toolbar.textSizeMedium') },
    { size: 2, label: t('toolbar.textSizeLarge') },
  ];
  const readScreen = () => {
    const main = document.getElementById('screen');
    if (main) speech.speak(main);
  };
  return (
    <nav className="toolbar" aria-label={t('toolbar.settings')}>
      <div className="toolbar-group">
        <button type="button" onClick={() => dispatch({ type: 'home' })} aria-label={t('toolbar.home')}>
          <Icon name="home" /> <span className="label">{t('toolbar.home')}</span>
        </button>
        <button type="button" onClick={() => dispatch({ type: 'back' })} aria-label={t('toolbar.back')} disabled={state.screen.name === 'home' && state.history.length === 0}>
          <Icon name="back" /> <span className="label">{t('toolbar.back')}</span>
        </button>
        <button type="button" onClick={() => dispatch({ type: 'navigate', screen: { name: 'language' } })} aria-label={`${t('toolbar.language')}: ${locale.nativeName}`}>
          <Icon name="globe" /> <span className="label" lang={locale.code}>{locale.nativeName}</span>
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label={t('toolbar.textSize')}>
        {sizes.map(({ size, label }) => (
          <button key={size} type="button" className={`text-size text-size-${size}`} aria-pressed={display.textSize === size} aria-label={label} onClick={() => dispatch({ type: 'setTextSize', size })}>
            A
          </button>
        ))}
        <button type="button" aria-pressed={display.highContrast} aria-label={t('toolbar.contrast')} onClick={() => dispatch({ type: 'toggleContrast' })}>
          <Icon name="contrast" />
        </button>
        <button type="button" aria-pressed={display.reducedMotion} aria-label={t('toolbar.motion')} onClick={() => dispatch({ type: 'toggleMotion' })}>
          <Icon name="motion" />
        </button>
      </div>
      {speech.available && (
        <div className="toolbar-group" role="group" aria-label={t('toolbar.listen')} data-speech-status={speech.status}>
          {speech.speaking ? (
            <>
              {speech.status === 'paused' ? (
                <button type="button" onClick={speech.resume} aria-label={t('toolbar.resume')}>
                  <Icon name="play" />
                </button>
              ) : (
                <button type="button" onClick={speech.pause} aria-label={t('toolbar.pause')}>
                  <Icon name="pause" />
                </button>
              )}
              <button type="button" onClick={speech.stop} aria-label={t('toolbar.stop')}>
                <Icon name="stop" /> <span className="label">{t('toolbar.stop')}</span>
              </button>
            </>
          ) : (
            <button type="button" onClick={readScreen} aria-label={t('toolbar.listen')} className="listen">
              <Icon name="speaker" /> <span className="label">{t('toolbar.listen')}</span>
            </button>
          )}
          <button type="button" onClick={() => speech.repeat() || readScreen()} aria-label={t('toolbar.repeat')}>
            <Icon name="repeat" />
          </button>
          <button type="button" className="speech-rate" aria-pressed={speech.rate < 1} onClick={() => speech.setRate(speech.rate < 1 ? 1 : 0.8)}>
            {t('toolbar.slower')}
          </button>
        </div>
      )}
    </nav>
  );
}
