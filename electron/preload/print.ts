/**
 * The hidden print window's preload (out/preload/print.cjs): exposes `window.printJob`, the one
 * sheet to lay out and a way to say it is ready, over the shell's own print channel. No
 * contract call is reachable from a print window.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { CallResult } from '../shared/errors';
import { printChannels, type PrintJob, type PrintJobBridge } from '../shared/printing';

const bridge: PrintJobBridge = {
  async get() {
    const result = (await ipcRenderer.invoke(printChannels.getJob)) as CallResult<PrintJob>;
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  },
  ready() {
    void ipcRenderer.invoke(printChannels.ready);
  },
};

contextBridge.exposeInMainWorld('printJob', Object.freeze(bridge));
