import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import type { ApiError } from '../../api/client';
import { useAdmin } from './admin-context';
import { describedBy, DoneNote, ErrorNote, errorText, Field, imageTypeOf, LoadState, readAsDataUrl, base64Of, useLoad } from './admin-shared';
import { restartNeededFor, settingsNeedingRestart, type Settings } from '../../../../electron/shared/settings-schema';
import { useKiosk } from '../../kiosk-context';
import { moveLocale, patientLocales } from '../../../../electron/shared/locale-order';
import { ReadAloudSettings } from './ReadAloudSettings';

/** What the admin types, as text, exactly as in the inputs. */
interface Draft {
  clinicName: string;
  clinicPhone: string;
  afterHoursPhone: string;
  emergencyNumber: string;
  idleTimeoutSeconds: string;
  defaultLocale: string;
  enabledLocales: string[];
  localeOrder: string[];
  liftValue: string;
  liftUnit: 'lb' | 'kg';
  noDrivingDays: string;
  showerAfterHours: string;
  feverValue: string;
  feverUnit: 'F' | 'C';
  massUnit: 'lb' | 'kg';
  temperatureUnit: 'F' | 'C';
  paperSize: 'A4' | 'Letter';
  printerName: string;
  approvedContentOnly: boolean;
  kioskMode: boolean;
  trustedKeys: { id: string; publicKeyPem: string }[];
  allowUnsignedPacks: boolean;
  watchFolder: string;
  platformVoiceLocales: string[];
  siteBaseUrl: string;
  clinicLogo: string;
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));
const numOrNull = (s: string) => (s.trim() === '' ? null : num(s));

function toDraft(s: Settings): Draft {
  return {
    ...s,
    idleTimeoutSeconds: text(s.idleTimeoutSeconds),
    liftValue: text(s.liftLimit?.value),
    liftUnit: s.liftLimit?.unit ?? s.massUnit,
    noDrivingDays: text(s.noDrivingDays),
    showerAfterHours: text(s.showerAfterHours),
    feverValue: text(s.feverThreshold?.value),
    feverUnit: s.feverThreshold?.unit ?? s.temperatureUnit,
  };
}

function toSettings(d: Draft): Settings {
  const lift = numOrNull(d.liftValue);
  const fever = numOrNull(d.feverValue);
  return {
    clinicName: d.clinicName,
    clinicPhone: d.clinicPhone,
    afterHoursPhone: d.afterHoursPhone,
    emergencyNumber: d.emergencyNumber,
    idleTimeoutSeconds: num(d.idleTimeoutSeconds),
    defaultLocale: d.defaultLocale,
    enabledLocales: d.enabledLocales,
    localeOrder: d.localeOrder,
    liftLimit: lift === null ? null : { value: lift, unit: d.liftUnit },
    noDrivingDays: numOrNull(d.noDrivingDays),
    showerAfterHours: numOrNull(d.showerAfterHours),
    feverThreshold: fever === null ? null : { value: fever, unit: d.feverUnit },
    massUnit: d.massUnit,
    temperatureUnit: d.temperatureUnit,
    paperSize: d.paperSize,
    printerName: d.printerName,
    approvedContentOnly: d.approvedContentOnly,
    kioskMode: d.kioskMode,
    trustedKeys: d.trustedKeys,
    allowUnsignedPacks: d.allowUnsignedPacks,
    watchFolder: d.watchFolder,
    platformVoiceLocales: d.platformVoiceLocales,
    siteBaseUrl: d.siteBaseUrl,
    clinicLogo: d.clinicLogo,
  };
}

/** A settings path ("settings.liftLimit.value") as the form field it belongs to. */
function fieldOf(path: string): string {
  const parts = path.replace(/^settings\.?/, '').split('.');
  if (parts[0] === 'liftLimit') return 'liftValue';
  if (parts[0] === 'feverThreshold') return 'feverValue';
  return parts[0] || 'form';
}

/** Checker messages in plain words. */
function plain(message: string): string {
  const min = /expected (?:number|int) to be >=?\s*(-?[\d.]+)/i.exec(message);
  if (min) return `Enter ${min[1]} or more.`;
  const max = /expected (?:number|int) to be <=?\s*(-?[\d.]+)/i.exec(message);
  if (max) return `Enter ${max[1]} or less.`;
  if (/expected number, received (NaN|null)/i.test(message)) return 'Enter a number.';
  if (/expected int/i.test(message)) return 'Enter a whole number.';
  if (/expected string to have >=1 char/i.test(message)) return 'This cannot be empty.';
  const long = /expected string to have <=(\d+)/i.exec(message);
  if (long) return `At most ${long[1]} characters.`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Every clinic setting in one form, saved together. */
export function SettingsTab() {
  const { t } = useTranslation();
  const { languages } = useAdmin();
  const { refreshSettings } = useKiosk();
  const [loaded] = useLoad('adminGetSettings', {});
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const [printers, setPrinters] = useState<{ name: string; isDefault: boolean }[] | null>(null);
  const [newKey, setNewKey] = useState({ id: '', publicKeyPem: '' });
  const [keyError, setKeyError] = useState('');

  const [saved, setSaved] = useState<Settings | null>(null);

  useEffect(() => {
    if (loaded.state === 'ready') {
      setSaved(loaded.value);
      setDraft(toDraft(loaded.value));
    }
  }, [loaded]);

  if (!draft) return <LoadState loaded={loaded} />;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  // Every language in the content, in the order the language screen will show them.
  const ordered = patientLocales(languages, { enabledLocales: [], localeOrder: draft.localeOrder });
  const err = (k: string) => errors[k];
  const input = (key: keyof Draft, type = 'text', extra: Record<string, unknown> = {}, hint = false) => (
    <input
      id={`s-${key}`}
      type={type}
      value={String(draft[key])}
      onChange={(e) => set(key, e.target.value as never)}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={describedBy(`s-${key}`, hint, Boolean(errors[key]))}
      autoComplete="off"
      {...extra}
    />
  );
  const check = (key: 'approvedContentOnly' | 'kioskMode' | 'allowUnsignedPacks', label: string, hint: string) => {
    const restart = (settingsNeedingRestart as readonly string[]).includes(key);
    return (
      <div className="check-field">
        <label className="check">
          <input type="checkbox" checked={draft[key]} onChange={(e) => set(key, e.target.checked)} aria-describedby={restart ? `s-${key}-restart s-${key}-hint` : `s-${key}-hint`} />
          <span>{label}</span>
        </label>
        {restart && (
          <p className="field-restart" id={`s-${key}-restart`}>
            {t('admin.settings.needsRestart')}
          </p>
        )}
        <p className="field-hint" id={`s-${key}-hint`}>
          {hint}
        </p>
      </div>
    );
  };

  const save = async () => {
    setBusy(true);
    setDone('');
    try {
      const stored = await callApi('adminSaveSettings', { settings: toSettings(draft) });
      const restart = saved !== null && restartNeededFor(saved, stored);
      setSaved(stored);
      setDraft(toDraft(stored));
      setErrors({});
      setNotice('');
      setDone(restart ? `${t('admin.settings.saved')} ${t('admin.settings.savedNeedsRestart')}` : t('admin.settings.saved'));
      // The patient screens read the new settings now: no sign-out or reload needed.
      refreshSettings();
    } catch (e) {
      const error = (e as ApiError).error;
      if (error?.issues?.length || error?.field) {
        const found: Record<string, string> = {};
        for (const issue of error.issues ?? [{ field: error.field ?? '', message: error.message }]) {
          const f = fieldOf(issue.field);
          found[f] ??= plain(issue.message);
        }
        setErrors(found);
        setNotice(found.form ? `${t('admin.settings.fix')} ${found.form}` : t('admin.settings.fix'));
        // Take the admin to the first marked field.
        requestAnimationFrame(() => document.querySelector<HTMLElement>('.settings-tab [aria-invalid="true"]')?.focus());
      } else {
        setErrors({});
        setNotice(errorText(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const findPrinters = async () => {
    try {
      setPrinters(await callApi('listPrinters', {}));
    } catch (e) {
      setNotice(errorText(e));
    }
  };

  const addKey = () => {
    const id = newKey.id.trim();
    if (!id) return setKeyError(t('admin.settings.keyNameMissing'));
    if (!/-----BEGIN PUBLIC KEY-----/.test(newKey.publicKeyPem)) return setKeyError(t('admin.settings.keyPemWrong'));
    if (draft.trustedKeys.some((k) => k.id === id)) return setKeyError(t('admin.settings.keyDuplicate'));
    setKeyError('');
    set('trustedKeys', [...draft.trustedKeys, { id, publicKeyPem: newKey.publicKeyPem.trim() }]);
    setNewKey({ id: '', publicKeyPem: '' });
  };

  const chooseLogo = async (file: File | undefined) => {
    setErrors({ ...errors, clinicLogo: '' });
    if (!file) return;
    const type = imageTypeOf(file);
    if (!type) return setErrors({ ...errors, clinicLogo: t('admin.settings.logoType') });
    const url = `data:${type};base64,${base64Of(await readAsDataUrl(file))}`;
    if (url.length > 300_000) return setErrors({ ...errors, clinicLogo: t('admin.settings.logoSize') });
    set('clinicLogo', url);
  };

  return (
    <form
      className="settings-tab"
      noValidate
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Group title={t('admin.settings.clinic')}>
        <Field id="s-clinicName" label={t('admin.settings.clinicName')} error={err('clinicName')}>
          {input('clinicName', 'text', { maxLength: 120 })}
        </Field>
        <Field id="s-clinicPhone" label={t('admin.settings.clinicPhone')} error={err('clinicPhone')}>
          {input('clinicPhone', 'tel')}
        </Field>
        <Field id="s-afterHoursPhone" label={t('admin.settings.afterHoursPhone')} error={err('afterHoursPhone')}>
          {input('afterHoursPhone', 'tel')}
        </Field>
        <Field id="s-emergencyNumber" label={t('admin.settings.emergencyNumber')} error={err('emergencyNumber')}>
          {input('emergencyNumber', 'tel')}
        </Field>
        <div className={`field logo-field${err('clinicLogo') ? ' has-error' : ''}`}>
          <label htmlFor="s-clinicLogo">{t('admin.settings.logo')}</label>
          <div className="logo-row">
            {draft.clinicLogo ? <img className="logo-preview" src={draft.clinicLogo} alt={t('admin.settings.logoAlt')} /> : <span className="field-hint">{t('admin.settings.noLogo')}</span>}
            {draft.clinicLogo && (
              <button type="button" className="secondary" onClick={() => set('clinicLogo', '')}>
                {t('admin.settings.removeLogo')}
              </button>
            )}
          </div>
          <input
            id="s-clinicLogo"
            type="file"
            accept=".png,.webp,.svg,image/png,image/webp,image/svg+xml"
            aria-describedby={describedBy('s-clinicLogo', true, Boolean(err('clinicLogo')))}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              void chooseLogo(file);
            }}
          />
          <p className="field-hint" id="s-clinicLogo-hint">
            {t('admin.settings.logoHint')}
          </p>
          {err('clinicLogo') && (
            <p className="field-error" id="s-clinicLogo-error" role="alert">
              {err('clinicLogo')}
            </p>
          )}
        </div>
      </Group>

      <Group title={t('admin.settings.screens')}>
        <Field id="s-idleTimeoutSeconds" label={t('admin.settings.idle')} error={err('idleTimeoutSeconds')} hint={t('admin.settings.idleHint')}>
          {input('idleTimeoutSeconds', 'number', { inputMode: 'numeric', min: 10, max: 3600, step: 1 }, true)}
        </Field>
        <Field id="s-defaultLocale" label={t('admin.settings.defaultLocale')} error={err('defaultLocale')}>
          <select id="s-defaultLocale" value={draft.defaultLocale} onChange={(e) => set('defaultLocale', e.target.value)} aria-invalid={err('defaultLocale') ? true : undefined}>
            {languages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.englishName} ({l.code})
              </option>
            ))}
          </select>
        </Field>
        <fieldset className={`choice-group wide${err('enabledLocales') ? ' has-error' : ''}`} aria-describedby="s-enabledLocales-hint">
          <legend>{t('admin.settings.enabledLocales')}</legend>
          <p className="field-hint" id="s-enabledLocales-hint">
            {t('admin.settings.enabledHint')}
          </p>
          <div className="check-grid">
            {languages.map((l) => (
              <label className="check" key={l.code}>
                <input
                  type="checkbox"
                  checked={draft.enabledLocales.includes(l.code)}
                  onChange={(e) => set('enabledLocales', e.target.checked ? [...draft.enabledLocales, l.code] : draft.enabledLocales.filter((c) => c !== l.code))}
                />
                <span>
                  {l.englishName} ({l.code})
                </span>
              </label>
            ))}
          </div>
          {err('enabledLocales') && (
            <p className="field-error" role="alert">
              {err('enabledLocales')}
            </p>
          )}
        </fieldset>
        <fieldset className={`choice-group wide${err('localeOrder') ? ' has-error' : ''}`} aria-describedby="s-localeOrder-hint">
          <legend>{t('admin.settings.localeOrder')}</legend>
          <p className="field-hint" id="s-localeOrder-hint">
            {t('admin.settings.localeOrderHint')}
          </p>
          <ol className="locale-order" data-testid="locale-order">
            {ordered.map((l, i) => (
              <li key={l.code}>
                <span className="locale-order-name">
                  {l.englishName} ({l.code}){draft.enabledLocales.length && !draft.enabledLocales.includes(l.code) ? ` · ${t('admin.settings.localeOff')}` : ''}
                </span>
                <button type="button" className="secondary" disabled={i === 0} onClick={() => set('localeOrder', moveLocale(ordered.map((o) => o.code), l.code, -1))} aria-label={t('admin.settings.moveUp', { language: l.englishName })}>
                  ↑
                </button>
                <button type="button" className="secondary" disabled={i === ordered.length - 1} onClick={() => set('localeOrder', moveLocale(ordered.map((o) => o.code), l.code, 1))} aria-label={t('admin.settings.moveDown', { language: l.englishName })}>
                  ↓
                </button>
              </li>
            ))}
          </ol>
          {err('localeOrder') && (
            <p className="field-error" role="alert">
              {err('localeOrder')}
            </p>
          )}
        </fieldset>
        {check('approvedContentOnly', t('admin.settings.approvedOnly'), t('admin.settings.approvedOnlyHint'))}
        {check('kioskMode', t('admin.settings.kioskMode'), t('admin.settings.kioskModeHint'))}
      </Group>

      <Group title={t('admin.settings.speech')} intro={t('admin.settings.speechIntro')}>
        <ReadAloudSettings languages={languages} allowed={draft.platformVoiceLocales} onChange={(codes) => set('platformVoiceLocales', codes)} />
      </Group>

      <Group title={t('admin.settings.sheet')} intro={t('admin.settings.sheetIntro')}>
        <Field id="s-liftValue" label={t('admin.settings.lift')} error={err('liftValue')} hint={t('admin.settings.askHint')}>
          <div className="with-unit">
            {input('liftValue', 'number', { inputMode: 'decimal', min: 0, max: 100, step: 'any' }, true)}
            <select aria-label={t('admin.settings.liftUnit')} value={draft.liftUnit} onChange={(e) => set('liftUnit', e.target.value as Draft['liftUnit'])}>
              <option value="lb">lb</option>
              <option value="kg">kg</option>
            </select>
          </div>
        </Field>
        <Field id="s-noDrivingDays" label={t('admin.settings.noDriving')} error={err('noDrivingDays')} hint={t('admin.settings.askHint')}>
          {input('noDrivingDays', 'number', { inputMode: 'numeric', min: 1, max: 90 }, true)}
        </Field>
        <Field id="s-showerAfterHours" label={t('admin.settings.shower')} error={err('showerAfterHours')} hint={t('admin.settings.askHint')}>
          {input('showerAfterHours', 'number', { inputMode: 'numeric', min: 1, max: 336 }, true)}
        </Field>
        <Field id="s-feverValue" label={t('admin.settings.fever')} error={err('feverValue')} hint={t('admin.settings.askHint')}>
          <div className="with-unit">
            {input('feverValue', 'number', { inputMode: 'decimal', step: 'any' }, true)}
            <select aria-label={t('admin.settings.feverUnit')} value={draft.feverUnit} onChange={(e) => set('feverUnit', e.target.value as Draft['feverUnit'])}>
              <option value="F">°F</option>
              <option value="C">°C</option>
            </select>
          </div>
        </Field>
        <Field id="s-massUnit" label={t('admin.settings.massUnit')}>
          <select id="s-massUnit" value={draft.massUnit} onChange={(e) => set('massUnit', e.target.value as Draft['massUnit'])}>
            <option value="lb">{t('admin.settings.pounds')}</option>
            <option value="kg">{t('admin.settings.kilograms')}</option>
          </select>
        </Field>
        <Field id="s-temperatureUnit" label={t('admin.settings.temperatureUnit')}>
          <select id="s-temperatureUnit" value={draft.temperatureUnit} onChange={(e) => set('temperatureUnit', e.target.value as Draft['temperatureUnit'])}>
            <option value="F">{t('admin.settings.fahrenheit')}</option>
            <option value="C">{t('admin.settings.celsius')}</option>
          </select>
        </Field>
      </Group>

      <Group title={t('admin.settings.printing')}>
        <Field id="s-paperSize" label={t('admin.settings.paper')}>
          <select id="s-paperSize" value={draft.paperSize} onChange={(e) => set('paperSize', e.target.value as Draft['paperSize'])}>
            <option value="A4">A4</option>
            <option value="Letter">Letter</option>
          </select>
        </Field>
        <Field id="s-printerName" label={t('admin.settings.printer')} error={err('printerName')} hint={t('admin.settings.printerHint')}>
          {input('printerName', 'text', { maxLength: 200 }, true)}
        </Field>
        <div className="field printer-finder">
          <button type="button" className="secondary" onClick={() => void findPrinters()}>
            {t('admin.settings.findPrinters')}
          </button>
          {printers &&
            (printers.length === 0 ? (
              <p className="field-hint" role="status">
                {t('admin.settings.noPrinters')}
              </p>
            ) : (
              <ul className="printer-list" aria-label={t('admin.settings.printersFound')}>
                {printers.map((p) => (
                  <li key={p.name}>
                    <button type="button" className="secondary" aria-pressed={draft.printerName === p.name} onClick={() => set('printerName', p.name)}>
                      {p.name}
                      {p.isDefault ? ` (${t('admin.settings.defaultPrinter')})` : ''}
                    </button>
                  </li>
                ))}
              </ul>
            ))}
        </div>
      </Group>

      <Group title={t('admin.site.title')} intro={t('admin.site.intro')}>
        <Field id="s-siteBaseUrl" label={t('admin.site.baseUrl')} error={err('siteBaseUrl')} hint={t('admin.site.baseUrlHint')}>
          {input('siteBaseUrl', 'url', { maxLength: 300, spellCheck: false, inputMode: 'url' }, true)}
        </Field>
      </Group>

      <Group title={t('admin.settings.packs')}>
        {check('allowUnsignedPacks', t('admin.settings.allowUnsigned'), t('admin.settings.allowUnsignedHint'))}
        <Field id="s-watchFolder" label={t('admin.settings.watchFolder')} error={err('watchFolder')} hint={t('admin.settings.watchFolderHint')}>
          {input('watchFolder', 'text', { maxLength: 500, spellCheck: false }, true)}
        </Field>
        <div className={`trusted-keys wide${err('trustedKeys') ? ' has-error' : ''}`}>
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
          {err('trustedKeys') && (
            <p className="field-error" role="alert">
              {err('trustedKeys')}
            </p>
          )}
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
        </div>
      </Group>

      <div className="settings-save">
        <button type="submit" className="primary big" disabled={busy}>
          {t('admin.settings.save')}
        </button>
        <button type="button" className="secondary big" disabled={busy} onClick={() => {
            if (saved) setDraft(toDraft(saved));
            setErrors({});
            setNotice('');
            setDone('');
          }}
        >
          {t('admin.settings.undo')}
        </button>
        <DoneNote>{done}</DoneNote>
        {notice && <ErrorNote message={notice} />}
      </div>
    </form>
  );
}

function Group({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <fieldset className="settings-group">
      <legend>{title}</legend>
      {intro && <p className="field-hint wide">{intro}</p>}
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}
