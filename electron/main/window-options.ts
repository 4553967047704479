/**
 * The options every kiosk window is created with. One webPreferences builder for the kiosk
 * window and the hidden print windows, so both get the same sandbox and the same preload.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WebPreferencesInput {
  /** out/preload/index.cjs: exposes window.kiosk (one method per contract call) and nothing else. */
  preloadPath: string;
  /** DevTools only in unpackaged (developer) runs. */
  devTools: boolean;
}

export function secureWebPreferences({ preloadPath, devTools }: WebPreferencesInput): WebPreferences {
  return {
    // Reviewed: our own bundled, sandboxed preload exposes only the contract's named calls through contextBridge (test/unit/electron-ipc.test.ts).
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

/** A hidden window that lays out one sheet for print or PDF, then is destroyed. */
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
