/** Staff steps for end-to-end tests: set a PIN with the real CLI, open staff sign-in, fill the form. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot } from './kiosk-fixture';
import { chooseLanguage, startIn, uiText } from './kiosk-pages';

export function setPin(dataDir: string, role: 'nurse' | 'admin', pin: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron/cli/admin.ts'), 'set-pin', '--role', role, '--data', dataDir], { input: `${pin}\n`, cwd: repoRoot });
}

/**
 * The hidden staff entry: press and hold the clinic name. The app opens staff sign-in after 3 s of
 * holding; the pointer stays down until the sign-in heading shows, and is released after.
 */
export async function holdStaffEntry(page: Page): Promise<void> {
  const box = (await page.locator('[data-staff-entry]').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await expect(page.getByRole('heading', { name: uiText('en', 'staff.title') })).toBeVisible({ timeout: 15_000 });
  await page.mouse.up();
}

/** From the attract screen (loaded from `url`, or already shown, as in the Electron window) to staff sign-in, in English. */
export async function openStaffSignIn(page: Page, url?: string): Promise<void> {
  if (url === undefined) await chooseLanguage(page, 'en');
  else await startIn(page, url, 'en');
  await holdStaffEntry(page);
}

export async function signIn(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.locator('.pin-pad').getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: uiText('en', 'staff.signIn') }).click();
}

/** A nurse PIN set with the real CLI, then signed in at `kiosk.url` and on the discharge form. */
export async function openDischargeFormAsNurse(page: Page, kiosk: { url: string; dataDir: string }, pin = '246810'): Promise<void> {
  setPin(kiosk.dataDir, 'nurse', pin);
  await openStaffSignIn(page, kiosk.url);
  await signIn(page, pin);
  await page.getByRole('button', { name: uiText('en', 'staff.discharge') }).click();
}

export interface FormValues {
  locale: string;
  secondLocale?: string;
  patientName: string;
  procedureDate: string;
  levels: string;
  braceWeeks?: number;
  lift: { value: string; unit: 'lb' | 'kg' };
  noDrivingDays: string;
  showerAfterHours: string;
  bloodThinnerDate?: string;
  painNotes: string;
  followUp: { date: string; time: string; place: string };
  fever: { value: string; unit: 'F' | 'C' };
  clinicPhone: string;
  afterHoursPhone: string;
  emergencyNumber: string;
  nurseNotes: string;
  paper: 'A4' | 'Letter';
  largePrint?: boolean;
}

export async function fillDischargeForm(page: Page, v: FormValues): Promise<void> {
  const label = (key: string) => uiText('en', `form.${key}`);
  await page.getByLabel(label('language'), { exact: true }).selectOption(v.locale);
  await page.getByLabel(label('secondLanguage')).selectOption(v.secondLocale ?? '');
  await page.getByLabel(label('patientName')).fill(v.patientName);
  await page.getByLabel(label('procedureDate')).fill(v.procedureDate);
  await page.getByLabel(label('levels')).fill(v.levels);
  if (v.braceWeeks) {
    await page.getByLabel(label('brace'), { exact: true }).selectOption('yes');
    await page.locator('#f-braceWeeks').fill(String(v.braceWeeks));
  }
  await page.locator('#f-liftValue').fill(v.lift.value);
  await page.locator('#f-liftValue').locator('xpath=..').locator('select').selectOption(v.lift.unit);
  await page.getByLabel(label('noDriving')).fill(v.noDrivingDays);
  await page.getByLabel(label('shower')).fill(v.showerAfterHours);
  if (v.bloodThinnerDate) {
    await page.getByLabel(label('bloodThinner'), { exact: true }).selectOption('date');
    await page.getByLabel(label('btDateLabel')).fill(v.bloodThinnerDate);
  }
  await page.getByLabel(label('painNotes')).fill(v.painNotes);
  await page.getByLabel(label('followUpDate')).fill(v.followUp.date);
  await page.getByLabel(label('followUpTime')).fill(v.followUp.time);
  await page.getByLabel(label('followUpPlace')).fill(v.followUp.place);
  await page.locator('#f-feverValue').fill(v.fever.value);
  await page.locator('#f-feverValue').locator('xpath=..').locator('select').selectOption(v.fever.unit);
  await page.getByLabel(label('clinicPhone')).fill(v.clinicPhone);
  await page.getByLabel(label('afterHoursPhone')).fill(v.afterHoursPhone);
  await page.getByLabel(label('emergencyNumber')).fill(v.emergencyNumber);
  await page.getByLabel(label('nurseNotes')).fill(v.nurseNotes);
  await page.getByLabel(label('paper')).selectOption(v.paper);
  if (v.largePrint) await page.getByLabel(label('largePrint')).check();
}

/** One made-up patient for sheet tests; tests override what they need. Never a real person. */
export const sampleForm: FormValues = {
  locale: 'en',
  patientName: 'Zebulon Quartermaine',
  procedureDate: '2026-12-01',
  levels: 'T12 and L1',
  braceWeeks: 6,
  lift: { value: '4.5', unit: 'kg' },
  noDrivingDays: '3',
  showerAfterHours: '48',
  bloodThinnerDate: '2026-12-04',
  painNotes: 'Take paracetamol xylophone-7 as needed',
  followUp: { date: '2026-12-15', time: '10:30', place: 'Spine Clinic Room 12' },
  fever: { value: '38.3', unit: 'C' },
  clinicPhone: '555-0100',
  afterHoursPhone: '555-0199',
  emergencyNumber: '911',
  nurseNotes: 'Private note quokka-42 for the family',
  paper: 'A4',
};

