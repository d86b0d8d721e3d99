import { todayOf } from '../../../shared/domain/clock.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Session } from '../session/session.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import type { Db } from '../store/sqlite.ts';
import { reviewAuditEntries } from './review-audit-log.ts';
import { detailClock, listReviews } from './review-list.ts';
import { saveReview } from './review-save.ts';
import { agencyNames, loadReview } from './review-store.ts';

function detail(db: Db, id: string, today: string) {
  const review = loadReview(db, id);
  if (!review) throw new AppError('NOT_FOUND', 'That review no longer exists. Go back to the list of reviews.');
  const agencies = agencyNames(db);
  return { ...review, ...detailClock(db, review, today, (agencyId) => agencies.get(agencyId)) };
}

export function reviewHandlers(session: Session): PartialHandlers<'reviews.list' | 'reviews.get' | 'reviews.save' | 'reviews.audit'> {
  const today = () => todayOf(session.clock);
  return {
    'reviews.list': (query) => listReviews(session.requireStore().db, query, today()),
    'reviews.get': ({ id }) => detail(session.requireStore().db, id, today()),
    'reviews.save': (input) => {
      const store = session.requireStore();
      const id = saveReview(store, input, actorName(readSettings(store.db)), today());
      return detail(store.db, id, today());
    },
    'reviews.audit': ({ id }) => {
      const { db } = session.requireStore();
      if (!loadReview(db, id)) throw new AppError('NOT_FOUND', 'That review no longer exists. Go back to the list of reviews.');
      return { entries: reviewAuditEntries(db, id) };
    },
  };
}
