import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildContentDatabase } from '../../db/content-build';
import { openWritable } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { OverlayWriter } from '../../db/overlay';
import { ContentLayers } from '../../electron/core/content-layers';
import { ContentService } from '../../electron/core/content-service';
import { contentSourceDir, removeTempDirs, sourcePack, tempDir } from '../fixtures/content';

afterAll(removeTempDirs);

describe('db:build', () => {
  it('is deterministic: the same sources give the same hash and the same bytes', () => {
    const a = join(tempDir(), 'a.db');
    const b = join(tempDir(), 'b.db');
    const first = buildContentDatabase(contentSourceDir, a);
    const second = buildContentDatabase(contentSourceDir, b);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(second.hash).toBe(first.hash);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('writes every text of the sources, with review status and source note', () => {
    const out = join(tempDir(), 'content.db');
    const result = buildContentDatabase(contentSourceDir, out);
    expect(result.ok).toBe(true);
    const pack = sourcePack();
    const db = new Database(out, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM texts').get()).toEqual({ n: pack.texts.length });
    expect(db.prepare("SELECT count(*) AS n FROM texts WHERE status = 'draft' AND source_note <> ''").get()).toEqual({ n: pack.texts.length });
    expect(db.prepare('SELECT count(*) AS n FROM steps').get()).toEqual({ n: 4 });
    const illustration = db.prepare("SELECT media_type, length(data) AS size, sha256 FROM illustrations WHERE id = 'step-needle'").get() as { media_type: string; size: number; sha256: string };
    expect(illustration.media_type).toBe('image/svg+xml');
    expect(illustration.size).toBeGreaterThan(100);
    expect(illustration.sha256).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });
});

describe('overlay over bundled content', () => {
  it('an imported pack in the local database wins by key, and tombstones fall back to English', () => {
    const bundledPath = join(tempDir(), 'content.db');
    const built = buildContentDatabase(contentSourceDir, bundledPath);
    expect(built.ok).toBe(true);
    const bundled = new Database(bundledPath, { readonly: true });
    const local = openWritable(join(tempDir(), 'local.db'), { wal: true });
    migrate(local);
    const layers = new ContentLayers(bundled, local);
    const overlay = new OverlayWriter(local);
    const content = new ContentService(layers);
    const before = content.topic('kyphoplasty', 'after', 'es');
    expect(before.provenance).toEqual({ status: 'draft', fallback: false });

    const pack = sourcePack();
    pack.texts = pack.texts.filter((t) => t.locale === 'en' || t.locale === 'es');
    const title = pack.texts.find((t) => t.locale === 'es' && t.key === 'topic.after.title')!;
    title.text = 'Después: versión de la clínica';
    title.status = 'approved';
    overlay.importPack(pack);
    expect(content.topic('kyphoplasty', 'after', 'es').topic.title).toBe('Después: versión de la clínica');

    overlay.tombstone('kyphoplasty', 'es', 'topic.after.title', 'Removed by the clinic');
    const fallback = content.topic('kyphoplasty', 'after', 'es');
    expect(fallback.topic.title).toBe(content.topic('kyphoplasty', 'after', 'en').topic.title);
    expect(fallback.provenance.fallback).toBe(true);
    local.close();
    bundled.close();
  });
});
