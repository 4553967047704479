/**
 * The built-in voice's disk cache, in the data folder: one WAV file per sentence, named by
 * sha256 of the engine, voice, rate and text. Content only: a caller that holds typed patient
 * values (the discharge sheet preview) never reaches this cache. Kept under a size cap by
 * removing the least recently used files.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every sentence of all fifteen bundled languages at the normal speed takes about 1.2 GB
 * (speech.cacheMB in docs/performance.md), the slower speed as much again; a kiosk keeps the
 * sentences its patients play, and the least recently played go first.
 */
export const DEFAULT_SPEECH_CACHE_BYTES = 1024 * 1024 * 1024;

/** The cache key: sha256 over everything that changes the sound. */
export function speechCacheKey(parts: { engine: string; voice: string; rate: number; text: string }): string {
  return createHash('sha256').update(JSON.stringify([parts.engine, parts.voice, parts.rate, parts.text])).digest('hex');
}

const FILE = /^[a-f0-9]{64}\.wav$/;

export class SpeechCache {
  private index: Map<string, { bytes: number; used: number }> | null = null;
  private total = 0;

  constructor(
    readonly dir: string,
    private readonly maxBytes: number = DEFAULT_SPEECH_CACHE_BYTES,
  ) {}

  get(key: string): Buffer | null {
    const entry = this.entries().get(key);
    if (!entry) return null;
    try {
      const data = readFileSync(join(this.dir, `${key}.wav`));
      entry.used = Date.now();
      try {
        const now = new Date();
        utimesSync(join(this.dir, `${key}.wav`), now, now);
      } catch {
        // Only the eviction order depends on it.
      }
      return data;
    } catch {
      this.forget(key);
      return null;
    }
  }

  /** Writes atomically (temp file, then rename); a full or read-only disk only means no cache. */
  put(key: string, data: Buffer): void {
    if (data.length > this.maxBytes) return;
    const entries = this.entries();
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = join(this.dir, `.${key}.${randomBytes(4).toString('hex')}.tmp`);
      writeFileSync(tmp, data);
      renameSync(tmp, join(this.dir, `${key}.wav`));
    } catch {
      return;
    }
    const old = entries.get(key);
    if (old) this.total -= old.bytes;
    entries.set(key, { bytes: data.length, used: Date.now() });
    this.total += data.length;
    this.evict();
  }

  /** Bytes on disk and the number of files. */
  size(): { bytes: number; files: number } {
    const files = this.entries().size;
    return { bytes: this.total, files };
  }

  private forget(key: string): void {
    const entry = this.index?.get(key);
    if (!entry) return;
    this.total -= entry.bytes;
    this.index?.delete(key);
  }

  private evict(): void {
    if (this.total <= this.maxBytes) return;
    const byAge = [...this.entries()].sort((a, b) => a[1].used - b[1].used);
    for (const [key] of byAge) {
      if (this.total <= this.maxBytes * 0.9) break;
      rmSync(join(this.dir, `${key}.wav`), { force: true });
      this.forget(key);
    }
  }

  private entries(): Map<string, { bytes: number; used: number }> {
    if (this.index) return this.index;
    const index = new Map<string, { bytes: number; used: number }>();
    this.total = 0;
    let names: string[] = [];
    try {
      names = readdirSync(this.dir);
    } catch {
      names = [];
    }
    for (const name of names) {
      const path = join(this.dir, name);
      if (!FILE.test(name)) {
        if (name.endsWith('.tmp')) rmSync(path, { force: true });
        continue;
      }
      try {
        const s = statSync(path);
        index.set(name.slice(0, 64), { bytes: s.size, used: s.mtimeMs });
        this.total += s.size;
      } catch {
        // Removed meanwhile.
      }
    }
    this.index = index;
    return index;
  }
}
