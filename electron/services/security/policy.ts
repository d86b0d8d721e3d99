// The security policy for every window, as data, so unit tests can assert
// each setting and electron/main only applies it.

/** The app is served from app://dhr/, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dhr';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * No remote anything: scripts, styles, images and fonts only from the app
 * itself, no connections, no frames, no plugins, no forms.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "child-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** webPreferences for every BrowserWindow (preload path is added by main). */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  enableBlinkFeatures: undefined,
  // Middle-click on a link would otherwise ask for a new window (which the window-open handler denies anyway).
  disableBlinkFeatures: 'Auxclick',
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
  devTools: false,
} as const;

/** Headers on every app:// response. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A request the session may make: only our own app:// origin (and inline data: images). */
export function isAllowedRequestUrl(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'data:') return true;
  if (u.protocol === 'devtools:') return false;
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
}

/** An IPC message is only answered when it comes from our own page. */
export function isTrustedSenderUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  const u = parse(url);
  return Boolean(u && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST);
}

/** Navigation is never allowed: the app is one page. */
export function isAllowedNavigation(_url: string): boolean {
  return false;
}
