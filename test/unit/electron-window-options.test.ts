/** The options the kiosk window and the hidden print windows are created with. */
import { describe, expect, it } from 'vitest';
import { mainWindowOptions, printWindowOptions, secureWebPreferences } from '../../electron/main/window-options';

const preloadPath = '/app/out/preload/index.cjs';

/** Electron's security checklist for webPreferences, as rules: what must be on, what must be off. */
const mustBeOn = ['contextIsolation', 'sandbox', 'webSecurity'] as const;
const mustBeOff = ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'experimentalFeatures', 'webviewTag', 'spellcheck', 'navigateOnDragDrop', 'devTools'] as const;

describe('webPreferences', () => {
  it('isolated, sandboxed, no Node, web security on, no experimental or Blink features, no spellcheck', () => {
    const p = secureWebPreferences({ preloadPath, devTools: false });
    expect(p.preload).toBe(preloadPath);
    for (const key of mustBeOn) expect(p[key], key).toBe(true);
    for (const key of mustBeOff) expect(p[key], key).toBe(false);
    expect(p.enableBlinkFeatures).toBeUndefined();
    expect(p.disableBlinkFeatures).toBe('Auxclick');
    expect(p).not.toHaveProperty('partition');
  });

  it('devtools only when asked (unpackaged runs)', () => {
    expect(secureWebPreferences({ preloadPath, devTools: true }).devTools).toBe(true);
  });
});

describe('the kiosk window', () => {
  it('kiosk mode: kiosk, fullscreen and always on top', () => {
    const o = mainWindowOptions({ kioskMode: true, preloadPath, devTools: false });
    expect(o).toMatchObject({ kiosk: true, fullscreen: true, alwaysOnTop: true, show: false, autoHideMenuBar: true });
    expect(o.webPreferences).toEqual(secureWebPreferences({ preloadPath, devTools: false }));
  });

  it('workstation: an ordinary window', () => {
    const o = mainWindowOptions({ kioskMode: false, preloadPath, devTools: true });
    expect(o).toMatchObject({ kiosk: false, fullscreen: false, alwaysOnTop: false, show: false });
    expect(o.webPreferences?.devTools).toBe(true);
  });
});

describe('the print window', () => {
  it('hidden, same sandbox, its own preload (print.cjs), never devtools, not throttled while hidden', () => {
    const printPreloadPath = '/app/out/preload/print.cjs';
    const o = printWindowOptions({ preloadPath: printPreloadPath, devTools: true });
    expect(o).toMatchObject({ show: false, skipTaskbar: true });
    expect(o.webPreferences).toEqual({ ...secureWebPreferences({ preloadPath: printPreloadPath, devTools: false }), backgroundThrottling: false });
    expect(o.webPreferences?.preload).toBe(printPreloadPath);
  });
});
