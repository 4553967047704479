import { useUiText } from '../hooks/useUiText';
import { narrationAttr } from '../narration';
import type { GlossaryEntry } from '../../../electron/shared/content-types';
import { glossaryAnchor } from '../../../electron/shared/markdown-rules';

export function GlossaryScreen({ glossary, locale }: { glossary: GlossaryEntry[]; locale: string }) {
  const { t } = useUiText();
  const collator = new Intl.Collator(locale);
  const sorted = [...glossary].sort((a, b) => collator.compare(a.term, b.term));
  return (
    <section className="glossary">
      <h1>{t('glossary.title')}</h1>
      <dl>
        {sorted.map((g) => (
          <div key={g.id} className="glossary-entry" id={glossaryAnchor(g.id)}>
            <dt {...narrationAttr(g, 'term')}>{g.term}</dt>
            <dd {...narrationAttr(g, 'definition')}>{g.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
