import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { respectingFileModes } from '../fixtures/respect-file-modes';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLocalDatabase, LOCAL_DB_FILE } from '../../db/local-db';
import { latestVersion } from '../../db/migrate';
import { removeTempDirs, repoRoot, tempDir } from '../fixtures/content';

afterAll(removeTempDirs);

describe('local database at start', () => {
  it('is created on first start, migrated to the latest version', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const local = openLocalDatabase(dir);
    expect(local.warnings).toEqual([]);
    expect(local.readOnly).toBe(false);
    expect(local.db?.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(local.db?.pragma('journal_mode', { simple: true })).toBe('wal');
    local.db?.close();
  });

  it('moves a corrupt file aside with a clear warning and never overwrites it', () => {
    const dir = tempDir();
    const garbage = Buffer.from('this is not a database, just some random bytes '.repeat(200));
    writeFileSync(join(dir, LOCAL_DB_FILE), garbage);
    const local = openLocalDatabase(dir, new Date('2026-11-23T10:00:00Z'));
    expect(local.warnings[0]).toMatch(/damaged .* moved aside to local\.db\.corrupt-2026-11-23T10-00-00-000Z/);
    const moved = readdirSync(dir).find((f) => f.startsWith('local.db.corrupt-'));
    expect(moved).toBeDefined();
    expect(readFileSync(join(dir, moved!)).equals(garbage)).toBe(true);
    expect(local.db?.pragma('user_version', { simple: true })).toBe(latestVersion());
    local.db?.close();
  });

  it('moves a database from a newer app version aside', () => {
    const dir = tempDir();
    const future = new Database(join(dir, LOCAL_DB_FILE));
    future.pragma(`user_version = ${latestVersion() + 100}`);
    future.close();
    const local = openLocalDatabase(dir);
    expect(local.warnings[0]).toMatch(/newer version of the kiosk .* moved aside to local\.db\.from-newer-version-/);
    expect(readdirSync(dir).some((f) => f.startsWith('local.db.from-newer-version-'))).toBe(true);
    local.db?.close();
  });

  it('opens a read-only database read-only, refuses writes, and says why edits will fail', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    openLocalDatabase(dir).db?.close();
    chmodSync(join(dir, LOCAL_DB_FILE), 0o444);
    // Root ignores file permissions, so the check drops that power first (respect-file-modes.ts).
    const [command, args] = respectingFileModes(process.execPath, ['--import', 'tsx', join(repoRoot, 'test', 'fixtures', 'open-local-db.ts'), dir]);
    const child = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir } });
    expect(child.stderr).toBe('');
    const report = JSON.parse(child.stdout) as { readOnly: boolean; warnings: string[]; version: number; writeError: string };
    expect(report.readOnly).toBe(true);
    expect(report.warnings[0]).toMatch(/is read-only\. Patients still see content, but edits, imports and settings cannot be saved/);
    expect(report.version).toBe(latestVersion());
    expect(report.writeError).toMatch(/SQLITE_READONLY/);
  });
});
