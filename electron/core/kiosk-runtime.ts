/**
 * The one composition root: opens the core, builds the handler table and the dispatcher over
 * it, and the watch folder that follows Settings. Electron main, web mode (serve-cli) and the
 * admin CLI all start the kiosk through createKioskRuntime; each adds only its own transport.
 */
import { openKioskCore, type KioskCore, type KioskCoreOptions } from './kiosk-core';
import { createHandlers } from './handlers';
import { createDispatcher, type Dispatcher } from './dispatch';
import { WatchFolderService, type WatchFolderOptions } from './watch-folder-service';
import type { PlatformServices } from './platform';

export interface KioskRuntimeOptions extends KioskCoreOptions {
  /** Opens the core; default openKioskCore (tests give a prepared one). */
  openCore?: (options: KioskCoreOptions) => KioskCore;
  /** What the platform adds (Electron's printing); none in web mode and the CLI. */
  platform?: PlatformServices;
  /**
   * A call failed inside the kiosk. Gets the call's name and the error, never its input (it
   * may hold what a nurse typed): log the name, and the error without its message.
   */
  onCallError?: (name: string, error: unknown) => void;
  /**
   * Watch the folder in Settings for content packs, from now until close() (a new folder
   * applies at once). Off by default: a one-shot command imports nothing on its own.
   */
  watchFolder?: WatchFolderOptions | false;
}

export interface KioskRuntime {
  core: KioskCore;
  /** The contract's calls over the core, for IPC and HTTP. */
  dispatcher: Dispatcher;
  /** Follows the watch folder in Settings; started only when `watchFolder` was given. */
  watcher: WatchFolderService;
  /** Stops the watcher and closes the databases; later calls do nothing. */
  close(): void;
}

export function createKioskRuntime(options: KioskRuntimeOptions): KioskRuntime {
  const { openCore = openKioskCore, platform, onCallError, watchFolder = false, ...coreOptions } = options;
  const core = openCore(coreOptions);
  const dispatcher = createDispatcher(createHandlers(core, platform), onCallError);
  const watcher = new WatchFolderService(core.settings, core.packs, watchFolder || {});
  try {
    if (watchFolder) watcher.start();
  } catch (e) {
    core.close();
    throw e;
  }
  let closed = false;
  return {
    core,
    dispatcher,
    watcher,
    close() {
      if (closed) return;
      closed = true;
      watcher.stop();
      core.close();
    },
  };
}
