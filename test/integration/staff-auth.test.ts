import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openLocalDatabase } from '../../db/local-db';
import { StaffAuth, hashPin, LOCKOUT_MS, MAX_FAILURES } from '../../electron/core/staff-auth';
import { createDispatcher } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { openTestCore, errorOf } from '../fixtures/core';
import { removeTempDirs, tempDir } from '../fixtures/content';

afterAll(removeTempDirs);

describe('PIN hashing', () => {
  it('stores a salted scrypt hash, never the PIN, different each time', () => {
    const a = hashPin('1234');
    const b = hashPin('1234');
    expect(a.hash).not.toBe(b.hash);
    expect(a.salt).not.toBe(b.salt);
    expect(JSON.stringify(a)).not.toContain('1234');
    // Raised from 2^14 by issue 17 (item 10).
    expect(JSON.parse(a.params)).toMatchObject({ N: 32768, r: 8, p: 1 });
  });

  it('keeps only hashes in the database and tells the roles apart by PIN', () => {
    const dir = tempDir();
    const local = openLocalDatabase(dir);
    const auth = new StaffAuth(local.db);
    expect(auth.pinsSet()).toEqual({ nurse: false, admin: false });
    expect(errorOf(() => auth.signIn('1234')).message).toMatch(/No staff PIN is set yet.*npm run admin -- set-pin --role nurse/);
    auth.setPin('nurse', '2468');
    auth.setPin('admin', '13579');
    expect(errorOf(() => auth.setPin('admin', '2468')).message).toMatch(/must be different/);
    expect(auth.signIn('2468')).toBe('nurse');
    expect(auth.signIn('13579')).toBe('admin');
    const stored = JSON.stringify(local.db!.prepare('SELECT * FROM staff_pins').all());
    expect(stored).not.toContain('2468');
    expect(stored).not.toContain('13579');
    local.db!.close();
  });
});

describe('lockout', () => {
  it('locks sign-in for 5 minutes after 5 wrong PINs, also across a restart, then unlocks', () => {
    const dir = tempDir();
    let now = Date.parse('2026-11-23T10:00:00Z');
    let local = openLocalDatabase(join(dir));
    let auth = new StaffAuth(local.db, () => now);
    auth.setPin('nurse', '2468');
    for (let i = 1; i < MAX_FAILURES; i++) expect(errorOf(() => auth.signIn('0000')).message).toMatch(new RegExp(`${MAX_FAILURES - i} tr(y|ies) left`));
    expect(errorOf(() => auth.signIn('0000')).code).toBe('LOCKED_OUT');
    // The right PIN does not help while locked.
    expect(errorOf(() => auth.signIn('2468')).code).toBe('LOCKED_OUT');

    // Restart: a new process opens the same database.
    local.db!.close();
    local = openLocalDatabase(dir);
    auth = new StaffAuth(local.db, () => now);
    expect(errorOf(() => auth.signIn('2468')).message).toMatch(/locked for 5 more minutes/);
    now += LOCKOUT_MS - 1000;
    expect(errorOf(() => auth.signIn('2468')).message).toMatch(/locked for 1 more minute\./);
    now += 2000;
    expect(auth.signIn('2468')).toBe('nurse');
    local.db!.close();
  });
});

describe('staff sessions and roles in core', () => {
  it('enforces roles for every staff and admin call, whatever the UI shows', async () => {
    const { core, dispatch } = openTestCore();
    core.staff.setPin('nurse', '2468');
    core.staff.setPin('admin', '13579');
    const session = { role: 'public' as const } as { role: 'public' | 'nurse' | 'admin' };
    expect(await dispatch('getSheetDefaults', {}, { session })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await dispatch('staffSignIn', { pin: '9999' }, { session })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', field: 'pin' } });
    expect(await dispatch('staffSignIn', { pin: '2468' }, { session })).toMatchObject({ ok: true, value: { role: 'nurse' } });
    expect(await dispatch('getSheetDefaults', {}, { session })).toMatchObject({ ok: true });
    expect(await dispatch('setStaffPin', { role: 'nurse', pin: '1111' }, { session })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: 'An admin must sign in for this.' } });
    await dispatch('staffSignOut', {}, { session });
    expect(session.role).toBe('public');
    core.close();
  });

  it('ends a staff session after 2 minutes without a call', async () => {
    const { core } = openTestCore();
    core.staff.setPin('nurse', '2468');
    let now = 1_000_000;
    const dispatch = createDispatcher(createHandlers(core), () => {}, () => now);
    const session: { role: 'public' | 'nurse' | 'admin'; lastSeen?: number } = { role: 'public' };
    await dispatch('staffSignIn', { pin: '2468' }, { session });
    now += 119_000;
    expect(await dispatch('staffKeepAlive', {}, { session })).toMatchObject({ ok: true, value: { role: 'nurse' } });
    now += 121_000;
    expect(await dispatch('staffKeepAlive', {}, { session })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(session.role).toBe('public');
    core.close();
  });
});
