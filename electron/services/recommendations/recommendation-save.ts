import { stampOf } from '../../../shared/domain/clock.ts';
import { randomUUID } from 'node:crypto';
import { formatUkDate } from '../../../shared/domain/dates.ts';
import { validateRecommendation } from '../../../shared/domain/recommendation-validation.ts';
import { SCOPE_WORDS, type Status } from '../../../shared/domain/vocabulary.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { RecommendationData } from '../../../shared/ipc/recommendation-schemas.ts';
import { ensureApplicability } from '../progress/progress-queries.ts';
import { appendAudit } from '../store/audit.ts';
import { syncChildRows } from '../store/child-rows.ts';
import type { Store } from '../store/open-store.ts';
import type { Db } from '../store/sqlite.ts';
import { loadRecommendations, reviewHeader, type StoredRecommendation } from './recommendation-store.ts';

// Writing recommendations: validated whole, saved in one transaction with
// their addressees, themes and actions, and audited with before and after.

interface Change {
  field: string;
  before: string | null;
  after: string | null;
}

function names(db: Db, table: 'agencies' | 'themes'): Map<string, string> {
  return new Map((db.prepare(`SELECT id, name FROM ${table}`).all() as Array<{ id: string; name: string }>).map((r) => [r.id, r.name]));
}

function describe(db: Db, r: RecommendationData | StoredRecommendation | null): Record<string, string | null> {
  if (!r) return {};
  const agencies = names(db, 'agencies');
  const themes = names(db, 'themes');
  const date = (d: string | null) => (d ? formatUkDate(d) : '—');
  const join = (items: string[]) => items.join('; ') || null;
  return {
    Recommendation: r.text || null,
    Scope: SCOPE_WORDS[r.scope],
    'Finding or lesson': r.finding,
    'Expected outcome': r.expectedOutcome,
    'Addressed to': join(r.addressees.map((a) => `${agencies.get(a.agencyId) ?? 'unknown'} (notified ${date(a.notifiedDate)}, acknowledged ${date(a.acknowledgedDate)})`)),
    Themes: join(r.themeIds.map((id) => themes.get(id) ?? 'unknown theme').sort()),
    Actions: join(
      r.actions.map(
        (a, i) =>
          `${i + 1}. ${a.actionText} — lead ${a.leadAgencyId ? (agencies.get(a.leadAgencyId) ?? 'unknown') : 'none'}, target ${date(a.targetDate)}${a.completionDate ? `, completed ${date(a.completionDate)}` : ''}`,
      ),
    ),
  };
}

function changesBetween(db: Db, before: StoredRecommendation | null, after: StoredRecommendation): Change[] {
  const a = describe(db, before);
  const b = describe(db, after);
  return Object.keys(b)
    .filter((field) => (a[field] ?? null) !== b[field])
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}

function audit(store: Store, actor: string, action: string, rec: { id: string; reviewId: string; number: number }, reference: string, changes: Change[], now: string) {
  appendAudit(store.db, store.installationId, { actor, action, entity: 'recommendation', entityId: rec.id, detail: { reviewId: rec.reviewId, reference, number: rec.number, changes } }, now);
}

function checkReferences(db: Db, r: RecommendationData): Record<string, string> {
  const fields: Record<string, string> = {};
  const agency = db.prepare('SELECT 1 FROM agencies WHERE id = ?');
  r.addressees.forEach((a, i) => {
    if (a.agencyId && !agency.get(a.agencyId)) fields[`addressees.${i}.agencyId`] = 'Choose an agency or national body from the list.';
  });
  r.actions.forEach((a, i) => {
    if (a.leadAgencyId && !agency.get(a.leadAgencyId)) fields[`actions.${i}.leadAgencyId`] = 'Choose the lead agency from the list.';
  });
  const theme = db.prepare('SELECT 1 FROM themes WHERE id = ?');
  if (r.themeIds.some((id) => !theme.get(id))) fields.themeIds = 'One of the chosen themes no longer exists. Reload and choose again.';
  return fields;
}

/** Completing an action completes it on time or late; clearing the date reopens it. */
function actionStatus(action: RecommendationData['actions'][number], previous: Status | undefined): Status {
  if (action.completionDate) return action.targetDate && action.completionDate > action.targetDate ? 'complete_late' : 'complete';
  if (previous === 'complete' || previous === 'complete_late') return 'on_track';
  return previous ?? 'not_started';
}

export function saveRecommendation(store: Store, input: RecommendationData, actor: string, today: string): string {
  const { db } = store;
  const review = reviewHeader(db, input.reviewId);
  const existing = input.id ? (loadRecommendations(db, input.reviewId, input.id)[0] ?? null) : null;
  if (input.id && !existing) throw new AppError('NOT_FOUND', 'That recommendation no longer exists in this review. Reload the review and try again.');
  const problems = { ...validateRecommendation(input, { today, dateOfDeath: review.dateOfDeath }), ...checkReferences(db, input) };
  if (Object.keys(problems).length) {
    throw new AppError('INVALID_INPUT', `The recommendation was not saved. ${Object.values(problems)[0]}`, problems);
  }
  const now = stampOf(store.clock);
  const id = existing?.id ?? randomUUID();
  const districtId = (db.prepare('SELECT commissioning_district_id AS d FROM reviews WHERE id = ?').get(input.reviewId) as { d: string }).d;
  db.transaction(() => {
    const columns = { text: input.text.trim(), scope: input.scope, finding: input.finding?.trim() || null, expected_outcome: input.expectedOutcome?.trim() || null };
    if (existing) {
      db.prepare('UPDATE recommendations SET text = @text, scope = @scope, finding = @finding, expected_outcome = @expected_outcome, updated_at = @now WHERE id = @id').run({ ...columns, now, id });
    } else {
      const { next } = db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM recommendations WHERE review_id = ? AND deleted_at IS NULL').get(input.reviewId) as { next: number };
      db.prepare(
        `INSERT INTO recommendations (id, review_id, position, text, scope, finding, expected_outcome, owner_installation_id, owner_district_id, created_at, updated_at)
         VALUES (@id, @review_id, @position, @text, @scope, @finding, @expected_outcome, @owner, @district, @now, @now)`,
      ).run({ ...columns, id, review_id: input.reviewId, position: next, owner: store.installationId, district: districtId, now });
    }
    const owner = { owner_installation_id: existing?.ownerInstallationId ?? store.installationId, owner_district_id: existing?.ownerDistrictId ?? districtId };
    syncChildRows(db, now, {
      table: 'recommendation_addressees',
      parentColumn: 'recommendation_id',
      parentId: id,
      owner,
      label: 'addressee',
      rows: input.addressees,
      existing: existing?.addressees ?? [],
      columns: (a) => ({ agency_id: a.agencyId, notified_date: a.notifiedDate, acknowledged_date: a.acknowledgedDate }),
    });
    const previousStatus = new Map(
      (db.prepare('SELECT id, status FROM actions WHERE recommendation_id = ?').all(id) as Array<{ id: string; status: Status }>).map((a) => [a.id, a.status]),
    );
    syncChildRows(db, now, {
      table: 'actions',
      parentColumn: 'recommendation_id',
      parentId: id,
      owner,
      label: 'action',
      rows: input.actions,
      existing: existing?.actions ?? [],
      columns: (a, i) => ({
        position: i + 1,
        action_text: a.actionText.trim(),
        lead_agency_id: a.leadAgencyId,
        milestones: a.milestones?.trim() || null,
        target_date: a.targetDate,
        completion_date: a.completionDate,
        outcome: a.outcome?.trim() || null,
        status: actionStatus(a, a.id ? previousStatus.get(a.id) : undefined),
      }),
    });
    db.prepare('DELETE FROM recommendation_themes WHERE recommendation_id = ?').run(id);
    const addTheme = db.prepare('INSERT INTO recommendation_themes (recommendation_id, theme_id) VALUES (?, ?)');
    for (const themeId of new Set(input.themeIds)) addTheme.run(id, themeId);

    if (!existing) ensureApplicability(db, store.installationId, now, today, id);

    const after = loadRecommendations(db, input.reviewId, id)[0]!;
    const changes = changesBetween(db, existing, after);
    if (existing && !changes.length) return;
    audit(store, actor, existing ? 'update' : 'create', after, review.reference, changes, now);
  })();
  return id;
}

/** Renumber a review's live recommendations in the given order. */
function renumber(db: Db, ids: readonly string[], now: string): void {
  const set = db.prepare('UPDATE recommendations SET position = ?, updated_at = ? WHERE id = ?');
  ids.forEach((id, i) => set.run(i + 1, now, id));
}

export function deleteRecommendation(store: Store, id: string, actor: string): string {
  const { db } = store;
  const row = db.prepare('SELECT review_id AS reviewId FROM recommendations WHERE id = ? AND deleted_at IS NULL').get(id) as { reviewId: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That recommendation no longer exists. Reload the review.');
  const review = reviewHeader(db, row.reviewId);
  const before = loadRecommendations(db, row.reviewId);
  const removed = before.find((r) => r.id === id)!;
  const now = stampOf(store.clock);
  db.transaction(() => {
    // Kept, not erased: districts may already have decisions and progress against it.
    db.prepare('UPDATE recommendations SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
    renumber(db, before.filter((r) => r.id !== id).map((r) => r.id), now);
    audit(store, actor, 'delete', removed, review.reference, [{ field: 'Recommendation', before: removed.text, after: null }], now);
  })();
  return row.reviewId;
}

export function reorderRecommendations(store: Store, reviewId: string, ids: readonly string[], actor: string): void {
  const { db } = store;
  const review = reviewHeader(db, reviewId);
  const current = loadRecommendations(db, reviewId);
  const same = ids.length === current.length && new Set(ids).size === ids.length && current.every((r) => ids.includes(r.id));
  if (!same) throw new AppError('CONFLICT', 'The recommendations changed while you were reordering them. Reload the review and try again.');
  if (current.every((r, i) => r.id === ids[i])) return;
  const now = stampOf(store.clock);
  db.transaction(() => {
    renumber(db, ids, now);
    const order = (list: readonly string[]) => list.map((rid) => current.findIndex((r) => r.id === rid) + 1).join(', ');
    appendAudit(db, store.installationId, {
      actor,
      action: 'reorder',
      entity: 'recommendation',
      entityId: null,
      detail: { reviewId, reference: review.reference, changes: [{ field: 'Order of recommendations', before: order(current.map((r) => r.id)), after: order(ids) }] },
    }, now);
  })();
}
