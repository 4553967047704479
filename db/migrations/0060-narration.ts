import type { Migration } from './types';

/** Recordings, stored once per content hash. Kept out of the overlay's snapshots and never deleted, so every snapshot finds the recordings it names. */
export const narrationAudioTable = `
      CREATE TABLE narration_audio (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        mime TEXT NOT NULL CHECK (mime IN ('audio/wav', 'audio/mpeg', 'audio/ogg', 'audio/webm', 'audio/mp4')),
        data BLOB NOT NULL,
        duration_ms INTEGER NOT NULL CHECK (duration_ms > 0)
      ) STRICT;
`;

/** One recording attached to one text: part of the overlay (db/overlay.ts). */
export const narrationsTable = `
      CREATE TABLE narrations (
        procedure_id TEXT NOT NULL,
        locale TEXT NOT NULL,
        key TEXT NOT NULL,
        audio_sha256 TEXT NOT NULL REFERENCES narration_audio(sha256),
        text_sha256 TEXT NOT NULL CHECK (length(text_sha256) = 64),
        recorded_by TEXT NOT NULL,
        attached_at TEXT NOT NULL,
        PRIMARY KEY (procedure_id, locale, key)
      ) STRICT;
      CREATE INDEX narrations_by_audio ON narrations (audio_sha256);
`;

/**
 * Recorded narration. Audio is stored once per content hash (narration_audio); a narration
 * attaches one recording to one text (procedure, language, key) and keeps the sha256 of the
 * text it was recorded for, so a later edit of the text marks it stale.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'narration',
  up(db) {
    db.exec(narrationAudioTable + narrationsTable);
  },
};
