import { createContext, useContext, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import renderMarkdown, { defaultUrlTransform, type Components } from 'react-markdown';
import { useUiText } from '../hooks/useUiText';
import type { GlossaryEntry } from '../../../electron/shared/content-types';
import { Dialog } from './Dialog';
import { ListenButton } from './ListenButton';
import { keptTree } from './markdown-trees';
import { glossaryTermOf, markdownDroppedElements, markdownRemarkPlugins } from '../../../electron/shared/markdown-rules';

/**
 * Content Markdown: paragraphs, lists, tables. Raw HTML and images are dropped; a
 * `glossary:<id>` link becomes a button that opens the plain definition.
 *
 * The element tree depends on the text alone (the glossary and the UI language reach the links
 * and tables through context as they render), so each text runs react-markdown's pipeline once
 * per kiosk session (markdown-trees.ts), however often it is shown.
 */
/** react-markdown's safe default for every URL; only the content's own `glossary:<id>` links are kept as they are. */
const urlTransform = (url: string) => (/^glossary:[a-z0-9-]+$/.test(url) ? url : defaultUrlTransform(url));

/** What a kept tree's links and tables read as they render: a new value re-renders them (a kept tree itself never changes). */
interface Surroundings {
  glossary: GlossaryEntry[];
  open: (entry: GlossaryEntry) => void;
  /** The UI language, which the table's label is in. */
  language: string;
}

const SurroundingsContext = createContext<Surroundings>({ glossary: [], open: () => undefined, language: '' });

/** A `glossary:<id>` link: a button that opens the term's definition; any other link is plain text. */
function TermLink({ href, children }: { href?: string; children?: ReactNode }) {
  const { glossary, open } = useContext(SurroundingsContext);
  const id = glossaryTermOf(href);
  const entry = id ? glossary.find((g) => g.id === id) : undefined;
  if (!entry) return <span>{children}</span>;
  return (
    <button type="button" className="term" onClick={() => open(entry)} aria-haspopup="dialog">
      {children}
    </button>
  );
}

/** A table scrolls inside its own labelled region, so a wide one never widens the screen. */
function TableRegion({ children }: { children?: ReactNode }) {
  useContext(SurroundingsContext);
  const { t } = useUiText();
  return (
    <div className="table-wrap" role="region" aria-label={t('app.screenLabel')} tabIndex={0}>
      <table>{children}</table>
    </div>
  );
}

const components: Components = { a: TermLink, table: TableRegion };
const disallowedElements = [...markdownDroppedElements];

const render = (text: string): ReactElement =>
  renderMarkdown({ children: text, remarkPlugins: markdownRemarkPlugins, skipHtml: true, disallowedElements, urlTransform, components });

/**
 * `kept` (default) keeps the tree for the next time the same text is shown; the admin editor's
 * preview, whose text changes with every key, passes `kept={false}`.
 */
export function Markdown({ text, glossary, kept = true }: { text: string; glossary: GlossaryEntry[]; kept?: boolean }) {
  const { t, language } = useUiText();
  const [open, setOpen] = useState<GlossaryEntry | null>(null);
  const surroundings = useMemo<Surroundings>(() => ({ glossary, open: setOpen, language }), [glossary, language]);
  const tree = kept ? keptTree(text, render) : render(text);
  return (
    <>
      <SurroundingsContext.Provider value={surroundings}>{tree}</SurroundingsContext.Provider>
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
