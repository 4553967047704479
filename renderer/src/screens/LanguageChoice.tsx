import { useRef } from 'react';
import { useUiText } from '../hooks/useUiText';
import { useKiosk } from '../kiosk-context';
import { recordUsage } from '../api/usage';
import { inLanguage } from '../styles/fonts';
import { useSpeech } from '../hooks/useSpeech';
import { Icon } from '../components/Icon';
import { preloadLanguage } from '../preload-language';
import { useLanguagePreload } from '../hooks/useLanguagePreload';
import type { Locale } from '../../../electron/shared/content-types';

/** Languages by their own names (no flags); the choice sets UI, content, direction and formats. */
export function LanguageChoice() {
  const { t } = useUiText();
  const { locales } = useKiosk();
  // While the list is open, each language's home is made ready in turn, so any choice shows at once.
  useLanguagePreload();
  return (
    <section className="language-choice">
      <h1>{t('language.title')}</h1>
      <ul className="language-list">
        {locales.map((l) => (
          <LanguageRow key={l.code} language={l} />
        ))}
      </ul>
    </section>
  );
}

/** One language: its name to choose it, and a speaker that says the name in that language. */
function LanguageRow({ language: l }: { language: Locale }) {
  const { t } = useUiText();
  const { dispatch, state, procedures, procedureId } = useKiosk();
  const speech = useSpeech(l.code);
  const name = useRef<HTMLButtonElement>(null);
  // A touch or focus starts loading the language, so its home shows as the tap ends.
  const preload = () => void preloadLanguage(l, procedureId);
  return (
    <li className="language-row">
      <button type="button" ref={name} id={`language-${l.code}`} {...inLanguage(l)} className="language-button" aria-current={state.locale === l.code ? 'true' : undefined} onPointerDown={preload} onFocus={preload} onClick={() => {
          preload();
          recordUsage('language_chosen', l.code);
          dispatch({ type: 'chooseLocale', locale: l.code, procedureCount: procedures.length });
        }}>
        {l.nativeName}
      </button>
      {speech.available && (
        <button type="button" className="language-hear" aria-label={t('language.hear')} aria-describedby={`language-${l.code}`} data-no-read="" onClick={() => name.current && speech.speak(name.current)}>
          <Icon name="speaker" />
        </button>
      )}
    </li>
  );
}
