/** Media served by URL (pictures, narration, speech): one URL shape for app:// and web mode. */
export type MediaKind = 'illustration' | 'narration' | 'speech';

export const mediaKinds: readonly MediaKind[] = ['illustration', 'narration', 'speech'];

/** A media id: a content hash in hex, optionally with a file extension. */
export const MEDIA_ID = /^[a-f0-9]{16,64}(\.[a-z0-9]+)?$/;

/** Relative URL of a media item; resolves against both app://kiosk/ and http://127.0.0.1:N/. */
export function mediaUrl(kind: MediaKind, id: string): string {
  return `media/${kind}/${id}`;
}

/** The kind and id named by a request path such as `/media/narration/<id>`, or null. */
export function parseMediaPath(pathname: string): { kind: MediaKind; id: string } | null {
  const m = /^\/media\/([a-z]+)\/([^/]+)$/.exec(pathname);
  if (!m) return null;
  const kind = m[1] as MediaKind;
  const id = m[2] ?? '';
  if (!mediaKinds.includes(kind) || !MEDIA_ID.test(id)) return null;
  return { kind, id };
}
