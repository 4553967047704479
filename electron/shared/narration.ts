/**
 * Recorded narration: the limits on an uploaded recording, the audio types the kiosk plays,
 * and what a patient screen receives for a narrated text. Pure TypeScript (no Node, no DOM).
 */

/** Largest recording accepted, in bytes (10 MB). */
export const NARRATION_MAX_BYTES = 10 * 1024 * 1024;
/** Longest recording accepted, in seconds (10 minutes). */
export const NARRATION_MAX_SECONDS = 10 * 60;
/** Base64 length of the largest recording, for schema limits on uploads and packs. */
export const NARRATION_MAX_BASE64 = Math.ceil(NARRATION_MAX_BYTES / 3) * 4;

/** Audio types the kiosk accepts and plays (Chromium plays each of them). */
export const narrationMimes = ['audio/wav', 'audio/mpeg', 'audio/ogg', 'audio/webm', 'audio/mp4'] as const;
export type NarrationMime = (typeof narrationMimes)[number];

/** File name extension for each accepted type, used in media ids (`<sha256>.<ext>`). */
export const narrationExtensions: Record<NarrationMime, string> = {
  'audio/wav': 'wav',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'audio/webm': 'webm',
  'audio/mp4': 'm4a',
};

/**
 * A recording a patient screen may play for one text: only recordings whose text has not
 * changed since they were recorded are sent to patient screens, so `stale` is always false
 * there; admin screens see stale ones too.
 */
export interface NarrationRef {
  /** Relative media URL (see mediaUrl): `media/narration/<sha256>.<ext>`. */
  url: string;
  stale: boolean;
}

/** What admins see about the recording attached to one text. */
export interface NarrationInfo extends NarrationRef {
  mime: NarrationMime;
  durationMs: number;
  bytes: number;
  sha256: string;
  recordedBy: string;
  attachedAt: string;
}

/** Per-language narration coverage for the translation matrix. */
export interface NarrationCoverage {
  /** Texts with a recording that matches the current text. */
  current: number;
  /** Texts with a recording made for an earlier version of the text. */
  stale: number;
  /** Texts in this language (the denominator). */
  texts: number;
}
