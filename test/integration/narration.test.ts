import { afterAll, describe, expect, it } from 'vitest';
import { loopbackRequest } from '../fixtures/http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { defaultSettings } from '../../electron/shared/settings-schema';
import { createWebServer } from '../../electron/web/server';
import { openTestCore } from '../fixtures/core';
import { removeTempDirs, tempDir } from '../fixtures/content';
import { spokenOgg, spokenWav, tooLargeWav, tooLongWav } from '../fixtures/audio';
import type { AdminTextItem } from '../../electron/shared/admin-types';
import type { Dispatcher } from '../../electron/core/dispatch';
import type { KioskCore } from '../../electron/core/kiosk-core';
import type { ContentPack } from '../../db/pack-schema';

afterAll(removeTempDirs);
const admin = () => ({ session: { role: 'admin' as const } });
const P = 'kyphoplasty';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error?.message);
  return r.value as T;
}

/** The first section of the "after" topic in Spanish: its body key and what patients get for it. */
function firstSection(core: KioskCore, locale = 'es') {
  const section = core.content.topic(P, 'after', locale).sections[0]!;
  return { key: `topic.after.${section.id}.body`, section };
}

function attach(dispatch: Dispatcher, key: string, data: Buffer, locale = 'es') {
  return dispatch('adminAttachNarration', { procedureId: P, locale, key, data: data.toString('base64'), recordedBy: 'Ana (interpreter)' }, admin());
}

/** Everything a refused upload must leave as it was. */
function state(core: KioskCore) {
  return { hash: core.versions!.stateHash(), versions: core.versions!.list().length, audit: core.audit.list().length, audio: core.local.db!.prepare('SELECT count(*) AS n FROM narration_audio').get() };
}

describe('attaching narration', () => {
  it('a spoken WAV attached to a Spanish text is listed for admins, offered to patients on that text, and served by URL', async () => {
    const { core, dispatch } = openTestCore();
    const { key } = firstSection(core);
    const wav = spokenWav('Después del procedimiento, descanse.', 'es');
    const item = await ok<AdminTextItem>(attach(dispatch, key, wav));
    expect(item.narration).toMatchObject({ mime: 'audio/wav', stale: false, sha256: sha(wav), bytes: wav.length, recordedBy: 'Ana (interpreter)' });
    expect(item.narration!.url).toBe(`media/narration/${sha(wav)}.wav`);
    // espeak-ng writes 22.05 kHz 16-bit mono: the duration comes from the real header.
    expect(item.narration!.durationMs).toBeGreaterThan(1000);
    expect(Math.abs(item.narration!.durationMs - ((wav.length - 44) / 44100) * 1000)).toBeLessThan(50);

    const { section } = firstSection(core);
    expect(section.narration).toEqual({ body: { url: item.narration!.url, stale: false } });
    expect(firstSection(core, 'en').section.narration).toBeUndefined();
    const served = core.media.resolveMedia('narration', `${sha(wav)}.wav`);
    expect(served?.mime).toBe('audio/wav');
    expect(served?.bytes.equals(wav)).toBe(true);
    expect(core.media.resolveMedia('narration', `${sha(wav)}.mp3`)).toBeNull();
    expect(core.audit.list()[0]).toMatchObject({ action: 'attach-narration', target: `${P}/es/${key}` });
    expect(core.versions!.list()[0]).toMatchObject({ label: `Attached narration to es ${key}` });
    core.close();
  });

  it('an Ogg recording is accepted as audio/ogg; the public cannot attach or remove', async () => {
    const { core, dispatch } = openTestCore();
    const { key } = firstSection(core);
    const item = await ok<AdminTextItem>(attach(dispatch, key, spokenOgg('After the procedure, rest.'), 'en'));
    expect(item.narration).toMatchObject({ mime: 'audio/ogg', stale: false });
    expect(item.narration!.url).toMatch(/\.ogg$/);
    const pub = { session: { role: 'public' as const } };
    expect(await dispatch('adminAttachNarration', { procedureId: P, locale: 'en', key, data: 'UklGRg==' }, pub)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await dispatch('adminRemoveNarration', { procedureId: P, locale: 'en', key }, pub)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    core.close();
  });

  it('an edit of the text makes the recording stale: admins see it, patients no longer get it, the matrix counts it; reverting the text makes it current again', async () => {
    const { core, dispatch } = openTestCore();
    const { key, section } = firstSection(core);
    await ok(attach(dispatch, key, spokenWav('Descanse.', 'es')));
    const matrixBefore = await ok<{ narration: Record<string, { current: number; stale: number; texts: number }> }>(dispatch('adminTranslationMatrix', { procedureId: P }, admin()));
    expect(matrixBefore.narration.es).toMatchObject({ current: 1, stale: 0 });
    expect(matrixBefore.narration.es!.texts).toBeGreaterThan(100);
    expect(matrixBefore.narration.en).toMatchObject({ current: 0, stale: 0 });

    const edited = await ok<AdminTextItem>(dispatch('adminSaveText', { procedureId: P, locale: 'es', key, text: `${section.body}\n\nTexto nuevo.` }, admin()));
    expect(edited.narration).toMatchObject({ stale: true });
    expect(firstSection(core).section.narration).toBeUndefined();
    const matrix = await ok<{ narration: Record<string, { current: number; stale: number }> }>(dispatch('adminTranslationMatrix', { procedureId: P }, admin()));
    expect(matrix.narration.es).toMatchObject({ current: 0, stale: 1 });

    const reverted = await ok<AdminTextItem>(dispatch('adminRevertText', { procedureId: P, locale: 'es', key }, admin()));
    expect(reverted.narration).toMatchObject({ stale: false });
    expect(firstSection(core).section.narration?.body?.stale).toBe(false);
    core.close();
  });

  it('refuses non-audio, damaged, too long and too large files with a clear message and changes nothing', async () => {
    const { core, dispatch } = openTestCore();
    const { key } = firstSection(core);
    const before = state(core);
    const wav = spokenWav('Hola.', 'es');
    const damaged = Buffer.concat([wav.subarray(0, 12), Buffer.from('this is not a fmt chunk at all, just words')]);
    const cases: [string, Buffer, string, RegExp][] = [
      ['text renamed .wav', Buffer.from('Hello, I am a text file called narration.wav\n'), 'INVALID_INPUT', /not a recording the kiosk can play/],
      ['damaged WAV', damaged, 'INVALID_INPUT', /damaged or not audio|length of the recording cannot be read|no audio track/],
      ['over 10 minutes', tooLongWav(), 'INVALID_INPUT', /10 min 10 s long; a recording may be at most 10 minutes/],
      ['over 10 MB', tooLargeWav(), 'INVALID_INPUT', /larger than 10 MB/],
    ];
    for (const [what, data, code, message] of cases) {
      const r = await attach(dispatch, key, data);
      expect(r.ok, what).toBe(false);
      if (!r.ok) {
        expect(r.error.code, what).toBe(code);
        expect(r.error.message, what).toMatch(message);
      }
    }
    expect(state(core)).toEqual(before);
    expect(firstSection(core).section.narration).toBeUndefined();
    expect((await ok<AdminTextItem[]>(dispatch('adminListTexts', { procedureId: P, locale: 'es' }, admin()))).filter((i) => i.narration)).toEqual([]);
    core.close();
  });

  it('a recording is removed, and versions bring it back on rollback', async () => {
    const { core, dispatch } = openTestCore();
    const { key } = firstSection(core);
    const wav = spokenWav('Descanse en casa.', 'es');
    const attached = await ok<AdminTextItem>(attach(dispatch, key, wav));
    const withNarration = core.versions!.list()[0]!.id;
    const removed = await ok<AdminTextItem>(dispatch('adminRemoveNarration', { procedureId: P, locale: 'es', key }, admin()));
    expect(removed.narration).toBeNull();
    expect(firstSection(core).section.narration).toBeUndefined();
    expect(core.media.resolveMedia('narration', attached.narration!.url.split('/').pop()!)).toBeNull();
    expect(await dispatch('adminRemoveNarration', { procedureId: P, locale: 'es', key }, admin())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await ok(dispatch('adminRollback', { versionId: withNarration }, admin()));
    expect(firstSection(core).section.narration?.body?.url).toBe(attached.narration!.url);
    expect(core.media.resolveMedia('narration', attached.narration!.url.split('/').pop()!)?.bytes.equals(wav)).toBe(true);
    core.close();
  });
});

describe('narration in content packs', () => {
  async function exported(): Promise<{ pack: ContentPack; wav: Buffer; key: string }> {
    const { core, dispatch } = openTestCore();
    const { key } = firstSection(core);
    const wav = spokenWav('Después del procedimiento.', 'es');
    await ok(attach(dispatch, key, wav));
    const { json } = await ok<{ json: string }>(dispatch('adminExportPack', { procedureId: P }, admin()));
    core.close();
    return { pack: JSON.parse(json) as ContentPack, wav, key };
  }

  async function fresh() {
    const { core, dispatch } = openTestCore(tempDir('kiosk-fresh-'));
    await ok(dispatch('adminSaveSettings', { settings: { ...defaultSettings, allowUnsignedPacks: true } }, admin()));
    return { core, dispatch };
  }

  it('export with narration, import into a fresh kiosk: the audio bytes and hash survive and patients get the recording', async () => {
    const { pack, wav, key } = await exported();
    expect(pack.narrations).toHaveLength(1);
    expect(pack.narrations![0]).toMatchObject({ procedure: P, locale: 'es', key, mediaType: 'audio/wav', sha256: sha(wav) });

    const { core, dispatch } = await fresh();
    const summary = await ok<{ token: string; narrations: number }>(dispatch('adminPreviewImport', { fileName: 'with-narration.json', json: JSON.stringify(pack) }, admin()));
    expect(summary.narrations).toBe(1);
    await ok(dispatch('adminApplyImport', { token: summary.token }, admin()));
    const item = (await ok<AdminTextItem[]>(dispatch('adminListTexts', { procedureId: P, locale: 'es' }, admin()))).find((i) => i.key === key)!;
    expect(item.narration).toMatchObject({ sha256: sha(wav), stale: false, mime: 'audio/wav', recordedBy: 'Ana (interpreter)' });
    expect(core.media.resolveMedia('narration', `${sha(wav)}.wav`)?.bytes.equals(wav)).toBe(true);
    expect(firstSection(core).section.narration?.body?.url).toBe(`media/narration/${sha(wav)}.wav`);
    core.close();
  });

  it('a pack with a broken recording is refused whole: nothing is imported', async () => {
    const { pack } = await exported();
    const n = pack.narrations![0]!;
    const notAudio = Buffer.from('plain words, not sound');
    const garbage = Buffer.concat([Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVE', 'latin1'), Buffer.from('garbage garbage garbage')]);
    const variants: [string, ContentPack, RegExp][] = [
      ['hash mismatch', { ...pack, narrations: [{ ...n, sha256: 'f'.repeat(64) }] }, /does not match its sha256/],
      ['not audio', { ...pack, narrations: [{ ...n, data: notAudio.toString('base64'), sha256: sha(notAudio) }] }, /not audio the kiosk can play/],
      ['damaged audio', { ...pack, narrations: [{ ...n, data: garbage.toString('base64'), sha256: sha(garbage) }] }, /recording cannot be used/],
      ['unknown key', { ...pack, narrations: [{ ...n, key: 'topic.nowhere.body' }] }, /unknown key "topic.nowhere.body"/],
    ];
    const { core, dispatch } = await fresh();
    const before = state(core);
    for (const [what, bad, message] of variants) {
      const r = await dispatch('adminPreviewImport', { fileName: `${what}.json`, json: JSON.stringify(bad) }, admin());
      expect(r.ok, what).toBe(false);
      if (!r.ok) {
        expect(r.error.code, what).toBe('PACK_INVALID');
        expect(r.error.message, what).toMatch(message);
        expect(r.error.message, what).toMatch(/Nothing was changed\./);
      }
    }
    expect(state(core)).toEqual(before);
    core.close();
  });
});

describe('serving narration in web mode', () => {
  it('GET /media/narration/<sha256>.wav returns the recording with its type and immutable caching; unknown ids are 404', async () => {
    const { core, dispatch } = openTestCore();
    const { key } = firstSection(core);
    const wav = spokenWav('Hola.', 'es');
    await ok(attach(dispatch, key, wav));
    const server = createWebServer({ dispatcher: dispatch, staticDir: tempDir('kiosk-static-'), media: (kind, id) => core.media.resolveMedia(kind, id) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const get = async (path: string) => {
      const { status, headers, bytes } = await loopbackRequest(port, 'GET', path);
      return { status, headers, body: bytes };
    };
    const hit = await get(`/media/narration/${sha(wav)}.wav`);
    expect(hit.status).toBe(200);
    expect(hit.headers['content-type']).toBe('audio/wav');
    expect(hit.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(hit.headers['x-content-type-options']).toBe('nosniff');
    expect(hit.body.equals(wav)).toBe(true);
    expect((await get(`/media/narration/${'0'.repeat(64)}.wav`)).status).toBe(404);
    expect((await get('/media/narration/..%2f..%2flocal.db')).status).toBe(404);
    expect((await get(`/media/other/${sha(wav)}.wav`)).status).toBe(404);
    await new Promise((resolve) => server.close(resolve));
    core.close();
  });
});
