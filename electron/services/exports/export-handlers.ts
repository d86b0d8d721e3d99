import { AppError } from '../../../shared/ipc/errors.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Dialogs } from '../platform.ts';
import type { Session } from '../session/session.ts';

// Placeholder until the Word exports are built.
export function exportHandlers(session: Session, _dialogs: Dialogs): PartialHandlers<'export.actionPlan' | 'export.recommendations'> {
  const todo = () => {
    session.requireStore();
    throw new AppError('INTERNAL', 'Not built yet.');
  };
  return { 'export.actionPlan': todo, 'export.recommendations': todo };
}
