/**
 * The media resolver registry: each kind's owner registers how to find bytes by id (a content
 * hash), and both transports (app:// in Electron, /media in web mode) answer through it.
 */
import type { MediaKind } from '../shared/media';
import { mediaCacheControl, mediaIdPattern } from '../shared/media';

export type { MediaKind };
export interface MediaBytes {
  mime: string;
  bytes: Buffer;
}
export type MediaItem = MediaBytes;
export type MediaResolver = (id: string) => MediaBytes | null;

export class MediaRegistry {
  private readonly resolvers = new Map<MediaKind, MediaResolver>();

  register(kind: MediaKind, resolver: MediaResolver): void {
    this.resolvers.set(kind, resolver);
  }

  /** The bytes for an id, or null (unknown kind, malformed id, nothing with that hash). */
  resolveMedia(kind: MediaKind, id: string): MediaBytes | null {
    if (!mediaIdPattern.test(id)) return null;
    return this.resolvers.get(kind)?.(id) ?? null;
  }
}

/** Headers for a served media item: long-lived caching only for content-hash ids. */
export function mediaHeaders(item: MediaBytes, id: string): Record<string, string> {
  return {
    'Content-Type': item.mime,
    'Content-Length': String(item.bytes.length),
    'Cache-Control': mediaIdPattern.test(id) ? mediaCacheControl : 'no-store',
  };
}
