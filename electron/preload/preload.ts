import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../../shared/ipc/api.ts';

// The renderer's only door to main: typed invoke/on over the channels in
// the contract. No generic send, no ipcRenderer, no Node.
contextBridge.exposeInMainWorld(
  'api',
  createApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    on: (event, listener) => {
      const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(event, handler);
      return () => ipcRenderer.removeListener(event, handler);
    },
  }),
);
