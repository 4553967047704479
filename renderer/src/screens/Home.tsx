import { useUiText } from '../hooks/useUiText';
import { narrationAttr } from '../narration';
import { useKiosk } from '../kiosk-context';
import { Icon } from '../components/Icon';
import { ProvenanceNote } from '../components/ProvenanceNote';
import { Suspense, useEffect } from 'react';
import { KioskTakeHome, preloadPatientScreens } from './lazy-screens';
import type { ProcedureHome } from '../../../electron/shared/content-types';
import type { Screen } from '../state/kiosk-state';

/** The procedure's topics as large tiles, plus the walkthrough, quiz and word list. */
export function Home({ home }: { home: ProcedureHome }) {
  const { t } = useUiText();
  const { dispatch, procedures, info } = useKiosk();
  useEffect(preloadPatientScreens, []);
  const go = (screen: Screen) => dispatch({ type: 'navigate', screen });
  const extra = [
    { id: 'walkthrough', icon: 'walkthrough', title: t('home.walkthrough'), summary: t('home.walkthroughSummary'), screen: { name: 'walkthrough', step: 0 } as Screen },
    { id: 'quiz', icon: 'quiz', title: t('home.quiz'), summary: t('home.quizSummary'), screen: { name: 'quiz' } as Screen },
    { id: 'glossary', icon: 'glossary', title: t('home.glossary'), summary: t('home.glossarySummary'), screen: { name: 'glossary' } as Screen },
  ];
  return (
    <section className="home">
      <header className="home-header">
        {home.hero && <img className="hero" src={home.hero.src} alt={home.hero.alt} />}
        <div>
          <h1 {...narrationAttr(home.procedure, 'name')}>{home.procedure.name}</h1>
          <p className="tagline" {...narrationAttr(home.procedure, 'tagline')}>
            {home.procedure.tagline}
          </p>
        </div>
        {info.siteBaseUrl.trim() !== '' && (
          <Suspense fallback={null}>
            <KioskTakeHome />
          </Suspense>
        )}
      </header>
      <ProvenanceNote provenance={home.provenance} />
      {procedures.length > 1 && (
        <button type="button" className="secondary" onClick={() => go({ name: 'procedures' })}>
          {t('procedures.other')}
        </button>
      )}
      <h2 className="visually-hidden">{t('app.topics')}</h2>
      <ul className="tiles">
        {home.topics.map((topic) => (
          <li key={topic.id}>
            <button type="button" className="tile" data-topic={topic.id} onClick={() => go({ name: 'topic', topicId: topic.id })}>
              <Icon name={topic.icon} size={48} />
              <span className="tile-title" {...narrationAttr(topic, 'title')}>
                {topic.title}
              </span>
              <span className="tile-summary" {...narrationAttr(topic, 'summary')}>
                {topic.summary}
              </span>
            </button>
          </li>
        ))}
        {extra.map((x) => (
          <li key={x.id}>
            <button type="button" className="tile tile-feature" data-feature={x.id} onClick={() => go(x.screen)}>
              <Icon name={x.icon} size={48} />
              <span className="tile-title">{x.title}</span>
              <span className="tile-summary">{x.summary}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
