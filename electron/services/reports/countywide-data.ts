import { daysBetween } from '../../../shared/domain/dates.ts';
import { THEME_CATEGORY_WORDS, type Status, type ThemeCategory } from '../../../shared/domain/vocabulary.ts';
import type { RecurringGroup } from '../../../shared/ipc/recommendation-schemas.ts';
import { RECOMMENDATION_REFS } from '../progress/progress-queries.ts';
import { recurringGroups } from '../recommendations/similar.ts';
import { listReviews } from '../reviews/review-list.ts';
import type { Db } from '../store/sqlite.ts';
import { applicabilityAsAt, summarise, type ApplicabilityAsAt, type StatusSummary } from './as-at.ts';
import { quietStep, reportBasics, type ReportBasics, type Step } from './report-common.ts';

// Everything the countywide learning report for a period says. The reviews
// in the period are those notified in it, and those notified before it that
// were still open when it began; everything else in the report is about
// those reviews and their recommendations. Figures are as at the end of the
// period, or today when the period runs on past today.
// Pseudonyms only: the pseudonym register's real names are never read here.

export interface PeriodReview {
  id: string;
  reference: string;
  victimPseudonym: string;
  districtName: string;
  notificationDate: string | null;
  stageLabel: string;
  stageSince: string | null;
  daysInStage: number | null;
  /** Notified within the period (rather than before it and still open) */
  notifiedInPeriod: boolean;
  /** Days from notification to closure, or to the report's day while open */
  durationDays: number | null;
  closed: boolean;
  recommendations: number;
}

export interface ThemeCount {
  name: string;
  category: string;
  reviews: number;
  recommendations: number;
}

export interface NationalAddressee {
  reviewReference: string;
  number: number;
  text: string;
  body: string;
  notifiedDate: string | null;
  acknowledgedDate: string | null;
}

export interface CountywideData extends ReportBasics {
  from: string;
  to: string;
  /** The day the figures are as at: the end of the period, or today if that is earlier */
  asAt: string;
  reviews: PeriodReview[];
  themes: ThemeCount[];
  recurring: RecurringGroup[];
  districts: Array<{ id: string; name: string; summary: StatusSummary }>;
  matrix: Array<{ recommendation: Pick<ApplicabilityAsAt, 'recommendationId' | 'reviewReference' | 'number' | 'text'>; cells: Array<ApplicabilityAsAt | null> }>;
  overdue: ApplicabilityAsAt[];
  national: NationalAddressee[];
  totals: { recommendations: number; statusCounts: Record<Status, number> };
}

/** How many steps loadCountywide takes. */
export const COUNTYWIDE_DATA_STEPS = 6;

export async function loadCountywide(db: Db, from: string, to: string, options: { today: string; step?: Step }): Promise<CountywideData> {
  const step = options.step ?? quietStep;
  const asAt = to < options.today ? to : options.today;
  const basics = reportBasics(db, options.today);

  await step('Finding the reviews in the period');
  const inPeriod = (
    db
      .prepare(
        `SELECT id, notification_date AS notificationDate FROM reviews
          WHERE deleted_at IS NULL AND notification_date IS NOT NULL AND notification_date <= @to
            AND (notification_date >= @from OR closed_date IS NULL OR closed_date >= @from)
            AND (decision IS NOT 'not_hold' OR notification_date >= @from OR decision_date IS NULL OR decision_date >= @from)`,
      )
      .all({ from, to }) as Array<{ id: string; notificationDate: string }>
  ).reduce((m, r) => m.set(r.id, r.notificationDate), new Map<string, string>());
  const closedDates = new Map(
    (db.prepare('SELECT id, closed_date AS closedDate FROM reviews WHERE closed_date IS NOT NULL').all() as Array<{ id: string; closedDate: string }>).map((r) => [r.id, r.closedDate]),
  );
  const reviews: PeriodReview[] = listReviews(db, { sort: 'notificationDate', direction: 'asc' }, asAt)
    .rows.filter((r) => inPeriod.has(r.id))
    .map((r) => {
      const closedDate = closedDates.get(r.id);
      const closed = Boolean(closedDate && closedDate <= asAt);
      const end = closed ? closedDate! : asAt;
      return {
        id: r.id,
        reference: r.reference,
        victimPseudonym: r.victimPseudonym,
        districtName: r.districtName,
        notificationDate: r.notificationDate,
        stageLabel: r.clock.stageLabel,
        stageSince: r.clock.stageSince,
        daysInStage: r.clock.daysInStage,
        notifiedInPeriod: Boolean(r.notificationDate && r.notificationDate >= from),
        durationDays: r.notificationDate && r.notificationDate <= end ? daysBetween(r.notificationDate, end) : null,
        closed,
        recommendations: r.recommendations,
      };
    });
  const ids = reviews.map((r) => r.id);
  const idList = JSON.stringify(ids);

  await step('Counting themes across the reviews');
  const themeRows = db
    .prepare(
      `SELECT t.name, t.category,
              (SELECT count(*) FROM review_themes rt WHERE rt.theme_id = t.id AND rt.review_id IN (SELECT value FROM json_each(@ids))) AS reviews,
              (SELECT count(*) FROM recommendation_themes mt JOIN recommendations r ON r.id = mt.recommendation_id AND r.deleted_at IS NULL
                WHERE mt.theme_id = t.id AND r.review_id IN (SELECT value FROM json_each(@ids))) AS recommendations
         FROM themes t`,
    )
    .all({ ids: idList }) as Array<{ name: string; category: ThemeCategory; reviews: number; recommendations: number }>;
  const themes = themeRows
    .filter((t) => t.reviews > 0 || t.recommendations > 0)
    .map((t) => ({ name: t.name, category: THEME_CATEGORY_WORDS[t.category] ?? t.category, reviews: t.reviews, recommendations: t.recommendations }))
    .sort((a, b) => b.reviews - a.reviews || b.recommendations - a.recommendations || a.name.localeCompare(b.name));

  await step('Finding recommendations made again and again');
  const inSet = new Set(ids);
  const recurring = recurringGroups(db, asAt).filter((g) => g.members.some((m) => inSet.has(m.reviewId)));

  await step('Reading every district’s decisions and progress');
  const districts = db.prepare('SELECT id, name FROM districts WHERE retired_at IS NULL ORDER BY sort_order, name').all() as Array<{ id: string; name: string }>;
  const rows = applicabilityAsAt(db, asAt, 'd.retired_at IS NULL AND ref.reviewId IN (SELECT value FROM json_each(@ids))', { ids: idList });
  const cells = new Map(rows.map((r) => [`${r.recommendationId} ${r.districtId}`, r]));
  const recs = new Map<string, CountywideData['matrix'][number]['recommendation']>();
  for (const r of rows) if (!recs.has(r.recommendationId)) recs.set(r.recommendationId, { recommendationId: r.recommendationId, reviewReference: r.reviewReference, number: r.number, text: r.text });
  const matrix = [...recs.values()]
    .sort((a, b) => a.reviewReference.localeCompare(b.reviewReference) || a.number - b.number)
    .map((recommendation) => ({ recommendation, cells: districts.map((d) => cells.get(`${recommendation.recommendationId} ${d.id}`) ?? null) }));

  await step('Finding overdue recommendations by district');
  const overdue = rows
    .filter((r) => r.due === 'overdue')
    .sort((a, b) => districts.findIndex((d) => d.id === a.districtId) - districts.findIndex((d) => d.id === b.districtId) || (a.targetDate ?? '').localeCompare(b.targetDate ?? '') || a.reviewReference.localeCompare(b.reviewReference) || a.number - b.number);
  const all = summarise(rows);

  await step('Reading recommendations made to national bodies');
  const national = db
    .prepare(
      `SELECT ref.reviewReference, ref.number, ref.text, a.name AS body, ra.notified_date AS notifiedDate, ra.acknowledged_date AS acknowledgedDate
         FROM recommendation_addressees ra
         JOIN agencies a ON a.id = ra.agency_id AND a.kind = 'national'
         JOIN (${RECOMMENDATION_REFS}) ref ON ref.id = ra.recommendation_id
        WHERE ref.reviewId IN (SELECT value FROM json_each(@ids))
        ORDER BY ref.reviewReference COLLATE NOCASE, ref.number, a.name`,
    )
    .all({ ids: idList }) as NationalAddressee[];
  // What was not yet done on the report's day was not done then.
  for (const n of national) {
    if (n.notifiedDate && n.notifiedDate > asAt) n.notifiedDate = null;
    if (n.acknowledgedDate && n.acknowledgedDate > asAt) n.acknowledgedDate = null;
  }

  return {
    ...basics,
    from,
    to,
    asAt,
    reviews,
    themes,
    recurring,
    districts: districts.map((d) => ({ id: d.id, name: d.name, summary: summarise(rows.filter((r) => r.districtId === d.id)) })),
    matrix,
    overdue,
    national,
    totals: { recommendations: reviews.reduce((n, r) => n + r.recommendations, 0), statusCounts: all.counts },
  };
}
