import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from './api/client';
import type { Locale, ProcedureHome } from '../../electron/shared/content-types';

export function App() {
  const { t, i18n } = useTranslation();
  const [locales, setLocales] = useState<Locale[]>([]);
  const [locale, setLocale] = useState('en');
  const [home, setHome] = useState<ProcedureHome | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    callApi('listLocales', {}).then(setLocales, (e: Error) => setError(e.message));
  }, []);

  useEffect(() => {
    void i18n.changeLanguage(locale);
    const dir = locales.find((l) => l.code === locale)?.direction ?? 'ltr';
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
    callApi('listProcedures', { locale })
      .then((procedures) => (procedures[0] ? callApi('getProcedureHome', { procedureId: procedures[0].id, locale }) : null))
      .then(setHome, (e: Error) => setError(e.message));
  }, [locale, locales, i18n]);

  if (error) return <main><h1>{t('error.title')}</h1><p>{error}</p></main>;
  if (!home) return <main><p>{t('app.loading')}</p></main>;
  return (
    <main>
      <nav aria-label={t('app.language')}>
        {locales.map((l) => (
          <button key={l.code} lang={l.code} aria-pressed={l.code === locale} onClick={() => setLocale(l.code)}>
            {l.nativeName}
          </button>
        ))}
      </nav>
      <h1>{home.procedure.name}</h1>
      <h2>{t('app.topics')}</h2>
      <ul>
        {home.topics.map((topic) => (
          <li key={topic.id} data-topic={topic.id}>{topic.title}</li>
        ))}
      </ul>
    </main>
  );
}
