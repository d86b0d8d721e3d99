import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Dialogs } from '../platform.ts';
import type { Session } from './session.ts';

export function sessionHandlers(session: Session, dialogs: Dialogs): PartialHandlers<
  'session.status' | 'session.create' | 'session.open' | 'session.lock' | 'session.activity' | 'dialog.chooseStoreFile'
> {
  return {
    'session.status': () => session.status(),
    'session.create': ({ file, passphrase }) => session.create(file, passphrase),
    'session.open': ({ file, passphrase }) => session.open(file, passphrase),
    'session.lock': () => session.lock('manual'),
    'session.activity': () => session.activity(),
    'dialog.chooseStoreFile': async ({ purpose }) => ({ file: await dialogs.chooseStoreFile(purpose) }),
  };
}
