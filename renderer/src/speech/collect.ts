/**
 * What Listen reads on a screen, in reading order: one item per sentence of visible text (with
 * the DOM Range it covers, for the follow-along highlight), a picture's description as its own
 * item, and one item for each element with recorded narration (`data-narration-src`), which is
 * played instead of synthesising its text. Nothing in the DOM is changed.
 */
import { splitSentences } from '../../../electron/shared/speech';

export interface ReadItem {
  text: string;
  range: Range;
  /** Recorded narration for this element's text (a media URL), when there is one. */
  narrationSrc?: string;
}

const BLOCK = 'p,h1,h2,h3,h4,h5,h6,li,dt,dd,button,figcaption,label,td,th,blockquote,summary,legend,a';
const SKIP = 'script,style,noscript,template,[hidden],[aria-hidden="true"],[data-no-read],.visually-hidden,.toolbar,input,textarea,select';

function visible(el: Element): boolean {
  if (el.closest(SKIP)) return false;
  return typeof el.checkVisibility === 'function' ? el.checkVisibility() : true;
}

/** Text nodes of one block with their offsets in the block's joined text. */
interface Run {
  nodes: { node: Text; start: number }[];
  text: string;
}

function rangeFor(run: Run, start: number, end: number): Range {
  const range = document.createRange();
  const locate = (offset: number, atEnd: boolean) => {
    for (let i = run.nodes.length - 1; i >= 0; i--) {
      const n = run.nodes[i]!;
      if (atEnd ? n.start < offset : n.start <= offset) return { node: n.node, offset: Math.min(offset - n.start, n.node.length) };
    }
    return { node: run.nodes[0]!.node, offset: 0 };
  };
  const a = locate(start, false);
  const b = locate(end, true);
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

export function collectReadItems(root: Element, locale: string): ReadItem[] {
  const items: ReadItem[] = [];
  let run: Run | null = null;
  let runBlock: Element | null = null;
  const flush = () => {
    if (run && run.text.trim()) for (const s of splitSentences(run.text, locale)) items.push({ text: s.text, range: rangeFor(run, s.start, s.end) });
    run = null;
    runBlock = null;
  };
  const visit = (node: Node): void => {
    if (node instanceof Element) {
      if (node.matches(SKIP)) return;
      const narration = node.getAttribute('data-narration-src');
      if (narration && node.textContent?.trim() && visible(node)) {
        // Its text is narrated as a whole: one item, nothing inside it read separately.
        flush();
        const range = document.createRange();
        range.selectNodeContents(node);
        items.push({ text: node.textContent.trim(), range, narrationSrc: narration });
        return;
      }
      if (node instanceof HTMLImageElement) {
        if (node.alt.trim() && visible(node)) {
          flush();
          const range = document.createRange();
          range.selectNode(node);
          for (const s of splitSentences(node.alt, locale)) items.push({ text: s.text, range });
        }
        return;
      }
      for (const child of Array.from(node.childNodes)) visit(child);
      return;
    }
    if (!(node instanceof Text)) return;
    const parent = node.parentElement;
    if (!parent || !node.data.trim() || !visible(parent)) return;
    const block = parent.closest(BLOCK) ?? parent;
    if (block !== runBlock || !run) {
      flush();
      run = { nodes: [], text: '' };
      runBlock = block;
    }
    run.nodes.push({ node, start: run.text.length });
    run.text += node.data;
  };
  visit(root);
  flush();
  return items;
}
