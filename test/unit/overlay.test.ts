/**
 * db/overlay.ts over real SQLite files: the bundled content.db built from db/content/ and a
 * migrated local database. The overlay wins by key, a tombstone hides the bundled text, every
 * kind of write is seen at once by a cached read, and the overlay table list is the schema's.
 */
import { afterAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openReadOnly, openWritable, type Db } from '../../db/connection';
import { migrate } from '../../db/migrate';
import type { OverlayWriter} from '../../db/overlay';
import { mergeByKey, overlayTables } from '../../db/overlay';
import { readStructure } from '../../db/structure-reader';
import { ContentLayers } from '../../electron/core/content-layers';
import { buildTempContentDb, removeTempDirs, sourcePack, tempDir } from '../fixtures/content';

const P = 'kyphoplasty';
const KEY = 'topic.after.title';
const bundledPath = buildTempContentDb();

let bundled: Db;
let local: Db;
let layers: ContentLayers;
let overlay: OverlayWriter;

function migratedLocal(): Db {
  const db = openWritable(join(tempDir(), 'local.db'), { wal: true });
  migrate(db);
  return db;
}

beforeEach(() => {
  bundled = openReadOnly(bundledPath);
  local = migratedLocal();
  layers = new ContentLayers(bundled, local);
  const writer = layers.writer();
  if (!writer) throw new Error('a local database has writes');
  overlay = writer;
});
afterEach(() => {
  local.close();
  bundled.close();
});
afterAll(removeTempDirs);

const edit = (text: string) => ({ text, status: 'approved' as const, reviewer: 'Nurse Lee', reviewedAt: '2026-12-01', sourceNote: 'clinic' });
const bundledText = (locale: string, key: string) =>
  (bundled.prepare('SELECT text FROM texts WHERE procedure_id = ? AND locale = ? AND key = ?').get(P, locale, key) as { text: string } | undefined)?.text;
/** The text patients get, through the cache. */
const shown = (locale = 'es', key = KEY) => layers.texts(P, locale).get(key)?.text;

describe('the overlay rule', () => {
  it('a clinic row wins over the bundled row by key; a NULL text hides the bundled row; the other keys stay bundled', () => {
    const merged = mergeByKey(
      [
        { key: 'a', text: 'bundled a' },
        { key: 'b', text: 'bundled b' },
        { key: 'c', text: 'bundled c' },
      ],
      [
        { key: 'a', text: 'clinic a' },
        { key: 'b', text: null },
        { key: 'd', text: 'clinic d' },
      ],
    );
    expect(Object.fromEntries([...merged].map(([k, r]) => [k, r.text]))).toEqual({ a: 'clinic a', c: 'bundled c', d: 'clinic d' });
  });

  it('over real files: the clinic text shows, a tombstone hides the bundled text, and admins still see both layers', () => {
    const original = bundledText('es', KEY);
    expect(original).toBeTruthy();
    expect(shown()).toBe(original);

    overlay.setText(P, 'es', KEY, edit('Después: versión de la clínica'));
    expect(shown()).toBe('Después: versión de la clínica');
    expect(layers.textRecords(P, 'es').get(KEY)).toMatchObject({ status: 'approved', reviewer: 'Nurse Lee', origin: 'edit' });
    expect(shown('en')).toBe(bundledText('en', KEY));

    overlay.tombstone(P, 'es', KEY, 'Removed by the clinic');
    expect(layers.texts(P, 'es').has(KEY)).toBe(false);
    const sides = layers.textLayers(P, 'es');
    expect(sides.bundled.get(KEY)?.text).toBe(original);
    expect(sides.clinic.get(KEY)?.text).toBeNull();
    expect(sides.merged.has(KEY)).toBe(false);
    expect(bundledText('es', KEY)).toBe(original);

    overlay.revertText(P, 'es', KEY);
    expect(shown()).toBe(original);
  });

  it('without a local database there is only the bundled layer and no writes', () => {
    const only = new ContentLayers(bundled, null);
    expect(only.writer()).toBeNull();
    expect(only.texts(P, 'es').get(KEY)?.text).toBe(bundledText('es', KEY));
    expect(only.narrations(P, 'es').size).toBe(0);
  });
});

describe('every write is seen by a cached read at once', () => {
  it('a write that does not go through the overlay is not seen, so the cache is real (the control for the tests below)', () => {
    const before = shown();
    local
      .prepare("INSERT INTO texts (procedure_id, locale, key, text, status, source_note, origin) VALUES (?, 'es', ?, 'bypass', 'draft', 'x', 'edit')")
      .run(P, KEY);
    expect(shown()).toBe(before);
  });

  it('set text, tombstone and revert', () => {
    expect(shown()).toBe(bundledText('es', KEY));
    overlay.setText(P, 'es', KEY, edit('uno'));
    expect(shown()).toBe('uno');
    overlay.setText(P, 'es', KEY, edit('dos'));
    expect(shown()).toBe('dos');
    overlay.tombstone(P, 'es', KEY, 'Removed by the clinic');
    expect(shown()).toBeUndefined();
    overlay.revertText(P, 'es', KEY);
    expect(shown()).toBe(bundledText('es', KEY));
  });

  it('import of pack rows', () => {
    expect(shown()).toBe(bundledText('es', KEY));
    const pack = sourcePack();
    pack.texts = pack.texts.filter((t) => t.locale === 'en' || t.locale === 'es');
    pack.texts.find((t) => t.locale === 'es' && t.key === KEY)!.text = 'Después: del paquete';
    expect(overlay.importPack(pack).texts).toBe(pack.texts.length);
    expect(shown()).toBe('Después: del paquete');
    expect(layers.textRecords(P, 'es').get(KEY)?.origin).toBe('import');
  });

  it('illustration override', () => {
    const hero = readStructure(bundled, P).heroIllustration!;
    const picture = () => layers.cached('hero', () => layers.illustration(P, hero)?.data.toString('latin1'));
    const own = picture();
    expect(own).toBe((bundled.prepare('SELECT data FROM illustrations WHERE procedure_id = ? AND id = ?').get(P, hero) as { data: Buffer }).data.toString('latin1'));
    const first = overlay.setIllustrationOverride(P, hero, 'image/png', Buffer.from('first replacement'), '2026-12-01T00:00:00Z');
    expect(first.before).toBeNull();
    expect(picture()).toBe('first replacement');
    const second = overlay.setIllustrationOverride(P, hero, 'image/png', Buffer.from('second replacement'), '2026-12-01T00:00:01Z');
    expect(second.before).toBe(first.sha256);
    expect(picture()).toBe('second replacement');
    expect(layers.illustrations(P).find((x) => x.id === hero)?.data.toString()).toBe('second replacement');
  });

  it('narration attach and detach (the recording itself is kept)', () => {
    const audio = { data: Buffer.from('not really audio, the writer stores what core checked'), mime: 'audio/wav' as const, durationMs: 1200 };
    const hash = overlay.attachNarration([P, 'es', KEY], audio, { textSha256: 'ab'.repeat(32), recordedBy: 'Nurse Lee', attachedAt: '2026-12-01T00:00:00Z' });
    expect(layers.narrations(P, 'es').get(KEY)).toMatchObject({ audio_sha256: hash, recorded_by: 'Nurse Lee', mime: 'audio/wav', bytes: audio.data.length });
    expect(layers.attachedAudio(hash)?.data.toString()).toBe(audio.data.toString());
    overlay.detachNarration(P, 'es', KEY);
    expect(layers.narrations(P, 'es').has(KEY)).toBe(false);
    expect(layers.attachedAudio(hash)).toBeNull();
    expect(local.prepare('SELECT count(*) AS n FROM narration_audio WHERE sha256 = ?').get(hash)).toEqual({ n: 1 });
  });

  it('restore of a snapshot (every overlay table emptied and refilled)', () => {
    overlay.setText(P, 'es', KEY, edit('antes'));
    const saved = overlay.readAll();
    overlay.setText(P, 'es', KEY, edit('después'));
    expect(shown()).toBe('después');
    overlay.transaction(() => overlay.replaceAll(saved));
    expect(shown()).toBe('antes');
    expect(overlay.readAll()).toEqual(saved);
  });

  it('restore from a backup file', async () => {
    overlay.setText(P, 'es', KEY, edit('en la copia'));
    const backupPath = join(tempDir(), 'backup.db');
    await local.backup(backupPath);
    overlay.setText(P, 'es', KEY, edit('después de la copia'));
    local.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('clinicName', '\"Kept\"', 'now')").run();
    expect(shown()).toBe('después de la copia');
    const backup = new Database(backupPath, { readonly: true });
    try {
      overlay.restoreFrom(backup, ['staff_pins']);
    } finally {
      backup.close();
    }
    expect(shown()).toBe('en la copia');
    expect(local.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
  });

  it('a transaction that fails leaves nothing written, and the cached read says so', () => {
    expect(() =>
      overlay.transaction(() => {
        overlay.setText(P, 'es', KEY, edit('never saved'));
        expect(shown()).toBe('never saved');
        throw new Error('audit failed');
      }),
    ).toThrow('audit failed');
    expect(shown()).toBe(bundledText('es', KEY));
  });
});

describe('the overlay table list', () => {
  const tables = (db: Db) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);

  it('equals the content tables of a migrated local database: those of content.db (less its own metadata), replaced illustrations and attached narrations', () => {
    const inBundled = new Set(tables(bundled));
    const expected = tables(local).filter((t) => (inBundled.has(t) && t !== 'content_meta') || t === 'illustration_overrides' || t === 'narrations');
    expect([...overlayTables].sort()).toEqual(expected.sort());
    expect(overlayTables).not.toContain('narration_audio');
    expect(overlayTables).not.toContain('settings');
  });

  it('lists parents before the tables that refer to them, so a restore can refill them in order', () => {
    for (const [i, t] of overlayTables.entries()) {
      const parents = (local.prepare(`PRAGMA foreign_key_list(${t})`).all() as { table: string }[]).map((f) => f.table).filter((p) => overlayTables.includes(p));
      for (const p of parents) expect(overlayTables.indexOf(p), `${t} refers to ${p}`).toBeLessThan(i);
    }
  });

  it('a snapshot reads every overlay table, in restore order', () => {
    overlay.setText(P, 'es', KEY, edit('snap'));
    const all = overlay.readAll();
    expect(Object.keys(all)).toEqual([...overlayTables]);
    expect(all.texts).toEqual([expect.objectContaining({ procedure_id: P, locale: 'es', key: KEY, text: 'snap' })]);
  });
});
