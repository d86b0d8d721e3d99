import { anonymityHandlers } from './anonymity/anonymity-handlers.ts';
import { countywideHandlers } from './countywide/countywide-handlers.ts';
import { dashboardHandlers } from './dashboard/dashboard-handlers.ts';
import { demoHandlers } from './demo/demo-handlers.ts';
import { draftingHandlers } from './drafting/drafting-handlers.ts';
import { exchangeHandlers } from './exchange/exchange-handlers.ts';
import { exportHandlers } from './exports/export-handlers.ts';
import { createDispatcher, type Handlers, type Logger } from './ipc/dispatcher.ts';
import type { Dialogs } from './platform.ts';
import { partnershipHandlers } from './partnership/partnership-handlers.ts';
import { progressHandlers } from './progress/progress-handlers.ts';
import { recommendationHandlers } from './recommendations/recommendation-handlers.ts';
import { reportHandlers } from './reports/report-handlers.ts';
import { reviewHandlers } from './reviews/review-handlers.ts';
import { securityHandlers } from './security-ops/security-handlers.ts';
import { sessionHandlers } from './session/session-handlers.ts';
import { createSession, type Emit, type SessionOptions } from './session/session.ts';
import { settingsHandlers } from './settings/settings-handlers.ts';
import { statusHandlers } from './statuses/status-handlers.ts';

export interface BackendOptions extends Omit<SessionOptions, 'emit'> {
  emit: Emit;
  dialogs: Dialogs;
  log?: Logger;
}

/**
 * The whole main-process backend as plain Node: one session and one
 * handler per contract channel. electron/main wires it to ipcMain; the
 * browser tests wire the same object to Playwright.
 */
export function createBackend(options: BackendOptions) {
  const session = createSession(options);
  const handlers: Handlers = {
    ...sessionHandlers(session, options.dialogs),
    ...settingsHandlers(session),
    ...demoHandlers(session, options.emit),
    ...dashboardHandlers(session),
    ...partnershipHandlers(session),
    ...reviewHandlers(session),
    ...recommendationHandlers(session),
    ...exportHandlers(session, options.dialogs),
    ...progressHandlers(session, options.dialogs),
    ...countywideHandlers(session),
    ...statusHandlers(session),
    ...reportHandlers(session, options.dialogs, options.emit),
    ...anonymityHandlers(session, options.dialogs),
    ...draftingHandlers(session, options.dialogs),
    ...securityHandlers(session, options),
    ...exchangeHandlers(session, options.dialogs, options.emit),
  };
  return { session, handlers, dispatch: createDispatcher(handlers, options.log) };
}
export type Backend = ReturnType<typeof createBackend>;
