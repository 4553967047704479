/**
 * The built-in voice through the real dispatcher and a real eSpeak NG: audio for content,
 * cached on disk; nothing on disk for `cache: false`; bounded requests; a missing or crashing
 * program gives staff a warning and patients no voice, never an error screen.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openKioskCore } from '../../electron/core/kiosk-core';
import { createHandlers } from '../../electron/core/handlers';
import { createDispatcher } from '../../electron/core/dispatch';
import { buildTempContentDb, removeTempDirs, tempDir } from '../fixtures/content';
import type { AppInfo } from '../../electron/shared/content-types';
import type { SpeechClip } from '../../electron/shared/speech';
import { createWebServer } from '../../electron/web/server';
import type { AddressInfo } from 'node:net';

const contentDb = buildTempContentDb();
const opened: { close(): void }[] = [];
afterAll(() => {
  for (const c of opened) c.close();
  removeTempDirs();
});

function kiosk(espeakCommand?: string) {
  const dataDir = tempDir('kiosk-speech-');
  const core = openKioskCore({ bundledContentPath: contentDb, dataDir, appVersion: 'test', ...(espeakCommand ? { espeakCommand } : {}) });
  opened.push(core);
  const dispatch = createDispatcher(createHandlers(core));
  const call = (name: string, input: unknown, role: 'public' | 'nurse' | 'admin' = 'public') => dispatch(name, input, { session: { role } });
  return { core, dataDir, call };
}

const cacheFiles = (dataDir: string) => (existsSync(join(dataDir, 'speech-cache')) ? readdirSync(join(dataDir, 'speech-cache')) : []);

describe('built-in voice', () => {
  it('speaks every bundled language, and caches content sentences on disk', async () => {
    const { call, dataDir } = kiosk();
    const info = (await call('getAppInfo', {})) as { ok: true; value: AppInfo };
    expect(info.value.speech.builtInProblem).toBeNull();
    expect(info.value.speech.builtInVersion).toMatch(/^\d+\.\d+/);
    // Every bundled language but Tagalog, for which eSpeak NG has no voice.
    const bundled = ((await call('listLocales', {})) as { ok: true; value: { code: string }[] }).value.map((l) => l.code);
    expect(bundled.length).toBeGreaterThanOrEqual(5);
    expect(info.value.speech.builtInLocales).toEqual(bundled.filter((c) => c !== 'tl'));
    expect(info.value.speech.platformVoiceLocales).toEqual([]);

    const r = (await call('prepareSpeech', { locale: 'es', sentences: ['Hola.', 'Descanse en casa hoy.'], rate: 1, cache: true })) as { ok: true; value: { clips: SpeechClip[] } };
    expect(r.ok).toBe(true);
    expect(r.value.clips).toHaveLength(2);
    const wav = Buffer.from(r.value.clips[1]!.audio, 'base64');
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(r.value.clips[1]!.durationMs).toBeGreaterThan(700);
    expect(cacheFiles(dataDir).filter((f) => f.endsWith('.wav'))).toHaveLength(2);

    // The same sentence again comes from the cache, byte for byte; a slower rate is another file.
    const again = (await call('prepareSpeech', { locale: 'es', sentences: ['Descanse en casa hoy.'], rate: 1, cache: true })) as { ok: true; value: { clips: SpeechClip[] } };
    expect(again.value.clips[0]!.audio).toBe(r.value.clips[1]!.audio);
    const slow = (await call('prepareSpeech', { locale: 'es', sentences: ['Descanse en casa hoy.'], rate: 0.8, cache: true })) as { ok: true; value: { clips: SpeechClip[] } };
    expect(slow.value.clips[0]!.durationMs).toBeGreaterThan(r.value.clips[1]!.durationMs);
    expect(cacheFiles(dataDir)).toHaveLength(3);
  });

  it('writes nothing to disk for cache: false (typed patient values)', async () => {
    const { call, dataDir } = kiosk();
    const r = (await call('prepareSpeech', { locale: 'en', sentences: ['Maria Lopez, lift no more than 4 kilograms until May 3.'], rate: 1, cache: false })) as { ok: boolean };
    expect(r.ok).toBe(true);
    expect(cacheFiles(dataDir)).toEqual([]);
  });

  it('refuses unbounded or wrong requests with a clear message', async () => {
    const { call } = kiosk();
    const bad = async (input: unknown) => (await call('prepareSpeech', input)) as { ok: false; error: { code: string; message: string } };
    expect((await bad({ locale: 'es', sentences: Array(13).fill('Hola.'), rate: 1, cache: true })).error.message).toMatch(/at most 12 sentences/);
    expect((await bad({ locale: 'es', sentences: ['a'.repeat(601)], rate: 1, cache: true })).error.message).toMatch(/longer than 600/);
    expect((await bad({ locale: 'es', sentences: Array(6).fill('a'.repeat(590)), rate: 1, cache: true })).error.message).toMatch(/at most 3000 characters/);
    expect((await bad({ locale: 'es', sentences: ['Hola.'], rate: 3, cache: true })).error.code).toBe('INVALID_INPUT');
    const tl = await bad({ locale: 'tl', sentences: ['Kumusta.'], rate: 1, cache: true });
    expect(tl.error.code).toBe('NOT_FOUND');
    expect(tl.error.message).toMatch(/no voice for the language "tl"/);
  });

  it('a missing program: patients get no built-in languages, staff a warning that says what to do', async () => {
    const { call } = kiosk('/nonexistent/espeak-ng');
    const info = (await call('getAppInfo', {})) as { ok: true; value: AppInfo };
    expect(info.value.speech.builtInLocales).toEqual([]);
    expect(info.value.speech.builtInProblem).toMatch(/was not found; install the espeak-ng package or set KIOSK_ESPEAK_NG/);
    expect(info.value.startupWarnings).toEqual([]);
    const staff = (await call('getAppInfo', {}, 'nurse')) as { ok: true; value: AppInfo };
    expect(staff.value.startupWarnings.join('\n')).toMatch(/Read aloud: the built-in voice \(eSpeak NG\) cannot speak on this kiosk: the program "\/nonexistent\/espeak-ng" was not found/);
    const r = (await call('prepareSpeech', { locale: 'en', sentences: ['Hello.'], rate: 1, cache: true })) as { ok: false; error: { code: string } };
    expect(r.error.code).toBe('UNAVAILABLE');
  });

  it('a program that crashes while speaking: a clear error for that call, and staff are told', async () => {
    const dir = tempDir('kiosk-bad-espeak-');
    const fake = join(dir, 'espeak-ng');
    writeFileSync(
      fake,
      `#!/bin/sh
case "$1" in
  --version) echo "eSpeak NG text-to-speech: 1.51  Data at: /nowhere"; exit 0 ;;
  --voices) printf 'Pty Language Age/Gender VoiceName File Other\\n 5  en-us --/M English gmw/en-US\\n'; exit 0 ;;
esac
kill -SEGV $$
`,
    );
    chmodSync(fake, 0o755);
    const { call, dataDir } = kiosk(fake);
    const before = (await call('getAppInfo', {})) as { ok: true; value: AppInfo };
    expect(before.value.speech.builtInLocales).toEqual(['en']);
    const r = (await call('prepareSpeech', { locale: 'en', sentences: ['Hello.'], rate: 1, cache: true })) as { ok: false; error: { code: string; message: string } };
    expect(r.error.code).toBe('UNAVAILABLE');
    expect(r.error.message).toMatch(/stopped with a crash/);
    expect(cacheFiles(dataDir)).toEqual([]);
    // Staff see why; patients are no longer offered the voice.
    const staff = (await call('getAppInfo', {}, 'admin')) as { ok: true; value: AppInfo };
    expect(staff.value.startupWarnings.join('\n')).toMatch(/cannot speak on this kiosk: it failed while speaking \("[^"]+" stopped with a crash\)/);
    const after = (await call('getAppInfo', {})) as { ok: true; value: AppInfo };
    expect(after.value.speech.builtInLocales).toEqual([]);
  });
});

describe('a program that crashes once', () => {
  it('is asked again, and the patient hears the sentence; the voice stays offered', async () => {
    const dir = tempDir('kiosk-flaky-espeak-');
    const fake = join(dir, 'espeak-ng');
    const marker = join(dir, 'crashed-once');
    // Crashes on its first synthesis, then speaks through the real program.
    writeFileSync(
      fake,
      `#!/bin/sh
case "$1" in
  --version|--voices) exec espeak-ng "$@" ;;
esac
if [ ! -e '${marker}' ]; then : > '${marker}'; kill -SEGV $$; fi
exec espeak-ng "$@"
`,
    );
    chmodSync(fake, 0o755);
    const { call } = kiosk(fake);
    const r = (await call('prepareSpeech', { locale: 'en', sentences: ['Hello.'], rate: 1, cache: false })) as { ok: true; value: { clips: SpeechClip[] } };
    expect(r.ok).toBe(true);
    expect(existsSync(marker)).toBe(true);
    expect(r.value.clips[0]!.durationMs).toBeGreaterThan(200);
    const after = (await call('getAppInfo', {})) as { ok: true; value: AppInfo };
    expect(after.value.speech.builtInLocales).toContain('en');
  });
});

describe('prepareSpeech over HTTP', () => {
  it('has its own small body limit (32 KB), below the server-wide one', async () => {
    const { core } = kiosk();
    const server = createWebServer({ dispatcher: createDispatcher(createHandlers(core)), staticDir: tempDir('kiosk-static-') });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const post = (name: string, body: string) => fetch(`http://127.0.0.1:${port}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      const big = JSON.stringify({ locale: 'en', sentences: Array(60).fill('a'.repeat(600)), rate: 1, cache: true });
      const refused = await post('prepareSpeech', big);
      expect(refused.status).toBe(413);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^The request is larger than 32 KB/);
      // Other calls keep the server's limit: the same body is read and then refused by the schema.
      expect((await post('getAppInfo', big)).status).toBe(400);
      expect((await post('prepareSpeech', JSON.stringify({ locale: 'en', sentences: ['Hello.'], rate: 1, cache: true }))).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
