import { stampOf } from '../../../shared/domain/clock.ts';
import { randomUUID } from 'node:crypto';
import { ukDateOf } from '../../../shared/domain/dates.ts';
import { validateReview } from '../../../shared/domain/review-validation.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { ReviewData } from '../../../shared/ipc/review-schemas.ts';
import { appendAudit } from '../store/audit.ts';
import { syncChildRows, type ChildRows } from '../store/child-rows.ts';
import type { Store } from '../store/open-store.ts';
import type { Db } from '../store/sqlite.ts';
import { reviewChanges, type Names } from './review-audit.ts';
import { loadReview } from './review-store.ts';

// Saving a review: validate as a whole, then write the review and all its
// child records in one transaction, with one audit entry listing what
// changed. Anything wrong and nothing is written.

function refuse(fields: Record<string, string>): never {
  const count = Object.keys(fields).length;
  throw new AppError('INVALID_INPUT', `The review was not saved: ${count === 1 ? 'one thing needs' : `${count} things need`} fixing. ${Object.values(fields)[0]}`, fields);
}

function lookupNames(db: Db): Names {
  const map = (sql: string) => new Map((db.prepare(sql).all() as Array<{ id: string; name: string }>).map((r) => [r.id, r.name]));
  return {
    districts: map('SELECT id, name FROM districts'),
    agencies: map('SELECT id, name FROM agencies'),
    themes: map('SELECT id, name FROM themes'),
  };
}

/** References to districts, agencies and themes must exist; a new review cannot use a retired district. */
function checkReferences(db: Db, r: ReviewData, existing: ReviewData | null): Record<string, string> {
  const fields: Record<string, string> = {};
  const district = db.prepare('SELECT retired_at FROM districts WHERE id = ?').get(r.commissioningDistrictId) as { retired_at: string | null } | undefined;
  if (!district) fields.commissioningDistrictId = 'Choose the district whose CSP commissioned the review.';
  else if (district.retired_at && existing?.commissioningDistrictId !== r.commissioningDistrictId) {
    fields.commissioningDistrictId = 'That district has been retired. Choose a current district, or un-retire it in Settings.';
  }
  const agencyExists = db.prepare('SELECT 1 FROM agencies WHERE id = ?');
  r.panel.forEach((m, i) => {
    if (m.agencyId && !agencyExists.get(m.agencyId)) fields[`panel.${i}.agencyId`] = 'Choose an agency from the list.';
  });
  r.imrs.forEach((imr, i) => {
    if (imr.agencyId && !agencyExists.get(imr.agencyId)) fields[`imrs.${i}.agencyId`] = 'Choose an agency from the list.';
  });
  const themeExists = db.prepare('SELECT 1 FROM themes WHERE id = ?');
  if (r.themeIds.some((id) => !themeExists.get(id))) fields.themeIds = 'One of the chosen themes no longer exists. Reload the review and choose again.';
  const clash = db
    .prepare('SELECT reference FROM reviews WHERE reference = ? COLLATE NOCASE AND id IS NOT ? AND deleted_at IS NULL')
    .get(r.reference, existing ? (r.id ?? null) : null) as { reference: string } | undefined;
  if (clash) fields.reference = `The reference ${clash.reference} is already used by another review. Each review needs its own reference.`;
  return fields;
}

const reviewColumns = (r: ReviewData) => ({
  reference: r.reference,
  victim_pseudonym: r.victimPseudonym,
  commissioning_district_id: r.commissioningDistrictId,
  relationship: r.relationship,
  date_of_death: r.dateOfDeath,
  notification_date: r.notificationDate,
  decision: r.decision,
  decision_date: r.decisionDate,
  decision_reasons: r.decisionReasons,
  home_office_notified_date: r.homeOfficeNotifiedDate,
  chair_name: r.chairName,
  terms_of_reference_date: r.termsOfReferenceDate,
  draft_report_date: r.draftReportDate,
  executive_summary_draft_date: r.executiveSummaryDraftDate,
  family_consulted_date: r.familyConsultedDate,
  family_involvement: r.familyInvolvement,
  csp_approval_date: r.cspApprovalDate,
  publication_date: r.publicationDate,
  embargoed: r.embargoed ? 1 : 0,
  embargo_reason: r.embargoReason,
  closed_date: r.closedDate,
  summary: r.summary,
  notes: r.notes,
});

export function saveReview(store: Store, input: ReviewData, actor: string, today: string): string {
  const { db } = store;
  const existing = input.id ? loadReview(db, input.id) : null;
  if (input.id && !existing) throw new AppError('NOT_FOUND', 'That review no longer exists. It may have been removed; go back to the list.');
  const problems = { ...validateReview(input, today), ...checkReferences(db, input, existing) };
  if (Object.keys(problems).length) refuse(problems);

  const now = stampOf(store.clock);
  const id = existing?.id ?? randomUUID();
  db.transaction(() => {
    const columns = reviewColumns(input);
    if (existing) {
      const sets = Object.keys(columns).map((c) => `${c} = @${c}`).join(', ');
      db.prepare(`UPDATE reviews SET ${sets}, updated_at = @updated_at WHERE id = @id`).run({ ...columns, id, updated_at: now });
    } else {
      const values = {
        id,
        ...columns,
        owner_installation_id: store.installationId,
        owner_district_id: input.commissioningDistrictId,
        created_at: now,
        updated_at: now,
      };
      const names = Object.keys(values);
      db.prepare(`INSERT INTO reviews (${names.join(', ')}) VALUES (${names.map((c) => `@${c}`).join(', ')})`).run(values);
    }
    const owner = { owner_installation_id: existing?.ownerInstallationId ?? store.installationId, owner_district_id: input.commissioningDistrictId };
    const sync = <T extends { id?: string | undefined }>(spec: Omit<ChildRows<T>, 'parentColumn' | 'parentId' | 'owner'>) =>
      syncChildRows(db, now, { ...spec, parentColumn: 'review_id', parentId: id, owner });
    sync({
      table: 'review_people',
      label: 'person',
      rows: input.people,
      existing: existing?.people ?? [],
      columns: (p, i) => ({ role: p.role, pseudonym: p.pseudonym.trim(), real_name: p.realName?.trim() || null, sort_order: i }),
    });
    sync({
      table: 'review_panel_members',
      label: 'panel member',
      rows: input.panel,
      existing: existing?.panel ?? [],
      columns: (m) => ({ agency_id: m.agencyId, member_name: m.memberName.trim(), role: m.role?.trim() || null }),
    });
    sync({
      table: 'review_imrs',
      label: 'IMR',
      rows: input.imrs,
      existing: existing?.imrs ?? [],
      columns: (imr) => ({ agency_id: imr.agencyId, requested_date: imr.requestedDate, received_date: imr.receivedDate }),
    });
    sync({
      table: 'review_pauses',
      label: 'pause',
      rows: input.pauses,
      existing: existing?.pauses ?? [],
      columns: (p) => ({ start_date: p.startDate, end_date: p.endDate, reason: p.reason?.trim() || null }),
    });
    // Rounds are renumbered from their order; move them out of the way first so UNIQUE(review_id, round) never trips mid-update.
    db.prepare('UPDATE review_qa_submissions SET round = round + 1000 WHERE review_id = ?').run(id);
    sync({
      table: 'review_qa_submissions',
      label: 'Home Office submission',
      rows: input.qaSubmissions,
      existing: existing?.qaSubmissions ?? [],
      columns: (q, i) => ({ round: i + 1, submitted_date: q.submittedDate, outcome: q.outcome, outcome_date: q.outcomeDate, feedback: q.feedback?.trim() || null }),
    });
    db.prepare('DELETE FROM review_themes WHERE review_id = ?').run(id);
    const addTheme = db.prepare('INSERT INTO review_themes (review_id, theme_id) VALUES (?, ?)');
    for (const themeId of new Set(input.themeIds)) addTheme.run(id, themeId);

    const after = loadReview(db, id)!;
    const changes = reviewChanges(existing, after, lookupNames(db));
    if (existing && !changes.length) return;
    appendAudit(db, store.installationId, {
      actor,
      action: existing ? 'update' : 'create',
      entity: 'review',
      entityId: id,
      detail: { reference: after.reference, changes },
    }, now);
  })();
  return id;
}
