import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicabilityRow, MyDistrict, ProgressHistory, RecommendationRef } from '../../../shared/ipc/progress-schemas.ts';
import type { RecommendationsForReview } from '../../../shared/ipc/recommendation-schemas.ts';
import type { ReviewRow } from '../../../shared/ipc/review-schemas.ts';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { TEST_TODAY } from '../../support/clock.ts';
import { addDays } from '../../../shared/domain/dates.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n').toString('base64');
let t: TestBackend;
let exportsDir: string;
let recs: RecommendationsForReview;
let districts: Record<string, string>;
beforeAll(async () => {
  t = await openTestBackend({ demo: true, exportTo: (name) => path.join(exportsDir, name) });
  exportsDir = path.join(t.dir, 'exports');
  fs.mkdirSync(exportsDir);
  const { rows } = await t.ok<{ rows: ReviewRow[] }>('reviews.list', { search: 'DHR-PB-2023-01' });
  recs = await t.ok<RecommendationsForReview>('recommendations.list', { reviewId: rows[0]!.id });
  districts = Object.fromEntries((t.db().prepare('SELECT name, id FROM districts').all() as Array<{ name: string; id: string }>).map((d) => [d.name, d.id]));
});
afterAll(() => t.close());

const forRec = (id: string) => t.ok<{ recommendation: RecommendationRef; districts: ApplicabilityRow[] }>('applicability.forRecommendation', { recommendationId: id });
const count = (sql: string) => (t.db().prepare(sql).get() as { n: number }).n;
const snapshot = () => ({
  applicability: JSON.stringify(t.db().prepare('SELECT * FROM applicability ORDER BY id').all()),
  updates: count('SELECT count(*) AS n FROM progress_updates'),
  attachments: count('SELECT count(*) AS n FROM attachments'),
  audit: count('SELECT count(*) AS n FROM audit_log'),
});

describe('applicability', () => {
  it('considers every recommendation in every district: the commissioning district applies it, others are still deciding', async () => {
    const { districts: rows, recommendation } = await forRec(recs.recommendations[0]!.id);
    expect(recommendation).toMatchObject({ reviewReference: 'DHR-PB-2023-01', number: 1 });
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.districtName === 'Peterborough')).toMatchObject({ decision: 'applicable', status: expect.any(String) });
    expect(rows.filter((r) => r.districtName !== 'Peterborough').every((r) => r.decision === 'under_consideration')).toBe(true);
  });

  it('a new recommendation gets the same defaults', async () => {
    const saved = await t.ok<{ id: string }>('recommendations.save', { reviewId: recs.review.id, text: 'The OPCC should commission a perpetrator programme in Peterborough by April 2027.', scope: 'local' });
    const { districts: rows } = await forRec(saved.id);
    expect(rows.map((r) => r.decision).sort()).toEqual(['applicable', 'under_consideration', 'under_consideration', 'under_consideration', 'under_consideration', 'under_consideration']);
  });

  it('decides in bulk across several recommendations, with lead, officer and target', async () => {
    const constabulary = (t.db().prepare("SELECT id FROM agencies WHERE name = 'Cambridgeshire Constabulary'").get() as { id: string }).id;
    const items = recs.recommendations.slice(0, 3).map((r) => ({ recommendationId: r.id, districtId: districts.Fenland! }));
    expect(await t.ok('applicability.decide', { items, decision: 'applicable', localLeadAgencyId: constabulary, officerName: 'Dan Whitlock', targetDate: '2027-03-31' })).toEqual({ updated: 3 });
    const row = (await forRec(recs.recommendations[1]!.id)).districts.find((r) => r.districtName === 'Fenland')!;
    expect(row).toMatchObject({ decision: 'applicable', status: 'not_started', localLeadAgency: 'Cambridgeshire Constabulary', officerName: 'Dan Whitlock', targetDate: '2027-03-31', decidedDate: expect.any(String) });
  });

  it('requires a reason for "not applicable" and evidence for "already in place", saving none of a bulk decision', async () => {
    const before = snapshot();
    const items = recs.recommendations.slice(3, 5).map((r) => ({ recommendationId: r.id, districtId: districts['Cambridge City']! }));
    expect(await t.dispatch('applicability.decide', { items, decision: 'not_applicable', reason: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { reason: expect.stringMatching(/reason/) } } });
    expect(await t.dispatch('applicability.decide', { items, decision: 'already_in_place' })).toMatchObject({ ok: false, error: { fields: { evidence: expect.any(String) } } });
    expect(await t.dispatch('applicability.decide', { items: [...items, { recommendationId: '00000000-0000-4000-8000-000000000000', districtId: districts.Fenland! }], decision: 'not_applicable', reason: 'No such service' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(snapshot()).toEqual(before);
    expect(await t.ok('applicability.decide', { items, decision: 'not_applicable', reason: 'The service is not commissioned in Cambridge.' })).toEqual({ updated: 2 });
  });
  it('"applicable" needs a local lead, a named officer and a target date, or to say the date is not set yet', async () => {
    const before = snapshot();
    const items = [{ recommendationId: recs.recommendations[5]!.id, districtId: districts.Huntingdonshire! }];
    const refused = await t.dispatch('applicability.decide', { items, decision: 'applicable' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { localLeadAgencyId: expect.any(String), officerName: expect.any(String), targetDate: expect.stringMatching(/not set yet/) } } });
    expect(snapshot()).toEqual(before);
    const lead = (t.db().prepare("SELECT id FROM agencies WHERE name = 'Cambridgeshire Constabulary'").get() as { id: string }).id;
    expect(await t.ok('applicability.decide', { items, decision: 'applicable', localLeadAgencyId: lead, officerName: 'Amara Lindqvist', targetDateNotSet: true })).toEqual({ updated: 1 });
    const row = (await forRec(recs.recommendations[5]!.id)).districts.find((r) => r.districtName === 'Huntingdonshire')!;
    expect(row).toMatchObject({ decision: 'applicable', targetDate: null, due: 'no_target' });
  });
});

describe('progress updates', () => {
  let fenland: ApplicabilityRow;
  beforeAll(async () => {
    fenland = (await forRec(recs.recommendations[0]!.id)).districts.find((r) => r.districtName === 'Fenland')!;
  });

  it('records a dated update with an evidence file, moving the status on', async () => {
    const h = await t.ok<ProgressHistory>('progress.add', {
      applicabilityId: fenland.id,
      asAtDate: '2026-11-20',
      author: 'Dan Whitlock',
      status: 'on_track',
      note: 'Briefing delivered to all Fenland neighbourhood teams.',
      attachments: [{ fileName: 'briefing attendance.pdf', dataBase64: PDF }],
    });
    expect(h.applicability).toMatchObject({ status: 'on_track', latestUpdate: { asAtDate: '2026-11-20', author: 'Dan Whitlock' } });
    expect(h.updates[0]).toMatchObject({ status: 'on_track', attachments: [{ fileName: 'briefing attendance.pdf', mediaType: 'application/pdf' }] });
  });

  it('keeps the whole history; a back-dated update does not change the current status', async () => {
    const h = await t.ok<ProgressHistory>('progress.add', { applicabilityId: fenland.id, asAtDate: '2026-08-01', author: 'Dan Whitlock', status: 'early_stage', note: 'Scoping meeting held.' });
    expect(h.updates.map((u) => u.status)).toEqual(['on_track', 'early_stage']);
    expect(h.applicability!.status).toBe('on_track');
  });

  it('refuses future dates, dates before notification, missing notes and a reasonless "not implemented", changing nothing', async () => {
    const before = snapshot();
    const base = { applicabilityId: fenland.id, author: 'Dan Whitlock', status: 'blocked', note: 'Waiting for funding.' };
    expect(await t.dispatch('progress.add', { ...base, asAtDate: addDays(TEST_TODAY, 1) })).toMatchObject({ ok: false, error: { fields: { asAtDate: expect.stringMatching(/future/) } } });
    expect(await t.dispatch('progress.add', { ...base, asAtDate: '2020-01-01' })).toMatchObject({ ok: false, error: { fields: { asAtDate: expect.stringMatching(/before the review was notified/) } } });
    expect(await t.dispatch('progress.add', { ...base, asAtDate: '2026-11-01', note: ' ' })).toMatchObject({ ok: false, error: { fields: { note: expect.any(String) } } });
    expect(await t.dispatch('progress.add', { ...base, asAtDate: '2026-11-01', status: 'not_implemented' })).toMatchObject({ ok: false, error: { fields: { statusReason: expect.any(String) } } });
    expect(snapshot()).toEqual(before);
  });

  it('refuses attachments that are too large, of a type not allowed, or not what their name says', async () => {
    const before = snapshot();
    const base = { applicabilityId: fenland.id, asAtDate: '2026-11-01', author: 'Dan Whitlock', status: 'on_track', note: 'Evidence attached.' };
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x25).toString('base64');
    expect(await t.dispatch('progress.add', { ...base, attachments: [{ fileName: 'huge.pdf', dataBase64: big }] })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/at most 10 MB/) } });
    expect(await t.dispatch('progress.add', { ...base, attachments: [{ fileName: 'setup.exe', dataBase64: PDF }] })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a type of file that can be attached/) } });
    expect(await t.dispatch('progress.add', { ...base, attachments: [{ fileName: 'report.pdf', dataBase64: Buffer.from('MZ\x90\x00 not a pdf').toString('base64') }] })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not look like a .pdf file/) } });
    expect(snapshot()).toEqual(before);
  });

  it('refuses a status change where the recommendation is not applicable', async () => {
    const row = (await forRec(recs.recommendations[3]!.id)).districts.find((r) => r.districtName === 'Cambridge City')!;
    const reply = await t.dispatch('progress.add', { applicabilityId: row.id, asAtDate: '2026-11-01', author: 'X', status: 'on_track', note: 'Started.' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/not applicable in Cambridge City/) } });
  });

  it('records progress against an action too', async () => {
    const action = recs.recommendations[0]!.actions[0]!;
    const h = await t.ok<ProgressHistory>('progress.add', { actionId: action.id, asAtDate: '2026-11-19', author: 'Amara Lindqvist', status: 'blocked', note: 'Practice system supplier delay.' });
    expect(h.action).toMatchObject({ id: action.id, status: 'blocked' });
    const listed = await t.ok<RecommendationsForReview>('recommendations.list', { reviewId: recs.review.id });
    expect(listed.recommendations[0]!.actionStatus[0]).toMatchObject({ id: action.id, status: 'blocked' });
  });

  it('saves an attachment out of the store, byte for byte, only when asked', async () => {
    const h = await t.ok<ProgressHistory>('progress.history', { applicabilityId: fenland.id });
    const id = h.updates[0]!.attachments[0]!.id;
    const saved = await t.ok<{ file: string }>('attachments.save', { id });
    expect(fs.readFileSync(saved.file).toString('base64')).toBe(PDF);
    expect(verifyAuditChain(t.db()).ok).toBe(true);
  });
});

describe('my district', () => {
  it('starts unchosen, then lists everything applicable there from any review, overdue first', async () => {
    expect(await t.ok<MyDistrict>('myDistrict.get', {})).toMatchObject({ districtId: null, items: [] });
    const mine = await t.ok<MyDistrict>('myDistrict.choose', { districtId: districts.Peterborough });
    expect(mine.districtName).toBe('Peterborough');
    expect(new Set(mine.items.map((i) => i.recommendation.reviewReference)).size).toBeGreaterThan(2);
    expect(mine.items.every((i) => i.applicability.decision === 'applicable' && i.applicability.districtName === 'Peterborough')).toBe(true);
    const order = { overdue: 0, due_soon: 1, not_due: 2, no_target: 3, closed: 4 };
    const dues = mine.items.map((i) => order[i.applicability.due]);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(mine.items[0]!.applicability.due).toBe('overdue');
    // The choice is remembered.
    expect((await t.ok<MyDistrict>('myDistrict.get', {})).districtName).toBe('Peterborough');
  });

  it('lists what is still to be decided there, oldest review first, each once', async () => {
    const mine = await t.ok<MyDistrict>('myDistrict.get', {});
    expect(mine.toDecide.length).toBe(mine.underConsideration);
    expect(mine.toDecide.length).toBeGreaterThan(0);
    expect(mine.toDecide.every((i) => i.applicability.decision === 'under_consideration' && i.applicability.districtName === 'Peterborough')).toBe(true);
    const keys = mine.toDecide.map((i) => `${i.recommendation.reviewReference}#${String(i.recommendation.number).padStart(3, '0')}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
    const sql = t.db().prepare("SELECT count(*) AS n FROM applicability a JOIN recommendations r ON r.id = a.recommendation_id AND r.deleted_at IS NULL JOIN reviews v ON v.id = r.review_id AND v.deleted_at IS NULL WHERE a.district_id = ? AND a.decision = 'under_consideration'").get(districts.Peterborough) as { n: number };
    expect(mine.toDecide.length).toBe(sql.n);
  });
});
