import type { AuditEntryView } from '../../../shared/ipc/review-schemas.ts';
import type { Db } from '../store/sqlite.ts';
import type { FieldChange } from './review-audit.ts';

/** The audit entries for one review, newest first, as the review page shows them. */
export function reviewAuditEntries(db: Db, reviewId: string): AuditEntryView[] {
  const rows = db
    .prepare("SELECT seq, at, actor, action, entity, detail FROM audit_log WHERE entity = 'review' AND entity_id = ? ORDER BY seq DESC")
    .all(reviewId) as Array<{ seq: number; at: string; actor: string; action: string; entity: string; detail: string }>;
  return rows.map((row) => {
    const detail = JSON.parse(row.detail) as { changes?: FieldChange[] };
    const changes = detail.changes ?? [];
    const summary = row.action === 'create' ? 'Created the review' : `Changed ${changes.length} ${changes.length === 1 ? 'item' : 'items'}`;
    return { seq: row.seq, at: row.at, actor: row.actor, action: row.action, entity: row.entity, summary, changes };
  });
}
