/** UI strings (not content) from resources/locales/<lng>/ui.json, bundled at build time. */
import i18next, { type FormatterModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isolateValue } from '../../electron/shared/bidi';

const files = import.meta.glob<{ default: Record<string, unknown> }>('../../resources/locales/*/ui.json', { eager: true });

export const uiResources = Object.fromEntries(
  Object.entries(files).map(([path, mod]) => [path.split('/').at(-2) as string, { ui: mod.default }]),
);

/**
 * Every value placed into a UI string (a count, a date, a step number) is bidi-isolated for the
 * string's language, as template variables are (electron/shared/bidi.ts), so it reads as
 * formatted inside right-to-left text. The UI strings use no named formats.
 */
const bidiIsolation: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, _format, lng) => {
    const direction = i18next.dir(lng) === 'rtl' ? 'rtl' : 'ltr';
    if (typeof value === 'number') return isolateValue(String(value), direction, 'ltr');
    return typeof value === 'string' ? isolateValue(value, direction, 'auto') : (value as string);
  },
};

void i18next.use(initReactI18next).use(bidiIsolation).init({
  resources: uiResources,
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'ui',
  interpolation: { escapeValue: false, alwaysFormat: true },
  returnNull: false,
});

export default i18next;
