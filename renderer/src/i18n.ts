/** UI strings (not content) from resources/locales/<lng>/ui.json, bundled at build time. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

const files = import.meta.glob<{ default: Record<string, unknown> }>('../../resources/locales/*/ui.json', { eager: true });

export const uiResources = Object.fromEntries(
  Object.entries(files).map(([path, mod]) => [path.split('/').at(-2) as string, { ui: mod.default }]),
);

void i18next.use(initReactI18next).init({
  resources: uiResources,
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'ui',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
