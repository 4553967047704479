/**
 * The nurse's discharge form. Nothing in it is ever stored: it lives in the renderer's
 * memory and in one call to build the sheet. Limits are checked here with plain messages.
 */
import { z } from 'zod';
import { contentId, localeCode } from './ids';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'a real date');
const phone = z
  .string()
  .trim()
  .min(2, 'a phone number')
  .max(30, 'at most 30 characters')
  .regex(/^[0-9+()\-. /]+$/, 'only digits, spaces and + ( ) - . /');
const shortText = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

export const massUnits = ['lb', 'kg'] as const;
export const temperatureUnits = ['F', 'C'] as const;

/**
 * The limits of what a sheet can say, checked on the form and on the clinic's defaults in
 * Settings (which offer the same numbers), and shown by the inputs.
 */
export const sheetLimits = {
  liftLimit: { max: 100 },
  noDrivingDays: { min: 1, max: 90 },
  showerAfterHours: { min: 1, max: 336 },
  braceWeeks: { min: 1, max: 52 },
  patientName: { max: 100 },
  levelsTreated: { max: 60 },
  followUpPlace: { max: 120 },
  painNotes: { max: 1000 },
  nurseNotes: { max: 2000 },
} as const;
const L = sheetLimits;

export const dischargeFormSchema = z
  .strictObject({
    procedureId: contentId,
    locale: localeCode,
    secondLocale: localeCode.nullable(),
    patientName: shortText(L.patientName.max),
    procedureDate: isoDate,
    levelsTreated: shortText(L.levelsTreated.max).min(1, 'which bones were treated'),
    anaesthesia: z.enum(['sedation', 'general']),
    brace: z.discriminatedUnion('worn', [
      z.strictObject({ worn: z.literal(false) }),
      z.strictObject({ worn: z.literal(true), weeks: z.number().int('whole weeks').min(L.braceWeeks.min, `at least ${L.braceWeeks.min} week`).max(L.braceWeeks.max, `at most ${L.braceWeeks.max} weeks`) }),
    ]),
    liftLimit: z.strictObject({ value: z.number().positive('more than 0').max(L.liftLimit.max, `at most ${L.liftLimit.max}`), unit: z.enum(massUnits) }),
    noDrivingDays: z.number().int('whole days').min(L.noDrivingDays.min, `at least ${L.noDrivingDays.min} day`).max(L.noDrivingDays.max, `at most ${L.noDrivingDays.max} days`),
    showerAfterHours: z.number().int('whole hours').min(L.showerAfterHours.min, `at least ${L.showerAfterHours.min} hour`).max(L.showerAfterHours.max, `at most ${L.showerAfterHours.max} hours`),
    bloodThinner: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('none') }),
      z.strictObject({ kind: z.literal('ask') }),
      z.strictObject({ kind: z.literal('date'), date: isoDate }),
    ]),
    painNotes: shortText(L.painNotes.max),
    followUp: z.strictObject({
      date: isoDate,
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 10:30'),
      place: shortText(L.followUpPlace.max).min(1, 'where the visit is'),
    }),
    feverThreshold: z.strictObject({ value: z.number(), unit: z.enum(temperatureUnits) }),
    clinicPhone: phone,
    afterHoursPhone: phone,
    emergencyNumber: phone,
    nurseNotes: shortText(L.nurseNotes.max),
    paper: z.enum(['A4', 'Letter']),
    largePrint: z.boolean(),
    includeCard: z.boolean(),
  })
  .superRefine((f, ctx) => {
    if (f.followUp.date < f.procedureDate)
      ctx.addIssue({ code: 'custom', path: ['followUp', 'date'], message: 'The follow-up date is before the procedure date.' });
    if (f.bloodThinner.kind === 'date' && f.bloodThinner.date < f.procedureDate)
      ctx.addIssue({ code: 'custom', path: ['bloodThinner', 'date'], message: 'The blood-thinner restart date is before the procedure date.' });
    const [lo, hi] = f.feverThreshold.unit === 'F' ? [99, 105] : [37.2, 40.5];
    if (!(f.feverThreshold.value >= lo && f.feverThreshold.value <= hi))
      ctx.addIssue({ code: 'custom', path: ['feverThreshold', 'value'], message: `A fever threshold is between ${lo} and ${hi} °${f.feverThreshold.unit}.` });
    if (f.secondLocale === f.locale) ctx.addIssue({ code: 'custom', path: ['secondLocale'], message: 'The second language is the same as the first.' });
  });

export type DischargeForm = z.infer<typeof dischargeFormSchema>;

/**
 * Form fields that are deliberately not printed as a value, each with the reason. Every other
 * field must show on the sheet (test/integration/sheet-fields.test.ts fails otherwise), so a
 * value the nurse typed never silently misses the patient's copy.
 */
export const fieldsNotPrinted = {
  procedureId: 'chooses which procedure the sheet is about; its name is the sheet title',
  locale: 'the language the sheet is written in',
  secondLocale: 'the language of the second column of a bilingual sheet',
  anaesthesia: 'chooses which aftercare items print (sedation or general anaesthesia)',
  paper: 'the paper size the sheet is laid out for',
  largePrint: 'prints the sheet in larger type',
  includeCard: 'adds the wallet card page',
} as const satisfies Partial<Record<keyof DischargeForm, string>>;
