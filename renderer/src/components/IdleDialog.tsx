import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { Icon } from './Icon';
import { useKiosk } from '../kiosk-context';
import { useSpeech } from '../hooks/useSpeech';

export function IdleDialog({ secondsLeft, onContinue }: { secondsLeft: number; onContinue: () => void }) {
  const { t } = useTranslation();
  const { locale, state } = useKiosk();
  const speech = useSpeech(state.locale ?? locale.code);
  const text = useRef<HTMLDivElement>(null);
  return (
    <Dialog title={t('idle.title')} labelledBy="idle-title">
      <div ref={text}>
        <p aria-live="polite">{t('idle.body', { seconds: secondsLeft })}</p>
      </div>
      <button type="button" className="primary big" onClick={onContinue}>
        {t('idle.continue')}
      </button>
      {speech.available && (
        <button
          type="button"
          className="secondary listen"
          onClick={() => {
            const dialog = text.current?.closest('[role="dialog"]');
            if (dialog) speech.speak(dialog);
          }}
        >
          <Icon name="speaker" /> {t('idle.listen')}
        </button>
      )}
    </Dialog>
  );
}
