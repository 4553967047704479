/**
 * Checks that bytes are a recording the kiosk can play, and reads its format and duration
 * from the real headers. The container is recognised by its signature (WAV/RIFF, MP3, Ogg,
 * WebM, MP4/M4A); music-metadata then parses the headers for the duration.
 */
import { NARRATION_MAX_BYTES, NARRATION_MAX_SECONDS, type NarrationMime } from '../electron/shared/narration';

export type AudioProbe = { ok: true; mime: NarrationMime; durationMs: number } | { ok: false; problem: string };

const ascii = (b: Buffer, start: number, end: number) => b.subarray(start, end).toString('latin1');

/** The audio type named by the file's signature, or null when it is none of the accepted ones. */
export function sniffAudio(b: Buffer): NarrationMime | null {
  if (b.length < 12) return null;
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE') return 'audio/wav';
  if (ascii(b, 0, 4) === 'OggS') return 'audio/ogg';
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'audio/webm';
  if (ascii(b, 4, 8) === 'ftyp') return 'audio/mp4';
  if (ascii(b, 0, 3) === 'ID3') return 'audio/mpeg';
  // An MPEG audio frame header: 11 sync bits, layer not "reserved".
  if (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0 && ((b[1] ?? 0) & 0x06) !== 0) return 'audio/mpeg';
  return null;
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** Reads format and duration; refuses non-audio, damaged, too large or too long recordings. */
export async function probeAudio(bytes: Buffer): Promise<AudioProbe> {
  if (bytes.length === 0) return { ok: false, problem: 'the file is empty' };
  if (bytes.length > NARRATION_MAX_BYTES)
    return { ok: false, problem: `the file is ${mb(bytes.length)}; a recording may be at most ${NARRATION_MAX_BYTES / 1048576} MB` };
  const mime = sniffAudio(bytes);
  if (!mime) return { ok: false, problem: 'the file is not a recording the kiosk can play (use WAV, MP3, Ogg/Opus, WebM or M4A audio)' };
  let duration: number | undefined;
  let hasAudio = false;
  try {
    // Loaded on first use: most runs of the kiosk and the admin CLI never parse audio.
    const { parseBuffer } = await import('music-metadata');
    const meta = await parseBuffer(bytes, { mimeType: mime, size: bytes.length }, { duration: true, skipCovers: true });
    duration = meta.format.duration;
    hasAudio = Boolean(meta.format.sampleRate || meta.format.numberOfChannels || meta.format.codec);
  } catch (e) {
    return { ok: false, problem: `the ${mime.slice(6).toUpperCase()} file is damaged or not audio (${(e as Error).message})` };
  }
  if (!hasAudio) return { ok: false, problem: 'the file holds no audio track' };
  if (duration === undefined || !Number.isFinite(duration) || duration <= 0) return { ok: false, problem: 'the length of the recording cannot be read from the file; save it again as WAV, MP3 or Ogg' };
  if (duration > NARRATION_MAX_SECONDS)
    return { ok: false, problem: `the recording is ${Math.floor(duration / 60)} min ${Math.round(duration % 60)} s long; a recording may be at most ${NARRATION_MAX_SECONDS / 60} minutes` };
  return { ok: true, mime, durationMs: Math.round(duration * 1000) };
}
