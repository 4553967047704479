/**
 * The one Markdown rule for content texts, used by the kiosk (react-markdown) and by the
 * take-home site (the same remark pipeline, to static HTML): GitHub-flavoured Markdown,
 * raw HTML skipped, images dropped, and only `glossary:<id>` links kept (as a definition
 * on the kiosk, as a link to the word list on the site); any other link is plain text.
 */
import remarkGfm from 'remark-gfm';

export const markdownRemarkPlugins = [remarkGfm];

/** Elements removed from content Markdown, with their children. */
export const markdownDroppedElements: readonly string[] = ['img'];

const glossaryPrefix = 'glossary:';

/** The glossary term a link points to, or null for any other link. */
export function glossaryTermOf(href: string | null | undefined): string | null {
  return href?.startsWith(glossaryPrefix) ? href.slice(glossaryPrefix.length) : null;
}

/** The id of a term's entry on the word list (the kiosk's glossary screen and the site's page). */
export function glossaryAnchor(termId: string): string {
  return `term-${termId}`;
}
