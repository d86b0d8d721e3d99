import { addDays, addMonths, daysBetween } from '../../../shared/domain/dates.ts';
import { DUE_SOON_DAYS, dueState, type DueState } from '../../../shared/domain/implementation-status.ts';
import { STATUSES, type Applicability, type Status } from '../../../shared/domain/vocabulary.ts';
import { RECOMMENDATION_REFS } from '../progress/progress-queries.ts';
import type { Db } from '../store/sqlite.ts';

// Where each district stood on each recommendation "as at" a day, for the
// reports. The store keeps each district's current decision and status, and
// every dated progress update; a report as at an earlier day is rebuilt from
// those:
// - only progress updates dated on or before the day count, so the status is
//   the latest of them (or the current status when nothing is dated after
//   the day, which is always so as at today: the dashboard's figures);
// - a decision recorded after the day had not been made yet, so the district
//   was still considering the recommendation then;
// - a recommendation whose review was notified after the day is left out;
// - target dates are compared with the day.
// Real names from the pseudonym register are never read here.

export interface ApplicabilityAsAt {
  id: string;
  recommendationId: string;
  reviewId: string;
  reviewReference: string;
  /** The recommendation's number within its review */
  number: number;
  text: string;
  districtId: string;
  districtName: string;
  /** The decision as it stood on the day */
  decision: Applicability;
  reason: string | null;
  evidence: string | null;
  decidedDate: string | null;
  localLeadAgency: string | null;
  officerName: string | null;
  targetDate: string | null;
  /** The status on the day: only for an applicable recommendation */
  status: Status | null;
  /** Why it will not be implemented, when that is the status */
  statusReason: string | null;
  due: DueState;
  /** The latest progress update dated on or before the day */
  latestUpdate: { asAtDate: string; author: string; note: string } | null;
}

interface Row {
  id: string;
  recommendationId: string;
  reviewId: string;
  reviewReference: string;
  number: number;
  text: string;
  districtId: string;
  districtName: string;
  decision: Applicability;
  reason: string | null;
  evidence: string | null;
  decidedDate: string | null;
  localLeadAgency: string | null;
  officerName: string | null;
  targetDate: string | null;
  currentStatus: Status | null;
  currentStatusReason: string | null;
  laterUpdates: number;
  latestId: string | null;
  latestAsAt: string | null;
  latestAuthor: string | null;
  latestNote: string | null;
  latestStatus: Status | null;
}

const REASON_PREFIX = '\n\nReason not implemented: ';

/**
 * Every district's position on live recommendations as at a day. `where`
 * filters on a (applicability), d (districts) and ref (the recommendation,
 * as RECOMMENDATION_REFS gives it).
 */
export function applicabilityAsAt(db: Db, asAt: string, where = '1', params: Record<string, unknown> = {}): ApplicabilityAsAt[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.recommendation_id AS recommendationId, ref.reviewId, ref.reviewReference, ref.number, ref.text,
              a.district_id AS districtId, d.name AS districtName, a.decision, a.reason, a.evidence, a.decided_date AS decidedDate,
              ag.name AS localLeadAgency, a.officer_name AS officerName, a.target_date AS targetDate,
              a.status AS currentStatus, a.status_reason AS currentStatusReason,
              EXISTS (SELECT 1 FROM progress_updates l WHERE l.applicability_id = a.id AND l.as_at_date > @asAt) AS laterUpdates,
              u.id AS latestId, u.as_at_date AS latestAsAt, u.author AS latestAuthor, u.note AS latestNote, u.status AS latestStatus
         FROM applicability a
         JOIN (${RECOMMENDATION_REFS}) ref ON ref.id = a.recommendation_id
         JOIN districts d ON d.id = a.district_id
         LEFT JOIN agencies ag ON ag.id = a.local_lead_agency_id
         LEFT JOIN progress_updates u ON u.id = (
           SELECT id FROM progress_updates WHERE applicability_id = a.id AND as_at_date <= @asAt ORDER BY as_at_date DESC, created_at DESC LIMIT 1)
        WHERE (ref.notificationDate IS NULL OR ref.notificationDate <= @asAt) AND (${where})
        ORDER BY d.sort_order, d.name, ref.reviewReference COLLATE NOCASE, ref.number`,
    )
    .all({ ...params, asAt }) as Row[];
  return rows.map((r) => {
    // A decision recorded after the day had not been made on the day.
    const decision: Applicability = r.decision !== 'under_consideration' && r.decidedDate && r.decidedDate > asAt ? 'under_consideration' : r.decision;
    const applicable = decision === 'applicable';
    let status: Status | null = null;
    let statusReason: string | null = null;
    if (applicable) {
      if (r.laterUpdates) {
        status = r.latestStatus ?? 'not_started';
        const at = r.latestNote?.lastIndexOf(REASON_PREFIX) ?? -1;
        statusReason = status === 'not_implemented' && at >= 0 ? r.latestNote!.slice(at + REASON_PREFIX.length).trim() : null;
      } else {
        status = r.currentStatus ?? 'not_started';
        statusReason = status === 'not_implemented' ? r.currentStatusReason : null;
      }
    }
    const decided = decision !== 'under_consideration';
    return {
      id: r.id,
      recommendationId: r.recommendationId,
      reviewId: r.reviewId,
      reviewReference: r.reviewReference,
      number: r.number,
      text: r.text,
      districtId: r.districtId,
      districtName: r.districtName,
      decision,
      reason: decision === 'not_applicable' ? r.reason : null,
      evidence: decision === 'already_in_place' ? r.evidence : null,
      decidedDate: decided ? r.decidedDate : null,
      localLeadAgency: applicable ? r.localLeadAgency : null,
      officerName: applicable ? r.officerName : null,
      targetDate: applicable ? r.targetDate : null,
      status,
      statusReason,
      due: applicable ? dueState(r.targetDate, status, asAt) : 'closed',
      latestUpdate: applicable && r.latestAsAt ? { asAtDate: r.latestAsAt, author: r.latestAuthor ?? '', note: r.latestNote ?? '' } : null,
    };
  });
}

export const zeroStatusCounts = (): Record<Status, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

export interface StatusSummary {
  counts: Record<Status, number>;
  applicable: number;
  overdue: number;
  dueSoon: number;
  underConsideration: number;
  notApplicable: number;
  alreadyInPlace: number;
}

/** Counts by status and due state, as the dashboard counts them. */
export function summarise(rows: readonly ApplicabilityAsAt[]): StatusSummary {
  const summary: StatusSummary = { counts: zeroStatusCounts(), applicable: 0, overdue: 0, dueSoon: 0, underConsideration: 0, notApplicable: 0, alreadyInPlace: 0 };
  for (const r of rows) {
    if (r.decision === 'under_consideration') summary.underConsideration++;
    else if (r.decision === 'not_applicable') summary.notApplicable++;
    else if (r.decision === 'already_in_place') summary.alreadyInPlace++;
    else {
      summary.applicable++;
      summary.counts[r.status ?? 'not_started']++;
      if (r.due === 'overdue') summary.overdue++;
      if (r.due === 'due_soon') summary.dueSoon++;
    }
  }
  return summary;
}

/** The last day of the month a date falls in. */
export function monthEnd(iso: string): string {
  return addDays(addMonths(`${iso.slice(0, 7)}-01`, 1), -1);
}

/**
 * The days a "status over time" chart counts at: the ends of the `months`
 * months up to the day, ending with the day itself (which is a month end
 * only sometimes).
 */
export function monthEndsUpTo(asAt: string, months = 24): string[] {
  const ends: string[] = [];
  let end = monthEnd(asAt) === asAt ? asAt : addDays(`${asAt.slice(0, 7)}-01`, -1);
  while (ends.length < months) {
    ends.unshift(end);
    end = addDays(`${end.slice(0, 7)}-01`, -1);
  }
  if (ends.at(-1) !== asAt) ends.push(asAt);
  return ends;
}

/** "overdue by 3 days", "due within 30 days", … in words, for a row of a report. */
export function dueWords(row: Pick<ApplicabilityAsAt, 'due' | 'targetDate'>, asAt: string): string {
  switch (row.due) {
    case 'overdue': {
      const days = daysBetween(row.targetDate!, asAt);
      return `Overdue by ${days} ${days === 1 ? 'day' : 'days'}`;
    }
    case 'due_soon':
      return `Due within ${DUE_SOON_DAYS} days`;
    case 'not_due':
      return 'Not yet due';
    case 'no_target':
      return 'No target date';
    case 'closed':
      return 'Closed';
  }
}
