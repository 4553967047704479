/**
 * The repositories in db/repos over real local database files: what they keep across a restart
 * (closing and reopening the file), how they add up and order rows, and that a write of many
 * rows is all or nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { openLocalDatabase } from '../../db/local-db';
import { auditRepo } from '../../db/repos/audit';
import { settingsRepo } from '../../db/repos/settings';
import { staffRepo } from '../../db/repos/staff';
import { usageRepo } from '../../db/repos/usage';
import { UsageCounter } from '../../electron/core/usage-counter';
import { removeTempDirs, tempDir } from '../fixtures/content';

afterAll(removeTempDirs);

/** Opens (creating and migrating on first use) the local database in `dir`. */
function open(dir: string): Db {
  const { db } = openLocalDatabase(dir);
  if (!db) throw new Error(`no local database in ${dir}`);
  return db;
}

describe('staff repository', () => {
  it("keeps each sign-in place's wrong-PIN count and lock across a restart, apart from the other places", () => {
    const dir = tempDir('kiosk-repo-staff-');
    let db = open(dir);
    staffRepo(db).setLock('kiosk', 6, '2026-12-02T10:10:00.000Z');
    staffRepo(db).setLock('web', 1, null);
    db.close();

    db = open(dir);
    const staff = staffRepo(db);
    expect(staff.lockIfAny('kiosk')).toEqual({ failures: 6, lockedUntil: '2026-12-02T10:10:00.000Z' });
    expect(staff.lock('workstation')).toEqual({ failures: 0, lockedUntil: null });
    expect(staff.failedPlaces()).toEqual([
      { place: 'kiosk', failures: 6 },
      { place: 'web', failures: 1 },
    ]);
    staff.setLock('kiosk', 0, null);
    expect(staff.failedPlaces()).toEqual([{ place: 'web', failures: 1 }]);
    db.close();
  });

  it('keeps one PIN hash per role: a new PIN replaces the old one, and its short flag follows it', () => {
    const dir = tempDir('kiosk-repo-pins-');
    let db = open(dir);
    staffRepo(db).putPin('nurse', { hash: 'old', salt: 's1', params: '{}' }, '2026-12-01T00:00:00.000Z', true);
    staffRepo(db).putPin('admin', { hash: 'adm', salt: 's2', params: '{}' }, '2026-12-01T00:00:00.000Z', false);
    staffRepo(db).putPin('nurse', { hash: 'new', salt: 's3', params: '{}' }, '2026-12-02T00:00:00.000Z', false);
    db.close();

    db = open(dir);
    const staff = staffRepo(db);
    expect(staff.roles()).toEqual(['admin', 'nurse']);
    expect(staff.pinOf('nurse')).toEqual({ hash: 'new', salt: 's3', params: '{}' });
    expect(staff.shortRoles()).toEqual([]);
    staff.markShort('admin', true);
    expect(staff.shortRoles()).toEqual(['admin']);
    db.close();
  });
});

describe('usage repository', () => {
  it('adds up counts per day, metric and dimension, and lists them by day after a restart', () => {
    const dir = tempDir('kiosk-repo-usage-');
    let day = new Date(2026, 11, 1, 23, 50);
    let db = open(dir);
    const counter = new UsageCounter(db, () => day);
    counter.increment('topic_view', 'after');
    counter.increment('topic_view', 'after');
    counter.increment('topic_view', 'risks');
    counter.increment('language_chosen', 'es');
    day = new Date(2026, 11, 2, 0, 10);
    counter.increment('topic_view', 'after');
    db.close();

    db = open(dir);
    expect(usageRepo(db).all()).toEqual([
      { day: '2026-12-01', metric: 'language_chosen', dimension: 'es', count: 1 },
      { day: '2026-12-01', metric: 'topic_view', dimension: 'after', count: 2 },
      { day: '2026-12-01', metric: 'topic_view', dimension: 'risks', count: 1 },
      { day: '2026-12-02', metric: 'topic_view', dimension: 'after', count: 1 },
    ]);
    db.close();
  });
});

describe('settings repository', () => {
  it('writes a set of values all or none', () => {
    const dir = tempDir('kiosk-repo-settings-');
    const db = open(dir);
    const settings = settingsRepo(db);
    settings.putAll([{ key: 'clinicName', valueJson: '"North Clinic"' }], '2026-12-01T00:00:00.000Z');
    // A value the database refuses halfway through a save.
    db.exec(`CREATE TRIGGER refuse_printer BEFORE INSERT ON settings WHEN NEW.key = 'printerName' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    expect(() =>
      settings.putAll(
        [
          { key: 'clinicName', valueJson: '"South Clinic"' },
          { key: 'printerName', valueJson: '"Front desk"' },
        ],
        '2026-12-02T00:00:00.000Z',
      ),
    ).toThrow(/refused/);
    expect(settings.all()).toEqual([{ key: 'clinicName', valueJson: '"North Clinic"' }]);
    db.close();
  });
});

describe('audit repository', () => {
  it('lists the newest entries first, at most as many as asked, after a restart', () => {
    const dir = tempDir('kiosk-repo-audit-');
    let db = open(dir);
    for (const [i, action] of ['edit', 'review', 'backup'].entries())
      auditRepo(db).insert({ at: `2026-12-0${i + 1}T00:00:00.000Z`, role: 'admin', action, target: `t${i}`, beforeHash: i ? `b${i}` : null, afterHash: null });
    db.close();

    db = open(dir);
    expect(auditRepo(db).newest(2)).toEqual([
      { id: 3, at: '2026-12-03T00:00:00.000Z', role: 'admin', action: 'backup', target: 't2', beforeHash: 'b2', afterHash: null },
      { id: 2, at: '2026-12-02T00:00:00.000Z', role: 'admin', action: 'review', target: 't1', beforeHash: 'b1', afterHash: null },
    ]);
    expect(auditRepo(db).newest(10).map((e) => e.action)).toEqual(['backup', 'review', 'edit']);
    db.close();
  });
});

describe('statements per connection', () => {
  it('a connection reuses its repository; a new connection to the same file gets its own', () => {
    const dir = tempDir('kiosk-repo-conn-');
    const first = open(dir);
    expect(staffRepo(first)).toBe(staffRepo(first));
    staffRepo(first).setLock('web', 2, null);
    first.close();
    // Statements of the closed connection would throw "The database connection is not open".
    const second = open(dir);
    expect(staffRepo(second).failedPlaces()).toEqual([{ place: 'web', failures: 2 }]);
    second.close();
  });
});
