import { stampOf, todayOf } from '../../../shared/domain/clock.ts';
import { addDays, daysBetween } from '../../../shared/domain/dates.ts';
import { DEFAULT_THEMES } from '../../../shared/domain/taxonomy.ts';
import type { Status } from '../../../shared/domain/vocabulary.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { appendAudit } from '../store/audit.ts';
import type { Store } from '../store/open-store.ts';
import { createInserter, type Insert } from '../store/rows.ts';
import { writeSettings } from '../store/settings-store.ts';
import { isStoreEmpty } from '../store/store-stats.ts';
import type { DemoRecommendation, DemoReview } from './demo-types.ts';
import { ALREADY_IN_PLACE_EVIDENCE, CSP_OFFICERS, NOT_APPLICABLE_REASONS, PROGRESS_NOTES } from './demo-progress-text.ts';
import { pick, seededRandom } from './demo-rng.ts';
import { demoReviewsAsAt } from './demo-timeline.ts';
import { DEMO_DISTRICTS, DEMO_LOCAL_AGENCIES, DEMO_NATIONAL_BODIES, DEMO_PARTNERSHIP_NAME } from './partnership.ts';
import { DEMO_REVIEWS } from './reviews/index.ts';

export interface DemoOptions {
  actor: string;
  /** Progress for the UI: one step per review */
  onProgress?: (done: number, total: number, label: string) => void;
  /** The day the demo is "as at": its dates move to it and nothing is dated after it. Defaults to today by the store's clock. */
  today?: string;
  reviews?: readonly DemoReview[];
}

type Ids = Map<string, string>;

interface Lookups {
  districts: Ids;
  agencies: Ids;
  themes: Ids;
}

function idOf(ids: Ids, name: string, what: string): string {
  const id = ids.get(name);
  if (!id) throw new Error(`Demo data names an unknown ${what}: ${name}`);
  return id;
}

const earlier = (a: string, b: string) => (a < b ? a : b);

/** Dated statuses from a start date up to an end date, moving the way real work does. */
function trajectory(random: () => number, start: string, end: string, target: string, finish: boolean): Array<{ asAt: string; status: Status }> {
  const points: Array<{ asAt: string; status: Status }> = [];
  let date = addDays(start, 30 + Math.floor(random() * 60));
  let stage = random() < 0.3 ? 0 : 1; // 0 not started, 1 early, 2 on track
  while (date <= end) {
    let status: Status = (['not_started', 'early_stage', 'on_track'] as const)[stage]!;
    if (stage === 2 && random() < 0.12) status = 'blocked';
    const nearTarget = daysBetween(date, target) < 45;
    if (stage === 2 && status !== 'blocked' && (nearTarget || random() < 0.15) && random() < 0.6) {
      status = date <= target ? 'complete' : 'complete_late';
    }
    points.push({ asAt: date, status });
    if (status === 'complete' || status === 'complete_late') return points;
    stage = Math.min(2, stage + (random() < 0.7 ? 1 : 0));
    date = addDays(date, 75 + Math.floor(random() * 90));
  }
  if (finish) {
    const asAt = end;
    if (points.at(-1)?.asAt === asAt) points.pop();
    points.push({ asAt, status: asAt <= target ? 'complete' : 'complete_late' });
  }
  return points;
}

function note(random: () => number, status: Status, agency: string): string {
  return pick(random, PROGRESS_NOTES[status]).replaceAll('{agency}', agency);
}

function insertRecommendation(
  insert: Insert,
  lookups: Lookups,
  review: DemoReview,
  reviewId: string,
  rec: DemoRecommendation,
  position: number,
  today: string,
) {
  const random = seededRandom(`${review.seed ?? review.reference}#${position}`);
  const ownDistrictId = idOf(lookups.districts, review.district, 'district');
  const published = review.publicationDate && review.publicationDate <= today ? review.publicationDate : undefined;
  const recId = insert('recommendations', {
    review_id: reviewId,
    position,
    text: rec.text,
    scope: rec.scope,
    finding: rec.finding,
    expected_outcome: rec.expectedOutcome,
    owner_district_id: ownDistrictId,
  });
  for (const theme of rec.themes) insert('recommendation_themes', { recommendation_id: recId, theme_id: idOf(lookups.themes, theme, 'theme') });

  // Addressees are told once the report is published; national bodies often never reply (Learning from Loss).
  for (const addressee of new Set(rec.addressedTo)) {
    const national = (DEMO_NATIONAL_BODIES as readonly string[]).includes(addressee);
    const notified = published ? addDays(published, 7 + Math.floor(random() * 21)) : null;
    const acknowledged = notified && random() < (national ? 0.4 : 0.85) ? addDays(notified, 10 + Math.floor(random() * 50)) : null;
    insert('recommendation_addressees', {
      recommendation_id: recId,
      agency_id: idOf(lookups.agencies, addressee, 'agency'),
      notified_date: notified && notified <= today ? notified : null,
      acknowledged_date: acknowledged && acknowledged <= today ? acknowledged : null,
      owner_district_id: ownDistrictId,
    });
  }

  rec.actions.forEach((action, i) => {
    const done = action.completionDate && action.completionDate <= today ? action.completionDate : undefined;
    const status: Status = done
      ? done <= action.targetDate
        ? 'complete'
        : 'complete_late'
      : published
        ? pick(random, ['early_stage', 'on_track', 'on_track', 'blocked', 'not_started'] as const)
        : 'not_started';
    const actionId = insert('actions', {
      recommendation_id: recId,
      position: i + 1,
      action_text: action.action,
      lead_agency_id: idOf(lookups.agencies, action.leadAgency, 'agency'),
      milestones: action.milestones,
      target_date: action.targetDate,
      completion_date: done ?? null,
      outcome: done ? (action.outcome ?? null) : null,
      status,
      owner_district_id: ownDistrictId,
    });
    if (published) {
      insert('progress_updates', {
        action_id: actionId,
        as_at_date: done ?? earlier(today, addDays(published, 120)),
        author: review.chair,
        status,
        note: done ? (action.outcome ?? note(random, status, action.leadAgency)) : note(random, status, action.leadAgency),
        owner_district_id: ownDistrictId,
      });
    }
  });

  const lead = rec.actions[0]?.leadAgency ?? rec.addressedTo[0] ?? 'DASV Partnership';
  const localLead = (DEMO_NATIONAL_BODIES as readonly string[]).includes(lead) ? 'DASV Partnership' : lead;
  for (const district of DEMO_DISTRICTS) {
    const districtId = idOf(lookups.districts, district.name, 'district');
    const own = district.name === review.district;
    const officer = pick(random, CSP_OFFICERS[district.name]!);
    const decidedDate = own ? (review.cspApprovalDate ?? null) : published ? addDays(published, 30 + Math.floor(random() * 60)) : null;
    const roll = random();
    const decision =
      own ? 'applicable'
      : !decidedDate || decidedDate > today ? 'under_consideration'
      : rec.scope === 'national' && roll < 0.6 ? 'not_applicable'
      : roll < 0.55 ? 'applicable'
      : roll < 0.7 ? 'already_in_place'
      : roll < 0.85 ? 'not_applicable'
      : 'under_consideration';
    const base = { recommendation_id: recId, district_id: districtId, owner_district_id: districtId, decided_date: decision === 'under_consideration' ? null : decidedDate };
    if (decision !== 'applicable') {
      insert('applicability', {
        ...base,
        decision,
        reason: decision === 'not_applicable' ? pick(random, NOT_APPLICABLE_REASONS) : null,
        evidence: decision === 'already_in_place' ? pick(random, ALREADY_IN_PLACE_EVIDENCE) : null,
      });
      continue;
    }
    const target = own ? (rec.actions.at(-1)?.targetDate ?? addDays(decidedDate ?? today, 365)) : addDays(decidedDate!, 180 + Math.floor(random() * 360));
    const end = review.closedDate && review.closedDate <= today ? review.closedDate : today;
    const points = decidedDate ? trajectory(random, decidedDate, end, target, Boolean(review.closedDate && review.closedDate <= today)) : [];
    const current = points.at(-1)?.status ?? 'not_started';
    const applicabilityId = insert('applicability', {
      ...base,
      decision,
      local_lead_agency_id: idOf(lookups.agencies, localLead, 'agency'),
      officer_name: officer,
      target_date: target,
      status: current,
    });
    for (const point of points) {
      insert('progress_updates', {
        applicability_id: applicabilityId,
        as_at_date: point.asAt,
        author: officer,
        status: point.status,
        note: note(random, point.status, localLead),
        owner_district_id: districtId,
      });
    }
  }
}

function insertReview(insert: Insert, lookups: Lookups, review: DemoReview, today: string) {
  const districtId = idOf(lookups.districts, review.district, 'district');
  const owned = { owner_district_id: districtId };
  const reviewId = insert('reviews', {
    reference: review.reference,
    victim_pseudonym: review.victimPseudonym,
    commissioning_district_id: districtId,
    relationship: review.relationship,
    date_of_death: review.dateOfDeath,
    notification_date: review.notificationDate,
    decision: review.decisionDate ? (review.decision ?? 'hold') : null,
    decision_date: review.decisionDate ?? null,
    decision_reasons: review.decisionReasons ?? null,
    home_office_notified_date: review.homeOfficeNotifiedDate ?? null,
    chair_name: review.chair,
    terms_of_reference_date: review.termsOfReferenceDate ?? null,
    draft_report_date: review.draftReportDate ?? null,
    family_consulted_date: review.familyConsultedDate ?? null,
    csp_approval_date: review.cspApprovalDate ?? null,
    publication_date: review.publicationDate ?? null,
    embargoed: review.embargoReason ? 1 : 0,
    embargo_reason: review.embargoReason ?? null,
    closed_date: review.closedDate ?? null,
    summary: review.summary,
    ...owned,
  });
  review.people.forEach((p, i) =>
    insert('review_people', { review_id: reviewId, role: p.role, pseudonym: p.pseudonym, real_name: p.realName, sort_order: i, ...owned }),
  );
  for (const m of review.panel) {
    insert('review_panel_members', { review_id: reviewId, agency_id: idOf(lookups.agencies, m.agency, 'agency'), member_name: m.member, role: m.role, ...owned });
  }
  for (const imr of review.imrs) {
    insert('review_imrs', {
      review_id: reviewId,
      agency_id: idOf(lookups.agencies, imr.agency, 'agency'),
      requested_date: imr.requested,
      received_date: imr.received ?? null,
      ...owned,
    });
  }
  for (const pause of review.pauses) {
    insert('review_pauses', { review_id: reviewId, start_date: pause.start, end_date: pause.end ?? null, reason: pause.reason, ...owned });
  }
  review.qaSubmissions.forEach((qa, i) =>
    insert('review_qa_submissions', {
      review_id: reviewId,
      round: i + 1,
      submitted_date: qa.submitted,
      outcome: qa.outcome ?? null,
      outcome_date: qa.outcomeDate ?? null,
      feedback: qa.feedback ?? null,
      ...owned,
    }),
  );
  for (const theme of new Set(review.themes)) insert('review_themes', { review_id: reviewId, theme_id: idOf(lookups.themes, theme, 'theme') });
  review.recommendations.forEach((rec, i) => insertRecommendation(insert, lookups, review, reviewId, rec, i + 1, today));
}

/**
 * Load the fictional demo partnership into an empty store, in one
 * transaction: either all of it is there afterwards or none of it.
 */
export function loadDemo(store: Store, options: DemoOptions): void {
  const { db } = store;
  if (!isStoreEmpty(db)) {
    throw new AppError('NOT_EMPTY', 'This store already holds partnership data. Demo data can only be loaded into an empty store; create a new store to try it.');
  }
  // The demo is laid out around the day it is loaded, so it looks the same whenever that is.
  const today = options.today ?? todayOf(store.clock);
  const reviews = demoReviewsAsAt(options.reviews ?? DEMO_REVIEWS, today);
  const now = stampOf(store.clock);
  db.transaction(() => {
    const insert = createInserter(db, { installationId: store.installationId, now });
    writeSettings(db, { partnershipName: DEMO_PARTNERSHIP_NAME }, store.clock.now());
    const districts: Ids = new Map();
    DEMO_DISTRICTS.forEach((d, i) => districts.set(d.name, insert('districts', { name: d.name, short_name: d.shortName, sort_order: i })));
    // Agencies and themes someone added before loading the demo are reused by name, and
    // demo themes they renamed or retired are added back, so the demo never collides with them.
    const byName = (sql: string): Ids =>
      new Map((db.prepare(sql).all() as Array<{ name: string; id: string }>).map((r) => [r.name.toLowerCase(), r.id]));
    const existingAgencies = byName('SELECT name, id FROM agencies');
    const agencies: Ids = new Map();
    for (const [kind, names] of [['local', DEMO_LOCAL_AGENCIES], ['national', DEMO_NATIONAL_BODIES]] as const) {
      for (const name of names) agencies.set(name, existingAgencies.get(name.toLowerCase()) ?? insert('agencies', { name, kind }));
    }
    const existingThemes = byName('SELECT name, id FROM themes');
    const themes: Ids = new Map();
    for (const theme of DEFAULT_THEMES) {
      themes.set(theme.name, existingThemes.get(theme.name.toLowerCase()) ?? insert('themes', { name: theme.name, category: theme.category, sort_order: 1000 }));
    }
    const lookups = { districts, agencies, themes };
    reviews.forEach((review, i) => {
      options.onProgress?.(i, reviews.length, `Adding review ${review.reference}`);
      insertReview(insert, lookups, review, today);
    });
    appendAudit(db, store.installationId, { actor: options.actor, action: 'load-demo', entity: 'store', detail: { reviews: reviews.length } }, now);
  })();
  options.onProgress?.(reviews.length, reviews.length, 'Demo data loaded');
}
