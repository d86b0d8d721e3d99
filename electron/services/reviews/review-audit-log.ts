import type { AuditEntryView } from '../../../shared/ipc/review-schemas.ts';
import type { Db } from '../store/sqlite.ts';
import type { FieldChange } from './review-audit.ts';

interface Detail {
  changes?: FieldChange[];
  number?: number;
  export?: string;
  file?: string;
  district?: string;
  decision?: string;
  where?: string;
}

function summarise(entity: string, action: string, detail: Detail): string {
  const changed = detail.changes?.length ?? 0;
  const items = `${changed} ${changed === 1 ? 'item' : 'items'}`;
  if (entity === 'recommendation') {
    const which = `recommendation ${detail.number ?? ''}`.trim();
    if (action === 'create') return `Added ${which}`;
    if (action === 'delete') return `Removed ${which}`;
    if (action === 'reorder') return 'Reordered the recommendations';
    return `Changed ${which}: ${items}`;
  }
  if (action === 'decide') return `${detail.district}: recommendation ${detail.number} recorded as ${detail.decision?.toLowerCase()}`;
  if (action === 'progress') return `Progress update on recommendation ${detail.number} (${detail.where})`;
  if (action === 'create') return 'Created the review';
  if (action === 'export') return `Exported the ${detail.export ?? 'review'}${detail.file ? ` to ${detail.file}` : ''}`;
  return `Changed ${items}`;
}

/** The audit entries for one review and its recommendations, newest first, as the review page shows them. */
export function reviewAuditEntries(db: Db, reviewId: string): AuditEntryView[] {
  const rows = db
    .prepare(
      `SELECT seq, at, actor, action, entity, detail FROM audit_log
        WHERE (entity = 'review' AND entity_id = @id)
           OR (entity IN ('recommendation', 'applicability', 'action') AND json_extract(detail, '$.reviewId') = @id)
        ORDER BY seq DESC`,
    )
    .all({ id: reviewId }) as Array<{ seq: number; at: string; actor: string; action: string; entity: string; detail: string }>;
  return rows.map((row) => {
    const detail = JSON.parse(row.detail) as Detail;
    const changes = (detail.changes ?? []).map((c) => ({ field: c.field, before: c.before === null ? null : String(c.before), after: c.after === null ? null : String(c.after) }));
    return { seq: row.seq, at: row.at, actor: row.actor, action: row.action, entity: row.entity, summary: summarise(row.entity, row.action, detail), changes };
  });
}
