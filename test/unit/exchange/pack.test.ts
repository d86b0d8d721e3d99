import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REVIEWS } from '../../../electron/services/demo/reviews/index.ts';
import { openPackage } from '../../../electron/services/exchange/pack-format.ts';
import { applyPackage, buildPackage, districtIdByName, previewPackage, readPackage } from '../../../electron/services/exchange/pack-service.ts';
import type { Store } from '../../../electron/services/store/open-store.ts';
import { writeSettings } from '../../../electron/services/store/settings-store.ts';
import { storeStats } from '../../../electron/services/store/store-stats.ts';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { writeVersion1Package } from '../../fixtures/exchange-v1.ts';
import { tablesChecksum } from './support.ts';
import { testClock } from '../../support/clock.ts';

const PACK_PASSPHRASE = 'amber kettle harbour tulip';
const REAL_NAME = DEMO_REVIEWS[0]!.people[0]!.realName!;

let source: TestBackend;
let src: Store;
let packageFile: string;
const opened: TestBackend[] = [];

async function fresh(): Promise<{ t: TestBackend; store: Store }> {
  const t = await openTestBackend();
  opened.push(t);
  return { t, store: t.backend.session.requireStore() };
}

async function writePackage(store: Store, dir: string, options: { districtId?: string | null; includeRealNames?: boolean; name?: string } = {}): Promise<string> {
  const built = await buildPackage(store, { passphrase: PACK_PASSPHRASE, districtId: options.districtId ?? null, includeRealNames: options.includeRealNames ?? false, appVersion: 'test' });
  const file = path.join(dir, options.name ?? built.defaultName);
  fs.writeFileSync(file, built.bytes);
  return file;
}

async function importInto(store: Store, file: string) {
  return applyPackage(store, await readPackage(file, PACK_PASSPHRASE), 'test');
}

/** Every row of a table by id, for comparing two stores record by record. */
function rowsById(store: Store, table: string): Map<string, unknown> {
  return new Map((store.db.prepare(`SELECT * FROM ${table}`).all() as Array<{ id: string }>).map((r) => [r.id, r]));
}

beforeAll(async () => {
  source = await openTestBackend({ demo: true });
  src = source.backend.session.requireStore();
  packageFile = await writePackage(src, source.dir);
}, 120_000);
afterAll(() => {
  for (const t of opened) t.close();
  source.close();
});

describe('a countywide package from the demo store', () => {
  let store: Store;
  beforeAll(async () => {
    ({ store } = await fresh());
  });

  it('names its sender and scope in metadata readable without the passphrase', () => {
    expect(path.basename(packageFile)).toMatch(/^DHR exchange countywide \d\d-\d\d-\d{4}\.dhrpack$/);
  });

  it('previews without writing anything: everything is to add, nothing conflicts', async () => {
    const before = tablesChecksum(store.db);
    const preview = previewPackage(store, await readPackage(packageFile, PACK_PASSPHRASE));
    expect(tablesChecksum(store.db)).toBe(before);
    const reviews = preview.plan.tables.find((t) => t.table === 'reviews')!;
    expect(reviews).toMatchObject({ add: storeStats(src.db).reviews, change: 0, conflicts: 0, skipped: 0 });
    // The fresh store's own default themes are matched by name, not added twice.
    expect(preview.plan.tables.find((t) => t.table === 'themes')!.add).toBe(0);
    expect(preview.plan.totals.conflicts + preview.plan.totals.skipped).toBe(0);
  });

  it('imports into a fresh store with identical stats and identical records', async () => {
    const result = await importInto(store, packageFile);
    expect(result.changed).toBe(true);
    expect(storeStats(store.db)).toEqual(storeStats(src.db));
    for (const table of ['reviews', 'recommendations', 'actions', 'applicability', 'progress_updates', 'recommendation_addressees', 'agencies', 'districts']) {
      expect(rowsById(store, table), table).toEqual(rowsById(src, table));
    }
    expect(verifyAuditChain(store.db).ok).toBe(true);
    const audit = store.db.prepare("SELECT actor, action, entity, detail FROM audit_log WHERE entity = 'exchange package'").all() as Array<{ detail: string }>;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ file: path.basename(packageFile), scope: 'countywide', realNamesImported: false, conflicts: 0 });
  });

  it('changes nothing when imported again, not even the audit log', async () => {
    const before = tablesChecksum(store.db);
    const again = await importInto(store, packageFile);
    expect(again.changed).toBe(false);
    expect(again.plan.totals).toEqual({ add: 0, change: 0, remove: 0, delete: 0, conflicts: 0, skipped: 0, link: 0 });
    expect(tablesChecksum(store.db)).toBe(before);
  });

  it('leaves real names out unless the sender chooses to include them', async () => {
    const register = store.db.prepare('SELECT count(*) AS n, count(real_name) AS named FROM review_people').get() as { n: number; named: number };
    expect(register.n).toBeGreaterThan(0);
    expect(register.named).toBe(0);
    const opened = await openPackage(fs.readFileSync(packageFile), PACK_PASSPHRASE);
    expect(JSON.stringify(opened.records)).not.toContain(REAL_NAME);
  });
});

describe('real names in a package', () => {
  it('are imported only into a store of the same partnership', async () => {
    const file = await writePackage(src, source.dir, { includeRealNames: true, name: 'with-names.dhrpack' });
    const other = await fresh();
    writeSettings(other.store.db, { partnershipName: 'Somewhere Else DASV Partnership' }, other.store.clock.now());
    const otherPreview = previewPackage(other.store, await readPackage(file, PACK_PASSPHRASE));
    expect(otherPreview.plan.realNamesAccepted).toBe(false);
    expect(otherPreview.plan.notes.join(' ')).toMatch(/real names are not imported/);
    await importInto(other.store, file);
    expect((other.store.db.prepare('SELECT count(real_name) AS n FROM review_people').get() as { n: number }).n).toBe(0);

    const same = await fresh();
    writeSettings(same.store.db, { partnershipName: (src.db.prepare("SELECT value FROM settings WHERE key = 'partnershipName'").get() as { value: string }).value.replace(/"/g, '') }, same.store.clock.now());
    await importInto(same.store, file);
    const names = (same.store.db.prepare('SELECT real_name FROM review_people WHERE real_name IS NOT NULL').all() as Array<{ real_name: string }>).map((r) => r.real_name);
    expect(names).toContain(REAL_NAME);
  });

  it('a package without real names never wipes real names already held', async () => {
    const same = await fresh();
    writeSettings(same.store.db, { partnershipName: (src.db.prepare("SELECT value FROM settings WHERE key = 'partnershipName'").get() as { value: string }).value.replace(/"/g, '') }, same.store.clock.now());
    await importInto(same.store, await writePackage(src, source.dir, { includeRealNames: true, name: 'names-2.dhrpack' }));
    // The sender edits a register entry (its pseudonym) and sends a package without real names.
    const person = src.db.prepare('SELECT id FROM review_people LIMIT 1').get() as { id: string };
    const restore = src.db.prepare('SELECT pseudonym, updated_at FROM review_people WHERE id = ?').get(person.id) as { pseudonym: string; updated_at: string };
    src.db.prepare("UPDATE review_people SET pseudonym = 'Renamed', updated_at = ? WHERE id = ?").run(new Date(src.clock.now().getTime() + 1000).toISOString(), person.id);
    try {
      await importInto(same.store, await writePackage(src, source.dir, { name: 'no-names.dhrpack' }));
      const row = same.store.db.prepare('SELECT pseudonym, real_name FROM review_people WHERE id = ?').get(person.id) as { pseudonym: string; real_name: string | null };
      expect(row.pseudonym).toBe('Renamed');
      expect(row.real_name).not.toBeNull();
    } finally {
      src.db.prepare('UPDATE review_people SET pseudonym = ?, updated_at = ? WHERE id = ?').run(restore.pseudonym, restore.updated_at, person.id);
    }
  });
});

describe('a package from an older app', () => {
  it('format 1 still imports, with the same stats', async () => {
    const { t, store } = await fresh();
    const file = path.join(t.dir, 'old.dhrpack');
    fs.writeFileSync(file, writeVersion1Package(src.db, PACK_PASSPHRASE, { installationId: src.installationId, name: 'Old sender' }));
    const read = await readPackage(file, PACK_PASSPHRASE);
    expect(read.metadata.formatVersion).toBe(1);
    expect(read.metadata.scope).toEqual({ kind: 'all' });
    applyPackage(store, read, 'test');
    expect(storeStats(store.db)).toEqual(storeStats(src.db));
    // Format 1 lacked some review columns: they arrive empty; the ones it had arrive whole.
    const reviews = rowsById(src, 'reviews');
    for (const [id, row] of rowsById(store, 'reviews')) expect((row as { reference: string }).reference).toBe((reviews.get(id) as { reference: string }).reference);
    // And importing it again changes nothing.
    const before = tablesChecksum(store.db);
    expect((await importInto(store, file)).changed).toBe(false);
    expect(tablesChecksum(store.db)).toBe(before);
  });

  it('format 1 with the wrong passphrase is refused, as a wrong passphrase or an altered file', async () => {
    const { t } = await fresh();
    const file = path.join(t.dir, 'old.dhrpack');
    fs.writeFileSync(file, writeVersion1Package(src.db, PACK_PASSPHRASE, { installationId: src.installationId, name: 'Old sender' }));
    await expect(readPackage(file, 'not the passphrase at all')).rejects.toThrow(/does not open this package, or the package was altered/);
  });
});

describe('refusals leave the store unchanged', () => {
  let t: TestBackend;
  let store: Store;
  let bytes: Buffer;
  let checksum: string;
  beforeAll(async () => {
    ({ t, store } = await fresh());
    bytes = fs.readFileSync(packageFile);
    checksum = tablesChecksum(store.db);
  });

  async function refused(content: Buffer, passphrase = PACK_PASSPHRASE): Promise<string> {
    const file = path.join(t.dir, 'bad.dhrpack');
    fs.writeFileSync(file, content);
    let message = '';
    try {
      const read = await readPackage(file, passphrase);
      applyPackage(store, read, 'test');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(tablesChecksum(store.db)).toBe(checksum);
    return message;
  }

  it('refuses a package with one byte flipped, wherever it is', async () => {
    const positions = [0, 8, 10, 11, 20, 35, 50, 80, 100, Math.floor(bytes.length / 2), bytes.length - 60, bytes.length - 40, bytes.length - 1];
    for (const at of positions) {
      const flipped = Buffer.from(bytes);
      flipped[at]! ^= 0x01;
      const message = await refused(flipped);
      expect(message, `byte ${at}`).toMatch(/altered|damaged|not a DHR Tracker exchange package|newer version|incomplete/);
    }
    const inBody = Buffer.from(bytes);
    inBody[Math.floor(bytes.length / 2)]! ^= 0x80;
    expect(await refused(inBody)).toMatch(/has been altered or damaged since it was made \(its checksum does not match\)/);
  });

  it('refuses a deliberate change that recomputes the checksum: the encryption catches it', async () => {
    const forged = Buffer.from(bytes.subarray(0, bytes.length - 32));
    // Change the sender's name in the readable metadata.
    const text = forged.toString('latin1');
    const at = text.indexOf('"partnershipName"');
    expect(at).toBeGreaterThan(0);
    forged[at + 2] = 'P'.charCodeAt(0);
    const resealed = Buffer.concat([forged, createHash('sha256').update(forged).digest()]);
    expect(await refused(resealed)).toMatch(/has been altered since it was made: the passphrase is right/);
  });

  it('refuses a truncated package, saying it was cut short', async () => {
    for (const length of [5, 40, 200, bytes.length - 1000, bytes.length - 1]) {
      expect(await refused(bytes.subarray(0, length)), `length ${length}`).toMatch(/is incomplete.*cut short/);
    }
  });

  it('refuses the wrong passphrase', async () => {
    expect(await refused(bytes, 'the wrong passphrase entirely')).toMatch(/^That passphrase does not open this package/);
  });

  it('refuses files from other apps, saying what they are', async () => {
    const storeBytes = fs.readFileSync(t.file);
    expect(await refused(Buffer.from('PK\u0003\u0004 not really a zip', 'latin1'))).toMatch(/is not a DHR Tracker exchange package: it is a zip file/);
    expect(await refused(Buffer.from('%PDF-1.7 ...'))).toMatch(/: it is a PDF/);
    expect(await refused(Buffer.from('Recommendation,Action\n1,2\n'))).toMatch(/is not a DHR Tracker exchange package \(it does not start the way every package does\)/);
    expect(await refused(Buffer.alloc(0))).toMatch(/is empty/);
    expect(storeBytes.length).toBeGreaterThan(0);
    // Another app's encrypted file of the same shape: same layout, other magic.
    const other = Buffer.from(bytes);
    other.write('OTHERAPP', 0, 'ascii');
    expect(await refused(other)).toMatch(/is not a DHR Tracker exchange package/);
  });

  it('refuses a package from a newer app, asking for an update', async () => {
    const newer = Buffer.from(bytes.subarray(0, bytes.length - 32));
    newer.writeUInt16BE(99, 8);
    expect(await refused(Buffer.concat([newer, createHash('sha256').update(newer).digest()]))).toMatch(/made by a newer version of DHR Tracker \(package format 99/);
  });
});

describe('ownership: edits from different places never overwrite each other', () => {
  // Seconds after the test day's clock, so each edit is newer than anything the stores wrote.
  const later = (s: number) => new Date(testClock().now().getTime() + s * 1000).toISOString();

  it('a district package changes its own district’s records, and nothing it does not own', async () => {
    // The Fenland CSP's installation starts from the countywide package.
    const { t, store: fenland } = await fresh();
    await importInto(fenland, packageFile);
    const fenlandId = districtIdByName(fenland.db, 'Fenland');
    writeSettings(fenland.db, { myDistrictId: fenlandId }, fenland.clock.now());
    // Fenland decides on a recommendation from another district's review…
    const decision = fenland.db.prepare("SELECT a.id FROM applicability a JOIN recommendations r ON r.id = a.recommendation_id WHERE a.district_id = ? AND r.owner_district_id <> ? LIMIT 1").get(fenlandId, fenlandId) as { id: string };
    fenland.db.prepare("UPDATE applicability SET decision = 'not_applicable', reason = 'Already covered by the Fenland protocol', status = NULL, updated_at = ? WHERE id = ?").run(later(5), decision.id);
    // …and (wrongly) edits a Cambridge City recommendation it does not own.
    const cambridge = districtIdByName(fenland.db, 'Cambridge City');
    const rec = fenland.db.prepare('SELECT id, text FROM recommendations WHERE owner_district_id = ? LIMIT 1').get(cambridge) as { id: string; text: string };
    fenland.db.prepare('UPDATE recommendations SET text = ?, updated_at = ? WHERE id = ?').run('Edited in Fenland', later(5), rec.id);

    // Fenland's district package reaches the countywide group.
    const districtFile = await writePackage(fenland, t.dir, { districtId: fenlandId, name: 'fenland.dhrpack' });
    const read = await readPackage(districtFile, PACK_PASSPHRASE);
    expect(read.metadata.scope).toMatchObject({ kind: 'district', districtName: 'Fenland' });
    // Every recommendation is considered in every district, so Fenland's package carries each one its decisions hang from,
    // the edited one too: as a record Fenland does not own, its edit is a conflict and is not applied.
    expect(read.tables.get('recommendations')!.find((r) => r.id === rec.id)?.text).toBe('Edited in Fenland');
    const preview = previewPackage(src, read);
    expect(preview.plan.conflicts).toEqual([
      { table: 'recommendations', label: 'recommendations', record: expect.stringMatching(/^recommendation \d+ of DHR-CC-/), reason: expect.stringMatching(/belongs to Cambridge City, and this package speaks only for Fenland/) },
    ]);
    const result = applyPackage(src, read, 'test');
    expect(result.plan.totals).toMatchObject({ change: 1, conflicts: 1 });
    expect(src.db.prepare('SELECT decision FROM applicability WHERE id = ?').get(decision.id)).toEqual({ decision: 'not_applicable' });
    expect(src.db.prepare('SELECT text FROM recommendations WHERE id = ?').get(rec.id)).toEqual({ text: rec.text });
  });

  it('a countywide package relays other districts’ edits but never overwrites the importer’s own district', async () => {
    const { store: fenland } = await fresh();
    await importInto(fenland, packageFile);
    const fenlandId = districtIdByName(fenland.db, 'Fenland');
    const peterborough = districtIdByName(fenland.db, 'Peterborough');
    writeSettings(fenland.db, { myDistrictId: fenlandId }, fenland.clock.now());
    // The countywide group edits a Fenland decision and a Peterborough decision.
    const fenlandDecision = src.db.prepare('SELECT id, officer_name, updated_at FROM applicability WHERE district_id = ? AND decision = ? LIMIT 1').get(fenlandId, 'applicable') as { id: string; officer_name: string; updated_at: string };
    const pbDecision = src.db.prepare('SELECT id, officer_name, updated_at FROM applicability WHERE district_id = ? AND decision = ? LIMIT 1').get(peterborough, 'applicable') as { id: string; officer_name: string; updated_at: string };
    const set = src.db.prepare('UPDATE applicability SET officer_name = ?, updated_at = ? WHERE id = ?');
    set.run('Edited by the county', later(10), fenlandDecision.id);
    set.run('Edited by the county', later(10), pbDecision.id);
    try {
      const read = await readPackage(await writePackage(src, source.dir, { name: 'county-2.dhrpack' }), PACK_PASSPHRASE);
      const preview = previewPackage(fenland, read);
      // (Earlier tests may have left other Fenland edits in the county's store: each is the same kind of conflict.)
      expect(preview.plan.conflicts.length).toBeGreaterThan(0);
      for (const c of preview.plan.conflicts) expect(c.reason).toMatch(/belongs to this installation's own district \(Fenland\), so it changes only here/);
      applyPackage(fenland, read, 'test');
      expect(fenland.db.prepare('SELECT officer_name FROM applicability WHERE id = ?').get(fenlandDecision.id)).toEqual({ officer_name: fenlandDecision.officer_name });
      expect(fenland.db.prepare('SELECT officer_name FROM applicability WHERE id = ?').get(pbDecision.id)).toEqual({ officer_name: 'Edited by the county' });
    } finally {
      set.run(fenlandDecision.officer_name, fenlandDecision.updated_at, fenlandDecision.id);
      set.run(pbDecision.officer_name, pbDecision.updated_at, pbDecision.id);
    }
  });

  it('an older copy never replaces a newer one', async () => {
    const { store } = await fresh();
    await importInto(store, packageFile);
    const rec = store.db.prepare('SELECT id FROM recommendations LIMIT 1').get() as { id: string };
    // A newer copy here (say, the owner's later package already arrived): the old package must not undo it.
    store.db.prepare("UPDATE recommendations SET text = 'Newer text', updated_at = ? WHERE id = ?").run(later(60), rec.id);
    const result = await importInto(store, packageFile);
    expect(result.changed).toBe(false);
    expect(store.db.prepare('SELECT text FROM recommendations WHERE id = ?').get(rec.id)).toEqual({ text: 'Newer text' });
  });
});

describe('district packages', () => {
  it('carry the district’s own records and what they hang from, and import into an empty store', async () => {
    const fenlandId = districtIdByName(src.db, 'Fenland');
    const read = await readPackage(await writePackage(src, source.dir, { districtId: fenlandId, name: 'fenland-only.dhrpack' }), PACK_PASSPHRASE);
    const decisions = read.tables.get('applicability')!;
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.every((d) => d.owner_district_id === fenlandId)).toBe(true);
    expect(read.tables.get('review_people')!.every((p) => read.tables.get('reviews')!.find((r) => r.id === p.review_id)?.owner_district_id === fenlandId)).toBe(true);
    const { store } = await fresh();
    const result = applyPackage(store, read, 'test');
    expect(result.plan.totals.skipped).toBe(0);
    expect((store.db.prepare('SELECT count(*) AS n FROM applicability WHERE district_id = ?').get(fenlandId) as { n: number }).n).toBe(
      (src.db.prepare('SELECT count(*) AS n FROM applicability WHERE district_id = ?').get(fenlandId) as { n: number }).n,
    );
  });

  it('refuses an unknown district name, listing the districts', () => {
    expect(() => districtIdByName(src.db, 'Atlantis')).toThrow(/There is no district called "Atlantis". The districts are: Cambridge City, East Cambridgeshire, Fenland/);
  });
});
