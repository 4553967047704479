/**
 * The discharge form's draft: the shared form (electron/shared/discharge-form.ts) as the nurse
 * types it, numbers as text and nested parts as single inputs. It lives only in memory. Which
 * fields are required, and every limit, come from the shared schema.
 */
import { dischargeFormSchema, type DischargeForm } from '../../../../../electron/shared/discharge-form';
import type { SheetDefaults } from '../../../../../electron/shared/sheet-defaults';
import { numberOf, pathOf, textOf, type Issue } from '../../../forms/draft-values';

type F = DischargeForm;
/** Form fields the nurse types as they are (text; "" for no second language). */
type TypedAsIs = Exclude<{ [K in keyof F]: string extends F[K] ? K : never }[keyof F], 'procedureId'>;
/** Form fields chosen from a list or switched on and off. */
type Chosen = { [K in keyof F]: F[K] extends string | boolean ? (string extends F[K] ? never : K) : never }[keyof F];

export type DischargeDraft = Record<TypedAsIs, string> &
  Pick<F, Chosen> & {
    braceWorn: boolean;
    braceWeeks: string;
    liftValue: string;
    liftUnit: F['liftLimit']['unit'];
    noDrivingDays: string;
    showerAfterHours: string;
    bloodThinner: F['bloodThinner']['kind'];
    bloodThinnerDate: string;
    followUpDate: string;
    followUpTime: string;
    followUpPlace: string;
    feverValue: string;
    feverUnit: F['feverThreshold']['unit'];
  };

/** A fresh form: the clinic's defaults, in the patient's language. */
export function emptyDraft(d: SheetDefaults, locale: string): DischargeDraft {
  return {
    locale,
    secondLocale: '',
    patientName: '',
    procedureDate: '',
    levelsTreated: '',
    anaesthesia: 'sedation',
    braceWorn: false,
    braceWeeks: '',
    liftValue: textOf(d.liftLimit?.value),
    liftUnit: d.liftLimit?.unit ?? d.massUnit,
    noDrivingDays: textOf(d.noDrivingDays),
    showerAfterHours: textOf(d.showerAfterHours),
    bloodThinner: 'none',
    bloodThinnerDate: '',
    painNotes: '',
    followUpDate: '',
    followUpTime: '',
    followUpPlace: '',
    feverValue: textOf(d.feverThreshold?.value),
    feverUnit: d.feverThreshold?.unit ?? d.temperatureUnit,
    clinicPhone: d.clinicPhone,
    afterHoursPhone: d.afterHoursPhone,
    emergencyNumber: d.emergencyNumber,
    nurseNotes: '',
    paper: d.paperSize,
    largePrint: false,
    includeCard: true,
  };
}

export function toForm(d: DischargeDraft, procedureId: string): DischargeForm {
  return {
    procedureId,
    locale: d.locale,
    secondLocale: d.secondLocale || null,
    patientName: d.patientName,
    procedureDate: d.procedureDate,
    levelsTreated: d.levelsTreated,
    anaesthesia: d.anaesthesia,
    brace: d.braceWorn ? { worn: true, weeks: numberOf(d.braceWeeks) } : { worn: false },
    liftLimit: { value: numberOf(d.liftValue), unit: d.liftUnit },
    noDrivingDays: numberOf(d.noDrivingDays),
    showerAfterHours: numberOf(d.showerAfterHours),
    bloodThinner: d.bloodThinner === 'date' ? { kind: 'date', date: d.bloodThinnerDate } : { kind: d.bloodThinner },
    painNotes: d.painNotes,
    followUp: { date: d.followUpDate, time: d.followUpTime, place: d.followUpPlace },
    feverThreshold: { value: numberOf(d.feverValue), unit: d.feverUnit },
    clinicPhone: d.clinicPhone,
    afterHoursPhone: d.afterHoursPhone,
    emergencyNumber: d.emergencyNumber,
    nurseNotes: d.nurseNotes,
    paper: d.paper,
    largePrint: d.largePrint,
    includeCard: d.includeCard,
  };
}

/** Where the form's problems are marked: the form's paths ("form.liftLimit.value") at the draft's fields. */
export const dischargeFields = {
  prefix: 'form',
  idPrefix: 'f-',
  aliases: {
    'brace.weeks': 'braceWeeks',
    liftLimit: 'liftValue',
    'bloodThinner.date': 'bloodThinnerDate',
    'followUp.date': 'followUpDate',
    'followUp.time': 'followUpTime',
    'followUp.place': 'followUpPlace',
    feverThreshold: 'feverValue',
  },
} as const;

/** Every problem the shared schema finds in the form, before anything is sent. */
export function formIssues(form: DischargeForm): Issue[] {
  const result = dischargeFormSchema.safeParse(form);
  return result.success ? [] : result.error.issues.map((i) => ({ field: pathOf(i.path), message: i.message }));
}
