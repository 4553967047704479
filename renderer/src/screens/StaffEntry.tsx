import { useTranslation } from 'react-i18next';
import { useKiosk } from '../kiosk-context';

/** Staff area reached by the hidden entry (press and hold the clinic name for 3 seconds). */
export function StaffEntry() {
  const { t } = useTranslation();
  const { dispatch } = useKiosk();
  return (
    <section className="staff">
      <h1>{t('staff.title')}</h1>
      <button type="button" className="secondary big" onClick={() => dispatch({ type: 'reset' })}>
        {t('staff.exit')}
      </button>
    </section>
  );
}
