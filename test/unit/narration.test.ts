import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { narrationMediaId, narrationRef, textHash } from '../../electron/core/narration';
import { sniffAudio } from '../../db/audio-probe';
import { MEDIA_ID, mediaUrl, parseMediaPath } from '../../electron/shared/media';
import type { NarrationRow } from '../../electron/core/content-layers';

const row = (text: string): NarrationRow => ({
  key: 'topic.after.title',
  audio_sha256: 'ab'.repeat(32),
  text_sha256: textHash(text),
  mime: 'audio/wav',
  duration_ms: 1500,
  bytes: 100,
  recorded_by: 'admin',
  attached_at: '2026-12-01T00:00:00.000Z',
});

describe('stale narration detection', () => {
  it('a recording is current for exactly the text it was recorded for, and stale for any other or a removed text', () => {
    const recorded = row('Después del procedimiento');
    expect(narrationRef(recorded, 'Después del procedimiento')).toEqual({ url: `media/narration/${'ab'.repeat(32)}.wav`, stale: false });
    expect(narrationRef(recorded, 'Después del procedimiento.').stale).toBe(true);
    expect(narrationRef(recorded, 'Despue\u0301s del procedimiento').stale).toBe(true);
    expect(narrationRef(recorded, null).stale).toBe(true);
  });

  it('media ids are the audio hash with the extension of its type, and match the media id pattern', () => {
    expect(narrationMediaId('cd'.repeat(32), 'audio/ogg')).toBe(`${'cd'.repeat(32)}.ogg`);
    expect(narrationMediaId('cd'.repeat(32), 'audio/mp4')).toBe(`${'cd'.repeat(32)}.m4a`);
    expect(MEDIA_ID.test(narrationMediaId('cd'.repeat(32), 'audio/mpeg'))).toBe(true);
  });
});

describe('media paths', () => {
  it('builds relative URLs and parses only well-formed kinds and ids', () => {
    const id = `${'ef'.repeat(32)}.wav`;
    expect(mediaUrl('narration', id)).toBe(`media/narration/${id}`);
    expect(parseMediaPath(`/${mediaUrl('narration', id)}`)).toEqual({ kind: 'narration', id });
    for (const bad of [`/media/video/${id}`, '/media/narration/../../local.db', '/media/narration/SHOUT.wav', `/media/narration/${id}/more`, '/media/narration/abc.wav'])
      expect(parseMediaPath(bad), bad).toBeNull();
  });
});

describe('audio signatures', () => {
  it('recognises real WAV and Ogg files made by espeak-ng and sox, and nothing else', () => {
    const wav = execFileSync('espeak-ng', ['--stdout', 'Hello.']);
    expect(sniffAudio(wav)).toBe('audio/wav');
    const ogg = execFileSync('sox', ['-t', 'wav', '-', '-t', 'ogg', '-'], { input: wav });
    expect(sniffAudio(ogg)).toBe('audio/ogg');
    expect(sniffAudio(Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000rest', 'latin1'))).toBe('audio/mpeg');
    expect(sniffAudio(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe('audio/webm');
    expect(sniffAudio(Buffer.from('\u0000\u0000\u0000\u0018ftypM4A \u0000\u0000', 'latin1'))).toBe('audio/mp4');
    expect(sniffAudio(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1'))).toBeNull();
    expect(sniffAudio(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffAudio(Buffer.from('short'))).toBeNull();
  });
});
