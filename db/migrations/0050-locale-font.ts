import type { Migration } from './types';
import { localeColumnsV2 } from '../content-schema';

/** Each language in the overlay names its font (right-to-left ones imported before this get the Arabic-script face) and its Intl locale. */
export const migration0050: Migration = {
  version: 50,
  name: 'locale font',
  up(db) {
    db.exec(localeColumnsV2);
    db.exec("UPDATE locales SET font = '@fontsource/noto-sans-arabic' WHERE direction = 'rtl'");
  },
};
