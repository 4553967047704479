/**
 * Content as patients and admins read it: the bundled database and the clinic's overlay,
 * merged by db/overlay.ts (which alone reads and writes overlay rows), with reads kept until
 * the content changes.
 */
import { ContentOverlay, type NarrationRow, type TextRow } from '../../db/overlay';

export type { NarrationRow, TextRow };

export class ContentLayers extends ContentOverlay {
  private readonly cache = new Map<string, { stamp: string; value: unknown }>();

  /** A read whose answer is kept until the content changes. */
  cached<T>(key: string, compute: () => T): T {
    const stamp = this.stamp();
    const hit = this.cache.get(key);
    if (hit && hit.stamp === stamp) return hit.value as T;
    const value = compute();
    if (this.cache.size > 500) this.cache.clear();
    this.cache.set(key, { stamp, value });
    return value;
  }

  /** Texts of one procedure in one language: bundled, then overlay on top (tombstones remove). */
  override texts(procedureId: string, locale: string): Map<string, TextRow> {
    return this.cached(`texts\u0000${procedureId}\u0000${locale}`, () => super.texts(procedureId, locale));
  }

  /** Recordings attached to the texts of one procedure in one language, by text key (overlay only). */
  override narrations(procedureId: string, locale: string): Map<string, NarrationRow> {
    return this.cached(`narrations\u0000${procedureId}\u0000${locale}`, () => super.narrations(procedureId, locale));
  }
}
