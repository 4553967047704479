/**
 * The media resolver registry: each kind's owner registers how to find the bytes for an id;
 * web mode (GET /media/<kind>/<id>) and Electron (app://kiosk/media/<kind>/<id>) serve them.
 */
import { MEDIA_ID, type MediaKind } from '../shared/media';

export type { MediaKind } from '../shared/media';

export interface MediaItem {
  mime: string;
  bytes: Buffer;
}

export type MediaResolver = (id: string) => MediaItem | null;

export class MediaRegistry {
  private readonly resolvers = new Map<MediaKind, MediaResolver>();

  register(kind: MediaKind, resolver: MediaResolver): void {
    this.resolvers.set(kind, resolver);
  }

  /** The bytes for a media id, or null when the id is malformed or unknown. */
  resolveMedia(kind: MediaKind, id: string): MediaItem | null {
    if (!MEDIA_ID.test(id)) return null;
    return this.resolvers.get(kind)?.(id) ?? null;
  }
}

/** Headers for a served media item: long-lived caching only for content-hash ids. */
export function mediaHeaders(item: MediaItem, id: string): Record<string, string> {
  return {
    'Content-Type': item.mime,
    'Content-Length': String(item.bytes.length),
    'Cache-Control': MEDIA_ID.test(id) ? 'private, max-age=31536000, immutable' : 'no-store',
  };
}
