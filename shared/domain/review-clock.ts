import { addDays, addMonths, daysBetween } from './dates.ts';
import type { QaOutcome } from './vocabulary.ts';

// Where a review stands, derived from its dates: never typed by hand.
// Pure: the same rules run in the list, on the review page, in the CLI and
// in exports. Dates are ISO yyyy-mm-dd strings; "today" is passed in.

export const REVIEW_STAGES = [
  'awaiting_decision',
  'not_held',
  'setting_up',
  'panel_and_imrs',
  'drafting',
  'csp_approved',
  'with_home_office',
  'resubmission_due',
  'approved',
  'embargoed',
  'published',
  'closed',
  'paused',
] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const STAGE_WORDS: Record<ReviewStage, string> = {
  awaiting_decision: 'Awaiting decision',
  not_held: 'Not held (decision recorded)',
  setting_up: 'Setting up: chair and terms of reference',
  panel_and_imrs: 'Panel meetings and IMRs',
  drafting: 'Drafting the overview report',
  csp_approved: 'Approved by the CSP, not yet submitted',
  with_home_office: 'With the Home Office QA panel',
  resubmission_due: 'Resubmission to the Home Office due',
  approved: 'Approved by the Home Office, awaiting publication',
  embargoed: 'Approved, publication embargoed',
  published: 'Published: action plan being monitored',
  closed: 'Closed',
  paused: 'Paused for criminal proceedings',
};

export interface ClockInput {
  notificationDate: string | null;
  decision: 'hold' | 'not_hold' | null;
  decisionDate: string | null;
  termsOfReferenceDate: string | null;
  draftReportDate: string | null;
  cspApprovalDate: string | null;
  publicationDate: string | null;
  embargoed: boolean;
  closedDate: string | null;
  imrs: ReadonlyArray<{ requestedDate: string | null }>;
  pauses: ReadonlyArray<{ startDate: string; endDate: string | null }>;
  qaSubmissions: ReadonlyArray<{ submittedDate: string; outcome: QaOutcome | null; outcomeDate: string | null }>;
}

export interface ClockSettings {
  decisionWithinDays: number;
  completionWithinMonths: number;
}

export interface ReviewClock {
  stage: ReviewStage;
  /** The date the current stage began, when known */
  stageSince: string | null;
  daysInStage: number | null;
  /** Decision expected by this date (notification + setting) */
  decisionDue: string | null;
  decisionOverdue: boolean;
  /** Submission to the Home Office expected by this date (decision + setting + paused days) */
  completionDue: string | null;
  completionOverdue: boolean;
  /** Days the review has spent paused, up to today or submission */
  pausedDays: number;
  qaResubmissionOutstanding: boolean;
  /** Published, and the action plan is not yet closed */
  actionPlanOpen: boolean;
  /** Any deadline missed: what the "overdue" filter uses */
  overdue: boolean;
}

const earliest = (dates: Array<string | null | undefined>): string | null =>
  dates.filter((d): d is string => Boolean(d)).sort()[0] ?? null;

/** Days paused between from and to (inclusive of the start day, exclusive of the end day), ignoring overlaps. */
export function pausedDaysBetween(pauses: ClockInput['pauses'], from: string, to: string): number {
  const ranges = pauses
    .map((p) => [p.startDate < from ? from : p.startDate, !p.endDate || p.endDate > to ? to : p.endDate] as const)
    .filter(([s, e]) => s < e)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  let total = 0;
  let reached = from;
  for (const [s, e] of ranges) {
    const start = s > reached ? s : reached;
    if (e > start) {
      total += daysBetween(start, e);
      reached = e;
    }
  }
  return total;
}

function openPause(pauses: ClockInput['pauses'], today: string) {
  return pauses.find((p) => p.startDate <= today && (!p.endDate || p.endDate > today)) ?? null;
}

/** The stage a review is at, and since when, from its dates alone. */
function stageOf(r: ClockInput, today: string): { stage: ReviewStage; since: string | null } {
  if (r.closedDate && r.closedDate <= today) return { stage: 'closed', since: r.closedDate };
  if (r.decision === 'not_hold') return { stage: 'not_held', since: r.decisionDate };
  if (r.publicationDate && r.publicationDate <= today) return { stage: 'published', since: r.publicationDate };
  const rounds = [...r.qaSubmissions].sort((a, b) => (a.submittedDate < b.submittedDate ? -1 : 1));
  const last = rounds.at(-1);
  if (last?.outcome === 'approved') return { stage: r.embargoed ? 'embargoed' : 'approved', since: last.outcomeDate ?? last.submittedDate };
  if (last?.outcome === 'resubmit') return { stage: 'resubmission_due', since: last.outcomeDate ?? last.submittedDate };
  if (last) return { stage: 'with_home_office', since: last.submittedDate };
  // Before submission, criminal proceedings can pause the work.
  const pause = openPause(r.pauses, today);
  if (pause && r.decision === 'hold') return { stage: 'paused', since: pause.startDate };
  if (r.cspApprovalDate) return { stage: 'csp_approved', since: r.cspApprovalDate };
  if (r.draftReportDate) return { stage: 'drafting', since: r.draftReportDate };
  const imrStart = earliest(r.imrs.map((i) => i.requestedDate));
  if (r.termsOfReferenceDate || imrStart) return { stage: 'panel_and_imrs', since: earliest([r.termsOfReferenceDate, imrStart]) };
  if (r.decision === 'hold') return { stage: 'setting_up', since: r.decisionDate };
  return { stage: 'awaiting_decision', since: r.notificationDate };
}

/** Only the stage: what reviewClock(...).stage gives, without the deadlines' date arithmetic. */
export function reviewStage(r: ClockInput, today: string): ReviewStage {
  return stageOf(r, today).stage;
}

export function reviewClock(r: ClockInput, settings: ClockSettings, today: string): ReviewClock {
  const { stage, since } = stageOf(r, today);
  const decisionDue = r.notificationDate ? addDays(r.notificationDate, settings.decisionWithinDays) : null;
  const decisionOverdue = Boolean(!r.decision && decisionDue && today > decisionDue);

  const firstSubmission = earliest(r.qaSubmissions.map((q) => q.submittedDate));
  let completionDue: string | null = null;
  let pausedDays = 0;
  if (r.decision === 'hold' && r.decisionDate) {
    // The clock stops while the review is paused: paused days push the due date back.
    const clockEnd = firstSubmission ?? today;
    pausedDays = clockEnd > r.decisionDate ? pausedDaysBetween(r.pauses, r.decisionDate, clockEnd) : 0;
    completionDue = addDays(addMonths(r.decisionDate, settings.completionWithinMonths), pausedDays);
  }
  const completionOverdue = Boolean(completionDue && !firstSubmission && today > completionDue && stage !== 'closed');
  const qaResubmissionOutstanding = stage === 'resubmission_due';
  const actionPlanOpen = stage === 'published';
  return {
    stage,
    stageSince: since,
    daysInStage: since && since <= today ? daysBetween(since, today) : null,
    decisionDue,
    decisionOverdue,
    completionDue,
    completionOverdue,
    pausedDays,
    qaResubmissionOutstanding,
    actionPlanOpen,
    overdue: decisionOverdue || completionOverdue || qaResubmissionOutstanding,
  };
}

export interface TimelineEvent {
  date: string;
  label: string;
}

/** The dated events of a review in order, for its timeline. */
export function reviewTimeline(
  r: Omit<ClockInput, 'imrs'> & { dateOfDeath: string | null; homeOfficeNotifiedDate: string | null; familyConsultedDate: string | null; imrs: ReadonlyArray<{ requestedDate: string | null; receivedDate?: string | null; agencyName?: string }> },
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const add = (date: string | null | undefined, label: string) => {
    if (date) events.push({ date, label });
  };
  add(r.dateOfDeath, 'Death');
  add(r.notificationDate, 'CSP notified');
  add(r.decisionDate, r.decision === 'not_hold' ? 'Decision: review not held' : 'Decision to hold a review');
  add(r.homeOfficeNotifiedDate, 'Home Office notified');
  add(r.termsOfReferenceDate, 'Terms of reference agreed');
  for (const imr of r.imrs) {
    add(imr.requestedDate, `IMR requested${imr.agencyName ? `: ${imr.agencyName}` : ''}`);
    add(imr.receivedDate, `IMR received${imr.agencyName ? `: ${imr.agencyName}` : ''}`);
  }
  for (const p of r.pauses) {
    add(p.startDate, 'Paused for criminal proceedings');
    add(p.endDate, 'Resumed after criminal proceedings');
  }
  add(r.draftReportDate, 'Draft overview report');
  add(r.familyConsultedDate, 'Family consulted on the draft');
  add(r.cspApprovalDate, 'Approved by the CSP');
  [...r.qaSubmissions]
    .sort((a, b) => (a.submittedDate < b.submittedDate ? -1 : 1))
    .forEach((q, i) => {
      add(q.submittedDate, `Submitted to the Home Office QA panel (round ${i + 1})`);
      add(q.outcomeDate, q.outcome === 'approved' ? `Approved by the QA panel (round ${i + 1})` : `QA panel asked for changes (round ${i + 1})`);
    });
  add(r.publicationDate, 'Published');
  add(r.closedDate, 'Closed: action plan complete');
  // Stable order: by date, then in the order the review moves through its stages.
  return events.map((e, i) => ({ e, i })).sort((a, b) => (a.e.date === b.e.date ? a.i - b.i : a.e.date < b.e.date ? -1 : 1)).map(({ e }) => e);
}
