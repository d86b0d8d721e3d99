import { AppError } from '../../../shared/ipc/errors.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Dialogs } from '../platform.ts';
import type { Session } from '../session/session.ts';

type Channels = 'applicability.forRecommendation' | 'applicability.decide' | 'progress.add' | 'progress.history' | 'attachments.save' | 'myDistrict.get' | 'myDistrict.choose';

// Placeholder until applicability and progress are built.
export function progressHandlers(session: Session, _dialogs: Dialogs): PartialHandlers<Channels> {
  const todo = () => {
    session.requireStore();
    throw new AppError('INTERNAL', 'Not built yet.');
  };
  return {
    'applicability.forRecommendation': todo,
    'applicability.decide': todo,
    'progress.add': todo,
    'progress.history': todo,
    'attachments.save': todo,
    'myDistrict.get': todo,
    'myDistrict.choose': todo,
  };
}
