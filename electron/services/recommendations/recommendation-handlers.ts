import { todayOf } from '../../../shared/domain/clock.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Session } from '../session/session.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import { implementationByRecommendation } from './implementation.ts';
import { deleteRecommendation, reorderRecommendations, saveRecommendation } from './recommendation-save.ts';
import { loadRecommendations, recommendationsForReview, toDetail } from './recommendation-store.ts';
import { findSimilar, recurringGroups } from './similar.ts';

type Channels = 'recommendations.list' | 'recommendations.save' | 'recommendations.delete' | 'recommendations.reorder' | 'recommendations.similar' | 'recommendations.recurring';

export function recommendationHandlers(session: Session): PartialHandlers<Channels> {
  const today = () => todayOf(session.clock);
  const open = () => {
    const store = session.requireStore();
    return { store, db: store.db, actor: actorName(readSettings(store.db)) };
  };
  return {
    'recommendations.list': ({ reviewId }) => recommendationsForReview(open().db, reviewId, today()),
    'recommendations.save': (input) => {
      const { store, db, actor } = open();
      const id = saveRecommendation(store, input, actor, today());
      const saved = loadRecommendations(db, input.reviewId, id)[0]!;
      return toDetail(saved, implementationByRecommendation(db, today()).get(id), today());
    },
    'recommendations.delete': ({ id }) => {
      const { store, db, actor } = open();
      return recommendationsForReview(db, deleteRecommendation(store, id, actor), today());
    },
    'recommendations.reorder': ({ reviewId, ids }) => {
      const { store, db, actor } = open();
      reorderRecommendations(store, reviewId, ids, actor);
      return recommendationsForReview(db, reviewId, today());
    },
    'recommendations.similar': ({ text, excludeId, limit }) => ({ matches: findSimilar(open().db, text, { excludeId, limit }, today()) }),
    'recommendations.recurring': () => ({ groups: recurringGroups(open().db, today()) }),
  };
}
