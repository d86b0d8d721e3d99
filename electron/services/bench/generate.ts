import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock, stampOf, systemClock } from '../../../shared/domain/clock.ts';
import { addDays, daysBetween } from '../../../shared/domain/dates.ts';
import { DEFAULT_THEMES } from '../../../shared/domain/taxonomy.ts';
import type { RecommendationScope, Status } from '../../../shared/domain/vocabulary.ts';
import { seededRandom } from '../demo/demo-rng.ts';
import { appendAudit } from '../store/audit.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../store/migrations/index.ts';
import { createStore, openStore, type Store } from '../store/open-store.ts';
import { writeSettings } from '../store/settings-store.ts';
import type { Db } from '../store/sqlite.ts';
import { storeStats } from '../store/store-stats.ts';
import * as P from './phrases.ts';
import { expectedCounts, SCALES, type PartnershipSpec, type ScaleName, type ScaleSpec } from './scales.ts';

// Synthetic stores for the benchmark: fictional partnerships at county,
// region and national scale, written through the real schema (createStore
// runs every migration, so the FTS triggers, checks and indexes are the
// app's own) with prepared statements in one large transaction. It is a
// bench fixture, not user data, so the bulk load skips the journal and
// fsync; the finished file is an ordinary store that opens in the app with
// BENCH_PASSPHRASE. Deterministic: the same scale always gives the same data
// (ids included), whatever the machine.

/** Bump when the generated data changes shape, so cached stores are rebuilt. */
export const GENERATOR_VERSION = 2;
/** The fixed day the synthetic data is "as at" and the benchmark runs at. */
export const BENCH_TODAY = '2026-11-21';
/** Not a secret: every bench store is fictional and opens with this. */
export const BENCH_PASSPHRASE = 'synthetic benchmark partnership';
const NOW = `${BENCH_TODAY}T09:00:00.000Z`;

export interface GeneratedStats {
  scale: ScaleName;
  schemaVersion: number;
  generatorVersion: number;
  generatedAt: string;
  /** Wall-clock time to generate (ms); for a cached store, the time it took when it was made */
  generationMs: number;
  counts: ReturnType<typeof storeStats> & { fileBytes: number };
}

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const hex = (rng: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 16).toString(16);
  return s;
};
/** A UUID-shaped (version 4 layout) id from the seeded generator, so ids are deterministic too. */
const uuid = (rng: Rng) => `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${'89ab'[Math.floor(rng() * 4)]}${hex(rng, 3)}-${hex(rng, 12)}`;
const earlier = (a: string, b: string) => (a < b ? a : b);
const upTo = (date: string | null, limit: string): string | null => (date && date <= limit ? date : null);

/** Spread `total` over items in proportion to their weights, exactly. */
function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k]![1]]!++;
  return out;
}

interface District {
  id: string;
  name: string;
  shortName: string;
  officers: string[];
}

interface ReviewPlan {
  id: string;
  reference: string;
  districtIndex: number;
  pseudonym: string;
  notification: string;
  published: string | null;
  approval: string | null;
  closed: string | null;
  chair: string;
  recommendations: number;
}

interface ApplicabilityPlan {
  id: string;
  recommendationId: string;
  district: District;
  decision: 'applicable' | 'not_applicable' | 'already_in_place' | 'under_consideration';
  decided: string | null;
  /** When its progress updates start: the decision, or the review's notification when not yet decided */
  start: string | null;
  /** When they end: today, or the day the work finished */
  end: string;
  target: string | null;
  lead: string | null;
  officer: string | null;
  /** How many updates it would naturally have (one a quarter since the decision), before scaling to the total */
  weight: number;
  finishes: boolean;
  notImplemented: boolean;
  reason: string | null;
  evidence: string | null;
}

/** Status of the k-th (0-based) of n updates: work moves forward, sometimes stalls, and may finish or stop. */
function statusAt(rng: Rng, k: number, n: number, plan: ApplicabilityPlan, date: string): Status {
  const last = k === n - 1;
  if (last && plan.notImplemented) return 'not_implemented';
  if (last && plan.finishes) return plan.target && date > plan.target ? 'complete_late' : 'complete';
  if (last) return pick(rng, ['not_started', 'early_stage', 'early_stage', 'early_stage', 'on_track', 'on_track', 'on_track', 'on_track', 'blocked', 'blocked'] as const);
  const progress = (k + 1) / (n + 1);
  if (progress < 0.2) return 'not_started';
  if (progress < 0.45) return 'early_stage';
  return rng() < 0.12 ? 'blocked' : 'on_track';
}

function districtsFor(spec: PartnershipSpec, startPlace: number, rng: Rng, used: Set<string>): District[] {
  return Array.from({ length: spec.districts }, (_, i) => {
    const name = P.PLACES[(startPlace + i) % P.PLACES.length]! + (startPlace + i >= P.PLACES.length ? ' North' : '');
    let short = name.replace(/[^A-Za-z]/g, '').slice(0, 2).toUpperCase();
    for (let n = 3; used.has(short); n++) short = (name.replace(/[^A-Za-z]/g, '').slice(0, 2) + String(n)).toUpperCase();
    used.add(short);
    const officers = Array.from({ length: 3 }, () => `${pick(rng, P.OFFICER_FIRST)} ${pick(rng, P.SURNAMES)}`);
    return { id: uuid(rng), name, shortName: short, officers };
  });
}

/** Fill an empty store with one scale's synthetic data, in one transaction. */
export function fillStore(store: Store, scale: ScaleSpec, onProgress: (message: string) => void = () => {}): void {
  const { db, installationId } = store;
  const rng = seededRandom(`dhr-bench-${scale.name}`);
  const ins = (table: string, columns: readonly string[]) => {
    const statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    return (...values: unknown[]) => statement.run(...values);
  };
  const owned = ['owner_installation_id', 'owner_district_id', 'created_at', 'updated_at'] as const;
  const addDistrict = ins('districts', ['id', 'name', 'short_name', 'sort_order', 'owner_installation_id', 'owner_district_id', 'created_at', 'updated_at']);
  const addAgency = ins('agencies', ['id', 'name', 'kind', ...owned]);
  const addReview = ins('reviews', [
    'id', 'reference', 'victim_pseudonym', 'commissioning_district_id', 'relationship', 'date_of_death', 'notification_date', 'decision', 'decision_date',
    'home_office_notified_date', 'chair_name', 'terms_of_reference_date', 'draft_report_date', 'executive_summary_draft_date', 'family_consulted_date',
    'csp_approval_date', 'publication_date', 'closed_date', 'summary', ...owned,
  ]);
  const addPerson = ins('review_people', ['id', 'review_id', 'role', 'pseudonym', 'real_name', 'sort_order', ...owned]);
  const addPanel = ins('review_panel_members', ['id', 'review_id', 'agency_id', 'member_name', 'role', ...owned]);
  const addImr = ins('review_imrs', ['id', 'review_id', 'agency_id', 'requested_date', 'received_date', ...owned]);
  const addPause = ins('review_pauses', ['id', 'review_id', 'start_date', 'end_date', 'reason', ...owned]);
  const addQa = ins('review_qa_submissions', ['id', 'review_id', 'round', 'submitted_date', 'outcome', 'outcome_date', 'feedback', ...owned]);
  const addReviewTheme = ins('review_themes', ['review_id', 'theme_id']);
  const addRecommendation = ins('recommendations', ['id', 'review_id', 'position', 'text', 'scope', 'finding', 'expected_outcome', ...owned]);
  const addRecTheme = ins('recommendation_themes', ['recommendation_id', 'theme_id']);
  const addAddressee = ins('recommendation_addressees', ['id', 'recommendation_id', 'agency_id', 'notified_date', 'acknowledged_date', ...owned]);
  const addAction = ins('actions', ['id', 'recommendation_id', 'position', 'action_text', 'lead_agency_id', 'milestones', 'target_date', 'completion_date', 'outcome', 'status', ...owned]);
  const addApplicability = ins('applicability', [
    'id', 'recommendation_id', 'district_id', 'decision', 'reason', 'evidence', 'local_lead_agency_id', 'officer_name', 'target_date', 'decided_date', 'status', 'status_reason', ...owned,
  ]);
  const addUpdate = ins('progress_updates', ['id', 'applicability_id', 'action_id', 'as_at_date', 'author', 'status', 'note', ...owned]);

  const themes = new Map((db.prepare('SELECT name, id FROM themes').all() as Array<{ name: string; id: string }>).map((t) => [t.name, t.id]));
  const themeId = (name: string) => {
    const id = themes.get(name);
    if (!id) throw new Error(`Bench phrase bank names an unknown theme: ${name}`);
    return id;
  };
  const allThemes = DEFAULT_THEMES.map((t) => t.name);

  writeSettings(db, { partnershipName: 'Synthetic benchmark partnerships (fictional)' }, BENCH_CLOCK.now());
  const nationalIds = P.NATIONAL_BODIES.map((name) => {
    const id = uuid(rng);
    addAgency(id, name, 'national', installationId, null, NOW, NOW);
    return id;
  });

  const usedShort = new Set<string>();
  let place = 0;
  let sortOrder = 0;
  const applicability: ApplicabilityPlan[] = [];
  const actionUpdates: Array<{ actionId: string; date: string; author: string; status: Status; note: string; owner: string }> = [];
  const today = BENCH_TODAY;

  scale.partnerships.forEach((spec, pIndex) => {
    onProgress(`Partnership ${pIndex + 1} of ${scale.partnerships.length}: ${spec.reviews} reviews, ${spec.recommendations} recommendations`);
    const area = P.AREAS[pIndex % P.AREAS.length]!;
    const districts = districtsFor(spec, place, rng, usedShort);
    place += spec.districts;
    for (const d of districts) addDistrict(d.id, d.name, d.shortName, sortOrder++, installationId, null, NOW, NOW);
    const agencies = P.LOCAL_AGENCY_TEMPLATES.map((t) => {
      const id = uuid(rng);
      addAgency(id, t.replace('{area}', area), 'local', installationId, null, NOW, NOW);
      return { id, name: t.replace('{area}', area) };
    });

    // Reviews: spread over the districts unevenly and over fifteen years.
    const districtWeights = districts.map(() => 0.6 + rng());
    const perDistrict = apportion(districtWeights, spec.reviews);
    const recCounts = apportion(Array.from({ length: spec.reviews }, () => int(rng, 5, 25)), spec.recommendations);
    const reviews: ReviewPlan[] = [];
    const perYear = new Map<string, number>();
    let r = 0;
    perDistrict.forEach((count, districtIndex) => {
      for (let k = 0; k < count; k++, r++) {
        const notification = addDays('2011-06-01', int(rng, 0, daysBetween('2011-06-01', '2026-10-31')));
        const d = districts[districtIndex]!;
        const year = notification.slice(0, 4);
        const key = `${d.shortName}-${year}`;
        const seq = (perYear.get(key) ?? 0) + 1;
        perYear.set(key, seq);
        reviews.push({
          id: uuid(rng),
          reference: `DHR-${d.shortName}-${year}-${String(seq).padStart(2, '0')}`,
          districtIndex,
          pseudonym: pick(rng, P.FIRST_NAMES),
          notification,
          published: null,
          approval: null,
          closed: null,
          chair: `${pick(rng, P.OFFICER_FIRST)} ${pick(rng, P.SURNAMES)}`,
          recommendations: recCounts[r]!,
        });
      }
    });

    for (const review of reviews) {
      const d = districts[review.districtIndex]!;
      const decision = addDays(review.notification, int(rng, 10, 40));
      const homeOffice = addDays(decision, int(rng, 3, 10));
      const tor = addDays(decision, int(rng, 30, 120));
      const paused = rng() < 0.2;
      const pauseEnd = addDays(decision, 20 + int(rng, 120, 400));
      const draft = addDays(paused ? pauseEnd : tor, int(rng, 200, 450));
      const family = addDays(draft, int(rng, 20, 60));
      const approval = addDays(draft, int(rng, 60, 150));
      const submitted = addDays(approval, int(rng, 15, 40));
      const resubmit = rng() < 0.2;
      const outcome1 = addDays(submitted, int(rng, 90, 200));
      const submitted2 = addDays(outcome1, int(rng, 30, 90));
      const approved = resubmit ? addDays(submitted2, int(rng, 60, 120)) : outcome1;
      const published = addDays(approved, int(rng, 60, 150));
      const closed = addDays(published, int(rng, 700, 1500));
      // A stage happens only once the one before it has; nothing is dated after today.
      const chain = [decision, homeOffice, tor, draft, family, approval, published, closed];
      const cut = chain.findIndex((x) => x > today);
      const at = (i: number) => (cut === -1 || i < cut ? chain[i]! : null);
      review.approval = at(5);
      review.published = at(6);
      review.closed = at(7);
      const owner = d.id;
      addReview(
        review.id, review.reference, review.pseudonym, d.id, pick(rng, ['intimate_partner', 'intimate_partner', 'intimate_partner', 'familial', 'homicide_suicide', 'suicide'] as const),
        addDays(review.notification, -int(rng, 1, 10)), review.notification, at(0) ? 'hold' : null, at(0), at(1), review.chair, at(2), at(3), at(3), at(4),
        at(5), at(6), at(7),
        `${review.pseudonym} was killed by a partner or relative. Agencies had contact with the family over several years. (Synthetic benchmark review.)`,
        installationId, owner, NOW, NOW,
      );
      addPerson(uuid(rng), review.id, 'victim', review.pseudonym, `${pick(rng, P.FIRST_NAMES)} ${pick(rng, P.SURNAMES)}`, 0, installationId, owner, NOW, NOW);
      addPerson(uuid(rng), review.id, 'perpetrator', pick(rng, ['Adam', 'Ben', 'Carl', 'Dan', 'Eddie', 'Frank']), `${pick(rng, P.OFFICER_FIRST)} ${pick(rng, P.SURNAMES)}`, 1, installationId, owner, NOW, NOW);
      const panel = [0, 1, 3, 8, 15].map((i) => agencies[i]!);
      for (const a of panel) addPanel(uuid(rng), review.id, a.id, `${pick(rng, P.OFFICER_FIRST)} ${pick(rng, P.SURNAMES)}`, 'Panel member', installationId, owner, NOW, NOW);
      if (at(2)) {
        for (const a of panel.slice(0, int(rng, 3, 5))) {
          addImr(uuid(rng), review.id, a.id, addDays(at(2)!, 5), upTo(addDays(at(2)!, int(rng, 60, 150)), today), installationId, owner, NOW, NOW);
        }
      }
      if (paused && addDays(decision, 20) <= today) {
        addPause(uuid(rng), review.id, addDays(decision, 20), upTo(pauseEnd, today), 'Paused during criminal proceedings.', installationId, owner, NOW, NOW);
      }
      if (submitted <= today && review.approval) {
        addQa(uuid(rng), review.id, 1, submitted, outcome1 <= today ? (resubmit ? 'resubmit' : 'approved') : null, upTo(outcome1, today), resubmit ? 'Recommendations need to be more specific.' : null, installationId, owner, NOW, NOW);
        if (resubmit && submitted2 <= today) addQa(uuid(rng), review.id, 2, submitted2, approved <= today ? 'approved' : null, upTo(approved, today), null, installationId, owner, NOW, NOW);
      }
      const reviewThemes = new Set<string>();
      while (reviewThemes.size < 4) reviewThemes.add(pick(rng, allThemes));
      for (const t of reviewThemes) addReviewTheme(review.id, themeId(t));

      for (let position = 1; position <= review.recommendations; position++) {
        const core = pick(rng, P.CORE_ASKS);
        const scope: RecommendationScope = pick(rng, ['single_agency', 'single_agency', 'single_agency', 'single_agency', 'multi_agency', 'multi_agency', 'local', 'regional', 'national', 'national']);
        const addressee = scope === 'national' ? { id: pick(rng, nationalIds), name: pick(rng, P.NATIONAL_BODIES) } : agencies[core.agency]!;
        const parts = [
          pick(rng, P.OPENINGS).replace('{agency}', scope === 'national' ? `the ${addressee.name.replace(/^the /, '')}` : addressee.name),
          pick(rng, core.asks),
          pick(rng, P.FOCUS),
        ].filter(Boolean);
        const tail = [pick(rng, P.DETAILS), rng() < 0.8 ? pick(rng, P.MEASURES) : '', pick(rng, P.DEADLINES)].filter(Boolean);
        let text = parts.join(' ') + (tail.length ? `, ${tail.join(', ')}` : '') + '.';
        text = text.charAt(0).toUpperCase() + text.slice(1);
        const recId = uuid(rng);
        addRecommendation(recId, review.id, position, text, scope, pick(rng, P.FINDINGS).replaceAll('{victim}', review.pseudonym), pick(rng, P.OUTCOMES), installationId, owner, NOW, NOW);
        const recThemes = new Set([core.theme, pick(rng, allThemes)]);
        for (const t of recThemes) addRecTheme(recId, themeId(t));
        const notified = review.published ? upTo(addDays(review.published, int(rng, 7, 28)), today) : null;
        addAddressee(uuid(rng), recId, scope === 'national' ? pick(rng, nationalIds) : addressee.id, notified, notified && rng() < 0.6 ? upTo(addDays(notified, int(rng, 10, 60)), today) : null, installationId, owner, NOW, NOW);

        const base = review.published ?? review.approval ?? review.notification;
        let lastTarget = base;
        const actions = int(rng, 1, 3);
        for (let i = 1; i <= actions; i++) {
          const target = addDays(base, int(rng, 90, 540));
          lastTarget = target > lastTarget ? target : lastTarget;
          const done = review.published && rng() < 0.5 ? upTo(addDays(target, int(rng, -60, 90)), today) : null;
          const status: Status = done ? (done <= target ? 'complete' : 'complete_late') : review.published ? pick(rng, ['early_stage', 'on_track', 'on_track', 'blocked', 'not_started'] as const) : 'not_started';
          const actionId = uuid(rng);
          const lead = agencies[(core.agency + i - 1) % agencies.length]!;
          addAction(actionId, recId, i, `${pick(rng, P.ACTION_VERBS)} ${core.theme.toLowerCase()}.`, lead.id, pick(rng, P.MILESTONES), target, done, done ? 'Completed and evidenced to the DHR group.' : null, status, installationId, owner, NOW, NOW);
          if (review.published) actionUpdates.push({ actionId, date: done ?? earlier(today, addDays(review.published, 120)), author: review.chair, status, note: pick(rng, P.PROGRESS_NOTES[status]), owner });
        }

        // Every district of the partnership considers it: the commissioning district applies it.
        for (const [di, district] of districts.entries()) {
          const own = di === review.districtIndex;
          const decided = own ? review.approval : review.published ? upTo(addDays(review.published, int(rng, 30, 90)), today) : null;
          const roll = rng();
          const decision: ApplicabilityPlan['decision'] = own
            ? 'applicable'
            : !decided
              ? 'under_consideration'
              : scope === 'national' && roll < 0.6
                ? 'not_applicable'
                : roll < 0.22
                  ? 'applicable'
                  : roll < 0.47
                    ? 'already_in_place'
                    : roll < 0.77
                      ? 'not_applicable'
                      : 'under_consideration';
          const applicable = decision === 'applicable';
          const target = applicable ? (own ? lastTarget : addDays(decided!, int(rng, 180, 540))) : null;
          const start = applicable ? (decided ?? review.notification) : null;
          const finishes = Boolean(start && target && daysBetween(start, today) > 400 && rng() < 0.75);
          // Finished work ends near its target: mostly on time, sometimes late.
          const end = finishes ? earlier(today, addDays(target!, int(rng, -120, 60))) : today;
          const weight = start && start <= end ? Math.max(1, Math.floor(daysBetween(start, end) / 90)) : 0;
          applicability.push({
            id: uuid(rng),
            recommendationId: recId,
            district,
            decision,
            decided: decision === 'under_consideration' ? null : decided,
            start,
            end: start && start > end ? start : end,
            target,
            lead: applicable ? agencies[core.agency]!.id : null,
            officer: applicable ? pick(rng, district.officers) : null,
            weight,
            finishes,
            notImplemented: rng() < 0.01,
            reason: decision === 'not_applicable' ? pick(rng, P.NOT_APPLICABLE_REASONS) : null,
            evidence: decision === 'already_in_place' ? pick(rng, P.ALREADY_IN_PLACE_EVIDENCE) : null,
          });
        }
      }
    }
  });

  // Progress: the action updates as they are, and the applicability updates spread to make the exact total.
  onProgress(`Writing ${applicability.length} applicability decisions and ${scale.progressUpdates} progress updates`);
  const counts = apportion(applicability.map((a) => a.weight), Math.max(0, scale.progressUpdates - actionUpdates.length));
  let seq = 0;
  const stamp = (date: string) => `${date}T10:${String(Math.floor(seq / 60) % 60).padStart(2, '0')}:${String(seq++ % 60).padStart(2, '0')}.000Z`;
  for (const u of actionUpdates) {
    const at = stamp(u.date);
    addUpdate(uuid(rng), null, u.actionId, u.date, u.author, u.status, u.note, installationId, u.owner, at, at);
  }
  applicability.forEach((a, i) => {
    const n = counts[i]!;
    const start = a.start ?? today;
    const span = Math.max(0, daysBetween(start, a.end));
    let status: Status | null = a.decision === 'applicable' ? 'not_started' : null;
    let statusReason: string | null = null;
    const updates: Array<[string, Status, string]> = [];
    for (let k = 0; k < n; k++) {
      const date = addDays(start, k === n - 1 ? span : Math.min(span, Math.round(((k + 1) * span) / (n + 0.5))));
      const s = statusAt(rng, k, n, a, date);
      updates.push([date, s, pick(rng, P.PROGRESS_NOTES[s])]);
      status = s;
    }
    if (status === 'not_implemented') statusReason = 'Superseded by a national programme.';
    addApplicability(a.id, a.recommendationId, a.district.id, a.decision, a.reason, a.evidence, a.lead, a.officer, a.target, a.decided, status, statusReason, installationId, a.district.id, NOW, NOW);
    for (const [date, s, note] of updates) {
      const at = stamp(date);
      addUpdate(uuid(rng), a.id, null, date, a.officer ?? 'CSP officer', s, note, installationId, a.district.id, at, at);
    }
    if (i % 50_000 === 49_999) onProgress(`  ${i + 1} of ${applicability.length} applicability decisions written`);
  });
  appendAudit(db, installationId, { actor: 'bench', action: 'load-demo', entity: 'store', detail: { bench: scale.name, generatorVersion: GENERATOR_VERSION } }, NOW);
}

/** The folder the generated stores are cached in. */
export function benchDir(): string {
  return process.env.DHR_BENCH_DIR ?? path.join(os.tmpdir(), 'dhr-bench');
}

/**
 * The cached store for a scale, keyed by scale and schema version, and by a
 * digest of every migration's SQL and the generator version, so a store
 * made before a migration (or the generator) changed is never reused.
 */
export function benchStorePath(scale: ScaleName): string {
  const digest = createHash('sha256').update(JSON.stringify([GENERATOR_VERSION, MIGRATIONS.map((m) => m.sql)])).digest('hex').slice(0, 10);
  return path.join(benchDir(), `${scale}-schema${LATEST_SCHEMA_VERSION}-${digest}.dhr`);
}

function readStats(file: string): GeneratedStats | null {
  try {
    return JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as GeneratedStats;
  } catch {
    return null;
  }
}

/** The bench's own fixed day, so every run measures the same overdue and due-soon work. */
export const BENCH_CLOCK = fixedClock(NOW);
export const GENERATION_OPTIONS = { appVersion: 'bench', actor: 'bench', clock: BENCH_CLOCK };

/** A fixture: no journal, no fsync, and a large page cache while it is written. */
export function loadPragmas(db: Db): void {
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576');
}

/** Generate a store for a scale at `file` (which must not exist). */
export function generateStore(file: string, scaleName: ScaleName, onProgress: (message: string) => void = () => {}): GeneratedStats {
  const scale = SCALES[scaleName];
  const started = performance.now();
  const store = createStore(file, BENCH_PASSPHRASE, GENERATION_OPTIONS);
  try {
    const { db } = store;
    loadPragmas(db);
    db.transaction(() => fillStore(store, scale, onProgress))();
    db.pragma('journal_mode = DELETE');
    const stats = checkCounts(db, scale);
    store.close();
    return {
      scale: scaleName,
      schemaVersion: LATEST_SCHEMA_VERSION,
      generatorVersion: GENERATOR_VERSION,
      // When the file was really made (not the bench's day), so a stale store can be told apart.
      generatedAt: stampOf(systemClock),
      generationMs: Math.round(performance.now() - started),
      counts: { ...stats, fileBytes: fs.statSync(file).size },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

function checkCounts(db: Db, scale: ScaleSpec) {
  const stats = storeStats(db);
  const want = expectedCounts(scale);
  for (const key of ['districts', 'reviews', 'recommendations', 'applicabilityDecisions', 'progressUpdates'] as const) {
    if (stats[key] !== want[key]) throw new Error(`Generated ${scale.name} store has ${stats[key]} ${key}, expected ${want[key]}.`);
  }
  return stats;
}

/**
 * The cached store for a scale, generating it first if it is missing (or
 * was made by another schema or generator version). Written to a temporary
 * name and renamed, so a run that is stopped part-way leaves nothing half-made.
 */
export function ensureBenchStore(scale: ScaleName, onProgress: (message: string) => void = () => {}): { file: string; stats: GeneratedStats; generated: boolean } {
  const file = benchStorePath(scale);
  const cached = fs.existsSync(file) ? readStats(file) : null;
  if (cached) return { file, stats: cached, generated: false };
  fs.mkdirSync(benchDir(), { recursive: true });
  // Stores of this scale made for another schema or generator are of no more use: they are large.
  for (const name of fs.readdirSync(benchDir())) {
    if (name.startsWith(`${scale}-schema`) && !name.startsWith(path.basename(file).replace(/\.dhr$/, '')) && !name.includes('.partial')) fs.rmSync(path.join(benchDir(), name), { force: true });
  }
  const partial = `${file}.${process.pid}.partial`;
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(partial + suffix, { force: true });
  onProgress(`Generating the ${scale} store (cached in ${benchDir()})`);
  try {
    const stats = generateStore(partial, scale, onProgress);
    fs.renameSync(partial, file);
    fs.writeFileSync(`${file}.json`, `${JSON.stringify(stats, null, 2)}\n`);
    return { file, stats, generated: true };
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(partial + suffix, { force: true });
  }
}

/** Open a bench store for reading and writing, as the app opens a store. */
export function openBenchStore(file: string): Store {
  return openStore(file, BENCH_PASSPHRASE, GENERATION_OPTIONS);
}
