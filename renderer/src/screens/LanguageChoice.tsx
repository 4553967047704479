import { useTranslation } from 'react-i18next';
import { useKiosk } from '../kiosk-context';
import { recordUsage } from '../api/usage';
import { inLanguage } from '../styles/fonts';

/** Languages by their own names (no flags); the choice sets UI, content, direction and formats. */
export function LanguageChoice() {
  const { t } = useTranslation();
  const { dispatch, locales, state, procedures } = useKiosk();
  return (
    <section className="language-choice">
      <h1>{t('language.title')}</h1>
      <ul className="language-list">
        {locales.map((l) => (
          <li key={l.code}>
            <button type="button" {...inLanguage(l)} className="language-button" aria-current={state.locale === l.code ? 'true' : undefined} onClick={() => {
                recordUsage('language_chosen', l.code);
                dispatch({ type: 'chooseLocale', locale: l.code, procedureCount: procedures.length });
              }}>
              {l.nativeName}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
