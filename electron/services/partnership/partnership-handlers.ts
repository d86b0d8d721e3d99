import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Session } from '../session/session.ts';
import { AppError } from '../../../shared/ipc/errors.ts';

type Channels = 'partnership.lists' | 'districts.add' | 'districts.update' | 'agencies.add' | 'agencies.update' | 'themes.add' | 'themes.update';

// Placeholder until the partnership lists are built.
export function partnershipHandlers(session: Session): PartialHandlers<Channels> {
  const todo = () => {
    session.requireStore();
    throw new AppError('INTERNAL', 'Not built yet.');
  };
  return {
    'partnership.lists': todo,
    'districts.add': todo,
    'districts.update': todo,
    'agencies.add': todo,
    'agencies.update': todo,
    'themes.add': todo,
    'themes.update': todo,
  };
}
