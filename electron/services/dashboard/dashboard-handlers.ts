import { todayOf } from '../../../shared/domain/clock.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Session } from '../session/session.ts';
import { dashboardSummary } from './dashboard-summary.ts';

export function dashboardHandlers(session: Session): PartialHandlers<'dashboard.summary'> {
  return {
    'dashboard.summary': () => dashboardSummary(session.requireStore().db, todayOf(session.clock)),
  };
}
