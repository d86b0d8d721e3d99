import { AppError } from '../../../shared/ipc/errors.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Session } from '../session/session.ts';

// Placeholder until configurable status colours are built.
export function statusHandlers(session: Session): PartialHandlers<'statuses.list' | 'statuses.update'> {
  const todo = () => {
    session.requireStore();
    throw new AppError('INTERNAL', 'Not built yet.');
  };
  return { 'statuses.list': todo, 'statuses.update': todo };
}
