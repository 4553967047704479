import { useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { callApi } from '../../api/client';
import { errorText } from '../../api/error-text';
import '../../styles/staff.css';

/** Only ASCII digits, at most 8: other characters (letters, full-width digits) are never sent. */
export const digitsOnly = (text: string) => text.replace(/[^0-9]/g, '').slice(0, 8);

/** Admins set the nurse and admin PINs here (the CLI does the same: npm run admin -- set-pin). */
export function PinSettings({ onSaved }: { onSaved?: () => void }) {
  const { t } = useUiText();
  const [role, setRole] = useState<'nurse' | 'admin'>('nurse');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState('');
  const save = async () => {
    try {
      await callApi('setStaffPin', { role, pin });
      setMessage(t('staff.pinSaved', { role: t(role === 'admin' ? 'staff.roleAdmin' : 'staff.roleNurse') }));
      onSaved?.();
    } catch (e) {
      setMessage(errorText(e, t));
    } finally {
      setPin('');
    }
  };
  return (
    <form className="pin-settings" onSubmit={(e) => { e.preventDefault(); void save(); }} autoComplete="off">
      <h2>{t('staff.setPin')}</h2>
      <div className="field">
        <label htmlFor="pin-role">{t('staff.pinRole')}</label>
        <select id="pin-role" value={role} onChange={(e) => setRole(e.target.value as 'nurse' | 'admin')}>
          <option value="nurse">{t('staff.roleNurse')}</option>
          <option value="admin">{t('staff.roleAdmin')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="pin-new">{t('staff.newPinDigits')}</label>
        <input id="pin-new" type="password" inputMode="numeric" pattern="[0-9]{6,8}" maxLength={8} value={pin} onChange={(e) => setPin(digitsOnly(e.target.value))} />
      </div>
      {message && <p className="staff-message" role="status">{message}</p>}
      <button type="submit" className="secondary big" disabled={pin.length < 6}>{t('staff.savePin')}</button>
    </form>
  );
}
