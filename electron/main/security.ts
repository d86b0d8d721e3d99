import type { Session, WebContents } from 'electron';
import { isAllowedNavigation, isAllowedRequestUrl } from '../services/security/policy.ts';

// Applies the policy in electron/services/security/policy.ts. Only types are
// imported from electron, so unit tests can drive these with stand-ins.

type ContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
type SessionLike = {
  setPermissionRequestHandler: Session['setPermissionRequestHandler'];
  setPermissionCheckHandler: Session['setPermissionCheckHandler'];
  setDevicePermissionHandler?: Session['setDevicePermissionHandler'];
  webRequest: { onBeforeRequest: (listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) => void };
};

/** No navigation, no new windows, no webviews, for every web contents the app ever creates. */
export function hardenWebContents(contents: ContentsLike): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Deny every permission and cancel every request that is not for app://. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
}
