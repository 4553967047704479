import { useState } from 'react';
import ReactMarkdown, { defaultUrlTransform, type Components } from 'react-markdown';
import { useTranslation } from 'react-i18next';
import type { GlossaryEntry } from '../../../electron/shared/content-types';
import { Dialog } from './Dialog';
import { ListenButton } from './ListenButton';
import { glossaryTermOf, markdownDroppedElements, markdownRemarkPlugins } from '../../../electron/shared/markdown-rules';

/**
 * Content Markdown: paragraphs, lists, tables. Raw HTML and images are dropped; a
 * `glossary:<id>` link becomes a button that opens the plain definition.
 */
/** react-markdown's safe default for every URL; only the content's own `glossary:<id>` links are kept as they are. */
const urlTransform = (url: string) => (/^glossary:[a-z0-9-]+$/.test(url) ? url : defaultUrlTransform(url));

export function Markdown({ text, glossary }: { text: string; glossary: GlossaryEntry[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<GlossaryEntry | null>(null);
  const components: Components = {
    a: ({ href, children }) => {
      const id = glossaryTermOf(href);
      const entry = id ? glossary.find((g) => g.id === id) : undefined;
      if (!entry) return <span>{children}</span>;
      return (
        <button type="button" className="term" onClick={() => setOpen(entry)} aria-haspopup="dialog">
          {children}
        </button>
      );
    },
    table: ({ children }) => (
      <div className="table-wrap" role="region" aria-label={t('app.screenLabel')} tabIndex={0}>
        <table>{children}</table>
      </div>
    ),
  };
  return (
    <>
      <ReactMarkdown remarkPlugins={markdownRemarkPlugins} skipHtml disallowedElements={[...markdownDroppedElements]} urlTransform={urlTransform} components={components}>
        {text}
      </ReactMarkdown>
      {open && (
        <Dialog title={open.term} labelledBy="term-title" onClose={() => setOpen(null)}>
          <p>{open.definition}</p>
          <button type="button" className="primary" onClick={() => setOpen(null)}>
            {t('topic.close')}
          </button>
          <ListenButton />
        </Dialog>
      )}
    </>
  );
}
