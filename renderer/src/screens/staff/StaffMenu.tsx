import { useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { useKiosk } from '../../kiosk-context';
import { useCall } from '../../hooks/useCall';
import { callApi } from '../../api/client';
import { errorText } from '../../api/error-text';
import { PinSettings } from './PinSettings';
import { uiLanguages } from '../../i18n';
import type { SignInLock, SignInPlace } from '../../../../electron/shared/staff';
import '../../styles/staff.css';

const placeKeys: Record<SignInPlace, string> = { kiosk: 'staff.placeKiosk', workstation: 'staff.placeWorkstation', web: 'staff.placeWeb' };

/** Admins only: PINs shorter than 6 digits, and places with wrong PINs, each with an unlock button. */
function AdminSignInNotices({ version, onChange }: { version: number; onChange: () => void }) {
  const { t, language } = useUiText();
  const status = useCall('getStaffStatus', {}, version);
  const [message, setMessage] = useState('');
  if (status.state !== 'ready') return null;
  const time = (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const unlock = async (lock: SignInLock) => {
    try {
      await callApi('adminUnlockSignIn', { place: lock.place });
      setMessage(t('staff.unlocked', { place: t(placeKeys[lock.place]) }));
      onChange();
    } catch (e) {
      setMessage(errorText(e, t));
    }
  };
  return (
    <>
      {status.value.shortPins.map((role) => (
        <p key={role} className="staff-message" role="alert">{t('staff.shortPin', { role: t(role === 'admin' ? 'staff.roleAdmin' : 'staff.roleNurse') })}</p>
      ))}
      {status.value.locks.map((lock) => (
        <div key={lock.place} className="staff-lock">
          <p className="staff-message" role="alert">
            {lock.lockedUntil
              ? t('staff.wrongPinsLocked', { count: lock.failures, place: t(placeKeys[lock.place]), time: time(lock.lockedUntil) })
              : t('staff.wrongPins', { count: lock.failures, place: t(placeKeys[lock.place]) })}
          </p>
          <button type="button" className="secondary big" onClick={() => void unlock(lock)}>{t('staff.unlock', { place: t(placeKeys[lock.place]) })}</button>
        </div>
      ))}
      {message && <p className="staff-message" role="status">{message}</p>}
    </>
  );
}

export function StaffMenu() {
  const { t } = useUiText();
  const { state, dispatch, locales, locale } = useKiosk();
  const [version, setVersion] = useState(0);
  // Languages with staff strings; the choice lasts for this staff session and leaves the patient's language alone.
  const staffLanguages = locales.filter((l) => uiLanguages.includes(l.code));
  // Read again now that staff are signed in: start-up warnings are shown to staff only.
  const info = useCall('getAppInfo', {});
  const warnings = info.state === 'ready' ? info.value.startupWarnings : [];
  const admin = state.staffRole === 'admin';
  return (
    <section className="staff staff-menu">
      <h1>{t('staff.menu')}</h1>
      <p>{t('staff.signedInAs', { role: t(admin ? 'staff.roleAdmin' : 'staff.roleNurse') })}</p>
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
      {admin && <AdminSignInNotices version={version} onChange={() => setVersion((v) => v + 1)} />}
      <button type="button" className="primary big" onClick={() => dispatch({ type: 'navigate', screen: { name: 'discharge' } })}>
        {t('staff.discharge')}
      </button>
      {admin && (
        <button type="button" className="primary big" onClick={() => dispatch({ type: 'navigate', screen: { name: 'admin' } })}>
          {t('staff.admin')}
        </button>
      )}
      <button type="button" className="secondary big" onClick={() => dispatch({ type: 'reset' })}>
        {t('staff.signOut')}
      </button>
      {admin && <PinSettings onSaved={() => setVersion((v) => v + 1)} />}
    </section>
  );
}
