import { stampOf } from '../../../shared/domain/clock.ts';
import { createHash, randomUUID } from 'node:crypto';
import { dueState, validateDecision, validateUpdate } from '../../../shared/domain/implementation-status.ts';
import { APPLICABILITY_WORDS, STATUS_DEFAULTS, STATUSES, type Status } from '../../../shared/domain/vocabulary.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { DecideInput, MyDistrict, MyDistrictItem, ProgressHistory, ProgressInput, RecommendationRef } from '../../../shared/ipc/progress-schemas.ts';
import { appendAudit } from '../store/audit.ts';
import type { Store } from '../store/open-store.ts';
import { readSetting, writeSettings } from '../store/settings-store.ts';
import type { Db } from '../store/sqlite.ts';
import { checkAttachment } from './attachment-check.ts';
import { applicabilityRows, RECOMMENDATION_REFS, recommendationRef } from './progress-queries.ts';

// Districts deciding whether a recommendation applies to them, and
// recording dated progress until it is done. Every write is one
// transaction and is audited; a refused request changes nothing.

type Decided = Required<Pick<DecideInput, 'items' | 'decision'>> & Omit<DecideInput, 'items' | 'decision'>;

export function applicabilityFor(db: Db, recommendationId: string, today: string) {
  const recommendation = recommendationRef(db, recommendationId);
  if (!recommendation) throw new AppError('NOT_FOUND', 'That recommendation no longer exists. Reload the review.');
  return { recommendation, districts: applicabilityRows(db, 'a.recommendation_id = @id AND d.retired_at IS NULL', { id: recommendationId }, today) };
}

export function decide(store: Store, input: Decided, actor: string, today: string): number {
  const { db } = store;
  const now = stampOf(store.clock);
  const district = db.prepare('SELECT name, retired_at FROM districts WHERE id = ?');
  const existing = db.prepare('SELECT * FROM applicability WHERE recommendation_id = ? AND district_id = ?');
  if (input.localLeadAgencyId && !db.prepare('SELECT 1 FROM agencies WHERE id = ?').get(input.localLeadAgencyId)) {
    throw new AppError('INVALID_INPUT', 'Choose the local lead agency from the list.', { localLeadAgencyId: 'Choose the local lead agency from the list.' });
  }
  // Check everything first, so a bulk decision is all or nothing.
  const plans = input.items.map((item) => {
    const rec = recommendationRef(db, item.recommendationId);
    if (!rec) throw new AppError('NOT_FOUND', 'One of the recommendations no longer exists. Reload and try again.');
    const d = district.get(item.districtId) as { name: string; retired_at: string | null } | undefined;
    if (!d) throw new AppError('NOT_FOUND', 'One of the districts no longer exists. Reload and try again.');
    if (d.retired_at) throw new AppError('INVALID_INPUT', `${d.name} has been retired. Un-retire it in Settings to record decisions for it.`, { districtId: `${d.name} has been retired.` });
    const problems = validateDecision(
      {
        decision: input.decision,
        reason: input.reason ?? null,
        evidence: input.evidence ?? null,
        localLeadAgencyId: input.localLeadAgencyId ?? null,
        officerName: input.officerName ?? null,
        targetDate: input.targetDate ?? null,
        targetDateNotSet: input.targetDateNotSet ?? false,
      },
      rec,
    );
    if (Object.keys(problems).length) throw new AppError('INVALID_INPUT', `Nothing was saved. ${Object.values(problems)[0]}`, problems);
    return { item, rec, districtName: d.name, before: existing.get(item.recommendationId, item.districtId) as Record<string, unknown> | undefined };
  });
  db.transaction(() => {
    for (const { item, rec, districtName, before } of plans) {
      const applicable = input.decision === 'applicable';
      const values = {
        decision: input.decision,
        reason: input.decision === 'not_applicable' ? input.reason!.trim() : null,
        evidence: input.decision === 'already_in_place' ? input.evidence!.trim() : null,
        local_lead_agency_id: applicable ? (input.localLeadAgencyId ?? null) : null,
        officer_name: applicable ? input.officerName?.trim() || null : null,
        target_date: applicable ? (input.targetDate ?? null) : null,
        decided_date: input.decision === 'under_consideration' ? null : today,
        // A district that starts applying a recommendation starts at "not started"; other decisions carry no status.
        status: applicable ? ((before?.status as Status | null) ?? 'not_started') : null,
        status_reason: applicable ? ((before?.status_reason as string | null) ?? null) : null,
      };
      if (before) {
        db.prepare(
          `UPDATE applicability SET decision = @decision, reason = @reason, evidence = @evidence, local_lead_agency_id = @local_lead_agency_id,
                  officer_name = @officer_name, target_date = @target_date, decided_date = @decided_date, status = @status, status_reason = @status_reason,
                  updated_at = @now WHERE id = @id`,
        ).run({ ...values, now, id: before.id });
      } else {
        db.prepare(
          `INSERT INTO applicability (id, recommendation_id, district_id, decision, reason, evidence, local_lead_agency_id, officer_name, target_date, decided_date,
                  status, status_reason, owner_installation_id, owner_district_id, created_at, updated_at)
           VALUES (@id, @rec, @district, @decision, @reason, @evidence, @local_lead_agency_id, @officer_name, @target_date, @decided_date, @status, @status_reason,
                  @owner, @district, @now, @now)`,
        ).run({ ...values, id: randomUUID(), rec: item.recommendationId, district: item.districtId, owner: store.installationId, now });
      }
      const changes = (['decision', 'reason', 'evidence', 'officer_name', 'target_date'] as const)
        .filter((k) => (before?.[k] ?? null) !== values[k])
        .map((k) => ({ field: k, before: (before?.[k] as string | null) ?? null, after: values[k] }));
      if (changes.length) {
        appendAudit(db, store.installationId, {
          actor,
          action: 'decide',
          entity: 'applicability',
          entityId: item.recommendationId,
          detail: { reviewId: rec.reviewId, reference: rec.reviewReference, number: rec.number, district: districtName, decision: APPLICABILITY_WORDS[input.decision], changes },
        }, now);
      }
    }
  })();
  return plans.length;
}

interface Target {
  kind: 'applicability' | 'action';
  id: string;
  recommendationId: string;
  label: string;
}

function findTarget(db: Db, q: { applicabilityId?: string; actionId?: string }): Target {
  if (q.applicabilityId) {
    const row = db
      .prepare('SELECT a.recommendation_id AS rec, a.decision, d.name FROM applicability a JOIN districts d ON d.id = a.district_id WHERE a.id = ?')
      .get(q.applicabilityId) as { rec: string; decision: string; name: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That district’s record for this recommendation no longer exists. Reload and try again.');
    return { kind: 'applicability', id: q.applicabilityId, recommendationId: row.rec, label: row.name };
  }
  const row = db.prepare('SELECT recommendation_id AS rec, position FROM actions WHERE id = ? AND deleted_at IS NULL').get(q.actionId) as { rec: string; position: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That action no longer exists. Reload and try again.');
  return { kind: 'action', id: q.actionId!, recommendationId: row.rec, label: `action ${row.position}` };
}

export function history(db: Db, q: { applicabilityId?: string; actionId?: string }, today: string): ProgressHistory {
  const target = findTarget(db, q);
  const recommendation = recommendationRef(db, target.recommendationId);
  if (!recommendation) throw new AppError('NOT_FOUND', 'That recommendation no longer exists. Reload the review.');
  const column = target.kind === 'applicability' ? 'applicability_id' : 'action_id';
  const updates = db
    .prepare(`SELECT id, as_at_date AS asAtDate, author, status, note, created_at AS createdAt FROM progress_updates WHERE ${column} = ? ORDER BY as_at_date DESC, created_at DESC`)
    .all(target.id) as Array<Omit<ProgressHistory['updates'][number], 'attachments'>>;
  const files = db.prepare('SELECT id, file_name AS fileName, media_type AS mediaType, size_bytes AS sizeBytes FROM attachments WHERE progress_update_id = ? ORDER BY rowid');
  const action =
    target.kind === 'action'
      ? (db.prepare('SELECT id, action_text AS actionText, status, target_date AS targetDate FROM actions WHERE id = ?').get(target.id) as { id: string; actionText: string; status: Status; targetDate: string | null })
      : null;
  return {
    recommendation,
    applicability: target.kind === 'applicability' ? (applicabilityRows(db, 'a.id = @id', { id: target.id }, today)[0] ?? null) : null,
    action: action ? { ...action, due: dueState(action.targetDate, action.status, today) } : null,
    updates: updates.map((u) => ({ ...u, attachments: files.all(u.id) as ProgressHistory['updates'][number]['attachments'] })),
  };
}

export function addUpdate(store: Store, input: ProgressInput & { attachments: Array<{ fileName: string; dataBase64: string }> }, actor: string, today: string): ProgressHistory {
  const { db } = store;
  const target = findTarget(db, input);
  const rec = recommendationRef(db, target.recommendationId);
  if (!rec) throw new AppError('NOT_FOUND', 'That recommendation no longer exists. Reload the review.');
  if (target.kind === 'applicability') {
    const decision = (db.prepare('SELECT decision FROM applicability WHERE id = ?').get(target.id) as { decision: string }).decision;
    if (decision !== 'applicable') {
      const message = `This recommendation is not applicable in ${target.label} (it is recorded as "${APPLICABILITY_WORDS[decision as keyof typeof APPLICABILITY_WORDS]}"), so its status cannot change there. Record it as applicable first.`;
      throw new AppError('CONFLICT', message, { status: message });
    }
  }
  const problems = validateUpdate({ asAtDate: input.asAtDate, author: input.author, status: input.status, note: input.note, statusReason: input.statusReason ?? null }, { today, notificationDate: rec.notificationDate });
  if (Object.keys(problems).length) throw new AppError('INVALID_INPUT', `The update was not saved. ${Object.values(problems)[0]}`, problems);
  const files = input.attachments.map((a) => checkAttachment(a.fileName, a.dataBase64));
  const now = stampOf(store.clock);
  const owner = (db.prepare(target.kind === 'applicability' ? 'SELECT owner_district_id AS d FROM applicability WHERE id = ?' : 'SELECT owner_district_id AS d FROM actions WHERE id = ?').get(target.id) as { d: string | null }).d;
  db.transaction(() => {
    const updateId = randomUUID();
    db.prepare(
      `INSERT INTO progress_updates (id, applicability_id, action_id, as_at_date, author, status, note, owner_installation_id, owner_district_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      updateId,
      target.kind === 'applicability' ? target.id : null,
      target.kind === 'action' ? target.id : null,
      input.asAtDate,
      input.author.trim(),
      input.status,
      input.status === 'not_implemented' ? `${input.note.trim()}\n\nReason not implemented: ${input.statusReason!.trim()}` : input.note.trim(),
      store.installationId,
      owner,
      now,
      now,
    );
    const addFile = db.prepare(
      `INSERT INTO attachments (id, progress_update_id, file_name, media_type, size_bytes, sha256, content, owner_installation_id, owner_district_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of files) addFile.run(randomUUID(), updateId, f.fileName, f.mediaType, f.bytes.length, createHash('sha256').update(f.bytes).digest('hex'), f.bytes, store.installationId, owner, now, now);
    // The current status is the latest update's: a back-dated update joins the history without changing it.
    const column = target.kind === 'applicability' ? 'applicability_id' : 'action_id';
    const latest = db.prepare(`SELECT id, status FROM progress_updates WHERE ${column} = ? ORDER BY as_at_date DESC, created_at DESC LIMIT 1`).get(target.id) as { id: string; status: Status };
    if (latest.id === updateId) {
      if (target.kind === 'applicability') {
        db.prepare('UPDATE applicability SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?').run(input.status, input.status === 'not_implemented' ? input.statusReason!.trim() : null, now, target.id);
      } else {
        db.prepare('UPDATE actions SET status = ?, updated_at = ? WHERE id = ?').run(input.status, now, target.id);
      }
    }
    appendAudit(db, store.installationId, {
      actor,
      action: 'progress',
      entity: target.kind,
      entityId: target.id,
      detail: {
        reviewId: rec.reviewId,
        reference: rec.reviewReference,
        number: rec.number,
        where: target.label,
        changes: [{ field: 'Status', before: null, after: `${STATUS_DEFAULTS[input.status].label} as at ${input.asAtDate}` }, ...files.map((f) => ({ field: 'Attachment', before: null, after: f.fileName }))],
      },
    }, now);
  })();
  return history(db, input, today);
}

export function attachmentContent(db: Db, id: string): { fileName: string; bytes: Buffer } {
  const row = db.prepare('SELECT file_name AS fileName, content FROM attachments WHERE id = ?').get(id) as { fileName: string; content: Buffer } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That attachment no longer exists.');
  return { fileName: row.fileName, bytes: row.content };
}

const STATUS_ORDER = new Map(STATUSES.map((s, i) => [s, i]));
const DUE_ORDER = { overdue: 0, due_soon: 1, not_due: 2, no_target: 3, closed: 4 } as const;

/** Everything applicable in one district, whichever review it came from: overdue first. */
export function myDistrict(db: Db, districtId: string | null, today: string): MyDistrict {
  const chosen = districtId ?? ((readSetting(db, 'myDistrictId') as string) || null);
  const district = chosen ? (db.prepare('SELECT id, name FROM districts WHERE id = ?').get(chosen) as { id: string; name: string } | undefined) : undefined;
  if (chosen && !district) throw new AppError('NOT_FOUND', 'That district no longer exists. Choose your district again.');
  if (!district) return { districtId: null, districtName: null, asAt: today, items: [], toDecide: [], underConsideration: 0 };
  // Only the recommendations that apply here, or are still to be decided here, are read and numbered, not every one in the store.
  const refs = new Map(
    (db
      .prepare(
        `SELECT ref.* FROM (${RECOMMENDATION_REFS}) ref
          WHERE ref.id IN (SELECT recommendation_id FROM applicability WHERE district_id = ? AND decision IN ('applicable', 'under_consideration'))`,
      )
      .all(district.id) as RecommendationRef[]).map((r) => [r.id, r]),
  );
  // Recommendations that are not live (their review withdrawn, say) have no ref, and drop out here.
  const live = applicabilityRows(db, "a.district_id = @district AND a.decision IN ('applicable', 'under_consideration')", { district: district.id }, today)
    .filter((a) => refs.has(a.recommendationId))
    .map((a) => ({ recommendation: refs.get(a.recommendationId)!, applicability: a }));
  const byReview = (x: MyDistrictItem, y: MyDistrictItem) => x.recommendation.reviewReference.localeCompare(y.recommendation.reviewReference) || x.recommendation.number - y.recommendation.number;
  const items = live
    .filter((i) => i.applicability.decision === 'applicable')
    .sort(
      (x, y) =>
        DUE_ORDER[x.applicability.due] - DUE_ORDER[y.applicability.due] ||
        (STATUS_ORDER.get(x.applicability.status ?? 'not_started') ?? 0) - (STATUS_ORDER.get(y.applicability.status ?? 'not_started') ?? 0) ||
        (x.applicability.targetDate ?? '9999').localeCompare(y.applicability.targetDate ?? '9999') ||
        byReview(x, y),
    );
  const toDecide = live.filter((i) => i.applicability.decision === 'under_consideration').sort(byReview);
  return { districtId: district.id, districtName: district.name, asAt: today, items, toDecide, underConsideration: toDecide.length };
}

export function chooseMyDistrict(store: Store, districtId: string, actor: string): void {
  const { db } = store;
  if (!db.prepare('SELECT 1 FROM districts WHERE id = ? AND retired_at IS NULL').get(districtId)) throw new AppError('NOT_FOUND', 'Choose one of the partnership’s current districts.');
  db.transaction(() => {
    writeSettings(db, { myDistrictId: districtId }, store.clock.now());
    appendAudit(db, store.installationId, { actor, action: 'update', entity: 'settings', detail: { changes: [{ field: 'myDistrictId', before: null, after: districtId }] } }, stampOf(store.clock));
  })();
}
