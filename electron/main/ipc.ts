import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type EventName, type EventPayload } from '../../shared/ipc/contract.ts';
import type { Dispatch } from '../services/ipc/dispatcher.ts';
import { isTrustedSenderUrl } from '../services/security/policy.ts';

/**
 * Every contract channel is answered by the dispatcher, but only for our own
 * window showing our own app:// page; anything else gets FORBIDDEN_SENDER.
 */
export function registerIpc(dispatch: Dispatch, isOurWindow: (contents: Electron.WebContents) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const trusted = isOurWindow(event.sender) && isTrustedSenderUrl(event.senderFrame?.url);
      if (!trusted) {
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from the DHR Tracker window.' } };
      }
      return dispatch(channel, input);
    });
  }
}

export function sendToWindows<E extends EventName>(windows: BrowserWindow[], event: E, payload: EventPayload<E>): void {
  for (const window of windows) {
    if (!window.isDestroyed()) window.webContents.send(event, payload);
  }
}
