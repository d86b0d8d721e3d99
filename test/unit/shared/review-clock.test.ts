import { describe, expect, it } from 'vitest';
import { pausedDaysBetween, reviewClock, reviewTimeline, type ClockInput } from '../../../shared/domain/review-clock.ts';

const settings = { decisionWithinDays: 30, completionWithinMonths: 6 };
const blank: ClockInput = {
  notificationDate: null,
  decision: null,
  decisionDate: null,
  termsOfReferenceDate: null,
  draftReportDate: null,
  cspApprovalDate: null,
  publicationDate: null,
  embargoed: false,
  closedDate: null,
  imrs: [],
  pauses: [],
  qaSubmissions: [],
};
const at = (patch: Partial<ClockInput>, today: string) => reviewClock({ ...blank, ...patch }, settings, today);

describe('stage, derived from dates', () => {
  it('walks a review through every stage as its dates are entered', () => {
    let r: ClockInput = { ...blank, notificationDate: '2025-01-06' };
    expect(reviewClock(r, settings, '2025-01-20')).toMatchObject({ stage: 'awaiting_decision', stageSince: '2025-01-06', daysInStage: 14 });
    r = { ...r, decision: 'hold', decisionDate: '2025-01-27' };
    expect(reviewClock(r, settings, '2025-02-01')).toMatchObject({ stage: 'setting_up', stageSince: '2025-01-27', daysInStage: 5 });
    r = { ...r, termsOfReferenceDate: '2025-02-20', imrs: [{ requestedDate: '2025-02-24' }] };
    expect(reviewClock(r, settings, '2025-03-01').stage).toBe('panel_and_imrs');
    r = { ...r, draftReportDate: '2025-06-02' };
    expect(reviewClock(r, settings, '2025-06-10').stage).toBe('drafting');
    r = { ...r, cspApprovalDate: '2025-07-01' };
    expect(reviewClock(r, settings, '2025-07-02').stage).toBe('csp_approved');
    r = { ...r, qaSubmissions: [{ submittedDate: '2025-07-14', outcome: null, outcomeDate: null }] };
    expect(reviewClock(r, settings, '2025-08-01')).toMatchObject({ stage: 'with_home_office', stageSince: '2025-07-14' });
    r = { ...r, qaSubmissions: [{ submittedDate: '2025-07-14', outcome: 'resubmit', outcomeDate: '2025-09-01' }] };
    expect(reviewClock(r, settings, '2025-09-10')).toMatchObject({ stage: 'resubmission_due', qaResubmissionOutstanding: true, overdue: true });
    r = { ...r, qaSubmissions: [...r.qaSubmissions, { submittedDate: '2025-10-01', outcome: 'approved', outcomeDate: '2025-11-03' }] };
    expect(reviewClock(r, settings, '2025-11-10')).toMatchObject({ stage: 'approved', stageSince: '2025-11-03', qaResubmissionOutstanding: false });
    expect(reviewClock({ ...r, embargoed: true }, settings, '2025-11-10').stage).toBe('embargoed');
    r = { ...r, publicationDate: '2026-01-12' };
    expect(reviewClock(r, settings, '2026-03-01')).toMatchObject({ stage: 'published', actionPlanOpen: true, overdue: false });
    r = { ...r, closedDate: '2026-11-01' };
    expect(reviewClock(r, settings, '2026-11-21')).toMatchObject({ stage: 'closed', actionPlanOpen: false, daysInStage: 20 });
  });

  it('records a decision not to hold a review as its own final stage', () => {
    expect(at({ notificationDate: '2025-01-06', decision: 'not_hold', decisionDate: '2025-01-20' }, '2025-06-01')).toMatchObject({ stage: 'not_held', overdue: false, completionDue: null });
  });

  it('shows an open pause as the stage until it ends', () => {
    const r = { notificationDate: '2025-01-06', decision: 'hold' as const, decisionDate: '2025-01-20', termsOfReferenceDate: '2025-02-01', pauses: [{ startDate: '2025-03-01', endDate: null }] };
    expect(at(r, '2025-04-01')).toMatchObject({ stage: 'paused', stageSince: '2025-03-01', daysInStage: 31 });
    expect(at({ ...r, pauses: [{ startDate: '2025-03-01', endDate: '2025-05-01' }] }, '2025-06-01').stage).toBe('panel_and_imrs');
    // A pause that has not started yet does not pause anything.
    expect(at({ ...r, pauses: [{ startDate: '2025-09-01', endDate: null }] }, '2025-06-01').stage).toBe('panel_and_imrs');
  });

  it('uses dates only up to today: a future publication is not yet published', () => {
    const approved = { notificationDate: '2025-01-06', decision: 'hold' as const, decisionDate: '2025-01-20', cspApprovalDate: '2025-07-01', draftReportDate: '2025-06-01', qaSubmissions: [{ submittedDate: '2025-07-10', outcome: 'approved' as const, outcomeDate: '2025-08-01' }] };
    expect(at({ ...approved, publicationDate: '2025-12-01' }, '2025-09-01').stage).toBe('approved');
  });
});

describe('deadlines', () => {
  it('flags a decision not made within the setting after notification', () => {
    expect(at({ notificationDate: '2025-01-06' }, '2025-02-05')).toMatchObject({ decisionDue: '2025-02-05', decisionOverdue: false });
    expect(at({ notificationDate: '2025-01-06' }, '2025-02-06')).toMatchObject({ decisionOverdue: true, overdue: true });
    expect(at({ notificationDate: '2025-01-06', decision: 'hold', decisionDate: '2025-03-01' }, '2025-03-02').decisionOverdue).toBe(false);
    expect(reviewClock({ ...blank, notificationDate: '2025-01-06' }, { ...settings, decisionWithinDays: 60 }, '2025-02-06').decisionOverdue).toBe(false);
  });

  it('flags completion overdue months after the decision, excluding paused time', () => {
    const r = { notificationDate: '2025-01-06', decision: 'hold' as const, decisionDate: '2025-01-31' };
    expect(at(r, '2025-07-31')).toMatchObject({ completionDue: '2025-07-31', completionOverdue: false });
    expect(at(r, '2025-08-01')).toMatchObject({ completionOverdue: true, overdue: true });
    // 92 days paused (1 March to 1 June) moves the due date 92 days later.
    const paused = { ...r, pauses: [{ startDate: '2025-03-01', endDate: '2025-06-01' }] };
    expect(at(paused, '2025-08-01')).toMatchObject({ pausedDays: 92, completionDue: '2025-10-31', completionOverdue: false });
    expect(at(paused, '2025-11-01').completionOverdue).toBe(true);
    // An open pause keeps pushing the deadline back day by day.
    const open = { ...r, pauses: [{ startDate: '2025-03-01', endDate: null }] };
    expect(at(open, '2026-03-01')).toMatchObject({ stage: 'paused', completionOverdue: false });
    // Submission to the Home Office stops the completion clock.
    const submitted = { ...r, draftReportDate: '2025-06-01', cspApprovalDate: '2025-07-01', qaSubmissions: [{ submittedDate: '2025-07-20', outcome: null, outcomeDate: null }] };
    expect(at(submitted, '2026-01-01').completionOverdue).toBe(false);
  });

  it('counts overlapping pauses once', () => {
    const pauses = [
      { startDate: '2025-01-10', endDate: '2025-01-20' },
      { startDate: '2025-01-15', endDate: '2025-01-25' },
      { startDate: '2025-02-01', endDate: null },
    ];
    expect(pausedDaysBetween(pauses, '2025-01-01', '2025-02-05')).toBe(15 + 4);
    expect(pausedDaysBetween(pauses, '2025-01-18', '2025-01-19')).toBe(1);
  });
});

describe('timeline', () => {
  it('lists the dated events in order, naming IMR agencies and QA rounds', () => {
    const events = reviewTimeline({
      ...blank,
      dateOfDeath: '2024-11-02',
      notificationDate: '2024-11-04',
      decision: 'hold',
      decisionDate: '2024-11-25',
      homeOfficeNotifiedDate: '2024-11-26',
      familyConsultedDate: null,
      imrs: [{ requestedDate: '2025-01-06', receivedDate: '2025-03-03', agencyName: 'Refuge' }],
      qaSubmissions: [{ submittedDate: '2025-08-01', outcome: 'resubmit', outcomeDate: '2025-09-01' }],
    });
    expect(events.map((e) => e.label)).toEqual([
      'Death',
      'CSP notified',
      'Decision to hold a review',
      'Home Office notified',
      'IMR requested: Refuge',
      'IMR received: Refuge',
      'Submitted to the Home Office QA panel (round 1)',
      'QA panel asked for changes (round 1)',
    ]);
  });
});
