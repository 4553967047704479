/** The choices both the discharge form and Settings offer, written as printed on the sheet. */
import type { Settings } from '../../../electron/shared/settings-schema';
import type { Options } from './DraftFields';

export const massUnitOptions: Options<Settings['massUnit']> = [
  ['lb', 'lb'],
  ['kg', 'kg'],
];

export const temperatureUnitOptions: Options<Settings['temperatureUnit']> = [
  ['F', '°F'],
  ['C', '°C'],
];

export const paperOptions: Options<Settings['paperSize']> = [
  ['A4', 'A4'],
  ['Letter', 'Letter'],
];
