import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecommendationDetail, RecommendationInput, RecommendationsForReview, RecurringGroup, SimilarMatch } from '../../../shared/ipc/recommendation-schemas.ts';
import type { ReviewRow } from '../../../shared/ipc/review-schemas.ts';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';

let t: TestBackend;
let review: ReviewRow;
let constabulary: string;
let homeOffice: string;
beforeAll(async () => {
  t = await openTestBackend({ demo: true });
  const { rows } = await t.ok<{ rows: ReviewRow[] }>('reviews.list', { search: 'DHR-HU-2024-01' });
  review = rows[0]!;
  const id = (name: string) => (t.db().prepare('SELECT id FROM agencies WHERE name = ?').get(name) as { id: string }).id;
  constabulary = id('Cambridgeshire Constabulary');
  homeOffice = id('Home Office');
});
afterAll(() => t.close());

const list = () => t.ok<RecommendationsForReview>('recommendations.list', { reviewId: review.id });
const count = (sql: string) => (t.db().prepare(sql).get() as { n: number }).n;
const draft = (patch: Partial<RecommendationInput> = {}): RecommendationInput => ({
  reviewId: review.id,
  text: 'Cambridgeshire Constabulary should publish guidance by June 2027 on recording coercive control in non-crime domestic incidents.',
  scope: 'single_agency',
  expectedOutcome: 'A dip sample of 50 incidents in 2027 shows coercive control recorded in 80%.',
  addressees: [{ agencyId: constabulary, notifiedDate: null, acknowledgedDate: null }],
  actions: [{ actionText: 'Publish the guidance', leadAgencyId: constabulary, targetDate: '2027-06-30', milestones: 'Draft to the DASV Delivery Group in March 2027' }],
  ...patch,
});

describe('recommendations for a review', () => {
  it('lists the demo review’s recommendations, numbered, with actions and addressees', async () => {
    const { review: header, recommendations } = await list();
    expect(header).toMatchObject({ reference: 'DHR-HU-2024-01', districtName: 'Huntingdonshire' });
    expect(recommendations.map((r) => r.number)).toEqual(recommendations.map((_, i) => i + 1));
    expect(recommendations.length).toBe(10);
    expect(recommendations.every((r) => r.actions.length >= 1 && r.addressees.length >= 1)).toBe(true);
  });

  let added: RecommendationDetail;
  it('adds a recommendation at the end, with its actions, and audits it', async () => {
    added = await t.ok<RecommendationDetail>('recommendations.save', draft());
    expect(added).toMatchObject({ number: 11, scope: 'single_agency', actions: [{ actionText: 'Publish the guidance', targetDate: '2027-06-30' }] });
    const { entries } = await t.ok<{ entries: Array<{ summary: string }> }>('reviews.audit', { id: review.id });
    expect(entries[0]!.summary).toBe('Added recommendation 11');
  });

  it('refuses an empty recommendation, an action without text and a target date before the death, saving nothing', async () => {
    const before = count('SELECT count(*) AS n FROM recommendations');
    const actionsBefore = count('SELECT count(*) AS n FROM actions');
    const reply = await t.dispatch(
      'recommendations.save',
      draft({
        text: '   ',
        actions: [
          { actionText: '', leadAgencyId: constabulary, targetDate: '2027-01-01' },
          { actionText: 'Train staff', leadAgencyId: constabulary, targetDate: '2020-01-01' },
        ],
      }),
    );
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: {
          text: 'Enter the recommendation.',
          'actions.0.actionText': 'Enter the action to take, or remove this action.',
          'actions.1.targetDate': expect.stringMatching(/before the date of death \(27\/10\/2024\)/),
        },
      },
    });
    expect(count('SELECT count(*) AS n FROM recommendations')).toBe(before);
    expect(count('SELECT count(*) AS n FROM actions')).toBe(actionsBefore);
  });

  it('updates text and actions, keeping ids, and records before and after', async () => {
    const updated = await t.ok<RecommendationDetail>('recommendations.save', {
      ...draft(),
      id: added.id,
      text: `${added.text} It should report progress to the CSP board.`,
      addressees: [{ ...added.addressees[0]!, notifiedDate: '2026-11-02', acknowledgedDate: '2026-11-10' }, { agencyId: homeOffice, notifiedDate: '2026-11-02', acknowledgedDate: null }],
      actions: [{ ...added.actions[0]!, completionDate: '2026-11-20', outcome: 'Guidance published on the force intranet.' }],
    });
    expect(updated.actions[0]!.id).toBe(added.actions[0]!.id);
    expect(updated.addressees).toHaveLength(2);
    const status = t.db().prepare('SELECT status FROM actions WHERE id = ?').get(added.actions[0]!.id);
    expect(status).toEqual({ status: 'complete' });
    const { entries } = await t.ok<{ entries: Array<{ summary: string; changes: Array<{ field: string }> }> }>('reviews.audit', { id: review.id });
    expect(entries[0]!.summary).toMatch(/^Changed recommendation 11: 3 items$/);
    expect(entries[0]!.changes.map((c) => c.field).sort()).toEqual(['Actions', 'Addressed to', 'Recommendation']);
  });

  it('keeps the search index in step with edits', async () => {
    const matches = await t.ok<{ matches: SimilarMatch[] }>('recommendations.similar', { text: 'progress to the CSP board on recording coercive control in non-crime incidents' });
    expect(matches.matches[0]).toMatchObject({ id: added.id, reviewReference: 'DHR-HU-2024-01', number: 11 });
  });

  it('reorders, refusing a stale order', async () => {
    const { recommendations } = await list();
    const ids = recommendations.map((r) => r.id);
    const moved = [ids.at(-1)!, ...ids.slice(0, -1)];
    const after = await t.ok<RecommendationsForReview>('recommendations.reorder', { reviewId: review.id, ids: moved });
    expect(after.recommendations[0]!.id).toBe(added.id);
    expect(after.recommendations[0]!.number).toBe(1);
    expect(await t.dispatch('recommendations.reorder', { reviewId: review.id, ids: ids.slice(1) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('removes a recommendation, renumbering the rest, but keeps it in the store', async () => {
    const after = await t.ok<RecommendationsForReview>('recommendations.delete', { id: added.id });
    expect(after.recommendations.map((r) => r.number)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(after.recommendations.some((r) => r.id === added.id)).toBe(false);
    expect(count(`SELECT count(*) AS n FROM recommendations WHERE id = '${added.id}' AND deleted_at IS NOT NULL`)).toBe(1);
    expect(verifyAuditChain(t.db()).ok).toBe(true);
  });
});

describe('repeat detection', () => {
  it('finds earlier recommendations that say much the same, ranked, with review, district, year and status', async () => {
    const { matches } = await t.ok<{ matches: SimilarMatch[] }>('recommendations.similar', {
      text: 'GP practices should routinely ask patients about domestic abuse when they present with anxiety or low mood, and record it.',
    });
    expect(matches.length).toBeGreaterThanOrEqual(3);
    const scores = matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const refs = matches.slice(0, 4).map((m) => m.reviewReference);
    expect(refs).toEqual(expect.arrayContaining(['DHR-PB-2017-01', 'DHR-SC-2022-01']));
    expect(matches[0]).toMatchObject({ districtName: expect.any(String), year: expect.any(Number), implementation: { label: expect.any(String) } });
  });

  it('finds nothing for a draft with no words in common, and leaves out the recommendation being edited', async () => {
    expect((await t.ok<{ matches: SimilarMatch[] }>('recommendations.similar', { text: 'the and of' })).matches).toEqual([]);
    const first = (await list()).recommendations[0]!;
    const { matches } = await t.ok<{ matches: SimilarMatch[] }>('recommendations.similar', { text: first.text, excludeId: first.id });
    expect(matches.some((m) => m.id === first.id)).toBe(false);
  });

  it('groups recurring recommendations made by different reviews', async () => {
    const { groups } = await t.ok<{ groups: RecurringGroup[] }>('recommendations.recurring');
    expect(groups.length).toBeGreaterThanOrEqual(5);
    for (const g of groups) {
      expect(g.reviews).toBeGreaterThanOrEqual(2);
      expect(new Set(g.members.map((m) => m.id)).size).toBe(g.members.length);
    }
    const gp = groups.find((g) => g.members.some((m) => /GP practices ask about domestic abuse/i.test(m.text)));
    expect(gp?.members.length).toBeGreaterThanOrEqual(3);
    const briefing = groups.find((g) => g.members.some((m) => /seven-minute briefing/i.test(m.text)));
    expect(briefing?.members.map((m) => m.reviewReference).sort()).toEqual(['DHR-FL-2016-01', 'DHR-HU-2024-01']);
    // No recommendation is in two groups.
    const ids = groups.flatMap((g) => g.members.map((m) => m.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
