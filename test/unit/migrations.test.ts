import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate, latestVersion, FutureDatabaseError } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import type { Migration } from '../../db/migrations/types';
import { migration0010 } from '../../db/migrations/0010-content-overlay';
import { migration0020 } from '../../db/migrations/0020-settings-audit-usage';

const open: Database.Database[] = [];
function memoryDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  open.push(db);
  return db;
}
afterEach(() => open.splice(0).forEach((db) => db.close()));

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migration runner', () => {
  it('versions go up in steps of 10 and are unique', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    for (const v of versions) expect(v % 10).toBe(0);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('brings a new database to the latest version and records it in user_version', () => {
    const db = memoryDb();
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(migrate(db)).toEqual([]);
  });

  it('refuses a database from the future', () => {
    const db = memoryDb();
    db.pragma(`user_version = ${latestVersion() + 10}`);
    expect(() => migrate(db)).toThrow(FutureDatabaseError);
    expect(() => migrate(db)).toThrow(/newer than this app/);
  });

  it('runs all pending migrations in one transaction: a failure leaves the database untouched', () => {
    const db = memoryDb();
    const broken: Migration = { version: 30, name: 'broken', up: (d) => d.exec('CREATE TABLE half (x INTEGER) STRICT; SELECT * FROM no_such_table;') };
    expect(() => migrate(db, [...migrations, broken])).toThrow(/no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(db)).toEqual([]);
  });
});

describe('0010 content overlay', () => {
  it('creates the content tables, STRICT, with tombstones allowed in texts', () => {
    const db = memoryDb();
    migrate(db, [migration0010]);
    expect(tables(db)).toEqual(expect.arrayContaining(['locales', 'procedures', 'topics', 'topic_sections', 'steps', 'illustrations', 'glossary_terms', 'quiz_questions', 'quiz_options', 'discharge_sections', 'discharge_items', 'red_flags', 'texts', 'template_variables', 'content_meta']));
    db.prepare("INSERT INTO texts (procedure_id, locale, key, text, status, source_note, origin) VALUES ('p', 'en', 'k', NULL, 'draft', 'removed', 'edit')").run();
    expect(() => db.prepare("INSERT INTO texts (procedure_id, locale, key, text, status, source_note) VALUES ('p', 'en', 'k2', 'x', 'final', 'n')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO procedures (id, sort_order) VALUES ('p', 'not a number')").run()).toThrow(/cannot store TEXT value in INTEGER/);
  });
});

describe('0020 settings, audit, usage, versions', () => {
  it('keeps data written at 0010 and adds the new tables', () => {
    const db = memoryDb();
    migrate(db, [migration0010]);
    db.prepare("INSERT INTO locales (code, native_name, english_name, direction, sort_order) VALUES ('en', 'English', 'English', 'ltr', 0)").run();
    migrate(db, [migration0010, migration0020]);
    expect(db.prepare('SELECT code FROM locales').all()).toEqual([{ code: 'en' }]);
    expect(tables(db)).toEqual(expect.arrayContaining(['settings', 'audit_log', 'usage_counts', 'content_versions']));
    db.prepare("INSERT INTO usage_counts (day, metric, dimension, count) VALUES ('2026-11-23', 'topic_view', 'after', 1)").run();
    expect(() => db.prepare("INSERT INTO usage_counts (day, metric, dimension, count) VALUES ('2026-11-23', 'topic_view', 'after', 1)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO content_versions (created_at, kind, label, snapshot) VALUES ('now', 'other', 'x', x'00')").run()).toThrow(/CHECK/);
  });
});

describe('0030 staff access', () => {
  it('adds PIN hashes limited to the two roles and a single lockout row', async () => {
    const { migration0030 } = await import('../../db/migrations/0030-staff-access');
    const db = memoryDb();
    migrate(db, [migration0010, migration0020, migration0030]);
    expect(db.prepare('SELECT id, failures, locked_until FROM staff_lockout').all()).toEqual([{ id: 1, failures: 0, locked_until: null }]);
    expect(() => db.prepare("INSERT INTO staff_pins (role, hash, salt, params, updated_at) VALUES ('doctor', 'h', 's', '{}', 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO staff_lockout (id, failures) VALUES (2, 0)').run()).toThrow(/CHECK/);
  });
});

describe('0040 illustration overrides', () => {
  it('keeps earlier data and adds replaceable illustrations by procedure and id', async () => {
    const { migration0030 } = await import('../../db/migrations/0030-staff-access');
    const { migration0040 } = await import('../../db/migrations/0040-illustration-overrides');
    const db = memoryDb();
    migrate(db, [migration0010, migration0020, migration0030]);
    db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('clinicName', '\"Riverside\"', 'now')").run();
    migrate(db, [migration0010, migration0020, migration0030, migration0040]);
    expect(db.prepare('SELECT value_json FROM settings').get()).toEqual({ value_json: '"Riverside"' });
    db.prepare("INSERT INTO illustration_overrides (procedure_id, id, media_type, data, sha256, updated_at) VALUES ('p', 'i', 'image/png', x'89', 'h', 'now')").run();
    expect(() => db.prepare("INSERT INTO illustration_overrides (procedure_id, id, media_type, data, sha256, updated_at) VALUES ('p', 'j', 'image/gif', x'00', 'h', 'now')").run()).toThrow(/CHECK/);
  });
});

describe('0050 locale font and Intl locale', () => {
  it('keeps the languages a clinic imported and gives each a font: right-to-left ones the Arabic-script face', async () => {
    const { migration0030 } = await import('../../db/migrations/0030-staff-access');
    const { migration0040 } = await import('../../db/migrations/0040-illustration-overrides');
    const { migration0050 } = await import('../../db/migrations/0050-locale-font');
    const db = memoryDb();
    const upTo40 = [migration0010, migration0020, migration0030, migration0040];
    migrate(db, upTo40);
    db.prepare("INSERT INTO locales (code, native_name, english_name, direction, sort_order) VALUES ('fr', 'Français', 'French', 'ltr', 0), ('ur', 'اردو', 'Urdu', 'rtl', 10)").run();
    migrate(db, [...upTo40, migration0050]);
    expect(db.prepare('SELECT code, font, intl_locale FROM locales ORDER BY sort_order').all()).toEqual([
      { code: 'fr', font: '@fontsource/noto-sans', intl_locale: null },
      { code: 'ur', font: '@fontsource/noto-sans-arabic', intl_locale: null },
    ]);
    });
  });

describe('0060 narration', () => {
  it('keeps earlier data and adds recordings by content hash, attached to texts with the hash of the text they were recorded for', async () => {
    const { migration0030 } = await import('../../db/migrations/0030-staff-access');
    const { migration0040 } = await import('../../db/migrations/0040-illustration-overrides');
    const { migration0060 } = await import('../../db/migrations/0060-narration');
    const db = memoryDb();
    const before = [migration0010, migration0020, migration0030, migration0040];
    migrate(db, before);
    db.prepare("INSERT INTO texts (procedure_id, locale, key, text, status, source_note, origin) VALUES ('p', 'es', 'procedure.name', 'Cifoplastia', 'draft', 'n', 'edit')").run();
    migrate(db, [...before, migration0060]);
    expect(db.prepare('SELECT text FROM texts').get()).toEqual({ text: 'Cifoplastia' });
    const hash = 'a'.repeat(64);
    db.prepare("INSERT INTO narration_audio (sha256, mime, data, duration_ms) VALUES (?, 'audio/wav', x'52494646', 1200)").run(hash);
    db.prepare("INSERT INTO narrations (procedure_id, locale, key, audio_sha256, text_sha256, recorded_by, attached_at) VALUES ('p', 'es', 'procedure.name', ?, ?, 'admin', 'now')").run(hash, 'b'.repeat(64));
    expect(db.prepare('SELECT audio_sha256, text_sha256 FROM narrations').get()).toEqual({ audio_sha256: hash, text_sha256: 'b'.repeat(64) });
    expect(() => db.prepare("INSERT INTO narration_audio (sha256, mime, data, duration_ms) VALUES (?, 'audio/x-midi', x'00', 5)").run('c'.repeat(64))).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO narrations (procedure_id, locale, key, audio_sha256, text_sha256, recorded_by, attached_at) VALUES ('p', 'es', 'k2', ?, ?, 'admin', 'now')").run('d'.repeat(64), 'b'.repeat(64))).toThrow(/FOREIGN KEY/);
    });
  });

describe('0070 sign-in places, short PINs, pack releases', () => {
  it('carries the old kiosk-wide lock to every place, keeps PINs (flagged as possibly short) and adds pack releases', async () => {
    const { migration0030 } = await import('../../db/migrations/0030-staff-access');
    const { migration0040 } = await import('../../db/migrations/0040-illustration-overrides');
    const { migration0050 } = await import('../../db/migrations/0050-locale-font');
    const { migration0060 } = await import('../../db/migrations/0060-narration');
    const { migration0070 } = await import('../../db/migrations/0070-sign-in-places-and-pack-releases');
    const db = memoryDb();
    const before = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060];
    migrate(db, before);
    db.prepare("INSERT INTO staff_pins (role, hash, salt, params, updated_at) VALUES ('nurse', 'h', 's', '{}', 'now')").run();
    db.prepare("UPDATE staff_lockout SET failures = 3, locked_until = '2026-12-01T10:05:00.000Z' WHERE id = 1").run();
    migrate(db, [...before, migration0070]);
    expect(tables(db)).not.toContain('staff_lockout');
    expect(db.prepare('SELECT place, failures, locked_until FROM staff_sign_in_locks ORDER BY place').all()).toEqual([
      { place: 'kiosk', failures: 3, locked_until: '2026-12-01T10:05:00.000Z' },
      { place: 'web', failures: 3, locked_until: '2026-12-01T10:05:00.000Z' },
      { place: 'workstation', failures: 3, locked_until: '2026-12-01T10:05:00.000Z' },
    ]);
    expect(db.prepare('SELECT role, hash, short FROM staff_pins').all()).toEqual([{ role: 'nurse', hash: 'h', short: 1 }]);
    expect(() => db.prepare("INSERT INTO staff_sign_in_locks (place) VALUES ('hallway')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO pack_releases (key_id, release, released_at, accepted_at) VALUES ('k', 2, '2026-12-01', 'now')").run();
    expect(() => db.prepare("INSERT INTO pack_releases (key_id, release, released_at, accepted_at) VALUES ('j', 0, '2026-12-01', 'now')").run()).toThrow(/CHECK/);
  });
});
