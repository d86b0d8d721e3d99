import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionCheck } from '../../../shared/ipc/drafting-schemas.ts';
import type { ReviewDetail, ReviewRow } from '../../../shared/ipc/review-schemas.ts';
import type { RecommendationsForReview } from '../../../shared/ipc/recommendation-schemas.ts';
import { EXECUTIVE_SUMMARY_SECTIONS, OVERVIEW_SECTIONS } from '../../../electron/services/drafting/skeleton-docx.ts';
import { DEMO_REVIEWS } from '../../../electron/services/demo/reviews/index.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { docxRawText, pdfPages, pdfPageSizes, readDocx, renderPdf, squash } from '../../support/docx.ts';

let t: TestBackend;
let exportsDir: string;
let openQueue: string[] = [];
let folder: string | null = null;
beforeAll(async () => {
  t = await openTestBackend({ demo: true, exportTo: (name) => path.join(exportsDir, name), openFile: () => openQueue.shift() ?? null });
  exportsDir = path.join(t.dir, 'exports');
  fs.mkdirSync(exportsDir);
});
afterAll(() => t.close());

const reviewId = async (reference: string) => (await t.ok<{ rows: ReviewRow[] }>('reviews.list', { search: reference })).rows[0]!.id;
const realNames = DEMO_REVIEWS.flatMap((r) => r.people.map((p) => p.realName));

async function docWith(text: string, file: string): Promise<string> {
  const doc = new Document({ sections: [{ children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(text)] })] }] });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

describe('overview report and executive summary skeletons', () => {
  it('follow the Home Office structure, fill what the app knows, pseudonyms only, marked DRAFT', async () => {
    const id = await reviewId('DHR-HU-2024-01');
    const overview = await t.ok<{ file: string }>('drafting.overviewSkeleton', { reviewId: id });
    const summary = await t.ok<{ file: string }>('drafting.executiveSummarySkeleton', { reviewId: id });
    const demo = DEMO_REVIEWS.find((r) => r.reference === 'DHR-HU-2024-01')!;

    const text = squash(await docxRawText(overview.file));
    for (const heading of [...OVERVIEW_SECTIONS, 'Timescales', 'Confidentiality', 'Terms of reference', 'Methodology', 'Involvement of family and friends', 'Contributors to the review', 'Review panel members', 'The author', 'Parallel reviews', 'Equality and diversity', 'Dissemination']) {
      expect(text, heading).toContain(squash(heading));
    }
    for (const m of demo.panel) expect(text, m.member).toContain(squash(m.member));
    for (const imr of demo.imrs) expect(text, imr.agency).toContain(squash(imr.agency));
    for (const rec of demo.recommendations) expect(text).toContain(squash(rec.text.slice(0, 60)));
    expect(text).toContain(squash('[Chair to write:'));
    expect(text).toContain(squash('27/10/2024')); // date of death, in the key dates

    const parts = await readDocx(overview.file);
    expect(parts.headers.join(' ')).toMatch(/DRAFT/);
    expect(parts.headers.join(' ')).toMatch(/DHR DHR-HU-2024-01/);
    expect(parts.headers.join(' ')).toMatch(/OFFICIAL-SENSITIVE/);
    for (const name of realNames) expect(parts.allXml).not.toContain(name);

    const summaryText = squash(await docxRawText(summary.file));
    for (const heading of EXECUTIVE_SUMMARY_SECTIONS) expect(summaryText, heading).toContain(squash(heading));

    // Rendered as a chair would open it: headings present, the action plan appendix landscape.
    const [pdf] = renderPdf([overview.file], t.dir);
    const pages = pdfPages(pdf!).map(squash);
    for (const heading of OVERVIEW_SECTIONS) expect(pages.some((p) => p.includes(squash(heading))), heading).toBe(true);
    const sizes = pdfPageSizes(pdf!);
    expect(sizes[0]!.height).toBeGreaterThan(sizes[0]!.width);
    expect(sizes.at(-1)!.width).toBeGreaterThan(sizes.at(-1)!.height);
    expect(pages.at(-1)).toContain(squash('Key milestones achieved in enacting recommendation'));
  }, 120_000);
});

describe('SMART hint acknowledgements', () => {
  it('are recorded with a note and can be withdrawn', async () => {
    const list = await t.ok<RecommendationsForReview>('recommendations.list', { reviewId: await reviewId('DHR-HU-2024-01') });
    const rec = list.recommendations[0]!;
    const after = await t.ok<{ acknowledged: Array<{ hintKey: string; note: string | null }> }>('drafting.acknowledgeHint', { recommendationId: rec.id, hintKey: 'no_measure', note: 'The outcome is qualitative by design.' });
    expect(after.acknowledged).toEqual([expect.objectContaining({ hintKey: 'no_measure', note: 'The outcome is qualitative by design.' })]);
    expect((await t.ok<{ acknowledged: unknown[] }>('drafting.unacknowledgeHint', { recommendationId: rec.id, hintKey: 'no_measure' })).acknowledged).toEqual([]);
    expect(await t.dispatch('drafting.acknowledgeHint', { recommendationId: rec.id, hintKey: 'DROP TABLE' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('submission check', () => {
  it('fails an incomplete demo review with reasons, and passes once the gaps are filled', async () => {
    const id = await reviewId('DHR-HU-2024-01');
    const failing = await t.ok<SubmissionCheck>('drafting.submissionCheck', { reviewId: id });
    const byKey = Object.fromEntries(failing.items.map((i) => [i.key, i]));
    expect(failing.passed).toBe(false);
    expect(byKey.csp_approval).toMatchObject({ passed: false, detail: expect.stringMatching(/Record the date the CSP approved/) });
    expect(byKey.family).toMatchObject({ passed: false });
    expect(byKey.anonymity).toMatchObject({ passed: false, detail: expect.stringMatching(/Choose the chair's final overview report/) });

    // Fill the gaps: approval date, family involvement, every action complete, every hint resolved or acknowledged.
    const detail = await t.ok<ReviewDetail>('reviews.get', { id });
    const { districtName: _d, clock: _c, timeline: _t, ownerInstallationId: _o, createdAt: _ca, updatedAt: _u, ...form } = detail;
    await t.ok('reviews.save', { ...form, cspApprovalDate: '2026-11-10', familyInvolvement: 'Mira’s daughter and friend met the chair twice and read the draft.' });
    const list = await t.ok<RecommendationsForReview>('recommendations.list', { reviewId: id });
    const { smartHints, hintKey } = await import('../../../shared/domain/smart-check.ts');
    for (const r of list.recommendations) {
      for (const h of smartHints(r, { today: '2026-11-21', maxTargetMonths: 36 })) {
        await t.ok('drafting.acknowledgeHint', { recommendationId: r.id, hintKey: hintKey(h), note: 'Agreed by the panel.' });
      }
    }
    const clean = await docWith('The overview report into the death of Mira, a pseudonym agreed with her family.', path.join(t.dir, 'final.docx'));
    const dirty = await docWith(`Draft notes: ${DEMO_REVIEWS.find((r) => r.reference === 'DHR-HU-2024-01')!.people[0]!.realName}'s GP saw her twice.`, path.join(t.dir, 'dirty.docx'));
    openQueue = [dirty];
    const named = await t.ok<SubmissionCheck>('drafting.submissionCheck', { reviewId: id, chooseReport: true });
    expect(named.items.find((i) => i.key === 'anonymity')).toMatchObject({ passed: false, detail: expect.stringMatching(/1 real name found in dirty.docx/) });
    openQueue = [clean];
    const passing = await t.ok<SubmissionCheck>('drafting.submissionCheck', { reviewId: id, chooseReport: true });
    expect(passing.items.filter((i) => !i.passed)).toEqual([]);
    expect(passing.passed).toBe(true);

    // A file that is not a .docx is refused clearly.
    const notes = path.join(t.dir, 'notes.docx');
    fs.writeFileSync(notes, 'plain text, not a Word document');
    openQueue = [notes];
    expect(await t.dispatch('drafting.submissionCheck', { reviewId: id, chooseReport: true })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a Word document|damaged/) } });
  });

  it('refuses a review with no recommendations, recording nothing', async () => {
    const id = await reviewId('DHR-PB-2026-02');
    const check = await t.ok<SubmissionCheck>('drafting.submissionCheck', { reviewId: id });
    expect(check.items.find((i) => i.key === 'recommendations')).toMatchObject({ passed: false });
    const before = (await t.ok<ReviewDetail>('reviews.get', { id })).qaSubmissions.length;
    const file = await docWith('Overview report for Layla.', path.join(t.dir, 'layla.docx'));
    openQueue = [file, file];
    expect(await t.dispatch('drafting.submissionPack', { reviewId: id, submittedDate: '2026-11-20' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/nothing was recorded as submitted[\s\S]*no recommendations/) } });
    expect((await t.ok<ReviewDetail>('reviews.get', { id })).qaSubmissions.length).toBe(before);
  });
});

describe('Home Office submission pack', () => {
  it('puts the chosen reports, a fresh action plan and the checklist in one folder, and records the submission', async () => {
    const id = await reviewId('DHR-HU-2024-01');
    const overview = await docWith('Overview report: Mira.', path.join(t.dir, 'overview final.docx'));
    const summary = await docWith('Executive summary: Mira.', path.join(t.dir, 'summary final.docx'));
    openQueue = [overview, summary];
    folder = path.join(t.dir, 'packs');
    fs.mkdirSync(folder);
    // The pack also asks for a folder: call the service with dialogs that answer all three questions.
    const pack = await (await import('../../../electron/services/drafting/submission-pack.ts')).makeSubmissionPack(
      t.backend.session.requireStore(),
      { chooseStoreFile: async () => null, chooseExportFile: async () => null, chooseOpenFile: async () => openQueue.shift() ?? null, chooseFolder: async () => folder },
      { reviewId: id, submittedDate: '2026-11-20' },
      'Test chair',
      '2026-11-21',
    );
    expect(pack.folder).toBe(path.join(folder, 'DHR-HU-2024-01 Home Office submission 2026-11-20'));
    expect(fs.readdirSync(pack.folder!).sort()).toEqual(['DHR-HU-2024-01 action plan.docx', 'DHR-HU-2024-01 executive summary.docx', 'DHR-HU-2024-01 overview report.docx', 'DHR-HU-2024-01 submission checklist.docx']);
    expect(fs.readFileSync(path.join(pack.folder!, 'DHR-HU-2024-01 overview report.docx')).equals(fs.readFileSync(overview))).toBe(true);
    expect(await docxRawText(path.join(pack.folder!, 'DHR-HU-2024-01 submission checklist.docx'))).toMatch(/Passed/);
    const review = await t.ok<ReviewDetail>('reviews.get', { id });
    expect(review.qaSubmissions.at(-1)).toMatchObject({ submittedDate: '2026-11-20', outcome: null });
    expect(review.clock.stage).toBe('with_home_office');
    expect(fs.readdirSync(folder).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
