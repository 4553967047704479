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

export const dischargeFormSchema = z
  .strictObject({
    procedureId: contentId,
    locale: localeCode,
    secondLocale: localeCode.nullable(),
    patientName: shortText(100),
    procedureDate: isoDate,
    levelsTreated: shortText(60).min(1, 'which bones were treated'),
    anaesthesia: z.enum(['sedation', 'general']),
    brace: z.discriminatedUnion('worn', [
      z.strictObject({ worn: z.literal(false) }),
      z.strictObject({ worn: z.literal(true), weeks: z.number().int('whole weeks').min(1, 'at least 1 week').max(52, 'at most 52 weeks') }),
    ]),
    liftLimit: z.strictObject({ value: z.number().positive('more than 0').max(100, 'at most 100'), unit: z.enum(massUnits) }),
    noDrivingDays: z.number().int('whole days').min(1, 'at least 1 day').max(90, 'at most 90 days'),
    showerAfterHours: z.number().int('whole hours').min(1, 'at least 1 hour').max(336, 'at most 336 hours'),
    bloodThinner: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('none') }),
      z.strictObject({ kind: z.literal('ask') }),
      z.strictObject({ kind: z.literal('date'), date: isoDate }),
    ]),
    painNotes: shortText(1000),
    followUp: z.strictObject({
      date: isoDate,
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 10:30'),
      place: shortText(120).min(1, 'where the visit is'),
    }),
    feverThreshold: z.strictObject({ value: z.number(), unit: z.enum(temperatureUnits) }),
    clinicPhone: phone,
    afterHoursPhone: phone,
    emergencyNumber: phone,
    nurseNotes: shortText(2000),
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
