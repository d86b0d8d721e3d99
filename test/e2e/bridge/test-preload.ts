import { createApi } from '../../../shared/ipc/api.ts';
import type { EventName } from '../../../shared/ipc/contract.ts';

// The browser tests' stand-in for electron/preload/preload.ts: the same
// createApi, with Playwright's binding to the real main-process handlers
// in place of ipcRenderer.

declare global {
  interface Window {
    /** The reply as JSON text (see harness.ts) */
    __dhrInvoke(channel: string, input: unknown): Promise<string>;
    __dhrEmit(event: string, payload: unknown): void;
  }
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();
window.__dhrEmit = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload);
};
window.api = createApi({
  invoke: async (channel, input) => JSON.parse(await window.__dhrInvoke(channel, input)),
  on: (event: EventName, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
});
