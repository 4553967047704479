import type { GlossaryEntry, TopicPage } from '../../../electron/shared/content-types';
import { narrationAttr } from '../narration';
import { Markdown } from '../components/Markdown';
import { ProvenanceNote } from '../components/ProvenanceNote';
import { Icon } from '../components/Icon';
import { useEffect } from 'react';
import { recordUsage } from '../api/usage';

export function TopicReader({ page, glossary }: { page: TopicPage; glossary: GlossaryEntry[] }) {
  const topicId = page.topic.id;
  useEffect(() => recordUsage('topic_view', topicId), [topicId]);
  return (
    <article className="topic">
      <header className="topic-header">
        <Icon name={page.topic.icon} size={56} />
        <h1 {...narrationAttr(page.topic, 'title')}>{page.topic.title}</h1>
      </header>
      <ProvenanceNote provenance={page.provenance} />
      {page.sections.map((s) => (
        <section key={s.id} className="topic-section" aria-labelledby={`sec-${s.id}`}>
          <h2 id={`sec-${s.id}`} {...narrationAttr(s, 'heading')}>
            {s.heading}
          </h2>
          <div className="section-body" {...narrationAttr(s, 'body')}>
            <Markdown text={s.body} glossary={glossary} />
          </div>
        </section>
      ))}
    </article>
  );
}
