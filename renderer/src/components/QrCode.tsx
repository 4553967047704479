import { useMemo } from 'react';
import { create } from 'qrcode';
import { translateIn } from '../ui-strings';
import '../styles/sheet.css';

/** The QR symbol as one SVG path: dark modules merged into runs per row, with the 4-module quiet zone. */
function qrPath(url: string): { d: string; size: number } {
  const { modules } = create(url, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  let d = '';
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      d += `M${start + quiet} ${row + quiet}h${col - start}v1h-${col - start}z`;
    }
  }
  return { d, size: modules.size + quiet * 2 };
}

/** A QR code that opens `url`: black on white, sharp edges, named for screen readers. */
export function QrCode({ url, label, className }: { url: string; label: string; className?: string }) {
  const { d, size } = useMemo(() => qrPath(url), [url]);
  return (
    <svg className={`qr-code${className ? ` ${className}` : ''}`} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges" data-qr-url={url}>
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

/**
 * "Scan to read this at home": the QR code to the procedure's page on the take-home site,
 * with its caption and address in the given language (a sheet's language, not the staff's),
 * and for a bilingual sheet the second language's address.
 */
export function TakeHomeCode({ url, locale, direction, className, other }: { url: string; locale: string; direction: 'ltr' | 'rtl'; className?: string; other?: { language: string; url: string } }) {
  const t = translateIn(locale);
  return (
    <figure className={`take-home${className ? ` ${className}` : ''}`} lang={locale} dir={direction}>
      <QrCode url={url} label={t('takeHome.qrLabel', { url })} />
      <figcaption>
        <span className="take-home-caption">{t('takeHome.caption')}</span>
        <span className="take-home-url" dir="ltr">
          {url}
        </span>
        {other && (
          <span className="take-home-note">
            {t('takeHome.otherLanguage', { language: other.language })}{' '}
            <span dir="ltr">{other.url}</span>
          </span>
        )}
      </figcaption>
    </figure>
  );
}
