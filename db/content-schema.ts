/**
 * Content tables, the same in the bundled content.db and in the local database's overlay.
 * Frozen at version 1: a change here needs a new local migration and a new
 * CONTENT_SCHEMA_VERSION, never an edit of these statements.
 */
export const CONTENT_SCHEMA_VERSION = 2;

export const contentTablesV1 = `
CREATE TABLE locales (
  code TEXT PRIMARY KEY,
  native_name TEXT NOT NULL,
  english_name TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('ltr', 'rtl')),
  sort_order INTEGER NOT NULL
) STRICT;

CREATE TABLE procedures (
  id TEXT PRIMARY KEY,
  sort_order INTEGER NOT NULL,
  hero_illustration TEXT
) STRICT;

CREATE TABLE illustrations (
  procedure_id TEXT NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  media_type TEXT NOT NULL CHECK (media_type IN ('image/svg+xml', 'image/png', 'image/webp')),
  data BLOB NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (procedure_id, id)
) STRICT;

CREATE TABLE topics (
  procedure_id TEXT NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  icon TEXT NOT NULL,
  PRIMARY KEY (procedure_id, id)
) STRICT;

CREATE TABLE topic_sections (
  procedure_id TEXT NOT NULL,
  topic_id TEXT NOT NULL,
  id TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (procedure_id, topic_id, id),
  FOREIGN KEY (procedure_id, topic_id) REFERENCES topics(procedure_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE steps (
  procedure_id TEXT NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  illustration_id TEXT,
  PRIMARY KEY (procedure_id, id)
) STRICT;

CREATE TABLE glossary_terms (
  procedure_id TEXT NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (procedure_id, id)
) STRICT;

CREATE TABLE quiz_questions (
  procedure_id TEXT NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  answer_option TEXT NOT NULL,
  teaches_kind TEXT NOT NULL CHECK (teaches_kind IN ('step', 'topic')),
  teaches_id TEXT NOT NULL,
  PRIMARY KEY (procedure_id, id)
) STRICT;

CREATE TABLE quiz_options (
  procedure_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  id TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (procedure_id, question_id, id),
  FOREIGN KEY (procedure_id, question_id) REFERENCES quiz_questions(procedure_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE discharge_sections (
  procedure_id TEXT NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (procedure_id, id)
) STRICT;

CREATE TABLE discharge_items (
  procedure_id TEXT NOT NULL,
  section_id TEXT NOT NULL,
  id TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  condition TEXT,
  PRIMARY KEY (procedure_id, section_id, id),
  FOREIGN KEY (procedure_id, section_id) REFERENCES discharge_sections(procedure_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE red_flags (
  procedure_id TEXT NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('clinic', 'emergency')),
  id TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (procedure_id, kind, id)
) STRICT;

-- Every localized word. In the local overlay, text IS NULL is a tombstone (removed).
CREATE TABLE texts (
  procedure_id TEXT NOT NULL,
  locale TEXT NOT NULL,
  key TEXT NOT NULL,
  text TEXT,
  status TEXT NOT NULL CHECK (status IN ('draft', 'reviewed', 'approved')),
  reviewer TEXT,
  reviewed_at TEXT,
  source_note TEXT NOT NULL,
  origin TEXT NOT NULL DEFAULT 'bundled' CHECK (origin IN ('bundled', 'import', 'edit')),
  PRIMARY KEY (procedure_id, locale, key)
) STRICT;

CREATE TABLE template_variables (
  name TEXT PRIMARY KEY,
  type TEXT NOT NULL
) STRICT;

CREATE TABLE content_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;

/**
 * Version 2: each language names its font package (electron/shared/fonts.ts) and, optionally,
 * the locale Intl formats its dates and numbers with; local migration 0050 adds both to the overlay.
 */
export const localeColumnsV2 = `
ALTER TABLE locales ADD COLUMN font TEXT NOT NULL DEFAULT '@fontsource/noto-sans';
ALTER TABLE locales ADD COLUMN intl_locale TEXT;
`;

/** The content tables as content.db holds them today. */
export const contentTables = `${contentTablesV1}\n${localeColumnsV2}`;
