import { AppError } from '../../../shared/ipc/errors.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Session } from '../session/session.ts';

// Placeholder until the countywide matrix is built.
export function countywideHandlers(session: Session): PartialHandlers<'countywide.matrix'> {
  return {
    'countywide.matrix': () => {
      session.requireStore();
      throw new AppError('INTERNAL', 'Not built yet.');
    },
  };
}
