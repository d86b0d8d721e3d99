import { AppError } from '../../../shared/ipc/errors.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Dialogs } from '../platform.ts';
import type { Emit, Session } from '../session/session.ts';

// Placeholder until the board and countywide reports are built.
export function reportHandlers(session: Session, _dialogs: Dialogs, _emit: Emit): PartialHandlers<'reports.cspProgress' | 'reports.countywide'> {
  const todo = () => {
    session.requireStore();
    throw new AppError('INTERNAL', 'Not built yet.');
  };
  return { 'reports.cspProgress': todo, 'reports.countywide': todo };
}
