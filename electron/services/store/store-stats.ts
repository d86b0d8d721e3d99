import type { StoreStats } from '../../../shared/ipc/schemas.ts';
import type { Db } from './sqlite.ts';

/** The store's totals. Progress updates come from their running count (migration 5): a million rows take a while to count. */
export function storeStats(db: Db): StoreStats {
  const row = db
    .prepare(
      `SELECT
        (SELECT count(*) FROM reviews WHERE deleted_at IS NULL) AS reviews,
        (SELECT count(*) FROM recommendations WHERE deleted_at IS NULL) AS recommendations,
        (SELECT count(*) FROM actions WHERE deleted_at IS NULL) AS actions,
        (SELECT count(*) FROM applicability) AS applicabilityDecisions,
        (SELECT n FROM row_counts WHERE name = 'progress_updates') AS progressUpdates,
        (SELECT count(*) FROM districts WHERE retired_at IS NULL) AS districts,
        (SELECT count(*) FROM agencies WHERE retired_at IS NULL) AS agencies`,
    )
    .get() as StoreStats;
  return row;
}

/** A store with no partnership yet: no districts and no reviews. */
export function isStoreEmpty(db: Db): boolean {
  const row = db.prepare('SELECT (SELECT count(*) FROM districts) + (SELECT count(*) FROM reviews) AS n').get() as { n: number };
  return row.n === 0;
}
