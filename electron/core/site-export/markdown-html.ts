/**
 * Content Markdown to static HTML for the take-home site, by the kiosk's Markdown rule
 * (electron/shared/markdown-rules.ts): the same remark parser and plugins react-markdown
 * runs, raw HTML skipped (remark-rehype drops it), images dropped, glossary links turned
 * into links to the word list page, any other link kept as plain text.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { Element, ElementContent, Nodes, Properties, Root } from 'hast';
import { glossaryAnchor, glossaryTermOf, markdownDroppedElements, markdownRemarkPlugins } from '../../shared/markdown-rules';
import { attr, esc } from './html';

export interface MarkdownLinks {
  /** Known glossary term ids; a link to any other id is plain text, as on the kiosk. */
  terms: ReadonlySet<string>;
  /** Relative address of the word list page from the page being written. */
  glossaryPage: string;
  /** Accessible name of a scrolling table region (the kiosk's `app.screenLabel`). */
  tableLabel: string;
}

const processor = unified().use(remarkParse).use(markdownRemarkPlugins).use(remarkRehype);
const voidElements = new Set(['br', 'hr', 'input', 'wbr']);

function attributeName(prop: string): string {
  if (prop === 'className') return 'class';
  if (prop === 'htmlFor') return 'for';
  if (/^data[A-Z]/.test(prop)) return `data-${prop.slice(4).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/^-/, '')}`;
  if (/^aria[A-Z]/.test(prop)) return `aria-${prop.slice(4).toLowerCase()}`;
  return prop.toLowerCase();
}

function attributes(props: Properties | undefined): string {
  return Object.entries(props ?? {})
    .filter(([, v]) => v !== false && v !== null && v !== undefined)
    .map(([k, v]) => (v === true ? ` ${attributeName(k)}` : ` ${attributeName(k)}="${attr(Array.isArray(v) ? v.join(' ') : String(v))}"`))
    .join('');
}

function transform(node: Element, links: MarkdownLinks): ElementContent[] {
  if (markdownDroppedElements.includes(node.tagName)) return [];
  const children = node.children.flatMap((c) => (c.type === 'element' ? transform(c, links) : [c]));
  if (node.tagName === 'a') {
    const term = glossaryTermOf(typeof node.properties.href === 'string' ? node.properties.href : null);
    if (!term || !links.terms.has(term)) return [{ type: 'element', tagName: 'span', properties: {}, children }];
    return [{ type: 'element', tagName: 'a', properties: { className: ['term'], href: `${links.glossaryPage}#${glossaryAnchor(term)}` }, children }];
  }
  if (node.tagName === 'table') {
    return [{ type: 'element', tagName: 'div', properties: { className: ['table-wrap'], role: 'region', ariaLabel: links.tableLabel, tabIndex: 0 }, children: [{ ...node, children }] }];
  }
  return [{ ...node, children }];
}

function serialize(node: Nodes): string {
  switch (node.type) {
    case 'root':
      return node.children.map(serialize).join('');
    case 'element': {
      const open = `<${node.tagName}${attributes(node.properties)}>`;
      return voidElements.has(node.tagName) ? open : `${open}${node.children.map(serialize).join('')}</${node.tagName}>`;
    }
    case 'text':
      return esc(node.value);
    default:
      return '';
  }
}

/** One content text (Markdown) as HTML, by the kiosk's rule. */
export function markdownToHtml(text: string, links: MarkdownLinks): string {
  const tree = processor.runSync(processor.parse(text)) as Root;
  const children = tree.children.flatMap((c) => (c.type === 'element' ? transform(c, links) : c.type === 'text' ? [c] : []));
  return serialize({ type: 'root', children });
}
