import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../kiosk-context';

/** Admin area: content editing and review, packs, versions, settings, audit, usage, backup. */
export function AdminScreen() {
  const { t } = useTranslation();
  const { dispatch } = useKiosk();
  return (
    <section className="admin">
      <h1>{t('staff.admin')}</h1>
      <button type="button" className="secondary big" onClick={() => dispatch({ type: 'navigate', screen: { name: 'staff-menu' } })}>
        {t('staff.menu')}
      </button>
    </section>
  );
}
