/** Content packs: unsigned packs allowed or not, the watched folder, and the keys whose signed packs are trusted. */
import { useState } from 'react';
import { useUiText } from '../../../hooks/useUiText';
import { TextField } from '../../../forms/DraftFields';
import { Field, FieldError } from '../../../forms/Field';
import { Group, SwitchSetting, type SettingsForm } from './SettingsParts';

export function PackSettings({ form }: { form: SettingsForm }) {
  const { t } = useUiText();
  return (
    <Group title={t('admin.settings.packs')}>
      <SwitchSetting form={form} name="allowUnsignedPacks" label={t('admin.settings.allowUnsigned')} hint={t('admin.settings.allowUnsignedHint')} />
      <TextField form={form} name="watchFolder" label={t('admin.settings.watchFolder')} hint={t('admin.settings.watchFolderHint')} type="text" autoComplete="off" maxLength={500} spellCheck={false} />
      <TrustedKeys form={form} />
    </Group>
  );
}

function TrustedKeys({ form }: { form: SettingsForm }) {
  const { t } = useUiText();
  const { draft, set, errors } = form;
  return (
    <div className={`trusted-keys wide${errors.trustedKeys ? ' has-error' : ''}`}>
      <h4>{t('admin.settings.trustedKeys')}</h4>
      {draft.trustedKeys.length === 0 ? (
        <p className="field-hint">{t('admin.settings.noKeys')}</p>
      ) : (
        <ul className="key-list">
          {draft.trustedKeys.map((k) => (
            <li key={k.id}>
              <span className="key-name">{k.id}</span>
              <code className="key-excerpt">{k.publicKeyPem.replace(/-----[A-Z ]+-----|\s/g, '').slice(0, 24)}…</code>
              <button type="button" className="secondary" onClick={() => set('trustedKeys', draft.trustedKeys.filter((x) => x.id !== k.id))}>
                {t('admin.settings.removeKey')}
                <span className="visually-hidden"> {k.id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <FieldError error={errors.trustedKeys} />
      <AddKey form={form} />
    </div>
  );
}

/** A new trusted key: a name and a PEM public key, checked before it joins the list. */
function AddKey({ form }: { form: SettingsForm }) {
  const { t } = useUiText();
  const [newKey, setNewKey] = useState({ id: '', publicKeyPem: '' });
  const [keyError, setKeyError] = useState('');
  const keys = form.draft.trustedKeys;
  const addKey = () => {
    const id = newKey.id.trim();
    if (!id) return setKeyError(t('admin.settings.keyNameMissing'));
    if (!/-----BEGIN PUBLIC KEY-----/.test(newKey.publicKeyPem)) return setKeyError(t('admin.settings.keyPemWrong'));
    if (keys.some((k) => k.id === id)) return setKeyError(t('admin.settings.keyDuplicate'));
    setKeyError('');
    form.set('trustedKeys', [...keys, { id, publicKeyPem: newKey.publicKeyPem.trim() }]);
    setNewKey({ id: '', publicKeyPem: '' });
  };
  return (
    <div className="add-key">
      <Field id="s-newKeyName" label={t('admin.settings.keyName')}>
        <input id="s-newKeyName" type="text" maxLength={60} value={newKey.id} onChange={(e) => setNewKey({ ...newKey, id: e.target.value })} autoComplete="off" />
      </Field>
      <Field id="s-newKeyPem" label={t('admin.settings.keyPem')} error={keyError}>
        <textarea
          id="s-newKeyPem"
          rows={4}
          maxLength={1000}
          spellCheck={false}
          value={newKey.publicKeyPem}
          onChange={(e) => setNewKey({ ...newKey, publicKeyPem: e.target.value })}
          aria-describedby={keyError ? 's-newKeyPem-error' : undefined}
        />
      </Field>
      <button type="button" className="secondary" onClick={addKey}>
        {t('admin.settings.addKey')}
      </button>
    </div>
  );
}
