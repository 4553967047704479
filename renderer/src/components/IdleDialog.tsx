import { useUiText } from '../hooks/useUiText';
import { Dialog } from './Dialog';
import { ListenButton } from './ListenButton';

export function IdleDialog({ secondsLeft, onContinue }: { secondsLeft: number; onContinue: () => void }) {
  const { t } = useUiText();
  return (
    <Dialog title={t('idle.title')} labelledBy="idle-title">
      <p aria-live="polite">{t('idle.body', { seconds: secondsLeft })}</p>
      <button type="button" className="primary big" onClick={onContinue}>
        {t('idle.continue')}
      </button>
      <ListenButton />
    </Dialog>
  );
}
