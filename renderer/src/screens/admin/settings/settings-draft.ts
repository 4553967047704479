/** The Settings form's draft: every setting, with numbers kept as the text the admin typed. */
import type { Settings } from '../../../../../electron/shared/settings-schema';
import { numberOf, numberOrNull, textOf } from '../../../forms/draft-values';

type Typed = 'idleTimeoutSeconds' | 'liftLimit' | 'noDrivingDays' | 'showerAfterHours' | 'feverThreshold';

export type SettingsDraft = Omit<Settings, Typed> & {
  idleTimeoutSeconds: string;
  liftValue: string;
  liftUnit: NonNullable<Settings['liftLimit']>['unit'];
  noDrivingDays: string;
  showerAfterHours: string;
  feverValue: string;
  feverUnit: NonNullable<Settings['feverThreshold']>['unit'];
};

export function toDraft(s: Settings): SettingsDraft {
  const { idleTimeoutSeconds, liftLimit, noDrivingDays, showerAfterHours, feverThreshold, ...rest } = s;
  return {
    ...rest,
    idleTimeoutSeconds: textOf(idleTimeoutSeconds),
    liftValue: textOf(liftLimit?.value),
    liftUnit: liftLimit?.unit ?? s.massUnit,
    noDrivingDays: textOf(noDrivingDays),
    showerAfterHours: textOf(showerAfterHours),
    feverValue: textOf(feverThreshold?.value),
    feverUnit: feverThreshold?.unit ?? s.temperatureUnit,
  };
}

export function toSettings(d: SettingsDraft): Settings {
  const { idleTimeoutSeconds, liftValue, liftUnit, noDrivingDays, showerAfterHours, feverValue, feverUnit, ...rest } = d;
  const lift = numberOrNull(liftValue);
  const fever = numberOrNull(feverValue);
  return {
    ...rest,
    idleTimeoutSeconds: numberOf(idleTimeoutSeconds),
    liftLimit: lift === null ? null : { value: lift, unit: liftUnit },
    noDrivingDays: numberOrNull(noDrivingDays),
    showerAfterHours: numberOrNull(showerAfterHours),
    feverThreshold: fever === null ? null : { value: fever, unit: feverUnit },
  };
}

/** The fields the settings' problems are marked at, where a setting's path is not a field's name. */
export const settingsFields = { prefix: 'settings', aliases: { liftLimit: 'liftValue', feverThreshold: 'feverValue' }, capitalize: true, idPrefix: 's-' } as const;
