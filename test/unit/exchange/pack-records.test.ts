import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPackage } from '../../../electron/services/exchange/pack-format.ts';
import { recordsJson, type PackageScope, type PackageTables } from '../../../electron/services/exchange/pack-records.ts';
import { collectRecords } from '../../../electron/services/exchange/pack-select.ts';
import { buildPackage, districtIdByName } from '../../../electron/services/exchange/pack-service.ts';
import type { Store } from '../../../electron/services/store/open-store.ts';
import type { Db } from '../../../electron/services/store/sqlite.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { collectRecordsBefore } from './pack-reference.ts';

// A package's records must be exactly what they were when every table was
// read whole and filtered in JavaScript (pack-reference.ts): the same rows,
// the same values, in the same order, and so the same JSON inside the
// package. Checked on the demo store and on one bent out of the usual
// shape: deleted reviews and recommendations, a retired district, a new
// district with nothing of its own, records whose owner is not the
// district they are about, updates on other districts' decisions and
// actions (so their parents travel without their details, in the order
// the updates first name them), and evidence files in and out of scope.

const PACK_PASSPHRASE = 'amber kettle harbour tulip';

let demo: TestBackend;
let bent: TestBackend;
/** The city's actions Fenland's updates name, in the order they first name them */
let namedActions: string[] = [];

function scopes(db: Db): PackageScope[] {
  const districts = db.prepare('SELECT id, name FROM districts ORDER BY rowid').all() as Array<{ id: string; name: string }>;
  return [{ kind: 'all' }, ...districts.map((d): PackageScope => ({ kind: 'district', districtId: d.id, districtName: d.name }))];
}

const label = (scope: PackageScope) => (scope.kind === 'all' ? 'countywide' : scope.districtName);

function expectSameRecords(after: PackageTables, before: PackageTables, what: string): void {
  expect([...after.keys()], what).toEqual([...before.keys()]);
  for (const [table, rows] of before) expect(after.get(table), `${what}: ${table}`).toEqual(rows);
  // Key order and value types too: the package holds this JSON, gzipped.
  const same = JSON.stringify(recordsJson(after)) === JSON.stringify(recordsJson(before));
  expect(same, `${what}: the records' JSON differs`).toBe(true);
}

function checkEveryScope(db: Db): void {
  for (const scope of scopes(db)) {
    for (const includeRealNames of [false, true]) {
      const what = `${label(scope)}${includeRealNames ? ', with real names' : ''}`;
      expectSameRecords(collectRecords(db, scope, includeRealNames), collectRecordsBefore(db, scope, includeRealNames), what);
    }
  }
}

const stamp = (s: number) => new Date(Date.UTC(2026, 10, 1, 9, 0, s)).toISOString();

/** Bend the demo store out of its usual shape, through SQL, as packages and later edits can leave a store. */
function bend(store: Store): void {
  const { db } = store;
  const id = (name: string) => districtIdByName(db, name);
  const fenland = id('Fenland');
  const city = id('Cambridge City');
  const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
  db.transaction(() => {
    // A deleted review of Fenland's, and a deleted recommendation of the city's.
    db.prepare('UPDATE reviews SET deleted_at = ? WHERE id = (SELECT id FROM reviews WHERE owner_district_id = ? ORDER BY rowid LIMIT 1)').run(stamp(1), fenland);
    db.prepare('UPDATE recommendations SET deleted_at = ? WHERE id = (SELECT id FROM recommendations WHERE owner_district_id = ? ORDER BY rowid LIMIT 1)').run(stamp(2), city);
    // Huntingdonshire retired; a new district with nothing of its own yet.
    db.prepare("UPDATE districts SET retired_at = ? WHERE name = 'Huntingdonshire'").run(stamp(3));
    db.prepare("INSERT INTO districts (id, name, short_name, sort_order, owner_installation_id, created_at, updated_at) VALUES (?, 'Newtown', 'NT', 99, ?, ?, ?)").run(randomUUID(), store.installationId, stamp(4), stamp(4));
    // A Fenland-owned recommendation in a city review, and a city-owned review Fenland commissioned.
    db.prepare('UPDATE recommendations SET owner_district_id = ? WHERE id = (SELECT id FROM recommendations WHERE owner_district_id = ? AND deleted_at IS NULL ORDER BY rowid DESC LIMIT 1)').run(fenland, city);
    db.prepare('UPDATE reviews SET owner_district_id = ? WHERE id = (SELECT id FROM reviews WHERE owner_district_id = ? AND deleted_at IS NULL ORDER BY rowid DESC LIMIT 1)').run(city, fenland);
    // A decision about the city that Fenland owns; one of Fenland's updates that no district owns.
    db.prepare('UPDATE applicability SET owner_district_id = ? WHERE id = (SELECT id FROM applicability WHERE district_id = ? ORDER BY rowid DESC LIMIT 1)').run(fenland, city);
    db.prepare('UPDATE progress_updates SET owner_district_id = NULL WHERE id = (SELECT u.id FROM progress_updates u JOIN applicability a ON a.id = u.applicability_id WHERE a.owner_district_id = ? ORDER BY u.rowid LIMIT 1)').run(fenland);

    // Fenland's updates on the city's actions and decisions, naming later rows first,
    // so the parents they bring come in the order the updates name them, not the store's.
    const cityActions = db.prepare('SELECT a.id FROM actions a JOIN recommendations r ON r.id = a.recommendation_id WHERE r.owner_district_id = ? ORDER BY a.rowid').pluck().all(city) as string[];
    const cityDecisions = db.prepare('SELECT id FROM applicability WHERE owner_district_id = ? ORDER BY rowid').pluck().all(city) as string[];
    expect(cityActions.length).toBeGreaterThan(3);
    expect(cityDecisions.length).toBeGreaterThan(3);
    const addUpdate = db.prepare(
      `INSERT INTO progress_updates (id, applicability_id, action_id, as_at_date, author, status, note, owner_installation_id, owner_district_id, created_at, updated_at)
       VALUES (?, ?, ?, '2026-10-01', 'Fenland CSP officer', 'on_track', 'Joint work with the city.', ?, ?, ?, ?)`,
    );
    const updates: string[] = [];
    const update = (decision: string | null, action: string | null, s: number) => {
      const u = randomUUID();
      addUpdate.run(u, decision, action, store.installationId, fenland, stamp(s), stamp(s));
      updates.push(u);
    };
    update(null, cityActions.at(-1)!, 10);
    update(cityDecisions.at(-1)!, null, 11);
    update(null, cityActions[0]!, 12);
    update(null, cityActions.at(-1)!, 13);
    update(cityDecisions[0]!, null, 14);
    namedActions = [cityActions.at(-1)!, cityActions[0]!];

    // Evidence files: on Fenland's own update, on its update on a city action, and on a city update (not in Fenland's package).
    const addFile = db.prepare(
      `INSERT INTO attachments (id, progress_update_id, file_name, media_type, size_bytes, sha256, content, owner_installation_id, owner_district_id, created_at, updated_at)
       VALUES (?, ?, ?, 'text/plain', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const file = (updateId: string, name: string, owner: string) => {
      const content = Buffer.from(`Evidence: ${name}`);
      addFile.run(randomUUID(), updateId, name, content.length, 'not checked here', content, store.installationId, owner, stamp(20), stamp(20));
    };
    const ownUpdate = one<{ id: string }>('SELECT u.id FROM progress_updates u JOIN applicability a ON a.id = u.applicability_id WHERE a.district_id = ? ORDER BY u.rowid DESC LIMIT 1', fenland);
    const cityUpdate = one<{ id: string }>('SELECT u.id FROM progress_updates u WHERE u.owner_district_id = ? ORDER BY u.rowid LIMIT 1', city);
    file(ownUpdate.id, 'fenland minutes.txt', fenland);
    file(updates[2]!, 'joint audit.txt', fenland);
    file(cityUpdate.id, 'city minutes.txt', city);
  })();
}

beforeAll(async () => {
  [demo, bent] = await Promise.all([openTestBackend({ demo: true }), openTestBackend({ demo: true })]);
  bend(bent.backend.session.requireStore());
}, 120_000);
afterAll(() => {
  demo?.close();
  bent?.close();
});

describe('the records a package carries are the same as when every table was read whole', () => {
  it('from the demo store: countywide and each district, with and without real names', () => {
    checkEveryScope(demo.db());
  });

  it('from a store with deleted and retired records, odd owners, and updates on other districts’ records', () => {
    const db = bent.db();
    // The bent store does exercise what it is for.
    const fenland = collectRecordsBefore(db, { kind: 'district', districtId: districtIdByName(db, 'Fenland'), districtName: 'Fenland' }, false);
    expect(fenland.get('attachments')!.map((a) => a.file_name)).toEqual(['fenland minutes.txt', 'joint audit.txt']);
    expect(fenland.get('reviews')!.some((r) => r.deleted_at)).toBe(true);
    expect(fenland.get('actions')!.slice(-2).map((a) => a.id)).toEqual(namedActions);
    checkEveryScope(db);
  });

  it('inside the sealed package too', async () => {
    const store = bent.backend.session.requireStore();
    const districtId = districtIdByName(store.db, 'Fenland');
    const built = await buildPackage(store, { passphrase: PACK_PASSPHRASE, districtId, includeRealNames: false, appVersion: 'test' });
    const opened = await openPackage(built.bytes, PACK_PASSPHRASE);
    const before = recordsJson(collectRecordsBefore(store.db, { kind: 'district', districtId, districtName: 'Fenland' }, false));
    expect(JSON.stringify(opened.records)).toBe(JSON.stringify(before));
  });
});
