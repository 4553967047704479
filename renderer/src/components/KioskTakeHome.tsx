import { useKiosk } from '../kiosk-context';
import { procedurePageUrl } from '../../../electron/shared/site-url';
import { TakeHomeCode } from './QrCode';

/** The take-home QR code for the procedure on screen, in the patient's language; nothing when no site address is set. */
export function KioskTakeHome({ className }: { className?: string }) {
  const { info, procedureId, locale } = useKiosk();
  const url = procedurePageUrl(info.siteBaseUrl, procedureId, locale.code);
  if (!url) return null;
  return <TakeHomeCode url={url} locale={locale.code} direction={locale.direction} className={`kiosk-take-home${className ? ` ${className}` : ''}`} />;
}
