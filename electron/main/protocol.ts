import { protocol } from 'electron';
import { serveAppRequest } from '../services/security/app-protocol.ts';
import { APP_SCHEME } from '../services/security/policy.ts';

/** Must run before app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serve the built renderer from rendererDir for app://dhr/… */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const response = await serveAppRequest(rendererDir, request.url);
    return new Response(new Uint8Array(response.body), { status: response.status, headers: response.headers });
  });
}
