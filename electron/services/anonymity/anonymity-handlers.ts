import { AppError } from '../../../shared/ipc/errors.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Dialogs } from '../platform.ts';
import type { Session } from '../session/session.ts';

// Placeholder until the anonymity guard is built.
export function anonymityHandlers(session: Session, _dialogs: Dialogs): PartialHandlers<'anonymity.checkFile'> {
  return {
    'anonymity.checkFile': () => {
      session.requireStore();
      throw new AppError('INTERNAL', 'Not built yet.');
    },
  };
}
