import type { Narrated } from '../../electron/shared/content-types';

/**
 * `data-narration-src` for the element that shows one text: the read-aloud plays that
 * recording for the element instead of synthesising speech. Nothing when the text has none.
 */
export function narrationAttr<F extends string>(item: Narrated<F> | null | undefined, field: F): { 'data-narration-src'?: string } {
  const url = item?.narration?.[field]?.url;
  return url ? { 'data-narration-src': url } : {};
}
