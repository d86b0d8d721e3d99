import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents } from '../../../electron/main/security.ts';
import { resolveAppPath, serveAppRequest } from '../../../electron/services/security/app-protocol.ts';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  SECURE_WEB_PREFERENCES,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isTrustedSenderUrl,
} from '../../../electron/services/security/policy.ts';
import { tempDir } from '../../support/temp.ts';

describe('window settings', () => {
  it('isolate and sandbox every renderer, with no Node', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('load the app from app://, never file://', () => {
    expect(APP_ENTRY_URL).toBe('app://dhr/index.html');
  });

  it('apply a strict CSP: nothing remote, nothing inline, no connections', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['style-src']).toBe("'self'");
    expect(directives['connect-src']).toBe("'none'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('request, navigation and sender checks', () => {
  it('allow only app://dhr requests', () => {
    expect(isAllowedRequestUrl('app://dhr/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    for (const url of ['https://example.com/', 'http://localhost:3000/', 'file:///etc/passwd', 'app://evil/index.html', 'ws://127.0.0.1', 'not a url']) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });
  it('never allow navigation', () => {
    expect(isAllowedNavigation('app://dhr/index.html')).toBe(false);
    expect(isAllowedNavigation('https://example.com')).toBe(false);
  });
  it('trust only our own page as an IPC sender', () => {
    expect(isTrustedSenderUrl('app://dhr/index.html')).toBe(true);
    for (const url of ['https://dhr/index.html', 'file:///index.html', 'app://other/', '', null, undefined]) expect(isTrustedSenderUrl(url)).toBe(false);
  });
});

describe('hardening applied to Electron objects', () => {
  it('blocks navigation, redirects, webviews and new windows on every web contents', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: ((details: unknown) => { action: string }) | undefined;
    const contents = {
      on: (name: string, fn: never) => listeners.set(name, fn),
      setWindowOpenHandler: (fn: never) => (openHandler = fn),
    };
    hardenWebContents(contents as never);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)!(event, 'https://example.com/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('denies every permission and cancels requests that are not for app://', () => {
    let requestHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    let beforeRequest: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    hardenSession({
      setPermissionRequestHandler: (fn: never) => (requestHandler = fn),
      setPermissionCheckHandler: (fn: never) => (checkHandler = fn),
      setDevicePermissionHandler: () => {},
      webRequest: { onBeforeRequest: (fn: never) => (beforeRequest = fn) },
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      requestHandler!({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(checkHandler!()).toBe(false);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://dhr/index.html')).toBe(false);
    expect(decide('https://update.example.com/')).toBe(true);
  });
});

describe('app:// file server', () => {
  it('serves files from the renderer folder with the security headers', async () => {
    const { dir, cleanup } = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    const res = await serveAppRequest(dir, 'app://dhr/');
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toMatch(/text\/html/);
    expect(res.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['X-Content-Type-Options']).toBe('nosniff');
    cleanup();
  });
  it('refuses paths that escape the renderer folder', () => {
    // URL parsing folds plain and %2e dot segments, so they stay inside the folder…
    expect(resolveAppPath('/srv/app', 'app://dhr/../../etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(resolveAppPath('/srv/app', 'app://dhr/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/app/etc/passwd');
    // …but an encoded slash only becomes a dot segment after decoding, and is refused.
    expect(resolveAppPath('/srv/app', 'app://dhr/..%2f..%2fetc/passwd')).toBeNull();
    expect(resolveAppPath('/srv/app', 'app://dhr/a%00b')).toBeNull();
    expect(resolveAppPath('/srv/app', 'app://other/index.html')).toBeNull();
    expect(resolveAppPath('/srv/app', 'file:///etc/passwd')).toBeNull();
  });
});
