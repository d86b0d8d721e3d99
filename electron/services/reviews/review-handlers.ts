import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Session } from '../session/session.ts';
import { AppError } from '../../../shared/ipc/errors.ts';

export function reviewHandlers(session: Session): PartialHandlers<'reviews.list' | 'reviews.get' | 'reviews.save' | 'reviews.audit'> {
  const todo = () => {
    session.requireStore();
    throw new AppError('INTERNAL', 'Not built yet.');
  };
  return { 'reviews.list': todo, 'reviews.get': todo, 'reviews.save': todo, 'reviews.audit': todo };
}
