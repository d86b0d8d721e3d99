import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_STAGES } from '../../../shared/domain/review-clock.ts';
import type { ReviewDetail, ReviewInput, ReviewRow } from '../../../shared/ipc/review-schemas.ts';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';

let t: TestBackend;
let fenland: string;
let constabulary: string;
beforeAll(async () => {
  t = await openTestBackend({ demo: true });
  const lists = await t.ok<{ districts: Array<{ id: string; name: string }>; agencies: Array<{ id: string; name: string }> }>('partnership.lists').catch(() => null);
  const db = t.db();
  fenland = lists?.districts.find((d) => d.name === 'Fenland')?.id ?? (db.prepare("SELECT id FROM districts WHERE name = 'Fenland'").get() as { id: string }).id;
  constabulary = (db.prepare("SELECT id FROM agencies WHERE name = 'Cambridgeshire Constabulary'").get() as { id: string }).id;
});
afterAll(() => t.close());

const newReview = (patch: Partial<ReviewInput> = {}): ReviewInput => ({
  reference: 'DHR-FL-2026-09',
  victimPseudonym: 'Bryony',
  commissioningDistrictId: fenland,
  relationship: 'intimate_partner',
  dateOfDeath: '2026-01-03',
  notificationDate: '2026-01-07',
  people: [
    { role: 'victim', pseudonym: 'Bryony', realName: 'Tamsin Quillfeather' },
    { role: 'perpetrator', pseudonym: 'Carl', realName: 'Desmond Oakhurst-Vane' },
  ],
  ...patch,
});
const count = (sql: string) => (t.db().prepare(sql).get() as { n: number }).n;

describe('saving a review', () => {
  let created: ReviewDetail;
  it('creates a review and derives its stage', async () => {
    created = await t.ok<ReviewDetail>('reviews.save', newReview());
    expect(created).toMatchObject({ reference: 'DHR-FL-2026-09', districtName: 'Fenland', clock: { stage: 'awaiting_decision', decisionOverdue: true } });
    expect(created.people.map((p) => p.realName)).toEqual(['Tamsin Quillfeather', 'Desmond Oakhurst-Vane']);
    expect(created.timeline.map((e) => e.label)).toEqual(['Death', 'CSP notified']);
  });

  it('refuses a duplicate reference, whatever its case, beside the field', async () => {
    const reply = await t.dispatch('reviews.save', newReview({ reference: 'dhr-fl-2026-09' }));
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { reference: expect.stringMatching(/already used/) } } });
  });

  it('refuses impossible and future dates and saves nothing', async () => {
    const before = count('SELECT count(*) AS n FROM reviews');
    const audit = count('SELECT count(*) AS n FROM audit_log');
    const reply = await t.dispatch(
      'reviews.save',
      newReview({
        reference: 'DHR-FL-2026-10',
        notificationDate: '2025-12-01',
        decision: 'hold',
        decisionDate: '2025-11-01',
        pauses: [{ startDate: '2026-03-01', endDate: '2026-02-01' }],
        closedDate: '2099-01-01',
      }),
    );
    expect(reply.ok).toBe(false);
    const fields = (reply as { error: { fields: Record<string, string> } }).error.fields;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['notificationDate', 'decisionDate', 'pauses.0.endDate', 'closedDate']));
    expect(count('SELECT count(*) AS n FROM reviews')).toBe(before);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(audit);
  });

  it('updates dates and child records, moving the stage on, and audits before and after', async () => {
    const updated = await t.ok<ReviewDetail>('reviews.save', {
      ...newReview(),
      id: created.id,
      decision: 'hold',
      decisionDate: '2026-01-28',
      termsOfReferenceDate: '2026-02-20',
      imrs: [{ agencyId: constabulary, requestedDate: '2026-02-25', receivedDate: null }],
      people: [{ ...created.people[0]!, realName: 'Tamsin Q. Quillfeather' }, created.people[1]!],
    });
    expect(updated.clock).toMatchObject({ stage: 'panel_and_imrs', decisionOverdue: false });
    expect(updated.people[0]!.id).toBe(created.people[0]!.id); // stable ids
    const { entries } = await t.ok<{ entries: Array<{ action: string; actor: string; changes: Array<{ field: string; before: string | null; after: string | null }> }> }>('reviews.audit', { id: created.id });
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'Decision date', before: null, after: '28/01/2026' },
        { field: 'IMRs', before: null, after: 'Cambridgeshire Constabulary: requested 25/02/2026, received —' },
        { field: 'Pseudonym register: real names', before: null, after: '1 real name changed (not shown)' },
      ]),
    );
    // Real names never enter the audit log.
    const log = JSON.stringify(t.db().prepare('SELECT * FROM audit_log').all());
    for (const name of ['Tamsin', 'Quillfeather', 'Oakhurst']) expect(log).not.toContain(name);
    expect(verifyAuditChain(t.db()).ok).toBe(true);
  });

  it('records who made the change, from Settings', async () => {
    await t.ok('settings.update', { userName: 'Priya Ashdown', userOrganisation: 'Fenland CSP' });
    const detail = await t.ok<ReviewDetail>('reviews.get', { id: created.id });
    const { id: _id, districtName: _d, clock: _c, timeline: _t, ownerInstallationId: _o, createdAt: _ca, updatedAt: _u, ...input } = detail;
    await t.ok('reviews.save', { ...input, id: created.id, chairName: 'Dr Alex Merriman' });
    const { entries } = await t.ok<{ entries: Array<{ actor: string }> }>('reviews.audit', { id: created.id });
    expect(entries[0]!.actor).toBe('Priya Ashdown (Fenland CSP)');
  });

  it('refuses an unknown review id and a child row from another review', async () => {
    expect(await t.dispatch('reviews.get', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const foreign = (t.db().prepare("SELECT id FROM review_imrs LIMIT 1").get() as { id: string }).id;
    const reply = await t.dispatch('reviews.save', { ...newReview({ reference: 'DHR-FL-2026-11' }), imrs: [{ id: foreign, agencyId: constabulary, requestedDate: null, receivedDate: null }] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(count("SELECT count(*) AS n FROM reviews WHERE reference = 'DHR-FL-2026-11'")).toBe(0);
  });
});

describe('the reviews list', () => {
  it('never carries real names', async () => {
    const list = await t.ok<{ rows: ReviewRow[] }>('reviews.list', {});
    expect(JSON.stringify(list)).not.toMatch(/Quillfeather|Oakhurst|realName/);
  });

  it('shows the demo reviews across many stages, filterable and sortable', async () => {
    const { rows, total, years } = await t.ok<{ rows: ReviewRow[]; total: number; years: number[] }>('reviews.list', { sort: 'daysInStage', direction: 'desc' });
    expect(total).toBe(18);
    const stages = new Set(rows.map((r) => r.clock.stage));
    // The demo shows every stage a review can be at.
    expect([...stages].sort()).toEqual([...REVIEW_STAGES].sort());
    const days = rows.map((r) => r.clock.daysInStage ?? -1);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(years[0]).toBe(2026);

    const fenlandOnly = await t.ok<{ rows: ReviewRow[] }>('reviews.list', { districtId: fenland });
    expect(fenlandOnly.rows.every((r) => r.districtName === 'Fenland')).toBe(true);
    const published = await t.ok<{ rows: ReviewRow[] }>('reviews.list', { stage: 'published' });
    expect(published.rows.length).toBeGreaterThanOrEqual(3);
    expect(published.rows.every((r) => r.clock.actionPlanOpen)).toBe(true);
    const overdue = await t.ok<{ rows: ReviewRow[] }>('reviews.list', { overdueOnly: true });
    expect(overdue.rows.length).toBeGreaterThan(0);
    expect(overdue.rows.every((r) => r.clock.overdue)).toBe(true);
    const searched = await t.ok<{ rows: ReviewRow[] }>('reviews.list', { search: 'bryony' });
    expect(searched.rows.map((r) => r.reference)).toEqual(['DHR-FL-2026-09']);
    const in2019 = await t.ok<{ rows: ReviewRow[] }>('reviews.list', { year: 2019 });
    expect(in2019.rows.every((r) => r.year === 2019)).toBe(true);
  });

  it('filters by theme', async () => {
    const theme = t.db().prepare("SELECT t.id FROM themes t JOIN review_themes rt ON rt.theme_id = t.id GROUP BY t.id ORDER BY count(*) DESC LIMIT 1").get() as { id: string };
    const { rows } = await t.ok<{ rows: ReviewRow[] }>('reviews.list', { themeId: theme.id });
    const expected = count(`SELECT count(*) AS n FROM review_themes WHERE theme_id = '${theme.id}'`);
    expect(rows.length).toBe(expected);
  });
});
