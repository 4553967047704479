/**
 * The hidden Electron print window's one way to reach the shell: `window.printJob`, exposed by
 * its own preload (electron/preload/print.ts) instead of the contract's `window.kiosk`.
 */
import type { PrintJob, PrintJobBridge } from '../../../electron/shared/printing';

declare global {
  interface Window {
    printJob?: PrintJobBridge;
  }
}

function bridge(): PrintJobBridge {
  if (!window.printJob) throw new Error('This page prints a sheet only in the desktop app\'s print window.');
  return window.printJob;
}

/** The one sheet this print window must lay out. */
export async function fetchPrintJob(): Promise<PrintJob> {
  return bridge().get();
}

/** Tells the shell that the sheet and its fonts are laid out, so it may print. */
export function signalPrintReady(): void {
  bridge().ready();
}
