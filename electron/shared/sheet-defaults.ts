/** The clinic's defaults for the discharge form (from settings), offered to the nurse. */
export interface SheetDefaults {
  clinicName: string;
  clinicPhone: string;
  afterHoursPhone: string;
  emergencyNumber: string;
  liftLimit: { value: number; unit: 'lb' | 'kg' } | null;
  noDrivingDays: number | null;
  showerAfterHours: number | null;
  feverThreshold: { value: number; unit: 'F' | 'C' } | null;
  massUnit: 'lb' | 'kg';
  temperatureUnit: 'F' | 'C';
  paperSize: 'A4' | 'Letter';
}
