import { stampOf } from '../../../shared/domain/clock.ts';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { Acknowledgements } from '../../../shared/ipc/drafting-schemas.ts';
import { appendAudit } from '../store/audit.ts';
import { deleteWithTombstone } from '../store/deletions.ts';
import type { Store } from '../store/open-store.ts';
import type { Db } from '../store/sqlite.ts';

// A chair keeping a recommendation despite a SMART hint records why.

function reviewOf(db: Db, recommendationId: string): { reviewId: string; ownerDistrictId: string | null } {
  const row = db.prepare('SELECT review_id AS reviewId, owner_district_id AS ownerDistrictId FROM recommendations WHERE id = ? AND deleted_at IS NULL').get(recommendationId) as
    | { reviewId: string; ownerDistrictId: string | null }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That recommendation no longer exists. Reload the review.');
  return row;
}

export function acknowledgementsFor(db: Db, recommendationId: string): Acknowledgements {
  reviewOf(db, recommendationId);
  const acknowledged = db
    .prepare('SELECT hint_key AS hintKey, note, acknowledged_by AS "by", acknowledged_at AS "at" FROM smart_acknowledgements WHERE recommendation_id = ? ORDER BY hint_key')
    .all(recommendationId) as Acknowledgements['acknowledged'];
  return { recommendationId, acknowledged };
}

/** Hint keys acknowledged for each recommendation of a review. */
export function acknowledgedByRecommendation(db: Db, reviewId: string): Map<string, Set<string>> {
  const rows = db
    .prepare('SELECT a.recommendation_id AS id, a.hint_key AS hintKey FROM smart_acknowledgements a JOIN recommendations r ON r.id = a.recommendation_id WHERE r.review_id = ?')
    .all(reviewId) as Array<{ id: string; hintKey: string }>;
  const map = new Map<string, Set<string>>();
  for (const r of rows) map.set(r.id, (map.get(r.id) ?? new Set()).add(r.hintKey));
  return map;
}

export function acknowledge(store: Store, input: { recommendationId: string; hintKey: string; note: string | null }, actor: string): Acknowledgements {
  const { db } = store;
  const { reviewId, ownerDistrictId } = reviewOf(db, input.recommendationId);
  const now = stampOf(store.clock);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO smart_acknowledgements (id, recommendation_id, hint_key, note, acknowledged_by, acknowledged_at, owner_installation_id, owner_district_id, created_at, updated_at)
       VALUES (@id, @rec, @key, @note, @actor, @now, @owner, @district, @now, @now)
       ON CONFLICT (recommendation_id, hint_key) DO UPDATE SET note = excluded.note, acknowledged_by = excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at, updated_at = excluded.updated_at`,
    ).run({ id: randomUUID(), rec: input.recommendationId, key: input.hintKey, note: input.note?.trim() || null, actor, now, owner: store.installationId, district: ownerDistrictId });
    appendAudit(db, store.installationId, { actor, action: 'acknowledge', entity: 'recommendation', entityId: input.recommendationId, detail: { reviewId, hint: input.hintKey, changes: [{ field: 'SMART hint acknowledged', before: null, after: input.hintKey }] } }, now);
  })();
  return acknowledgementsFor(db, input.recommendationId);
}

export function unacknowledge(store: Store, recommendationId: string, hintKey: string, actor: string): Acknowledgements {
  const { db } = store;
  const { reviewId } = reviewOf(db, recommendationId);
  db.transaction(() => {
    const now = stampOf(store.clock);
    const row = db.prepare('SELECT id FROM smart_acknowledgements WHERE recommendation_id = ? AND hint_key = ?').get(recommendationId, hintKey) as { id: string } | undefined;
    // With a tombstone, so the withdrawal reaches the installations that were sent the acknowledgement.
    if (row && deleteWithTombstone(db, 'smart_acknowledgements', row.id, now)) {
      appendAudit(db, store.installationId, { actor, action: 'unacknowledge', entity: 'recommendation', entityId: recommendationId, detail: { reviewId, hint: hintKey, changes: [{ field: 'SMART hint acknowledged', before: hintKey, after: null }] } }, now);
    }
  })();
  return acknowledgementsFor(db, recommendationId);
}
