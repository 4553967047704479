/**
 * The options every kiosk window is created with. One webPreferences builder for the kiosk
 * window and the hidden print windows, so both get the same sandbox; each kind of window has
 * its own preload (Signal Desktop's rule): the kiosk window index.cjs, print windows print.cjs.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WebPreferencesInput {
  /**
   * The window's own bundled, sandboxed preload: out/preload/index.cjs for the kiosk window
   * (window.kiosk, one method per contract call), out/preload/print.cjs for print windows
   * (window.printJob), and nothing else.
   */
  preloadPath: string;
  /** DevTools only in unpackaged (developer) runs. */
  devTools: boolean;
}

export function secureWebPreferences({ preloadPath, devTools }: WebPreferencesInput): WebPreferences {
  return {
    // Reviewed: our own bundled, sandboxed preloads expose only the contract's named calls, or a print window's job, through contextBridge (test/unit/electron-ipc.test.ts, electron-printing.test.ts).
    preload: preloadPath, // eng-disable PRELOAD_JS_CHECK: reviewed, see the comment above
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Middle-click would otherwise open links in new windows (denied anyway by the window-open handler).
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools,
  };
}

export interface MainWindowInput extends WebPreferencesInput {
  /** settings.kioskMode: kiosk + fullscreen + always on top, and closing blocked. */
  kioskMode: boolean;
}

export function mainWindowOptions({ kioskMode, ...prefs }: MainWindowInput): BrowserWindowConstructorOptions {
  return {
    title: 'Clinic Kiosk',
    width: 1366,
    height: 768,
    minWidth: 800,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    kiosk: kioskMode,
    fullscreen: kioskMode,
    alwaysOnTop: kioskMode,
    webPreferences: secureWebPreferences(prefs),
  };
}

/** A hidden window that lays out one sheet for print or PDF, then is destroyed; `preloadPath` is the print preload (print.cjs). */
export function printWindowOptions(prefs: WebPreferencesInput): BrowserWindowConstructorOptions {
  return {
    title: 'Clinic Kiosk print',
    width: 900,
    height: 1200,
    show: false,
    skipTaskbar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      ...secureWebPreferences({ ...prefs, devTools: false }),
      // Hidden windows must still lay out and run requestAnimationFrame before printing.
      backgroundThrottling: false,
    },
  };
}
