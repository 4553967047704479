/**
 * Binary media served by URL (pictures, narration audio, speech audio) rather than inline data
 * URLs: `media/<kind>/<id>`, relative, so it resolves against both app://kiosk/ and web mode's
 * http://127.0.0.1:N/. Ids are content hashes (hex), optionally with an extension.
 */
export type MediaKind = 'illustration' | 'narration' | 'speech';
export const mediaKinds: readonly MediaKind[] = ['illustration', 'narration', 'speech'];
export const mediaIdPattern = /^[a-f0-9]{16,64}(\.[a-z0-9]+)?$/;

export function isMediaKind(kind: string): kind is MediaKind {
  return (mediaKinds as readonly string[]).includes(kind);
}

export function mediaUrl(kind: MediaKind, id: string): string {
  return `media/${kind}/${id}`;
}

/** Cache-Control for a media answer: content-hash ids never change, so they may be kept. */
export const mediaCacheControl = 'private, max-age=31536000, immutable';

/** Splits a request path `/media/<kind>/<id>` into its parts, or null when it is not one. */
export function parseMediaPath(pathname: string): { kind: MediaKind; id: string } | null {
  const m = /^\/media\/([a-z]+)\/([^/]+)$/.exec(pathname);
  if (!m || !isMediaKind(m[1]!) || !mediaIdPattern.test(m[2]!)) return null;
  return { kind: m[1]! as MediaKind, id: m[2]! };
}

/** The media id pattern under its other name. */
export const MEDIA_ID = mediaIdPattern;
