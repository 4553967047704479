/**
 * The watch folder follows the setting: one PackWatcher for the folder in Settings, replaced
 * at once when an admin saves a new folder and stopped when the folder is cleared. Electron
 * and web mode both use this, so neither needs a restart to pick up a new folder.
 */
import type { ContentPacks } from './content-packs';
import type { SettingsService } from './settings-service';
import { PackWatcher, type WatchResult } from './pack-watcher';

export interface WatchFolderOptions {
  log?: (line: string) => void;
  /** How long a file must be unchanged before it is read (default: PackWatcher's). */
  settleMs?: number;
  /** How often the folder is scanned besides file-system events (default: PackWatcher's). */
  intervalMs?: number;
}

export class WatchFolderService {
  private watcher: PackWatcher | null = null;
  private folder = '';
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly settings: SettingsService,
    private readonly packs: ContentPacks,
    private readonly options: WatchFolderOptions = {},
  ) {}

  /** Watches the folder in Settings now, and whatever folder later saves set. */
  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.settings.onChange(({ after }) => this.follow(after.watchFolder));
    this.follow(this.settings.get().watchFolder);
  }

  /** The folder being watched now; empty when none. */
  get watchedFolder(): string {
    return this.folder;
  }

  /** Scans the watched folder once (none: nothing happens). */
  scan(): Promise<WatchResult[]> {
    return this.watcher?.scan() ?? Promise.resolve([]);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.follow('');
  }

  private follow(folder: string): void {
    if (folder === this.folder) return;
    this.watcher?.stop();
    this.watcher = null;
    if (this.folder) this.options.log?.('stopped watching the previous watch folder');
    this.folder = folder;
    if (!folder) return;
    const { log, settleMs } = this.options;
    this.watcher = new PackWatcher(folder, this.packs, { ...(log ? { log } : {}), ...(settleMs !== undefined ? { settleMs } : {}) });
    this.watcher.start(this.options.intervalMs);
    log?.('watching the watch folder from Settings for content packs');
  }
}
