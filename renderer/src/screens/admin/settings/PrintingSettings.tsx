/** The paper size and the printer sheets go to, with a list of the printers this computer knows. */
import { useState } from 'react';
import { useUiText } from '../../../hooks/useUiText';
import { callApi } from '../../../api/client';
import { errorText } from '../../../api/error-text';
import { ChoiceField, TextField } from '../../../forms/DraftFields';
import { paperOptions } from '../../../forms/unit-choices';
import { Group, type SettingsForm } from './SettingsParts';

export function PrintingSettings({ form, onError }: { form: SettingsForm; onError: (message: string) => void }) {
  const { t } = useUiText();
  const { draft, set } = form;
  const [printers, setPrinters] = useState<{ name: string; isDefault: boolean }[] | null>(null);
  const findPrinters = async () => {
    try {
      setPrinters(await callApi('listPrinters', {}));
    } catch (e) {
      onError(errorText(e, t));
    }
  };
  return (
    <Group title={t('admin.settings.printing')}>
      <ChoiceField form={form} name="paperSize" label={t('admin.settings.paper')} options={paperOptions} />
      <TextField form={form} name="printerName" label={t('admin.settings.printer')} hint={t('admin.settings.printerHint')} type="text" autoComplete="off" maxLength={200} />
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
  );
}

/** Where the take-home site is published; sheets and the kiosk show a QR code to it. */
export function TakeHomeSettings({ form }: { form: SettingsForm }) {
  const { t } = useUiText();
  return (
    <Group title={t('admin.site.title')} intro={t('admin.site.intro')}>
      <TextField form={form} name="siteBaseUrl" label={t('admin.site.baseUrl')} hint={t('admin.site.baseUrlHint')} type="url" autoComplete="off" maxLength={300} spellCheck={false} inputMode="url" />
    </Group>
  );
}
