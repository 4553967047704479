/**
 * Fills a discharge template with one patient's values. Runs in memory only: nothing from
 * the form is written anywhere, and nothing from it is logged.
 */
import type { DischargeForm } from '../shared/discharge-form';
import type { DischargeSheet, DischargeTemplate, SheetBlock } from '../shared/content-types';
import { fillTemplate } from '../shared/sheet-variables';
import { formatDate, sheetValues } from '../shared/sheet-format';
import { procedurePageUrl } from '../shared/site-url';

/** Whether a conditional sheet item applies to this patient. */
export function itemApplies(when: string | null, form: DischargeForm): boolean {
  switch (when) {
    case null:
      return true;
    case 'brace':
      return form.brace.worn;
    case 'noBrace':
      return !form.brace.worn;
    case 'bloodThinnerDate':
      return form.bloodThinner.kind === 'date';
    case 'bloodThinnerAsk':
      return form.bloodThinner.kind === 'ask';
    case 'sedation':
      return form.anaesthesia === 'sedation';
    case 'generalAnaesthesia':
      return form.anaesthesia === 'general';
    case 'painNotes':
      return form.painNotes.trim().length > 0;
    default:
      return false;
  }
}

export function fillSheetBlock(template: DischargeTemplate, form: DischargeForm, clinicName: string): SheetBlock {
  const values = sheetValues(template.locale.intlLocale ?? template.locale.code, form, clinicName);
  const fill = (text: string) => fillTemplate(text, values, template.locale.direction);
  return {
    locale: template.locale,
    title: fill(template.title),
    intro: fill(template.intro),
    sections: template.sections
      .map((s) => ({ id: s.id, heading: fill(s.heading), items: s.items.filter((i) => itemApplies(i.when, form)).map((i) => fill(i.text)) }))
      .filter((s) => s.items.length > 0),
    clinicFlags: { heading: fill(template.clinicFlags.heading), items: template.clinicFlags.items.map(fill) },
    emergencyFlags: { heading: fill(template.emergencyFlags.heading), items: template.emergencyFlags.items.map(fill) },
    card: { title: fill(template.card.title), footer: fill(template.card.footer) },
    provenance: template.provenance,
  };
}

export function buildDischargeSheet(
  templates: { primary: DischargeTemplate; second: DischargeTemplate | null },
  form: DischargeForm,
  clinicName: string,
  today: Date,
  /** The take-home site's address from Settings; empty for none. */
  siteBaseUrl = '',
): DischargeSheet {
  const url = procedurePageUrl(siteBaseUrl, form.procedureId, templates.primary.locale.code);
  return {
    primary: fillSheetBlock(templates.primary, form, clinicName),
    second: templates.second ? fillSheetBlock(templates.second, form, clinicName) : null,
    clinicName,
    clinicPhone: form.clinicPhone,
    printedOn: formatDate(templates.primary.locale.intlLocale ?? templates.primary.locale.code, today.toISOString().slice(0, 10)),
    patientName: form.patientName.trim(),
    painNotes: form.painNotes.trim(),
    nurseNotes: form.nurseNotes.trim(),
    paper: form.paper,
    largePrint: form.largePrint,
    includeCard: form.includeCard,
    // Only the base address, the procedure and the language: nothing typed into the form.
    takeHome: url ? { url, secondUrl: templates.second ? procedurePageUrl(siteBaseUrl, form.procedureId, templates.second.locale.code) : null } : null,
  };
}
