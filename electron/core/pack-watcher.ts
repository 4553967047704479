/**
 * Watches a folder (a USB mount or a network share) for content packs. A new valid, trusted
 * pack is imported and moved to processed/; a rejected one moves to rejected/ with a text
 * file saying why. Files still being copied (changed in the last few seconds) wait.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { ContentPacks } from './content-packs';
import { KioskError } from '../shared/errors';

export interface WatchResult {
  file: string;
  outcome: 'imported' | 'rejected';
  reason?: string;
}

export class PackWatcher {
  private timer: NodeJS.Timeout | null = null;
  private watcher: FSWatcher | null = null;
  private busy = false;

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
    try {
      for (const file of readdirSync(this.folder).filter((f) => /\.(json|kpack)$/i.test(f)).sort()) {
        const path = join(this.folder, file);
        const info = statSync(path);
        if (!info.isFile() || now - info.mtimeMs < settle) continue;
        try {
          const summary = await this.packs.preview(readFileSync(path), file);
          this.packs.apply('watch-folder', summary.token);
          this.move(file, 'processed');
          results.push({ file, outcome: 'imported' });
          this.options.log?.(`content pack ${file} imported from the watch folder`);
        } catch (e) {
          const reason = e instanceof KioskError ? e.message : `The pack could not be read: ${(e as Error).message}`;
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
      this.watcher = watch(this.folder, () => setTimeout(() => void this.scan(), (this.options.settleMs ?? 3000) + 100).unref());
    } catch {
      /* network shares may not support watching; the interval still scans */
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.watcher?.close();
    this.timer = null;
    this.watcher = null;
  }
}
