import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../kiosk-context';
import { useCall } from '../../hooks/useCall';
import { PinSettings } from './PinSettings';

export function StaffMenu() {
  const { t } = useTranslation();
  const { state, dispatch } = useKiosk();
  // Read again now that staff are signed in: start-up warnings are shown to staff only.
  const info = useCall('getAppInfo', {});
  const warnings = info.state === 'ready' ? info.value.startupWarnings : [];
  return (
    <section className="staff staff-menu">
      <h1>{t('staff.menu')}</h1>
      <p>{t('staff.signedInAs', { role: t(state.staffRole === 'admin' ? 'staff.roleAdmin' : 'staff.roleNurse') })}</p>
      {warnings.map((w) => (
        <p key={w} className="staff-message" role="alert">{w}</p>
      ))}
      <button type="button" className="primary big" onClick={() => dispatch({ type: 'navigate', screen: { name: 'discharge' } })}>
        {t('staff.discharge')}
      </button>
      {state.staffRole === 'admin' && (
        <button type="button" className="primary big" onClick={() => dispatch({ type: 'navigate', screen: { name: 'admin' } })}>
          {t('staff.admin')}
        </button>
      )}
      <button type="button" className="secondary big" onClick={() => dispatch({ type: 'reset' })}>
        {t('staff.signOut')}
      </button>
      {state.staffRole === 'admin' && <PinSettings />}
    </section>
  );
}
