/** The kiosk window's preload (out/preload/index.cjs): exposes `window.kiosk`, one named method per contract call, and nothing else (print windows get print.ts). */
import { contextBridge, ipcRenderer } from 'electron';
import { callNames } from '../shared/contract';

const bridge = Object.fromEntries(
  callNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)]),
);

contextBridge.exposeInMainWorld('kiosk', Object.freeze(bridge));
