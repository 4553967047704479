/**
 * The Electron shell's entry: register app:// before ready, then hand the electron module to
 * the wiring in lifecycle.ts. Everything testable lives in the modules it imports.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, powerMonitor, protocol, session } from 'electron';
import { join } from 'node:path';
import { registerAppScheme } from './app-protocol';
import { startKiosk } from './lifecycle';

registerAppScheme(protocol);
startKiosk({
  electron: { app, BrowserWindow, dialog, ipcMain, Menu, net, powerMonitor, protocol, session },
  process,
  preloadPath: join(import.meta.dirname, '..', 'preload', 'index.cjs'),
  printPreloadPath: join(import.meta.dirname, '..', 'preload', 'print.cjs'),
});
