import { createContext, useContext } from 'react';
import { shownUiLanguage, translateIn } from '../ui-strings';
import type { TFunction } from 'i18next';

/**
 * A language other than the kiosk's for the UI strings below it (HomeWarmUp.tsx lays out a
 * language's home off screen while the kiosk shows another); null: the kiosk's language.
 */
export const UiLanguageContext = createContext<string | null>(null);

/**
 * The UI strings in the language shown (ui-strings.ts): `t` translates a key, `language` is its
 * code. Components read the language as they render: App.tsx re-renders every screen when the
 * language changes, in the same render as the content.
 */
export function useUiText(): { t: TFunction; language: string } {
  const language = useContext(UiLanguageContext) ?? shownUiLanguage();
  return { t: translateIn(language), language };
}
