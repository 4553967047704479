/**
 * Issue 17: each finding of the 2026-12-01 security review, performed against the real web-mode
 * server (real HTTP on 127.0.0.1, real core, real SQLite). Every test here failed on the old code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { PackWatcher } from '../../electron/core/pack-watcher';
import { commands } from '../../electron/cli/admin';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { connect } from 'node:net';
import { loopbackRequest } from '../fixtures/http';
import type { AddressInfo } from 'node:net';
import { createWebServer, type WebServerOptions } from '../../electron/web/server';
import { createDispatcher } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { StaffAuth, LOCKOUT_MS } from '../../electron/core/staff-auth';
import { USAGE_EVENTS_PER_MINUTE } from '../../electron/core/usage-counter';
import { openLocalDatabase } from '../../db/local-db';
import { generateSigningKeys, signPack } from '../../db/pack-signing';
import { defaultSettings } from '../../electron/shared/settings-schema';
import { openTestCore, errorOf } from '../fixtures/core';
import { removeTempDirs, sourcePack, tempDir } from '../fixtures/content';
import { makeNoisyPng } from '../fixtures/images';

const servers: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const s of servers.splice(0)) await s.close();
  removeTempDirs();
});

const NURSE = '246810';
const ADMIN = '135790';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string; field?: string } };
}

async function startServer(options: Partial<WebServerOptions> = {}, now?: () => number) {
  const { core } = openTestCore();
  core.staff.setPin('nurse', NURSE);
  core.staff.setPin('admin', ADMIN);
  const dispatcher = createDispatcher(createHandlers(core, {}, now ? () => new Date(now()) : undefined), () => {}, now);
  const staticDir = tempDir('kiosk-static-');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  const server = createWebServer({ dispatcher, staticDir, media: (kind, id) => core.media.resolveMedia(kind, id), ...(now ? { now } : {}), ...options });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  servers.push({
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      core.close();
    },
  });
  const send = async (method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Reply> => {
    const reply = await loopbackRequest(port, method, path, { ...(body !== undefined ? { body } : {}), headers: { 'Content-Type': 'application/json', ...headers } });
    let json: Reply['json'] = { ok: false };
    try {
      json = JSON.parse(reply.body) as Reply['json'];
    } catch {
      /* a static file */
    }
    return { status: reply.status, headers: reply.headers, body: reply.body, json };
  };
  const call = (name: string, input: unknown = {}, cookie?: string) => send('POST', `/api/${name}`, JSON.stringify(input), cookie ? { Cookie: cookie } : {});
  const signIn = async (pin: string, cookie?: string) => {
    const r = await call('staffSignIn', { pin }, cookie);
    const set = String(r.headers['set-cookie'] ?? '');
    return { reply: r, cookie: /kiosk_session=([\w-]+)/.exec(set) ? `kiosk_session=${/kiosk_session=([\w-]+)/.exec(set)![1]}` : undefined };
  };
  /** Sends raw bytes and returns the raw answer (for headers Node's client would not send). */
  const raw = (text: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(text));
      let data = '';
      socket.on('data', (c) => (data += c.toString('latin1')));
      socket.on('end', () => resolve(data));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
  return { core, port, send, call, signIn, raw };
}

describe('M3: PINs resist guessing, and a patient cannot lock out staff elsewhere', () => {
  it('new PINs need 6 to 8 ASCII digits; sign-in refuses non-digits without using up a try', async () => {
    const s = await startServer();
    const { cookie } = await signIn(s, ADMIN);
    for (const pin of ['1234', '12345', '１２３４５６', '١٢٣٤٥٦', 'abcdef', ' 123456']) {
      const r = await s.call('setStaffPin', { role: 'nurse', pin }, cookie);
      expect(r.status, pin).toBe(400);
      expect(r.json.error?.message).toMatch(/a PIN is 6 to 8 digits \(0-9\)/);
    }
    expect((await s.call('setStaffPin', { role: 'nurse', pin: '97531024' }, cookie)).status).toBe(200);
    for (const pin of ['abcd', '１２３４', '', ' 1234', '12a4', '123456789']) {
      const r = await s.call('staffSignIn', { pin });
      expect(r.status, JSON.stringify(pin)).toBe(400);
    }
    // None of those counted as a wrong PIN.
    expect(s.core.staff.locks()).toEqual([]);
  });

  it('the back-off grows and does not reset: each wrong PIN after the first lock doubles it', () => {
    const local = openLocalDatabase(tempDir());
    let now = Date.parse('2026-12-01T10:00:00Z');
    const auth = new StaffAuth(local.db, () => now);
    auth.setPin('nurse', NURSE);
    for (let i = 0; i < 4; i++) expect(errorOf(() => auth.signIn('000000')).code).toBe('UNAUTHORIZED');
    expect(errorOf(() => auth.signIn('000000')).message).toMatch(/locked for 5 more minutes/);
    now += LOCKOUT_MS + 1;
    // The old code allowed 5 more tries here; now one wrong PIN locks for twice as long.
    expect(errorOf(() => auth.signIn('000001')).message).toMatch(/locked for 10 more minutes/);
    now += 2 * LOCKOUT_MS + 1;
    expect(errorOf(() => auth.signIn('000002')).message).toMatch(/locked for 20 more minutes/);
    now += 4 * LOCKOUT_MS + 1;
    expect(auth.signIn(NURSE)).toBe('nurse');
    expect(auth.locks()).toEqual([]);
    local.db!.close();
  });

  it('wrong PINs at the kiosk screen lock only the kiosk screen; a workstation still signs in, and an admin there unlocks it', async () => {
    const { core } = openTestCore();
    core.staff.setPin('nurse', NURSE);
    core.staff.setPin('admin', ADMIN);
    const dispatch = createDispatcher(createHandlers(core));
    const screen = { session: { role: 'public' as const, place: 'kiosk' as const } };
    for (let i = 0; i < 5; i++) await dispatch('staffSignIn', { pin: `00000${i}` }, screen);
    expect(await dispatch('staffSignIn', { pin: NURSE }, screen)).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });

    const desk = { session: { role: 'public' as 'public' | 'nurse' | 'admin', place: 'workstation' as const } };
    expect(await dispatch('staffSignIn', { pin: NURSE }, desk)).toMatchObject({ ok: true, value: { role: 'nurse', lockedUntil: null } });
    // A nurse cannot unlock; an admin can, and sees the lock first.
    expect(await dispatch('adminUnlockSignIn', { place: 'kiosk' }, desk)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const status = await dispatch('staffSignIn', { pin: ADMIN }, desk);
    expect(status).toMatchObject({ ok: true, value: { role: 'admin', locks: [{ place: 'kiosk', failures: 5 }] } });
    expect(await dispatch('adminUnlockSignIn', { place: 'kiosk' }, desk)).toMatchObject({ ok: true, value: { locks: [] } });
    expect(await dispatch('staffSignIn', { pin: NURSE }, screen)).toMatchObject({ ok: true, value: { role: 'nurse' } });

    // Every wrong PIN, the lock and the unlock are in the audit log (without the PIN typed).
    const audit = core.audit.list().map((e) => `${e.action} ${e.target}`);
    expect(audit.filter((a) => a.startsWith('sign-in-failed'))).toHaveLength(4);
    expect(audit).toContain('sign-in-locked kiosk: wrong PIN 5');
    expect(audit).toContain('unlock-sign-in kiosk');
    expect(JSON.stringify(core.audit.list())).not.toContain('000003');
    core.close();
  });

  it('web mode has its own place: wrong PINs over HTTP do not lock the kiosk screen', async () => {
    const s = await startServer();
    for (let i = 0; i < 5; i++) await s.call('staffSignIn', { pin: `11111${i}` });
    expect((await s.call('staffSignIn', { pin: NURSE })).json.error?.code).toBe('LOCKED_OUT');
    expect(s.core.staff.signIn(NURSE, 'kiosk')).toBe('nurse');
  });

  it('web mode has one place, so the admin CLI on the kiosk computer can unlock it too', async () => {
    const s = await startServer();
    for (let i = 0; i < 5; i++) await s.call('staffSignIn', { pin: `22222${i}` });
    expect((await s.call('staffSignIn', { pin: ADMIN })).json.error?.code).toBe('LOCKED_OUT');
    expect(await commands['unlock-sign-in']!.run(s.core, { place: 'web' })).toBe('Staff sign-in at web is unlocked.');
    expect((await s.call('staffSignIn', { pin: ADMIN })).json.value).toMatchObject({ role: 'admin' });
    await expect(commands['unlock-sign-in']!.run(s.core, { place: 'hall' })).rejects.toThrow(/--place must be/);
    expect(s.core.audit.list().map((e) => `${e.role} ${e.action} ${e.target}`)).toContain('admin-cli unlock-sign-in web');
  });

  it('a PIN set before the 6-digit rule keeps working, and admins are told to change it', async () => {
    const s = await startServer();
    s.core.staff.setPin('nurse', '2468');
    const { cookie } = await signIn(s, ADMIN);
    expect((await s.call('getStaffStatus', {}, cookie)).json.value).toMatchObject({ shortPins: ['nurse'] });
    expect((await s.call('getStaffStatus', {})).json.value).toMatchObject({ shortPins: [], locks: [] });
    expect((await signIn(s, '2468')).reply.json.value).toMatchObject({ role: 'nurse' });
    await s.call('setStaffPin', { role: 'nurse', pin: '24681012' }, cookie);
    expect((await s.call('getStaffStatus', {}, cookie)).json.value).toMatchObject({ shortPins: [] });
  });
});

async function signIn(s: Awaited<ReturnType<typeof startServer>>, pin: string, cookie?: string) {
  return s.signIn(pin, cookie);
}

describe('M4: web mode cannot be starved by large bodies', () => {
  it('a public call refuses a body over its small limit before reading it, whatever the declared size', async () => {
    const s = await startServer();
    const big = Buffer.alloc(300 * 1024, 0x61);
    const r = await s.send('POST', '/api/getAppInfo', Buffer.concat([Buffer.from('{"x":"'), big, Buffer.from('"}')]));
    expect(r.status).toBe(413);
    expect(r.json.error?.message).toMatch(/larger than 256 KB, the most "getAppInfo" accepts/);
    // A chunked body with no declared length is cut off at the same limit.
    const chunked = await s.send('POST', '/api/getAppInfo', Buffer.concat([Buffer.from('{"x":"'), big, Buffer.from('"}')]), { 'Transfer-Encoding': 'chunked' });
    expect(chunked.status).toBe(413);
  });

  it('an unknown call or an admin call from the public is refused before the body is read', async () => {
    const s = await startServer();
    // 60 MB declared, nothing sent: the answer comes at once, without waiting for the body.
    const unknown = await s.raw(`POST /api/noSuchCall HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Type: application/json\r\nContent-Length: 62914560\r\n\r\n`);
    expect(unknown).toMatch(/^HTTP\/1\.1 404/);
    const admin = await s.raw(`POST /api/adminPreviewImport HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Type: application/json\r\nContent-Length: 62914560\r\n\r\n`);
    expect(admin).toMatch(/^HTTP\/1\.1 401/);
  });

  it('the public learns nothing about an admin call\'s input (role checked before validation)', async () => {
    const s = await startServer();
    const r = await s.call('adminSaveSettings', { settings: { allowUnsignedPacks: 'yes' } });
    expect(r.status).toBe(401);
    expect(r.body).not.toMatch(/allowUnsignedPacks|expected/);
  });

  it('an admin may send a pack preview far over the public limit', async () => {
    const s = await startServer();
    const { cookie } = await signIn(s, ADMIN);
    const pack = JSON.stringify(sourcePack());
    expect(pack.length).toBeGreaterThan(256 * 1024);
    const r = await s.call('adminPreviewImport', { fileName: 'p.json', json: pack }, cookie);
    expect(r.json.error?.code).toBe('PACK_INVALID');
    expect(r.json.error?.message).toMatch(/not signed/);
  });

  it('caps the requests in flight: slow bodies cannot hold every slot', async () => {
    const s = await startServer({ maxInFlight: 2 });
    const sockets = [0, 1].map(
      () =>
        new Promise<ReturnType<typeof connect>>((resolve) => {
          const socket = connect(s.port, '127.0.0.1', () => {
            socket.write(`POST /api/getAppInfo HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
            resolve(socket);
          });
        }),
    );
    const open = await Promise.all(sockets);
    // Wait until the server has taken both slow requests in.
    let r: Reply;
    do r = await s.call('getAppInfo');
    while (r.status === 200);
    expect(r.status).toBe(503);
    expect(r.headers['retry-after']).toBe('1');
    for (const socket of open) socket.destroy();
    do r = await s.call('getAppInfo');
    while (r.status === 503);
    expect(r.status).toBe(200);
  });
});

describe('L5: pictures are capped, kept once in snapshots, and served by URL', () => {
  it('content answers carry picture URLs, and /media serves the bytes with a long cache only for hash ids', async () => {
    const s = await startServer();
    const r = await s.call('getWalkthrough', { procedureId: 'kyphoplasty', locale: 'en' });
    expect(r.body).not.toContain('data:');
    const src = (r.json.value as { steps: { illustration: { src: string } }[] }).steps[0]!.illustration.src;
    expect(src).toMatch(/^media\/illustration\/[a-f0-9]{32}\.svg$/);
    const picture = await s.send('GET', `/${src}`);
    expect(picture.status).toBe(200);
    expect(picture.headers['content-type']).toBe('image/svg+xml');
    expect(picture.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(picture.headers['content-security-policy']).toContain("default-src 'none'");
    expect(picture.headers['x-content-type-options']).toBe('nosniff');
    expect(picture.body).toMatch(/^<\?xml|^<svg/);
    for (const bad of ['/media/illustration/0123456789abcdef0123456789abcdef.svg', '/media/illustration/..%2f..%2fpackage.json', '/media/nothing/0123456789abcdef', '/media/illustration/XYZ']) {
      const miss = await s.send('GET', bad);
      expect(miss.status, bad).toBe(404);
      expect(miss.headers['cache-control'], bad).toBe('no-store');
    }
  });

  it('a 1.2 MB picture is stored once, not again with every later one-line edit', async () => {
    const s = await startServer();
    const { cookie } = await signIn(s, ADMIN);
    const png = makeNoisyPng(640, 640);
    expect(png.length).toBeGreaterThan(1_000_000);
    const replaced = await s.call('adminReplaceIllustration', { procedureId: 'kyphoplasty', illustrationId: 'step-needle', mediaType: 'image/png', data: png.toString('base64') }, cookie);
    expect(replaced.status).toBe(200);
    const db = s.core.local.db!;
    const size = () => (db.prepare('SELECT coalesce(sum(length(snapshot)), 0) AS n FROM content_versions').get() as { n: number }).n + (db.prepare('SELECT coalesce(sum(length(data)), 0) AS n FROM snapshot_blobs').get() as { n: number }).n;
    const before = size();
    for (let i = 0; i < 3; i++) {
      const r = await s.call('adminSaveText', { procedureId: 'kyphoplasty', locale: 'en', key: 'topic.after.title', text: `After the procedure (${i})` }, cookie);
      expect(r.status).toBe(200);
    }
    expect(size() - before).toBeLessThan(3 * 50_000);
    expect((db.prepare('SELECT count(*) AS n FROM snapshot_blobs').get() as { n: number }).n).toBe(1);
    // Rolling back to the version before the picture brings back the bundled picture.
    const versions = (await s.call('adminListVersions', {}, cookie)).json.value as unknown as { id: number; label: string }[];
    const beforePicture = versions.find((v) => v.label === 'Before replacing an illustration')!;
    expect((await s.call('adminRollback', { versionId: beforePicture.id }, cookie)).status).toBe(200);
    const walk = await s.call('getWalkthrough', { procedureId: 'kyphoplasty', locale: 'en' });
    expect(walk.body).toMatch(/media\/illustration\/[a-f0-9]{32}\.svg/);
  });

  it('refuses a picture over 2 MB from an admin, with the limit named', async () => {
    const s = await startServer();
    const { cookie } = await signIn(s, ADMIN);
    const png = makeNoisyPng(900, 900);
    const r = await s.call('adminReplaceIllustration', { procedureId: 'kyphoplasty', illustrationId: 'step-needle', mediaType: 'image/png', data: png.toString('base64') }, cookie);
    expect(r.status).toBe(413);
    expect(r.json.error?.message).toMatch(/the most "adminReplaceIllustration" accepts/);
  });
});

describe('L1: the session id changes at every role change', () => {
  it('a planted or earlier session id never gains staff rights', async () => {
    const s = await startServer();
    const planted = 'kiosk_session=plantedByAnotherLocalService';
    const nurse = await signIn(s, NURSE, planted);
    expect(nurse.cookie).toBeDefined();
    expect(nurse.cookie).not.toBe(planted);
    expect((await s.call('getSheetDefaults', {}, planted)).status).toBe(401);
    expect((await s.call('getSheetDefaults', {}, nurse.cookie)).status).toBe(200);
    // Signing in again as admin from the nurse's session gives yet another id; the nurse's id is dead.
    const admin = await signIn(s, ADMIN, nurse.cookie);
    expect(admin.cookie).not.toBe(nurse.cookie);
    expect((await s.call('adminGetSettings', {}, nurse.cookie)).status).toBe(401);
    expect((await s.call('adminGetSettings', {}, admin.cookie)).status).toBe(200);
    const out = await s.call('staffSignOut', {}, admin.cookie);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect((await s.call('adminGetSettings', {}, admin.cookie)).status).toBe(401);
  });
});

describe('L2: only accepted staff calls keep a staff session alive', () => {
  it('public calls and calls to names that do not exist do not refresh the idle timer', async () => {
    let now = 1_000_000;
    const s = await startServer({}, () => now);
    const { cookie } = await signIn(s, ADMIN);
    for (let i = 0; i < 3; i++) {
      now += 50_000;
      await s.call('getAppInfo', {}, cookie);
      await s.call('noSuchCall', {}, cookie);
      await s.call('adminSaveSettings', { settings: 'wrong' }, cookie); // refused: not accepted
    }
    expect((await s.call('adminGetSettings', {}, cookie)).json.error?.code).toBe('UNAUTHORIZED');
  });

  it('accepted staff calls do', async () => {
    let now = 1_000_000;
    const s = await startServer({}, () => now);
    const { cookie } = await signIn(s, ADMIN);
    for (let i = 0; i < 3; i++) {
      now += 50_000;
      expect((await s.call('staffKeepAlive', {}, cookie)).status).toBe(200);
    }
    expect((await s.call('adminGetSettings', {}, cookie)).status).toBe(200);
  });
});

describe('L3: a flood of public requests does not sign staff out', () => {
  it('1,001 cookieless requests create no sessions and leave the admin signed in', async () => {
    const s = await startServer();
    const { cookie } = await signIn(s, ADMIN);
    for (let i = 0; i < 1001; i++) {
      const r = await s.call('getAppInfo');
      if (r.headers['set-cookie']) throw new Error('a public request got a session cookie');
    }
    expect((await s.call('adminGetSettings', {}, cookie)).status).toBe(200);
  });
});

describe('L4: signed packs cannot be replayed', () => {
  it('importing release 1, then 2, then 1 again refuses the third; the text of release 2 stays', async () => {
    const s = await startServer();
    const keys = generateSigningKeys();
    const { cookie } = await signIn(s, ADMIN);
    const settings = { ...defaultSettings, trustedKeys: [{ id: 'fleet', publicKeyPem: keys.publicKeyPem }] };
    expect((await s.call('adminSaveSettings', { settings }, cookie)).status).toBe(200);
    const release = (n: number, tagline: string) => {
      const pack = sourcePack();
      pack.texts.find((t) => t.locale === 'en' && t.key === 'topic.after.title')!.text = tagline;
      return JSON.stringify(signPack(pack, keys.privateKeyPem, { number: n, date: `2026-12-0${n}` }));
    };
    const importPack = async (json: string) => {
      const preview = await s.call('adminPreviewImport', { fileName: 'p.json', json }, cookie);
      if (!preview.json.ok) return preview;
      return s.call('adminApplyImport', { token: (preview.json.value as { token: string }).token }, cookie);
    };
    const v1 = release(1, 'After release V1');
    expect((await importPack(v1)).status).toBe(200);
    expect((await importPack(release(2, 'After release V2'))).status).toBe(200);
    const replay = await importPack(v1);
    expect(replay.json.error?.code).toBe('PACK_INVALID');
    expect(replay.json.error?.message).toMatch(/release 1 of 2026-12-01, but this kiosk already imported release 2 of 2026-12-02/);
    // A signed pack without a release number is refused too, once a release from its key was accepted.
    const bare = JSON.stringify(signPack(sourcePack(), keys.privateKeyPem));
    expect((await importPack(bare)).json.error?.message).toMatch(/has no release number/);
    const topic = await s.call('getTopic', { procedureId: 'kyphoplasty', topicId: 'after', locale: 'en' });
    expect(topic.body).toContain('After release V2');
  });

  it('two previews of older releases cannot both be applied out of order', async () => {
    const s = await startServer();
    const keys = generateSigningKeys();
    const { cookie } = await signIn(s, ADMIN);
    await s.call('adminSaveSettings', { settings: { ...defaultSettings, trustedKeys: [{ id: 'fleet', publicKeyPem: keys.publicKeyPem }] } }, cookie);
    const token = async (n: number) => ((await s.call('adminPreviewImport', { fileName: 'p.json', json: JSON.stringify(signPack(sourcePack(), keys.privateKeyPem, { number: n, date: '2026-12-01' })) }, cookie)).json.value as { token: string }).token;
    const [t3, t2] = [await token(3), await token(2)];
    expect((await s.call('adminApplyImport', { token: t3 }, cookie)).status).toBe(200);
    expect((await s.call('adminApplyImport', { token: t2 }, cookie)).json.error?.code).toBe('PACK_INVALID');
  });
});

describe('L6: a copy of the data folder does not give up the PINs', () => {
  it.skipIf(process.platform === 'win32')('creates the data folder 0700 and local.db 0600 even under umask 022', async () => {
    const old = process.umask(0o022);
    try {
      const dir = join(tempDir(), 'new-data');
      const local = openLocalDatabase(dir);
      local.db!.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('clinicName', '\"X\"', 'now')").run();
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      for (const f of ['local.db', 'local.db-wal']) if (existsSync(join(dir, f))) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
      local.db!.close();
      // A database left 0644 by an earlier version is tightened at the next start.
      chmodSync(join(dir, 'local.db'), 0o644);
      openLocalDatabase(dir).db!.close();
      expect(statSync(join(dir, 'local.db')).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });

  it('backups hold no PIN hashes and are 0600; restoring one keeps the kiosk\'s PINs', async () => {
    const s = await startServer();
    const { cookie } = await signIn(s, ADMIN);
    const made = await s.call('adminBackup', {}, cookie);
    expect(made.status).toBe(200);
    const file = join(s.core.backup.folder(), (made.json.value as { name: string }).name);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM staff_pins').get()).toEqual({ n: 0 });
    copy.close();
    expect(readFileSync(file).includes(Buffer.from((s.core.local.db!.prepare("SELECT hash FROM staff_pins WHERE role = 'admin'").get() as { hash: string }).hash))).toBe(false);
    const restored = await s.call('adminRestore', { name: (made.json.value as { name: string }).name }, cookie);
    expect(restored.status).toBe(200);
    expect(s.core.staff.signIn(NURSE, 'workstation')).toBe('nurse');
  });
});

describe('L7: recordUsage counts only real ids, at a bounded rate', () => {
  it('invented ids are refused and not stored; 500 inflations of a real id count at most the per-minute limit', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const s = await startServer({}, () => now);
    for (let i = 0; i < 50; i++) {
      const r = await s.call('recordUsage', { event: 'topic_view', id: `invented-${i}` });
      expect(r.status).toBe(404);
    }
    expect((await s.call('recordUsage', { event: 'walkthrough_completed', id: 'after' })).status).toBe(404);
    expect(s.core.usage.rows().filter((r) => r.dimension.startsWith('invented'))).toEqual([]);
    for (let i = 0; i < 500; i++) await s.call('recordUsage', { event: 'topic_view', id: 'after' });
    const count = () => s.core.usage.rows().find((r) => r.metric === 'topic_view' && r.dimension === 'after')?.count ?? 0;
    expect(count()).toBe(USAGE_EVENTS_PER_MINUTE.total);
    expect((await s.call('recordUsage', { event: 'language_chosen', id: 'es' })).json.value).toEqual({ counted: false });
    now += 60_000;
    expect((await s.call('recordUsage', { event: 'language_chosen', id: 'es' })).json.value).toEqual({ counted: true });
  });

  it('one window (session) may count at most its own share per minute', async () => {
    const { core } = openTestCore();
    const dispatch = createDispatcher(createHandlers(core));
    const window = { session: { role: 'public' as const } };
    for (let i = 0; i < 100; i++) await dispatch('recordUsage', { event: 'quiz_right', id: sourcePack().procedures[0]!.quiz[0]!.id }, window);
    expect(core.usage.rows().find((r) => r.metric === 'quiz_right')?.count).toBe(USAGE_EVENTS_PER_MINUTE.perSession);
    core.close();
  });
});

describe('L8: the watch folder refuses symlinks, never echoes a file, and takes only .kpack', () => {
  it.skipIf(process.platform === 'win32')('a symlink to a secret is moved aside unread; other .json files are left alone', async () => {
    const { core } = openTestCore();
    const secret = join(tempDir('kiosk-secret-'), 'token.txt');
    writeFileSync(secret, 'SECRET-TOKEN-1234');
    const folder = tempDir('kiosk-watch-');
    symlinkSync(secret, join(folder, 'secret.kpack'));
    writeFileSync(join(folder, 'important-config.json'), '{"keep": "me"}');
    writeFileSync(join(folder, 'not-a-pack.kpack'), 'SECRET-TOKEN-5678 is not JSON');
    const results = await new PackWatcher(folder, core.packs, { settleMs: 0 }).scan();
    expect(results.map((r) => [r.file, r.outcome])).toEqual([
      ['not-a-pack.kpack', 'rejected'],
      ['secret.kpack', 'rejected'],
    ]);
    expect(readFileSync(join(folder, 'important-config.json'), 'utf8')).toBe('{"keep": "me"}');
    const notes = readdirSync(join(folder, 'rejected')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(folder, 'rejected', f), 'utf8')).join('\n');
    expect(notes).toMatch(/symbolic link/);
    expect(notes).toMatch(/not valid JSON/);
    expect(notes).not.toMatch(/SECRET/);
    expect(readFileSync(secret, 'utf8')).toBe('SECRET-TOKEN-1234');
    core.close();
  });
});

describe('L9: a malformed trusted key is refused when saved, and skipped at import', () => {
  it('refuses a key that does not parse or is not Ed25519, naming it', async () => {
    const s = await startServer();
    const { cookie } = await signIn(s, ADMIN);
    const broken = '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----';
    const r = await s.call('adminSaveSettings', { settings: { ...defaultSettings, trustedKeys: [{ id: 'fleet', publicKeyPem: broken }] } }, cookie);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ field: 'settings.trustedKeys.0.publicKeyPem' });
    expect(r.json.error?.message).toMatch(/"fleet" cannot be used: it is not a readable PEM public key/);
  });

  it('a broken key already stored (from an older version) is skipped: a good signed pack still imports', async () => {
    const s = await startServer();
    const keys = generateSigningKeys();
    const broken = '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----';
    s.core.local.db!.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('trustedKeys', ?, '2026-01-01') ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json").run(
      JSON.stringify([{ id: 'old', publicKeyPem: broken }, { id: 'fleet', publicKeyPem: keys.publicKeyPem }]),
    );
    const { cookie } = await signIn(s, ADMIN);
    const signed = JSON.stringify(signPack(sourcePack(), keys.privateKeyPem));
    const r = await s.call('adminPreviewImport', { fileName: 'p.json', json: signed }, cookie);
    expect(r.status).toBe(200);
    expect(r.json.value).toMatchObject({ signature: 'trusted' });
    const other = JSON.stringify(signPack(sourcePack(), generateSigningKeys().privateKeyPem));
    const untrusted = await s.call('adminPreviewImport', { fileName: 'p.json', json: other }, cookie);
    expect(untrusted.json.error?.message).toMatch(/unusable and were skipped: old/);
  });
});

describe('smaller items (14)', () => {
  it('duplicate Host headers get 400, whichever comes first', async () => {
    const s = await startServer();
    for (const [a, b] of [[`127.0.0.1:${s.port}`, 'evil.example'], ['evil.example', `127.0.0.1:${s.port}`]]) {
      const reply = await s.raw(`GET / HTTP/1.1\r\nHost: ${a}\r\nHost: ${b}\r\nConnection: close\r\n\r\n`);
      expect(reply).toMatch(/^HTTP\/1\.1 400/);
    }
  });

  it('a malformed % escape in a static path gets 400', async () => {
    const s = await startServer();
    const r = await s.send('GET', '/assets/%E0%A4%A');
    expect(r.status).toBe(400);
    expect(r.json.error?.message).toMatch(/malformed % escape/);
  });

  it('an SVG with an external entity gets a clear refusal, not 500', async () => {
    const s = await startServer();
    const { cookie } = await signIn(s, ADMIN);
    const svg = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><title>&x;</title></svg>';
    const r = await s.call('adminReplaceIllustration', { procedureId: 'kyphoplasty', illustrationId: 'step-needle', mediaType: 'image/svg+xml', data: Buffer.from(svg).toString('base64') }, cookie);
    expect(r.status).toBe(400);
    expect(r.json.error?.message).toMatch(/DOCTYPE or entities/);
    const pack = sourcePack();
    pack.procedures[0]!.illustrations[0]!.data = Buffer.from(svg).toString('base64');
    const preview = await s.call('adminPreviewImport', { fileName: 'p.json', json: JSON.stringify(pack) }, cookie);
    expect(preview.json.error?.code).toBe('PACK_INVALID');
    expect(preview.json.error?.message).toMatch(/DOCTYPE or entities/);
  });

  it('the clinic logo goes through the same picture check', async () => {
    const s = await startServer();
    const { cookie } = await signIn(s, ADMIN);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script></svg>';
    const r = await s.call('adminSaveSettings', { settings: { ...defaultSettings, clinicLogo: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` } }, cookie);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ field: 'settings.clinicLogo' });
    expect(r.json.error?.message).toMatch(/This logo cannot be used: the SVG contains a <s:script> element/);
    const good = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#123"/></svg>';
    const ok = await s.call('adminSaveSettings', { settings: { ...defaultSettings, clinicLogo: `data:image/svg+xml;base64,${Buffer.from(good).toString('base64')}` } }, cookie);
    expect(ok.status).toBe(200);
  });
});
