import { useEffect } from 'react';
import { useUiText } from '../hooks/useUiText';
import { translateIn } from '../ui-strings';
import type { DischargeSheet, SheetBlock } from '../../../electron/shared/content-types';
import { inLanguage } from '../styles/fonts';
import { useLocalesLoaded } from '../hooks/useLocaleReady';
import { TakeHomeCode } from './QrCode';
import '../styles/sheet.css';

function Flags({ block, kind }: { block: SheetBlock; kind: 'emergency' | 'clinic' }) {
  const flags = kind === 'emergency' ? block.emergencyFlags : block.clinicFlags;
  return (
    <section className={`flag-box flag-${kind}`} {...inLanguage(block.locale)}>
      <h2>{flags.heading}</h2>
      <ul>
        {flags.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

function Section({ block, index, second }: { block: SheetBlock; index: number; second?: boolean }) {
  const s = block.sections[index];
  if (!s) return null;
  return (
    <section className={`sheet-section${second ? ' second-language' : ''}`} {...inLanguage(block.locale)} data-section={s.id}>
      <h2>{s.heading}</h2>
      <ul className="checklist">
        {s.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

/** The wallet-size red-flags card: credit-card size with cut marks. */
function WalletCard({ sheet, caregiver }: { sheet: DischargeSheet; caregiver?: boolean }) {
  const block = sheet.primary;
  const t = translateIn(block.locale.code);
  return (
    <div className="wallet-card" {...inLanguage(block.locale)}>
      <div className="card-body">
        <div className="card-main">
          <p className="card-title">{block.card.title}</p>
          {caregiver && <p className="card-caregiver">{t('sheet.caregiverCopy')}</p>}
          <p className="card-heading">{block.emergencyFlags.heading}</p>
          <ul>
            {block.emergencyFlags.items.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </div>
        {sheet.takeHome && <TakeHomeCode url={sheet.takeHome.url} locale={block.locale.code} direction={block.locale.direction} className="card-take-home" />}
      </div>
      <p className="card-footer">{block.card.footer}</p>
    </div>
  );
}

export function CardPage({ sheet }: { sheet: DischargeSheet }) {
  return (
    <div className={`card-page paper-${sheet.paper}`}>
      <WalletCard sheet={sheet} />
      <WalletCard sheet={sheet} caregiver />
    </div>
  );
}

const pageRules: Record<DischargeSheet['paper'], string> = {
  A4: 'size: A4; margin: 14mm 14mm 16mm;',
  Letter: 'size: letter; margin: 0.55in 0.55in 0.65in;',
};

/**
 * Sets the print page (size, margins, page numbers) while a sheet is shown. A constructed
 * style sheet, so the CSP can keep forbidding inline styles.
 */
function usePrintPage(paper: DischargeSheet['paper']) {
  useEffect(() => {
    const rules = new CSSStyleSheet();
    rules.replaceSync(`@page { ${pageRules[paper]} @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, rules];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== rules);
    };
  }, [paper]);
}

/** The discharge sheet exactly as it prints: the preview is the print. */
export function SheetView({ sheet, cardOnly = false }: { sheet: DischargeSheet; cardOnly?: boolean }) {
  const { primary, second } = sheet;
  const t = translateIn(primary.locale.code);
  const { t: staffT } = useUiText();
  const count = Math.max(primary.sections.length, second?.sections.length ?? 0);
  usePrintPage(sheet.paper);
  // The sheet's own labels come from each of its languages' UI strings.
  const ready = useLocalesLoaded(second ? [primary.locale, second.locale] : [primary.locale]);
  if (!ready) return <p className="loading">…</p>;
  if (cardOnly) return <div className="print-root"><CardPage sheet={sheet} /></div>;
  return (
    <div className="print-root" aria-label={staffT('form.title')}>
      <article className={`sheet paper-${sheet.paper}${sheet.largePrint ? ' large-print' : ''}${second ? ' bilingual' : ''}`} {...inLanguage(primary.locale)}>
        <header className="sheet-header">
          <div>
            <p className="sheet-clinic">{sheet.clinicName}</p>
            <p>
              {t('sheet.clinicPhone')}: <span dir="ltr">{sheet.clinicPhone}</span>
            </p>
          </div>
          <div className="sheet-meta">
            {sheet.patientName && (
              <p>
                {t('sheet.patient')}: <strong><bdi>{sheet.patientName}</bdi></strong>
              </p>
            )}
            <p>{t('sheet.printedOn', { date: sheet.printedOn })}</p>
          </div>
          {sheet.takeHome && (
            <TakeHomeCode
              url={sheet.takeHome.url}
              locale={primary.locale.code}
              direction={primary.locale.direction}
              className="sheet-take-home"
              other={second && sheet.takeHome.secondUrl ? { language: second.locale.nativeName, url: sheet.takeHome.secondUrl } : undefined}
            />
          )}
        </header>
        <h1>{primary.title}</h1>
        {second && <p className="second-title second-language" {...inLanguage(second.locale)}>{second.title}</p>}
        <p>{primary.intro}</p>
        <p className="sheet-hint">{t('sheet.checklist')}</p>
        <div className="flag-boxes">
          <Flags block={primary} kind="emergency" />
          {second && <Flags block={second} kind="emergency" />}
        </div>
        <div className="flag-boxes">
          <Flags block={primary} kind="clinic" />
          {second && <Flags block={second} kind="clinic" />}
        </div>
        {Array.from({ length: count }, (_, i) => (
          <div className="section-pair" key={i}>
            <Section block={primary} index={i} />
            {second && <Section block={second} index={i} second />}
          </div>
        ))}
        {sheet.painNotes && (
          <section className="sheet-section notes">
            <h2>{t('sheet.painNotes')}</h2>
            <p className="typed">{sheet.painNotes}</p>
          </section>
        )}
        {sheet.nurseNotes && (
          <section className="sheet-section notes">
            <h2>{t('sheet.nurseNotes')}</h2>
            <p className="typed">{sheet.nurseNotes}</p>
          </section>
        )}
      </article>
      {sheet.includeCard && <CardPage sheet={sheet} />}
    </div>
  );
}
