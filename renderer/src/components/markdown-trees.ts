/**
 * Content Markdown rendered once per text: the element tree react-markdown builds for a text
 * (parse, mdast, hast, JSX) depends on the text alone (Markdown.tsx keeps everything else out of
 * it), and content does not change within a kiosk session, so a topic shown again reuses its
 * tree instead of running the whole pipeline again. Forgotten at every reset, with the kept
 * answers (api/call-cache.ts). No react-markdown here: the app shell forgets without loading it.
 */
import type { ReactElement } from 'react';

/** More than every Markdown text of a few languages; the least recently used goes first. */
const MAX_KEPT = 512;

const kept = new Map<string, ReactElement>();

/** The tree kept for `text`, else `render(text)` (kept for next time). */
export function keptTree(text: string, render: (text: string) => ReactElement): ReactElement {
  const found = kept.get(text);
  if (found) {
    kept.delete(text);
    kept.set(text, found);
    return found;
  }
  const tree = render(text);
  kept.set(text, tree);
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  return tree;
}

/** Forgets every kept tree (a reset: the next patient, or content just changed). */
export function forgetMarkdownTrees(): void {
  kept.clear();
}
