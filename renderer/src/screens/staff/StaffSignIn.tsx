import { useEffect, useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { useKiosk } from '../../kiosk-context';
import { errorText } from '../../api/error-text';
import { callApi } from '../../api/client';
import type { StaffStatus } from '../../../../electron/shared/staff';
import '../../styles/staff.css';

/** On-screen PIN pad. The PIN is sent once and never kept. */
export function StaffSignIn() {
  const { t, language } = useUiText();
  const { dispatch } = useKiosk();
  const [pin, setPin] = useState('');
  const [status, setStatus] = useState<StaffStatus | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    callApi('getStaffStatus', {}).then(setStatus, (e: unknown) => setMessage(errorText(e, t)));
  }, []);

  const press = (d: string) => setPin((p) => (p.length < 8 ? p + d : p));
  const submit = async () => {
    try {
      const s = await callApi('staffSignIn', { pin });
      if (s.role !== 'public') dispatch({ type: 'staffSignedIn', role: s.role });
    } catch (e) {
      setMessage(errorText(e, t));
      setStatus(await callApi('getStaffStatus', {}).catch(() => status));
    } finally {
      setPin('');
    }
  };

  const noPin = status && !status.pinsSet.nurse && !status.pinsSet.admin;
  const lockedTime = status?.lockedUntil ? new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(status.lockedUntil)) : null;
  return (
    <section className="staff staff-signin">
      <h1>{t('staff.title')}</h1>
      {noPin ? (
        <p className="staff-message" role="alert">{t('staff.noPin')}</p>
      ) : (
        <>
          <p id="pin-label">{t('staff.pinLabel')}</p>
          <p className="pin-dots" aria-live="polite" aria-label={t('staff.pinDigits', { count: pin.length })}>
            {'●'.repeat(pin.length) || '\u00a0'}
          </p>
          {lockedTime && <p className="staff-message" role="alert">{t('staff.locked', { time: lockedTime })}</p>}
          {message && !lockedTime && <p className="staff-message" role="alert">{message}</p>}
          <div className="pin-pad" role="group" aria-labelledby="pin-label">
            {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
              <button key={d} type="button" onClick={() => press(d)} disabled={Boolean(lockedTime)}>{d}</button>
            ))}
            <button type="button" onClick={() => setPin('')} aria-label={t('staff.clear')}>C</button>
            <button type="button" onClick={() => press('0')} disabled={Boolean(lockedTime)}>0</button>
            <button type="button" onClick={() => setPin((p) => p.slice(0, -1))} aria-label={t('staff.delete')}>⌫</button>
          </div>
          <button type="button" className="primary big" onClick={submit} disabled={pin.length < 4 || Boolean(lockedTime)}>
            {t('staff.signIn')}
          </button>
        </>
      )}
      <button type="button" className="secondary big" onClick={() => dispatch({ type: 'reset' })}>
        {t('staff.exit')}
      </button>
    </section>
  );
}
