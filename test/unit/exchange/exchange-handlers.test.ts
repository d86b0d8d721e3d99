import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { tablesChecksum } from './support.ts';
import { tempFile, zipOf } from './action-plan-files.ts';

// The Exchange channels through the real dispatcher (zod at the boundary),
// with stand-in dialogs: what the save dialog returns, and which file the
// open dialog picks.

const PACK = 'amber kettle harbour tulip';
let source: TestBackend;
let saveTo: string | null;
let packageFile: string;

beforeAll(async () => {
  source = await openTestBackend({ demo: true, exportTo: (name) => (saveTo === null ? null : path.join(saveTo, name)) });
  saveTo = source.dir;
}, 60_000);
afterAll(() => source.close());

const reply = async (t: TestBackend, channel: string, input: unknown) => t.dispatch(channel, input);

describe('exchange.exportPackage', () => {
  it('refuses passphrases that differ or are short, with the field to fix', async () => {
    const differ = await reply(source, 'exchange.exportPackage', { passphrase: PACK, confirmPassphrase: `${PACK}!` });
    expect(differ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { confirmPassphrase: expect.stringMatching(/not the same/) } } });
    const short = await reply(source, 'exchange.exportPackage', { passphrase: 'short', confirmPassphrase: 'short' });
    expect(short).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE', message: expect.stringMatching(/at least 12 characters/) } });
  });

  it('saves the package where the person chooses, reports progress and audits the export', async () => {
    source.events.length = 0;
    const result = await source.ok<{ file: string; bytes: number; records: number }>('exchange.exportPackage', { passphrase: PACK, confirmPassphrase: PACK });
    packageFile = result.file;
    expect(path.basename(result.file)).toMatch(/^DHR exchange countywide \d\d-\d\d-\d{4}\.dhrpack$/);
    expect(fs.statSync(result.file).size).toBe(result.bytes);
    expect(result.records).toBeGreaterThan(1000);
    expect(source.events.filter(([e, p]) => e === 'task.progress' && (p as { task: string }).task === 'exchange.exportPackage').length).toBeGreaterThan(1);
    const audit = source.db().prepare("SELECT detail FROM audit_log WHERE action = 'export' AND entity = 'exchange package'").all() as Array<{ detail: string }>;
    expect(JSON.parse(audit.at(-1)!.detail)).toMatchObject({ file: path.basename(result.file), scope: 'countywide', includesRealNames: false });
    expect(audit.at(-1)!.detail).not.toContain(PACK);
  });

  it('saves nothing when the person cancels the save dialog', async () => {
    saveTo = null;
    try {
      expect(await source.ok('exchange.exportPackage', { passphrase: PACK, confirmPassphrase: PACK })).toEqual({ file: null, bytes: null, records: null });
    } finally {
      saveTo = source.dir;
    }
  });
});

describe('exchange.previewPackage and exchange.applyPackage', () => {
  let t: TestBackend;
  let chosen: string | null;
  beforeAll(async () => {
    t = await openTestBackend({ openFile: () => chosen });
  });
  afterAll(() => t.close());

  it('refuses the wrong passphrase and a damaged package in words, with nothing written', async () => {
    chosen = packageFile;
    const before = tablesChecksum(t.db());
    expect(await reply(t, 'exchange.previewPackage', { passphrase: 'the wrong passphrase' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: expect.stringMatching(/does not open this package/) } });
    const damaged = tempFile(t.dir, 'damaged.dhrpack', fs.readFileSync(packageFile).subarray(0, 2000));
    chosen = damaged;
    expect(await reply(t, 'exchange.previewPackage', { passphrase: PACK })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is incomplete/) } });
    expect(tablesChecksum(t.db())).toBe(before);
  });

  it('returns null when no file is chosen', async () => {
    chosen = null;
    expect(await t.ok('exchange.previewPackage', { passphrase: PACK })).toBeNull();
  });

  it('previews, applies once, and gives identical stats; the token is used up; importing again changes nothing', async () => {
    chosen = packageFile;
    const before = tablesChecksum(t.db());
    const preview = await t.ok<{ token: string; info: { scope: { kind: string }; includesRealNames: boolean }; totals: { add: number; conflicts: number } }>('exchange.previewPackage', { passphrase: PACK });
    expect(preview.info).toMatchObject({ scope: { kind: 'all' }, includesRealNames: false });
    expect(preview.totals.add).toBeGreaterThan(1000);
    expect(tablesChecksum(t.db())).toBe(before);
    t.events.length = 0;
    const applied = await t.ok<{ changed: boolean }>('exchange.applyPackage', { token: preview.token });
    expect(applied.changed).toBe(true);
    expect(t.events.some(([e, p]) => e === 'task.progress' && (p as { task: string }).task === 'exchange.applyPackage')).toBe(true);
    expect(await t.ok('store.stats')).toEqual(await source.ok('store.stats'));
    expect(await reply(t, 'exchange.applyPackage', { token: preview.token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/Import it again/) } });
    const again = await t.ok<{ token: string; totals: { add: number; change: number } }>('exchange.previewPackage', { passphrase: PACK });
    expect(again.totals).toMatchObject({ add: 0, change: 0 });
    const after = tablesChecksum(t.db());
    expect(await t.ok('exchange.applyPackage', { token: again.token })).toMatchObject({ changed: false });
    expect(tablesChecksum(t.db())).toBe(after);
  });

  it('refuses everything while locked', async () => {
    await t.ok('session.lock');
    expect(await reply(t, 'exchange.previewPackage', { passphrase: PACK })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await reply(t, 'exchange.exportSpreadsheet', { format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('exchange action plans', () => {
  let t: TestBackend;
  let chosen: string | null = null;
  let reviewId: string;
  beforeAll(async () => {
    t = await openTestBackend({ demo: true, openFile: () => chosen });
    reviewId = (t.db().prepare('SELECT id FROM reviews WHERE id NOT IN (SELECT review_id FROM recommendations) LIMIT 1').get() as { id: string }).id;
    t.db().prepare("UPDATE reviews SET date_of_death = '2016-05-01' WHERE id = ?").run(reviewId);
  }, 60_000);
  afterAll(() => t.close());

  it('opens a spreadsheet, lets the columns be chosen, and imports with agency choices', async () => {
    chosen = tempFile(t.dir, 'odd.csv', 'Col A,Col B,Col C,Col D\nTrain the staff,Run the course,31/03/2019,Somewhere Council\nTrain the staff,Check it worked,Q1 2019/20,Cambridgeshire Constabulary\n');
    type P = { token: string; columns: Array<{ header: string }>; understood: unknown[]; recommendations: unknown[]; agencies: Array<{ name: string; matchedId: string | null }> };
    const first = await t.ok<P>('exchange.openActionPlan', { reviewId });
    expect(first.columns.map((c) => c.header)).toEqual(['Col A', 'Col B', 'Col C', 'Col D']);
    expect(first.recommendations).toEqual([]);
    const mapping = { recommendation: 0, action: 1, targetDate: 2, leadAgency: 3 };
    const second = await t.ok<P>('exchange.previewActionPlan', { token: first.token, reviewId, mapping });
    expect(second.understood).toHaveLength(2);
    expect(second.agencies.map((a) => [a.name, Boolean(a.matchedId)])).toEqual([
      ['Somewhere Council', false],
      ['Cambridgeshire Constabulary', true],
    ]);
    const agencies = (t.db().prepare('SELECT count(*) AS n FROM agencies').get() as { n: number }).n;
    const result = await t.ok('exchange.applyActionPlan', { token: first.token, reviewId, mapping, agencyChoices: { 'Somewhere Council': 'new' } });
    expect(result).toMatchObject({ recommendations: 1, actions: 2, agenciesCreated: 1 });
    expect((t.db().prepare('SELECT count(*) AS n FROM agencies').get() as { n: number }).n).toBe(agencies + 1);
    // The token is used up once applied.
    expect(await reply(t, 'exchange.previewActionPlan', { token: first.token, reviewId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a hostile file in words, with the store unchanged', async () => {
    chosen = tempFile(t.dir, 'climb.docx', zipOf({ 'word/document.xml': '<w:document/>', '../../escape.txt': 'x' }));
    const before = tablesChecksum(t.db());
    expect(await reply(t, 'exchange.openActionPlan', { reviewId })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/points outside the document/) } });
    expect(tablesChecksum(t.db())).toBe(before);
  });

  it('refuses a mapping outside the contract', async () => {
    expect(await reply(t, 'exchange.previewActionPlan', { token: 'x'.repeat(20), reviewId, mapping: { colour: 1 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('exchange.exportSpreadsheet', () => {
  it('saves the workbook and the CSV zip, audited', async () => {
    const xlsx = await source.ok<{ file: string }>('exchange.exportSpreadsheet', { format: 'xlsx' });
    expect(xlsx.file).toMatch(/DHR Tracker data \d\d-\d\d-\d{4}\.xlsx$/);
    expect(strFromU8(unzipSync(fs.readFileSync(xlsx.file))['xl/workbook.xml']!)).toContain('<sheet name="Updates"');
    const csv = await source.ok<{ file: string }>('exchange.exportSpreadsheet', { format: 'csv' });
    expect(csv.file).toMatch(/\(CSV\)\.zip$/);
    const audit = source.db().prepare("SELECT detail FROM audit_log WHERE action = 'export' AND entity = 'store'").all() as Array<{ detail: string }>;
    expect(audit.map((a) => JSON.parse(a.detail).export)).toEqual(['spreadsheet for analysts (.xlsx)', 'CSV files for analysts (.zip)']);
  });
});
