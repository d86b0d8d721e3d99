import { isChannel, isEventName, type Channel, type EventName, type EventPayload, type Input, type Output, type Reply } from './contract.ts';

/**
 * How the renderer reaches main. In the app this is ipcRenderer behind the
 * preload; in the browser tests it is a Playwright binding to the same
 * handlers. Both build window.api with createApi, so the tests exercise the
 * exact surface the app exposes.
 */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<unknown>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

export interface Api {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Reply<Output<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createApi(transport: Transport): Api {
  const api: Api = {
    invoke(channel, input) {
      // The allow-list is enforced here as well as in main, so a compromised
      // page cannot use the bridge to reach an IPC channel nobody declared.
      if (!isChannel(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel called ${String(channel)}.` } });
      }
      return transport.invoke(channel, input) as Promise<Reply<never>>;
    },
    on(event, listener) {
      if (!isEventName(event) || typeof listener !== 'function') throw new TypeError(`There is no event called ${String(event)}.`);
      return transport.on(event, (payload) => listener(payload as never));
    },
  };
  return Object.freeze(api);
}

declare global {
  interface Window {
    api: Api;
  }
}
