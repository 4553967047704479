import type { Migration } from './types';
import { localeFontColumnV2 } from '../content-schema';

/** Each language in the overlay names its font; right-to-left languages imported before this get the Arabic-script face. */
export const migration0050: Migration = {
  version: 50,
  name: 'locale font',
  up(db) {
    db.exec(localeFontColumnV2);
    db.exec("UPDATE locales SET font = '@fontsource/noto-sans-arabic' WHERE direction = 'rtl'");
  },
};
