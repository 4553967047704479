import { useEffect, useRef } from 'react';
import { useUiText } from '../hooks/useUiText';
import { Icon } from './Icon';
import { useKiosk } from '../kiosk-context';
import { useSpeech } from '../hooks/useSpeech';
import { reader } from '../speech/reader';

/**
 * Read aloud inside a dialog (which covers the toolbar): reads the dialog it sits in, in the
 * patient's language; Stop while reading. Not shown when no voice speaks the language.
 */
export function ListenButton() {
  const { t } = useUiText();
  const { locale, state } = useKiosk();
  const speech = useSpeech(state.locale ?? locale.code);
  const self = useRef<HTMLButtonElement>(null);
  const started = useRef(false);
  // Closing the dialog stops what it started reading.
  useEffect(
    () => () => {
      if (started.current) reader.stop();
    },
    [],
  );
  if (!speech.available) return null;
  return speech.speaking ? (
    <button type="button" className="secondary dialog-listen" onClick={speech.stop}>
      <Icon name="stop" /> {t('toolbar.stop')}
    </button>
  ) : (
    <button
      type="button"
      ref={self}
      className="secondary dialog-listen listen"
      onClick={() => {
        const dialog = self.current?.closest('[role="dialog"]');
        if (!dialog) return;
        started.current = true;
        speech.speak(dialog);
      }}
    >
      <Icon name="speaker" /> {t('idle.listen')}
    </button>
  );
}
