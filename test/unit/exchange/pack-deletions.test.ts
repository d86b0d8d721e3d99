import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, todayOf } from '../../../shared/domain/clock.ts';
import { acknowledge, unacknowledge } from '../../../electron/services/drafting/acknowledgements.ts';
import { sealPackage } from '../../../electron/services/exchange/pack-format.ts';
import { applyPackage, buildPackage, districtIdByName, previewPackage, readPackage, type ReadPackage } from '../../../electron/services/exchange/pack-service.ts';
import { saveRecommendation } from '../../../electron/services/recommendations/recommendation-save.ts';
import { loadRecommendations } from '../../../electron/services/recommendations/recommendation-store.ts';
import { saveReview } from '../../../electron/services/reviews/review-save.ts';
import { loadReview } from '../../../electron/services/reviews/review-store.ts';
import type { Store } from '../../../electron/services/store/open-store.ts';
import { writeSettings } from '../../../electron/services/store/settings-store.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { TEST_TODAY } from '../../support/clock.ts';
import { tablesChecksum } from './support.ts';

// Deletions travel in packages as tombstones: a row deleted where it is
// owned is deleted everywhere its packages go, an older package never
// brings it back, and nobody's package deletes what they do not own.

const PASS = 'amber kettle harbour tulip';
const HOUR = 60 * 60 * 1000;

let county: TestBackend;
let c: Store;
const countyClock = manualClock(`${TEST_TODAY}T09:00:00Z`);
const opened: TestBackend[] = [];
let n = 0;

async function fresh(): Promise<Store> {
  const t = await openTestBackend({ clock: manualClock(`${TEST_TODAY}T09:00:00Z`) });
  opened.push(t);
  return t.backend.session.requireStore();
}

async function pack(store: Store, districtId: string | null = null): Promise<string> {
  const built = await buildPackage(store, { passphrase: PASS, districtId, includeRealNames: false, appVersion: 'test' });
  const file = path.join(county.dir, `p${++n}.dhrpack`);
  fs.writeFileSync(file, built.bytes);
  return file;
}

const read = (file: string) => readPackage(file, PASS);
const count = (store: Store, sql: string, ...args: unknown[]) => (store.db.prepare(sql).get(...args) as { n: number }).n;
const rowExists = (store: Store, table: string, id: string) => count(store, `SELECT count(*) AS n FROM ${table} WHERE id = ?`, id) === 1;
const tableCounts = (plan: ReturnType<typeof previewPackage>['plan'], table: string) => plan.tables.find((t) => t.table === table)!;

/** A county recommendation with at least two actions, the first with progress updates, on a review of no particular importer's district. */
function recommendationWithActions(store: Store) {
  const row = store.db
    .prepare(
      `SELECT r.id, r.review_id AS reviewId FROM recommendations r
        WHERE r.deleted_at IS NULL AND (SELECT count(*) FROM actions a WHERE a.recommendation_id = r.id) >= 2
          AND EXISTS (SELECT 1 FROM progress_updates u JOIN actions a ON a.id = u.action_id WHERE a.recommendation_id = r.id)
        ORDER BY r.rowid LIMIT 1`,
    )
    .get() as { id: string; reviewId: string };
  return loadRecommendations(store.db, row.reviewId, row.id)[0]!;
}

beforeAll(async () => {
  county = await openTestBackend({ demo: true, clock: countyClock });
  c = county.backend.session.requireStore();
}, 120_000);
afterAll(() => {
  for (const t of opened) t.close();
  county.close();
});

describe('an action deleted at the county', () => {
  let district: Store;
  let before: string;
  let after: string;
  let actionId: string;
  let updateIds: string[];

  beforeAll(async () => {
    district = await fresh();
    before = await pack(c);
    await applyPackage(district, await read(before), 'test');
    countyClock.advance(HOUR);
    // The county takes the first action off a recommendation (the edit form sends the list without it).
    const rec = recommendationWithActions(c);
    actionId = rec.actions.find((a) => count(c, 'SELECT count(*) AS n FROM progress_updates WHERE action_id = ?', a.id) > 0)!.id!;
    updateIds = (c.db.prepare('SELECT id FROM progress_updates WHERE action_id = ?').pluck().all(actionId) as string[]);
    expect(rowExists(district, 'actions', actionId)).toBe(true);
    saveRecommendation(c, { ...rec, actions: rec.actions.filter((a) => a.id !== actionId) }, 'test', todayOf(c.clock));
    after = await pack(c);
  }, 120_000);

  it('leaves a tombstone at the county, for the action and the progress updates it took with it', () => {
    const tombstone = c.db.prepare("SELECT * FROM deletions WHERE table_name = 'actions' AND row_id = ?").get(actionId) as Record<string, string>;
    expect(tombstone).toMatchObject({ deleted_at: countyClock.now().toISOString(), owner_installation_id: c.installationId });
    for (const id of updateIds) expect(count(c, "SELECT count(*) AS n FROM deletions WHERE table_name = 'progress_updates' AND row_id = ?", id)).toBe(1);
  });

  it('is deleted in another installation that imports the newer package, shown as removed in the preview', async () => {
    const preview = previewPackage(district, await read(after));
    expect(tableCounts(preview.plan, 'actions')).toMatchObject({ delete: 1, add: 0 });
    expect(preview.plan.totals.delete).toBeGreaterThanOrEqual(1);
    const result = applyPackage(district, await read(after), 'test');
    expect(result.changed).toBe(true);
    expect(rowExists(district, 'actions', actionId)).toBe(false);
    for (const id of updateIds) expect(rowExists(district, 'progress_updates', id)).toBe(false);
    // Deleted there as at the county's time, not the importer's.
    expect((district.db.prepare("SELECT deleted_at FROM deletions WHERE table_name = 'actions' AND row_id = ?").pluck().get(actionId))).toBe(countyClock.now().toISOString());
  });

  it('does not come back when the older package is imported again', async () => {
    const checksum = tablesChecksum(district.db);
    const result = applyPackage(district, await read(before), 'test');
    expect(result.plan.totals).toMatchObject({ add: 0, change: 0, delete: 0, conflicts: 0, skipped: 0 });
    expect(result.changed).toBe(false);
    expect(rowExists(district, 'actions', actionId)).toBe(false);
    expect(tablesChecksum(district.db)).toBe(checksum);
  });

  it('changes nothing when the newer package is imported twice', async () => {
    const checksum = tablesChecksum(district.db);
    const result = applyPackage(district, await read(after), 'test');
    expect(result.changed).toBe(false);
    expect(tablesChecksum(district.db)).toBe(checksum);
  });

  it('never reaches a store that had not got the action, even from the older package later', async () => {
    const late = await fresh();
    await applyPackage(late, await read(after), 'test');
    expect(count(late, "SELECT count(*) AS n FROM deletions WHERE table_name = 'actions' AND row_id = ?", actionId)).toBe(1);
    const again = applyPackage(late, await read(before), 'test');
    expect(again.plan.totals.add).toBe(0);
    expect(rowExists(late, 'actions', actionId)).toBe(false);
  });

  it('comes back only with a copy changed after the deletion, and only from someone who may change it', async () => {
    const stale = await read(before);
    const later = new Date(countyClock.now().getTime() + HOUR).toISOString();
    stale.tables.set('actions', stale.tables.get('actions')!.map((a) => (a.id === actionId ? { ...a, updated_at: later, action_text: 'Carried on after the deletion' } : a)));
    const tombstone = district.db.prepare("SELECT owner_district_id FROM deletions WHERE table_name = 'actions' AND row_id = ?").pluck().get(actionId) as string | null;
    const otherDistrict = district.db.prepare('SELECT id, name FROM districts WHERE id IS NOT ? ORDER BY rowid LIMIT 1').get(tombstone) as { id: string; name: string };
    const fromOtherDistrict: ReadPackage = {
      ...stale,
      metadata: { ...stale.metadata, sender: { ...stale.metadata.sender, installationId: 'a1b2c3d4-0000-4000-8000-000000000001' }, scope: { kind: 'district', districtId: otherDistrict.id, districtName: otherDistrict.name } },
    };
    const refused = previewPackage(district, fromOtherDistrict);
    expect(tableCounts(refused.plan, 'actions')).toMatchObject({ add: 0, conflicts: 1 });
    expect(refused.plan.conflicts.find((x) => x.table === 'actions')!.reason).toMatch(/It was deleted here on .* It stays deleted\./);

    const result = applyPackage(district, stale, 'test');
    expect(tableCounts(result.plan, 'actions').add).toBe(1);
    expect(district.db.prepare('SELECT action_text FROM actions WHERE id = ?').pluck().get(actionId)).toBe('Carried on after the deletion');
  });

  it('still imports a package of format 2, which carries no deletions', async () => {
    const current = await read(after);
    const records = { tables: Object.fromEntries(current.tables) };
    const file = path.join(county.dir, 'format-2.dhrpack');
    fs.writeFileSync(file, await sealPackage({ ...current.metadata, formatVersion: 2 }, records, PASS, { formatVersion: 2 }));
    const old = await read(file);
    expect(old.metadata.formatVersion).toBe(2);
    expect(old.deletions).toEqual([]);
    const target = await fresh();
    const result = applyPackage(target, old, 'test');
    expect(result.plan.totals.add).toBeGreaterThan(0);
    expect(rowExists(target, 'actions', actionId)).toBe(false);
  });
});

describe("rows deleted from a review's lists", () => {
  it('travel for every list: register entries, panel members, IMRs, pauses and QA submissions', async () => {
    const district = await fresh();
    const lists = ['review_people', 'review_panel_members', 'review_imrs', 'review_pauses', 'review_qa_submissions'] as const;
    const reviewId = c.db
      .prepare(`SELECT id FROM reviews v WHERE deleted_at IS NULL AND ${lists.map((t) => `EXISTS (SELECT 1 FROM ${t} WHERE review_id = v.id)`).join(' AND ')} ORDER BY rowid LIMIT 1`)
      .pluck()
      .get() as string;
    expect(reviewId).toBeTruthy();
    await applyPackage(district, await read(await pack(c)), 'test');
    countyClock.advance(HOUR);
    const review = loadReview(c.db, reviewId)!;
    const removed = {
      review_people: review.people.at(-1)!.id!,
      review_panel_members: review.panel.at(-1)!.id!,
      review_imrs: review.imrs.at(-1)!.id!,
      review_pauses: review.pauses.at(-1)!.id!,
      review_qa_submissions: review.qaSubmissions.at(-1)!.id!,
    };
    for (const [table, id] of Object.entries(removed)) expect(rowExists(district, table, id), table).toBe(true);
    saveReview(
      c,
      {
        ...review,
        people: review.people.slice(0, -1),
        panel: review.panel.slice(0, -1),
        imrs: review.imrs.slice(0, -1),
        pauses: review.pauses.slice(0, -1),
        qaSubmissions: review.qaSubmissions.slice(0, -1),
      },
      'test',
      todayOf(c.clock),
    );
    const preview = previewPackage(district, await read(await pack(c)));
    for (const table of lists) expect(tableCounts(preview.plan, table).delete, table).toBe(1);
    applyPackage(district, await read(await pack(c)), 'test');
    for (const [table, id] of Object.entries(removed)) expect(rowExists(district, table, id), table).toBe(false);
  });
});

describe('acknowledged SMART hints', () => {
  it('travel, and so does taking an acknowledgement back', async () => {
    const district = await fresh();
    const rec = recommendationWithActions(c);
    countyClock.advance(HOUR);
    acknowledge(c, { recommendationId: rec.id, hintKey: 'no_outcome', note: 'The outcome is in the finding.' }, 'Chair (County)');
    const withAck = await pack(c);
    await applyPackage(district, await read(withAck), 'test');
    const ack = district.db.prepare('SELECT hint_key, note, acknowledged_by FROM smart_acknowledgements WHERE recommendation_id = ?').all(rec.id);
    expect(ack).toEqual([{ hint_key: 'no_outcome', note: 'The outcome is in the finding.', acknowledged_by: 'Chair (County)' }]);

    countyClock.advance(HOUR);
    unacknowledge(c, rec.id, 'no_outcome', 'Chair (County)');
    const preview = previewPackage(district, await read(await pack(c)));
    expect(tableCounts(preview.plan, 'smart_acknowledgements').delete).toBe(1);
    applyPackage(district, await read(await pack(c)), 'test');
    expect(count(district, 'SELECT count(*) AS n FROM smart_acknowledgements WHERE recommendation_id = ?', rec.id)).toBe(0);
    // The package from before the withdrawal does not acknowledge it again.
    applyPackage(district, await read(withAck), 'test');
    expect(count(district, 'SELECT count(*) AS n FROM smart_acknowledgements WHERE recommendation_id = ?', rec.id)).toBe(0);

    // Acknowledged again later: a new row, which travels despite the old tombstone.
    countyClock.advance(HOUR);
    acknowledge(c, { recommendationId: rec.id, hintKey: 'no_outcome', note: 'Kept after all.' }, 'Chair (County)');
    applyPackage(district, await read(await pack(c)), 'test');
    expect(district.db.prepare('SELECT note FROM smart_acknowledgements WHERE recommendation_id = ?').pluck().all(rec.id)).toEqual(['Kept after all.']);
  });
});

describe('who may delete', () => {
  /** A package read from a district's installation, with a deletion added as a modified app could. */
  async function districtPackageDeleting(table: string, id: string, deletedAt: string): Promise<{ reader: ReadPackage; sender: Store }> {
    const sender = await fresh();
    await applyPackage(sender, await read(await pack(c)), 'test');
    const districtId = districtIdByName(sender.db, 'Fenland');
    writeSettings(sender.db, { myDistrictId: districtId }, sender.clock.now());
    const reader = await read(await pack(sender, districtId));
    const row = c.db.prepare(`SELECT owner_installation_id, owner_district_id FROM ${table} WHERE id = ?`).get(id) as { owner_installation_id: string; owner_district_id: string | null };
    reader.deletions.push({ table, id, deletedAt, ownerInstallationId: row.owner_installation_id, ownerDistrictId: row.owner_district_id });
    return { reader, sender };
  }

  it("a district's package cannot delete the county's rows, nor another district's", async () => {
    const fenland = districtIdByName(c.db, 'Fenland');
    const actionId = c.db
      .prepare('SELECT a.id FROM actions a JOIN recommendations r ON r.id = a.recommendation_id WHERE a.owner_district_id IS NOT ? AND r.deleted_at IS NULL ORDER BY a.rowid LIMIT 1')
      .pluck()
      .get(fenland) as string;
    const importer = await fresh();
    await applyPackage(importer, await read(await pack(c)), 'test');
    const { reader } = await districtPackageDeleting('actions', actionId, new Date(countyClock.now().getTime() + 10 * HOUR).toISOString());
    const result = applyPackage(importer, reader, 'test');
    expect(tableCounts(result.plan, 'actions')).toMatchObject({ delete: 0, conflicts: 1 });
    expect(result.plan.conflicts.find((x) => x.table === 'actions')!.reason).toMatch(/deleted, but it belongs to/);
    expect(rowExists(importer, 'actions', actionId)).toBe(true);
  });

  it("a district's package deletes its own district's rows", async () => {
    const fenland = districtIdByName(c.db, 'Fenland');
    const actionId = c.db
      .prepare('SELECT a.id FROM actions a JOIN recommendations r ON r.id = a.recommendation_id WHERE a.owner_district_id = ? AND r.deleted_at IS NULL ORDER BY a.rowid LIMIT 1')
      .pluck()
      .get(fenland) as string;
    const importer = await fresh();
    await applyPackage(importer, await read(await pack(c)), 'test');
    const { reader } = await districtPackageDeleting('actions', actionId, new Date(countyClock.now().getTime() + 10 * HOUR).toISOString());
    const result = applyPackage(importer, reader, 'test');
    expect(tableCounts(result.plan, 'actions').delete).toBe(1);
    expect(rowExists(importer, 'actions', actionId)).toBe(false);
  });

  it('a deletion older than the last change here is not applied', async () => {
    const fenland = districtIdByName(c.db, 'Fenland');
    const actionId = c.db.prepare('SELECT id FROM actions WHERE owner_district_id = ? ORDER BY rowid LIMIT 1').pluck().get(fenland) as string;
    const importer = await fresh();
    await applyPackage(importer, await read(await pack(c)), 'test');
    const updatedAt = importer.db.prepare('SELECT updated_at FROM actions WHERE id = ?').pluck().get(actionId) as string;
    const { reader } = await districtPackageDeleting('actions', actionId, new Date(new Date(updatedAt).getTime() - HOUR).toISOString());
    // Without the package's own copy, which would count as brought back after the deletion.
    reader.tables.set('actions', reader.tables.get('actions')!.filter((a) => a.id !== actionId));
    const result = applyPackage(importer, reader, 'test');
    expect(tableCounts(result.plan, 'actions')).toMatchObject({ delete: 0, conflicts: 1 });
    expect(result.plan.conflicts.find((x) => x.table === 'actions')!.reason).toMatch(/changed here after that/);
    expect(rowExists(importer, 'actions', actionId)).toBe(true);
  });

  it("a district's package carries only the deletions of its own district's rows", async () => {
    const fenland = districtIdByName(c.db, 'Fenland');
    // The county takes an action off a recommendation of Fenland's and one of another district's.
    countyClock.advance(HOUR);
    for (const inFenland of [true, false]) {
      const row = c.db
        .prepare(`SELECT id, review_id AS reviewId FROM recommendations r WHERE deleted_at IS NULL AND owner_district_id ${inFenland ? '=' : 'IS NOT'} ? AND EXISTS (SELECT 1 FROM actions a WHERE a.recommendation_id = r.id) ORDER BY rowid LIMIT 1`)
        .get(fenland) as { id: string; reviewId: string };
      const rec = loadRecommendations(c.db, row.reviewId, row.id)[0]!;
      saveRecommendation(c, { ...rec, actions: rec.actions.slice(0, -1) }, 'test', todayOf(c.clock));
    }
    const tombstones = c.db.prepare('SELECT owner_district_id FROM deletions').pluck().all() as Array<string | null>;
    expect(tombstones.some((d) => d !== fenland)).toBe(true);
    const reader = await read(await pack(c, fenland));
    expect(reader.deletions.length).toBeGreaterThan(0);
    expect(reader.deletions.every((d) => d.ownerDistrictId === fenland || (d.ownerDistrictId === null && d.ownerInstallationId === c.installationId))).toBe(true);
    expect((await read(await pack(c))).deletions).toHaveLength(tombstones.length);
  });
});
