/**
 * Watches a folder (a USB mount or a network share) for content packs. A new valid, trusted
 * pack is imported and moved to processed/; a rejected one moves to rejected/ with a text
 * file saying why. Files still being copied (changed in the last few seconds) wait.
 *
 * Only regular `.kpack` files are picked up (never other files an admin keeps there, such as
 * .json), symlinks are refused without being followed or read, and rejection notes never
 * quote the file's bytes.
 */
import { closeSync, constants, existsSync, lstatSync, openSync, mkdirSync, readFileSync, readdirSync, renameSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { PACK_EXTENSION } from '../shared/admin-types';
import { join } from 'node:path';
import type { ContentPacks } from './content-packs';
import { KioskError } from '../shared/errors';

/** Reads a file, refusing a symbolic link swapped in after the check (O_NOFOLLOW where the OS has it). */
function readWithoutFollowing(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface WatchResult {
  file: string;
  outcome: 'imported' | 'rejected';
  reason?: string;
}

export class PackWatcher {
  private timer: NodeJS.Timeout | null = null;
  private watcher: FSWatcher | null = null;
  /** The scan a file-system event asked for, once the file has had time to settle. */
  private pending: NodeJS.Timeout | null = null;
  private busy = false;
  /** Counts stops, so a scan under way when the watcher stops moves nothing more. */
  private stops = 0;

  constructor(
    private readonly folder: string,
    private readonly packs: ContentPacks,
    private readonly options: { settleMs?: number; now?: () => number; log?: (line: string) => void } = {},
  ) {}

  private move(file: string, to: 'processed' | 'rejected'): string {
    const dir = join(this.folder, to);
    mkdirSync(dir, { recursive: true });
    let target = join(dir, file);
    if (existsSync(target)) target = join(dir, `${Date.now()}-${file}`);
    renameSync(join(this.folder, file), target);
    return target;
  }

  /** Processes every settled pack file once; returns what happened to each. */
  async scan(): Promise<WatchResult[]> {
    if (this.busy || !existsSync(this.folder)) return [];
    this.busy = true;
    const now = (this.options.now ?? Date.now)();
    const settle = this.options.settleMs ?? 3000;
    const results: WatchResult[] = [];
    const stops = this.stops;
    try {
      for (const file of readdirSync(this.folder).filter((f) => f.toLowerCase().endsWith(PACK_EXTENSION)).sort()) {
        if (this.stops !== stops) break;
        const path = join(this.folder, file);
        const info = lstatSync(path);
        if (info.isSymbolicLink()) {
          const reason = 'The file is a symbolic link; the watch folder takes only real pack files copied into it. It was not opened.';
          const target = this.move(file, 'rejected');
          writeFileSync(`${target}.txt`, `${new Date(now).toISOString()}\n${file} was not imported.\n\n${reason}\n`);
          results.push({ file, outcome: 'rejected', reason });
          this.options.log?.(`content pack ${file} rejected from the watch folder (a symbolic link)`);
          continue;
        }
        if (!info.isFile() || now - info.mtimeMs < settle) continue;
        try {
          const summary = await this.packs.preview(readWithoutFollowing(path), file);
          this.packs.apply('watch-folder', summary.token);
          this.move(file, 'processed');
          results.push({ file, outcome: 'imported' });
          this.options.log?.(`content pack ${file} imported from the watch folder`);
        } catch (e) {
          const reason = e instanceof KioskError ? e.message : `The pack could not be read (${(e as Error).name}).`;
          const target = this.move(file, 'rejected');
          writeFileSync(`${target}.txt`, `${new Date(now).toISOString()}\n${file} was not imported.\n\n${reason}\n`);
          results.push({ file, outcome: 'rejected', reason });
          this.options.log?.(`content pack ${file} rejected from the watch folder`);
        }
      }
    } finally {
      this.busy = false;
    }
    return results;
  }

  start(intervalMs = 10_000): void {
    this.stop();
    this.timer = setInterval(() => void this.scan(), intervalMs);
    this.timer.unref();
    try {
      this.watcher = watch(this.folder, () => {
        if (this.pending) clearTimeout(this.pending);
        this.pending = setTimeout(() => {
          this.pending = null;
          void this.scan();
        }, (this.options.settleMs ?? 3000) + 100);
        this.pending.unref();
      });
    } catch {
      /* network shares may not support watching; the interval still scans */
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.stops++;
    // A scan asked for by an event before stopping must not run after it.
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
    this.watcher?.close();
    this.timer = null;
    this.watcher = null;
  }
}
