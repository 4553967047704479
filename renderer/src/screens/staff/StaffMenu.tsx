import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../kiosk-context';
import { useCall } from '../../hooks/useCall';
import { PinSettings } from './PinSettings';
import { uiLanguages } from '../../i18n';

export function StaffMenu() {
  const { t } = useTranslation();
  const { state, dispatch, locales, locale } = useKiosk();
  // Languages with staff strings; the choice lasts for this staff session and leaves the patient's language alone.
  const staffLanguages = locales.filter((l) => uiLanguages.includes(l.code));
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
      {staffLanguages.length > 1 && (
        <div className="field staff-language">
          <label htmlFor="staff-language">{t('staff.language')}</label>
          <select id="staff-language" value={locale.code} onChange={(e) => dispatch({ type: 'chooseStaffLocale', locale: e.target.value })}>
            {staffLanguages.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.nativeName}
                {l.nativeName !== l.englishName ? ` (${l.englishName})` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
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
