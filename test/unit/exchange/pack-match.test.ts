import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { likeness } from '../../../electron/services/exchange/pack-match.ts';
import { applyPackage, buildPackage, districtIdByName, previewPackage, readPackage } from '../../../electron/services/exchange/pack-service.ts';
import { deleteWithTombstone } from '../../../electron/services/store/deletions.ts';
import type { Store } from '../../../electron/services/store/open-store.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { tablesChecksum } from './support.ts';

// Two installations that each hold the same reviews, entered apart (here:
// each loaded the demo, so every id differs), exchange a district package.
// Matched by id alone, this doubled every recommendation of the matching
// reviews (85 added for Fenland), doubled My district, and hung progress
// updates on the copies. Now the same recommendation is one record here,
// linked to the sender's id, and later packages apply to it.

const PACK = 'amber kettle harbour tulip';
const REF = 'DHR-FL-2016-01';
const opened: TestBackend[] = [];
let sender: TestBackend;
/** Fenland's package as the demo makes it, before any edit in the sender */
let demoPackage: string;

async function backend(demo: boolean) {
  const t = await openTestBackend({ demo });
  opened.push(t);
  return { t, store: t.backend.session.requireStore() };
}

async function fenlandPackage(store: Store, dir: string, name: string): Promise<string> {
  const built = await buildPackage(store, { passphrase: PACK, districtId: districtIdByName(store.db, 'Fenland'), includeRealNames: false, appVersion: 'test' });
  const file = path.join(dir, name);
  fs.writeFileSync(file, built.bytes);
  return file;
}

const read = (file: string) => readPackage(file, PACK);

/** Live recommendations per review reference. */
function perReview(store: Store): Record<string, number> {
  const rows = store.db
    .prepare('SELECT v.reference AS ref, count(r.id) AS n FROM reviews v LEFT JOIN recommendations r ON r.review_id = v.id AND r.deleted_at IS NULL GROUP BY v.id ORDER BY v.reference')
    .all() as Array<{ ref: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.ref, r.n]));
}

/** Every progress update, named by the review, recommendation number (and action number) and district it hangs from: ids differ between the stores. */
function updatesByPlace(store: Store): string[] {
  const onDecisions = store.db
    .prepare(
      `SELECT v.reference || ' rec ' || r.position || ' ' || d.name || ' ' || u.as_at_date || ' ' || u.status || ' ' || u.note AS place
       FROM progress_updates u JOIN applicability a ON a.id = u.applicability_id JOIN recommendations r ON r.id = a.recommendation_id
       JOIN reviews v ON v.id = r.review_id JOIN districts d ON d.id = a.district_id`,
    )
    .pluck()
    .all() as string[];
  const onActions = store.db
    .prepare(
      `SELECT v.reference || ' rec ' || r.position || ' action ' || x.position || ' ' || u.as_at_date || ' ' || u.status || ' ' || u.note AS place
       FROM progress_updates u JOIN actions x ON x.id = u.action_id JOIN recommendations r ON r.id = x.recommendation_id JOIN reviews v ON v.id = r.review_id`,
    )
    .pluck()
    .all() as string[];
  return [...onDecisions, ...onActions].sort();
}

async function myFenland(t: TestBackend): Promise<{ items: number; underConsideration: number }> {
  const fenland = districtIdByName(t.db(), 'Fenland');
  const view = await t.ok<{ items: unknown[]; underConsideration: number }>('myDistrict.get', { districtId: fenland });
  return { items: view.items.length, underConsideration: view.underConsideration };
}

const totalRows = (store: Store, table: string) => (store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);

beforeAll(async () => {
  ({ t: sender } = await backend(true));
  demoPackage = await fenlandPackage(sender.backend.session.requireStore(), sender.dir, 'fenland.dhrpack');
}, 120_000);
afterAll(() => {
  for (const t of opened) t.close();
});

describe('a district package into a store that already holds the same reviews, entered apart', () => {
  let receiver: TestBackend;
  let store: Store;
  let file: string;
  let before: { perReview: Record<string, number>; updates: string[]; my: { items: number; underConsideration: number }; recommendations: number; actions: number; updatesCount: number };

  beforeAll(async () => {
    ({ t: receiver, store } = await backend(true));
    file = demoPackage;
    before = {
      perReview: perReview(store),
      updates: updatesByPlace(store),
      my: await myFenland(receiver),
      recommendations: totalRows(store, 'recommendations'),
      actions: totalRows(store, 'actions'),
      updatesCount: totalRows(store, 'progress_updates'),
    };
  }, 120_000);

  it('the two stores hold the same review under different ids', () => {
    const id = (s: Store) => s.db.prepare('SELECT id FROM reviews WHERE reference = ?').pluck().get(REF);
    expect(id(store)).toBeTruthy();
    expect(id(store)).not.toBe(id(sender.backend.session.requireStore()));
    expect(before.perReview[REF]).toBe(9);
  });

  it('previews nothing to add: every recommendation, action, decision and update is linked to the one here, with no warning', async () => {
    const preview = previewPackage(store, await read(file));
    const row = (table: string) => preview.plan.tables.find((t) => t.table === table)!;
    for (const table of ['reviews', 'review_people', 'review_panel_members', 'review_imrs', 'recommendations', 'recommendation_addressees', 'actions', 'applicability', 'progress_updates']) {
      expect(row(table).add, table).toBe(0);
    }
    expect(row('recommendations').unchanged).toBeGreaterThanOrEqual(9);
    expect(preview.plan.totals).toMatchObject({ add: 0, change: 0, remove: 0, conflicts: 0, skipped: 0 });
    expect(preview.plan.totals.link).toBeGreaterThan(row('recommendations').unchanged);
    expect(preview.plan.warnings).toEqual([]);
    expect(preview.plan.notes.join(' ')).toMatch(/records here are the same as the package's under another id/);
  });

  it('imports without doubling anything: counts per review, My district and every update in its place are as they were', async () => {
    const result = applyPackage(store, await read(file), 'test');
    // Nothing added or changed, but the links are written (and audited), so later packages find these records.
    expect(result.changed).toBe(true);
    expect(result.plan.totals.add).toBe(0);
    expect(perReview(store)).toEqual(before.perReview);
    expect(totalRows(store, 'recommendations')).toBe(before.recommendations);
    expect(totalRows(store, 'actions')).toBe(before.actions);
    expect(totalRows(store, 'progress_updates')).toBe(before.updatesCount);
    expect(updatesByPlace(store)).toEqual(before.updates);
    expect(await myFenland(receiver)).toEqual(before.my);
    expect(totalRows(store, 'exchange_id_aliases')).toBe(result.plan.totals.link);
  });

  it('changes nothing when the same package is imported again, not even the audit log', async () => {
    const checksum = tablesChecksum(store.db);
    const again = applyPackage(store, await read(file), 'test');
    expect(again.changed).toBe(false);
    expect(again.plan.totals).toEqual({ add: 0, change: 0, remove: 0, delete: 0, conflicts: 0, skipped: 0, link: 0 });
    expect(tablesChecksum(store.db)).toBe(checksum);
  });

  it('applies a later package from the same sender, after an edit there, to the linked record here', async () => {
    const src = sender.backend.session.requireStore();
    const reworded = 'Fenland CSP should commission a specialist domestic abuse advocate for older people, reporting to the board every six months.';
    // An edit there the next day: the wording of recommendation 3 changes completely, so only the link can find it.
    src.db
      .prepare("UPDATE recommendations SET text = ?, updated_at = '2026-11-22T10:00:00.000Z' WHERE position = 3 AND review_id = (SELECT id FROM reviews WHERE reference = ?)")
      .run(reworded, REF);
    const later = await fenlandPackage(src, sender.dir, 'fenland-later.dhrpack');
    const preview = previewPackage(store, await read(later));
    expect(preview.plan.tables.find((t) => t.table === 'recommendations')).toMatchObject({ add: 0, change: 1, conflicts: 0 });
    expect(preview.plan.totals).toMatchObject({ add: 0, change: 1, conflicts: 0, skipped: 0, link: 0 });
    applyPackage(store, await read(later), 'test');
    const here = store.db.prepare('SELECT r.text FROM recommendations r JOIN reviews v ON v.id = r.review_id WHERE v.reference = ? AND r.position = 3').pluck().all(REF);
    expect(here).toEqual([reworded]);
    expect(perReview(store)).toEqual(before.perReview);
    expect(updatesByPlace(store)).toEqual(before.updates);
  });

  it('a deletion at the sender reaches the record here that it is linked to, and an older package does not bring it back', async () => {
    const src = sender.backend.session.requireStore();
    const actionAt = (db: Store['db']) =>
      db
        .prepare("SELECT x.id FROM actions x JOIN recommendations r ON r.id = x.recommendation_id JOIN reviews v ON v.id = r.review_id WHERE v.reference = ? AND r.position = 1 AND x.position = 1")
        .pluck()
        .get(REF) as string | undefined;
    const senderAction = actionAt(src.db)!;
    const localAction = actionAt(store.db)!;
    expect(localAction).not.toBe(senderAction); // entered apart: only the link joins them
    src.db.transaction(() => deleteWithTombstone(src.db, 'actions', senderAction, '2026-11-23T10:00:00.000Z'))();
    const later = await fenlandPackage(src, sender.dir, 'fenland-deleted.dhrpack');
    const preview = previewPackage(store, await read(later));
    expect(preview.plan.tables.find((t) => t.table === 'actions')).toMatchObject({ add: 0, delete: 1 });
    applyPackage(store, await read(later), 'test');
    expect(actionAt(store.db)).toBeUndefined();
    // The demo's own package, made before the deletion, links to it but must not add it back.
    const old = previewPackage(store, await read(demoPackage));
    expect(old.plan.tables.find((t) => t.table === 'actions')).toMatchObject({ add: 0 });
  });
});

describe('the same district package into an empty store', () => {
  it('still adds everything', async () => {
    const { store } = await backend(false);
    const src = sender.backend.session.requireStore();
    const file = await fenlandPackage(src, sender.dir, 'fenland-empty.dhrpack');
    const r = await read(file);
    const result = applyPackage(store, r, 'test');
    expect(result.plan.tables.find((t) => t.table === 'recommendations')!.add).toBe(r.tables.get('recommendations')!.length);
    expect(result.plan.tables.find((t) => t.table === 'progress_updates')!.add).toBe(r.tables.get('progress_updates')!.length);
    expect(result.plan.warnings).toEqual([]);
    expect(perReview(store)[REF]).toBe(perReview(src)[REF]);
  }, 60_000);
});

describe('near matches and doubtful imports', () => {
  let receiver: TestBackend;
  let store: Store;
  let file: string;
  const reviewId = () => store.db.prepare('SELECT id FROM reviews WHERE reference = ?').pluck().get(REF) as string;
  const textOf = (position: number) => store.db.prepare('SELECT text FROM recommendations WHERE review_id = ? AND position = ?').pluck().get(reviewId(), position) as string;

  beforeAll(async () => {
    ({ t: receiver, store } = await backend(true));
    file = demoPackage;
  }, 120_000);

  it('a recommendation worded a little differently here, under the same number, is a conflict: not added, not linked', async () => {
    const original = textOf(2);
    store.db.prepare('UPDATE recommendations SET text = ? WHERE review_id = ? AND position = 2').run(`${original.replace(/\.$/, '')} within twelve months.`, reviewId());
    const preview = previewPackage(store, await read(file));
    expect(preview.plan.tables.find((t) => t.table === 'recommendations')).toMatchObject({ add: 0, conflicts: 1 });
    const conflict = preview.plan.conflicts.find((c) => c.table === 'recommendations')!;
    expect(conflict.record).toBe(`recommendation 2 of ${REF}`);
    expect(conflict.reason).toMatch(/a little different from this store's/);
    // What hangs from it is not imported either, so nothing lands on another recommendation.
    expect(preview.plan.tables.find((t) => t.table === 'applicability')!.add).toBe(0);
    expect(preview.plan.tables.find((t) => t.table === 'progress_updates')!.add).toBe(0);
    const before = perReview(store);
    applyPackage(store, await read(file), 'test');
    expect(perReview(store)).toEqual(before);
    store.db.prepare('UPDATE recommendations SET text = ? WHERE review_id = ? AND position = 2').run(original, reviewId());
  });

  it('a near match the person says is the same record is linked, with what hangs from it, and stays linked', async () => {
    const { t: here, store: fresh } = await backend(true);
    const id = fresh.db.prepare('SELECT id FROM reviews WHERE reference = ?').pluck().get(REF) as string;
    const original = fresh.db.prepare('SELECT text FROM recommendations WHERE review_id = ? AND position = 2').pluck().get(id) as string;
    fresh.db.prepare('UPDATE recommendations SET text = ? WHERE review_id = ? AND position = 2').run(`${original.replace(/\.$/, '')} within twelve months.`, id);
    const before = { perReview: perReview(fresh), updates: updatesByPlace(fresh), my: await myFenland(here) };
    const first = previewPackage(fresh, await read(file));
    const choice = first.plan.conflicts.find((c) => c.table === 'recommendations')!.choice!;
    expect(choice).toMatch(/^recommendations:/);
    const chosen = previewPackage(fresh, await read(file), { sameRecords: new Set([choice]) });
    expect(chosen.plan.totals).toMatchObject({ add: 0, conflicts: 0, skipped: 0 });
    expect(chosen.plan.totals.link).toBe(first.plan.totals.link + 1 + first.plan.totals.skipped);
    const applied = applyPackage(fresh, await read(file), 'test', undefined, { sameRecords: new Set([choice]) });
    expect(applied.plan.totals).toMatchObject({ add: 0, conflicts: 0 });
    expect(perReview(fresh)).toEqual(before.perReview);
    expect(updatesByPlace(fresh)).toEqual(before.updates);
    expect(await myFenland(here)).toEqual(before.my);
    // Linked now: the next import finds it by id, with no conflict and nothing to ask.
    const again = previewPackage(fresh, await read(file));
    expect(again.plan.totals).toEqual({ add: 0, change: 0, remove: 0, delete: 0, conflicts: 0, skipped: 0, link: 0 });
  });

  it('the same wording under another number is a conflict too', async () => {
    const fresh = (await backend(true)).store;
    const id = fresh.db.prepare('SELECT id FROM reviews WHERE reference = ?').pluck().get(REF) as string;
    // Here the review's recommendations 8 and 9 were entered the other way round.
    fresh.db.prepare('UPDATE recommendations SET position = -position WHERE review_id = ? AND position IN (8, 9)').run(id);
    fresh.db.prepare('UPDATE recommendations SET position = CASE position WHEN -8 THEN 9 ELSE 8 END WHERE review_id = ? AND position IN (-8, -9)').run(id);
    const preview = previewPackage(fresh, await read(file));
    expect(preview.plan.tables.find((t) => t.table === 'recommendations')).toMatchObject({ add: 0, conflicts: 2 });
    expect(preview.plan.conflicts.filter((c) => c.table === 'recommendations').map((c) => c.reason)).toEqual([
      expect.stringMatching(/^The package has the same wording as recommendation 9 here, but as recommendation 8\./),
      expect.stringMatching(/^The package has the same wording as recommendation 8 here, but as recommendation 9\./),
    ]);
  });

  it('warns when an import would give a review two recommendations with one number', async () => {
    const fresh = (await backend(true)).store;
    const id = fresh.db.prepare('SELECT id FROM reviews WHERE reference = ?').pluck().get(REF) as string;
    fresh.db.prepare("UPDATE recommendations SET text = 'A quite different recommendation about licensing premises and late-night venues.' WHERE review_id = ? AND position = 4").run(id);
    const preview = previewPackage(fresh, await read(file));
    expect(preview.plan.tables.find((t) => t.table === 'recommendations')).toMatchObject({ add: 1, conflicts: 0 });
    expect(preview.plan.warnings).toEqual([expect.stringMatching(new RegExp(`^${REF} would have 10 recommendations but only 9 numbers`))]);
  });

  it('warns when an import would give a review the same wording twice', async () => {
    // There, recommendation 5 was mistyped as a copy of 4: here, 4 and 5 are right.
    const { t: there, store: src } = await backend(true);
    const id = src.db.prepare('SELECT id FROM reviews WHERE reference = ?').pluck().get(REF) as string;
    src.db.prepare('UPDATE recommendations SET text = (SELECT text FROM recommendations WHERE review_id = @id AND position = 4) WHERE review_id = @id AND position = 5').run({ id });
    const mistyped = await fenlandPackage(src, there.dir, 'fenland-mistyped.dhrpack');
    const fresh = (await backend(true)).store;
    const preview = previewPackage(fresh, await read(mistyped));
    expect(preview.plan.tables.find((t) => t.table === 'recommendations')).toMatchObject({ add: 1, conflicts: 0 });
    expect(preview.plan.warnings).toEqual([
      expect.stringMatching(new RegExp(`^${REF} would have 10 recommendations but only 9 numbers`)),
      expect.stringMatching(new RegExp(`^${REF} would have recommendations worded the same \\(numbers 4 and 5\\)`)),
    ]);
  });
});

describe('likeness of two wordings', () => {
  it('is high for a small edit and low for another recommendation', () => {
    expect(likeness('The CSP should review its policy.', 'The CSP should review its policy within 6 months.')).toBeGreaterThan(0.6);
    expect(likeness('The CSP should review its policy.', 'GP practices should ask about abuse at every visit.')).toBeLessThan(0.6);
  });
});
