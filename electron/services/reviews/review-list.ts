import { reviewClock, reviewStage, reviewTimeline, STAGE_WORDS, type ClockInput, type ClockSettings, type ReviewClock, type ReviewStage } from '../../../shared/domain/review-clock.ts';
import type { ReviewClockView, ReviewListQuery, ReviewRow } from '../../../shared/ipc/review-schemas.ts';
import type { Db } from '../store/sqlite.ts';
import { readSettings } from '../store/settings-store.ts';
import type { StoredReview } from './review-store.ts';

// The reviews register: every review with its derived stage and clocks,
// filtered and sorted. Real names from the pseudonym register are never read here.

export function clockView(clock: ReviewClock): ReviewClockView {
  return { ...clock, stageLabel: STAGE_WORDS[clock.stage] };
}

export function clockSettings(db: Db): ClockSettings {
  const s = readSettings(db);
  return { decisionWithinDays: s.decisionWithinDays, completionWithinMonths: s.completionWithinMonths };
}

export function detailClock(db: Db, review: StoredReview, today: string, agencyName: (id: string) => string | undefined) {
  const clock = clockView(reviewClock(review, clockSettings(db), today));
  const timeline = reviewTimeline({ ...review, imrs: review.imrs.map((i) => ({ ...i, agencyName: agencyName(i.agencyId) })) });
  return { clock, timeline };
}

interface Base {
  id: string;
  reference: string;
  victimPseudonym: string;
  districtId: string;
  districtName: string;
  districtOrder: number;
  relationship: ReviewRow['relationship'];
  notificationDate: string | null;
  decision: 'hold' | 'not_hold' | null;
  decisionDate: string | null;
  termsOfReferenceDate: string | null;
  draftReportDate: string | null;
  cspApprovalDate: string | null;
  publicationDate: string | null;
  embargoed: number;
  closedDate: string | null;
  chairName: string | null;
  recommendations: number;
}

function groupBy<T extends { reviewId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.reviewId) ?? [];
    list.push(row);
    map.set(row.reviewId, list);
  }
  return map;
}

type ImrDates = Array<{ reviewId: string; requestedDate: string | null }>;
type PauseDates = Array<{ reviewId: string; startDate: string; endDate: string | null }>;
type QaDates = Array<{ reviewId: string; submittedDate: string; outcome: 'approved' | 'resubmit' | null; outcomeDate: string | null }>;

/** The IMR, pause and QA dates of every review, by review: what its clock needs besides its own dates. */
function clockChildren(db: Db, read = { imrs: true }) {
  return {
    imrs: read.imrs ? groupBy(db.prepare('SELECT review_id AS reviewId, requested_date AS requestedDate FROM review_imrs').all() as ImrDates) : new Map<string, ImrDates>(),
    pauses: groupBy(db.prepare('SELECT review_id AS reviewId, start_date AS startDate, end_date AS endDate FROM review_pauses').all() as PauseDates),
    qa: groupBy(db.prepare('SELECT review_id AS reviewId, submitted_date AS submittedDate, outcome, outcome_date AS outcomeDate FROM review_qa_submissions ORDER BY round').all() as QaDates),
  };
}

/**
 * How many live reviews are at each stage, as at a day (the dashboard's
 * chart): the same reviews and stages as listReviews, reading only what the
 * stage depends on.
 */
export function reviewStageCounts(db: Db, today: string): Map<ReviewStage, number> {
  const base = db
    .prepare(
      `SELECT v.id, v.notification_date AS notificationDate, v.decision, v.decision_date AS decisionDate, v.terms_of_reference_date AS termsOfReferenceDate,
              v.draft_report_date AS draftReportDate, v.csp_approval_date AS cspApprovalDate, v.publication_date AS publicationDate,
              v.embargoed, v.closed_date AS closedDate
         FROM reviews v JOIN districts d ON d.id = v.commissioning_district_id
        WHERE v.deleted_at IS NULL`,
    )
    .all() as Array<Omit<ClockInput, 'embargoed' | 'imrs' | 'pauses' | 'qaSubmissions'> & { id: string; embargoed: number }>;
  const { pauses, qa } = clockChildren(db, { imrs: false });
  // IMR requests matter only to a review not yet past setting up (with no terms of reference):
  // the first of them moves it on to panel meetings and IMRs. Read them only for those.
  const firstImr = db.prepare('SELECT min(requested_date) FROM review_imrs WHERE review_id = ?').pluck();
  const counts = new Map<ReviewStage, number>();
  for (const b of base) {
    const input = { ...b, embargoed: b.embargoed === 1, imrs: [] as ClockInput['imrs'], pauses: pauses.get(b.id) ?? [], qaSubmissions: qa.get(b.id) ?? [] };
    let stage = reviewStage(input, today);
    if (stage === 'setting_up' || stage === 'awaiting_decision') {
      const requestedDate = firstImr.get(b.id) as string | null;
      if (requestedDate) stage = reviewStage({ ...input, imrs: [{ requestedDate }] }, today);
    }
    counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  return counts;
}

export function listReviews(db: Db, query: ReviewListQuery & { sort: string; direction: 'asc' | 'desc' }, today: string) {
  const settings = clockSettings(db);
  const base = db
    .prepare(
      `SELECT v.id, v.reference, v.victim_pseudonym AS victimPseudonym, v.commissioning_district_id AS districtId,
              d.name AS districtName, d.sort_order AS districtOrder, v.relationship, v.notification_date AS notificationDate,
              v.decision, v.decision_date AS decisionDate, v.terms_of_reference_date AS termsOfReferenceDate,
              v.draft_report_date AS draftReportDate, v.csp_approval_date AS cspApprovalDate,
              v.publication_date AS publicationDate, v.embargoed, v.closed_date AS closedDate, v.chair_name AS chairName,
              (SELECT count(*) FROM recommendations r WHERE r.review_id = v.id AND r.deleted_at IS NULL) AS recommendations
         FROM reviews v JOIN districts d ON d.id = v.commissioning_district_id
        WHERE v.deleted_at IS NULL`,
    )
    .all() as Base[];
  const { imrs, pauses, qa } = clockChildren(db);
  const themed = query.themeId
    ? new Set((db.prepare('SELECT review_id FROM review_themes WHERE theme_id = ?').all(query.themeId) as Array<{ review_id: string }>).map((r) => r.review_id))
    : null;

  const all = base.map((b) => {
    const clock = clockView(
      reviewClock(
        { ...b, embargoed: b.embargoed === 1, imrs: imrs.get(b.id) ?? [], pauses: pauses.get(b.id) ?? [], qaSubmissions: qa.get(b.id) ?? [] },
        settings,
        today,
      ),
    );
    return { b, row: { id: b.id, reference: b.reference, victimPseudonym: b.victimPseudonym, districtId: b.districtId, districtName: b.districtName, relationship: b.relationship, notificationDate: b.notificationDate, year: b.notificationDate ? Number(b.notificationDate.slice(0, 4)) : null, recommendations: b.recommendations, clock } satisfies ReviewRow };
  });

  const needle = query.search?.trim().toLowerCase();
  const matches = all.filter(({ b, row }) => {
    if (query.districtId && row.districtId !== query.districtId) return false;
    if (query.stage && row.clock.stage !== query.stage) return false;
    if (query.year && row.year !== query.year) return false;
    if (themed && !themed.has(row.id)) return false;
    if (query.overdueOnly && !row.clock.overdue) return false;
    if (needle) {
      const haystack = [b.reference, b.victimPseudonym, b.districtName, b.chairName ?? ''].join('\n').toLowerCase();
      if (!haystack.includes(needle)) return false;
    }
    return true;
  });

  const stageOrder = new Map(Object.keys(STAGE_WORDS).map((s, i) => [s, i]));
  const key = (x: (typeof all)[number]): string | number => {
    switch (query.sort) {
      case 'district':
        return x.b.districtOrder;
      case 'stage':
        return stageOrder.get(x.row.clock.stage) ?? 0;
      case 'daysInStage':
        return x.row.clock.daysInStage ?? -1;
      case 'notificationDate':
        return x.row.notificationDate ?? '';
      default:
        return x.row.reference.toLowerCase();
    }
  };
  const sign = query.direction === 'desc' ? -1 : 1;
  matches.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
    return a.row.reference.localeCompare(b.row.reference);
  });
  const years = [...new Set(all.map((x) => x.row.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
  return { rows: matches.map((m) => m.row), total: all.length, years };
}
