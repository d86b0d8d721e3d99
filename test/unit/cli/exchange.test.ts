import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayOf } from '../../../shared/domain/clock.ts';
import { saveRecommendation } from '../../../electron/services/recommendations/recommendation-save.ts';
import { loadRecommendations } from '../../../electron/services/recommendations/recommendation-store.ts';
import { openStore } from '../../../electron/services/store/open-store.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { convertWithLibreOffice, EXPECTED, wordPlan, workbookPlan, zipOf } from '../exchange/action-plan-files.ts';
import { tablesChecksum } from '../exchange/support.ts';
import { TEST_DAY_ENV, TEST_STORE_OPTIONS } from '../../support/clock.ts';

// dhr pack export / pack import, dhr import action-plan and dhr export
// xlsx / csv, run as a person would run them: the real bin/dhr.mjs against
// real encrypted stores.

const BIN = path.resolve('bin/dhr.mjs');
const PACK = 'amber kettle harbour tulip';
let dir: string;
let cleanup: () => void;
let demo: string;
let pack: string;

function dhr(args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, ...TEST_DAY_ENV, DHR_PASSPHRASE: PASSPHRASE, DHR_PACK_PASSPHRASE: PACK, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const stats = (db: string) => JSON.parse(dhr(['stats', '--db', db, '--json']).stdout) as Record<string, number>;
function checksum(db: string): string {
  const store = openStore(db, PASSPHRASE, TEST_STORE_OPTIONS);
  try {
    return tablesChecksum(store.db);
  } finally {
    store.close();
  }
}
function fresh(name: string): string {
  const db = path.join(dir, name);
  expect(dhr(['init', '--db', db]).code).toBe(0);
  return db;
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir('dhr-cli-exchange-'));
  demo = path.join(dir, 'demo.dhr');
  expect(dhr(['demo', '--db', demo]).code).toBe(0);
  pack = path.join(dir, 'county.dhrpack');
  const r = dhr(['pack', 'export', '--db', demo, '--out', pack]);
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^Wrote an exchange package of the whole store \(\d+ records, no real names\) to /);
}, 180_000);
afterAll(() => cleanup());

describe('dhr pack', () => {
  it('imports a demo package into a fresh store: the dry run writes nothing, the import gives identical stats, again changes nothing', () => {
    const db = fresh('fresh.dhr');
    const before = checksum(db);
    const dry = dhr(['pack', 'import', '--db', db, pack, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Scope: {4}countywide: the whole store/);
    expect(dry.stdout).toMatch(/^reviews\s+17\s+0\s+0\s+0\s+0\s+0$/m);
    expect(dry.stdout).toMatch(/Dry run: nothing was written\.\n$/);
    expect(checksum(db)).toBe(before);

    const real = dhr(['pack', 'import', '--db', db, pack]);
    expect(real.code).toBe(0);
    // The fresh store's own default themes are the same as the package's by name: linked, not added.
    expect(real.stdout).toMatch(/Imported: \d+ added, 0 changed, 0 removed, \d+ linked to the same records here\./);
    expect(stats(db)).toEqual(stats(demo));

    const afterImport = checksum(db);
    const again = dhr(['pack', 'import', '--db', db, pack, '--json']);
    expect(again.code).toBe(0);
    const json = JSON.parse(again.stdout);
    expect(json.totals).toEqual({ add: 0, change: 0, remove: 0, delete: 0, conflicts: 0, skipped: 0, link: 0 });
    expect(json.applied).toBe(false);
    expect(checksum(db)).toBe(afterImport);
  });

  it('carries a deleted action: the dry run shows it removed, the import removes it, and the older package does not bring it back', () => {
    const db = fresh('deletions.dhr');
    expect(dhr(['pack', 'import', '--db', db, pack]).code).toBe(0);
    // A copy of the demo store, so the other tests keep theirs as it was; one action taken off a recommendation there.
    const county = path.join(dir, 'county-copy.dhr');
    fs.copyFileSync(demo, county);
    const store = openStore(county, PASSPHRASE, TEST_STORE_OPTIONS);
    try {
      const row = store.db.prepare('SELECT recommendation_id AS id, r.review_id AS reviewId FROM actions a JOIN recommendations r ON r.id = a.recommendation_id WHERE r.deleted_at IS NULL ORDER BY a.rowid LIMIT 1').get() as { id: string; reviewId: string };
      const rec = loadRecommendations(store.db, row.reviewId, row.id)[0]!;
      saveRecommendation(store, { ...rec, actions: rec.actions.slice(1) }, 'test', todayOf(store.clock));
    } finally {
      store.close();
    }
    const newer = path.join(dir, 'county-newer.dhrpack');
    expect(dhr(['pack', 'export', '--db', county, '--out', newer]).code).toBe(0);

    const dry = dhr(['pack', 'import', '--db', db, newer, '--dry-run']);
    expect(dry.stdout).toMatch(/^actions\s+0\s+\d+\s+1\s+\d+\s+0\s+0$/m);
    // The action, and the progress updates its deletion took with it.
    const removed = Number(/, (\d+) to remove \(deleted by their owner\)/.exec(dry.stdout)?.[1]);
    expect(removed).toBeGreaterThanOrEqual(1);
    const real = dhr(['pack', 'import', '--db', db, newer]);
    expect(real.stdout).toMatch(new RegExp(`Imported: 0 added, \\d+ changed, ${removed} removed\\.`));
    expect(stats(db).actions).toBe(stats(county).actions);

    const old = dhr(['pack', 'import', '--db', db, pack]);
    expect(old.code).toBe(0);
    expect(old.stdout).toMatch(/Nothing to import: this store already has everything in the package\./);
    expect(stats(db).actions).toBe(stats(county).actions);
  });

  it('refuses a flipped byte, a truncated package, the wrong passphrase and another app’s file, leaving the store’s bytes as they were', () => {
    const db = fresh('target.dhr');
    const before = digest(db);
    const bytes = fs.readFileSync(pack);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 3)]! ^= 0x04;
    const cases: Array<[string, Buffer, Record<string, string>, RegExp]> = [
      ['flipped.dhrpack', flipped, {}, /has been altered or damaged since it was made/],
      ['short.dhrpack', bytes.subarray(0, bytes.length - 500), {}, /is incomplete \(500 bytes are missing\): it was cut short/],
      ['county.dhrpack', bytes, { DHR_PACK_PASSPHRASE: 'not the package passphrase' }, /That passphrase does not open this package/],
      ['other.dhrpack', Buffer.from('SQLite format 3\u0000 and more'), {}, /is not a DHR Tracker exchange package: it is a database file/],
      ['plan.dhrpack', Buffer.from(zipOf({ 'word/document.xml': '<w:document/>' })), {}, /is not a DHR Tracker exchange package: it is a zip file/],
    ];
    for (const [name, content, env, message] of cases) {
      const file = path.join(dir, `bad-${name}`);
      fs.writeFileSync(file, content);
      const r = dhr(['pack', 'import', '--db', db, file], env);
      expect(r.code, name).not.toBe(0);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr.split('\n').filter(Boolean), name).toHaveLength(1);
      expect(digest(db), name).toBe(before);
    }
  });

  it('asks for the package passphrase and refuses a short one', () => {
    const r = dhr(['pack', 'export', '--db', demo, '--out', path.join(dir, 'x.dhrpack')], { DHR_PACK_PASSPHRASE: undefined });
    expect(r.stderr).toMatch(/Set DHR_PACK_PASSPHRASE/);
    const short = dhr(['pack', 'export', '--db', demo, '--out', path.join(dir, 'x.dhrpack')], { DHR_PACK_PASSPHRASE: 'too short' });
    expect(short.stderr).toMatch(/package passphrase must be at least 12 characters/);
    expect(fs.existsSync(path.join(dir, 'x.dhrpack'))).toBe(false);
    expect(dhr(['pack', 'export', '--db', demo, '--out', path.join(dir, 'x.zip')]).stderr).toMatch(/--out must name a package file ending in \.dhrpack/);
    expect(dhr(['pack', 'send', '--db', demo]).stderr).toMatch(/dhr pack export \| dhr pack import/);
  });

  it('exports one district with --district, in any case, and refuses an unknown one', () => {
    const out = path.join(dir, 'fenland.dhrpack');
    const r = dhr(['pack', 'export', '--db', demo, '--out', out, '--district', 'fenland']);
    expect(r.stdout).toMatch(/Wrote an exchange package of Fenland's records/);
    const db = fresh('from-fenland.dhr');
    const imported = dhr(['pack', 'import', '--db', db, out, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout).package.scope).toMatchObject({ kind: 'district', districtName: 'Fenland' });
    expect(dhr(['pack', 'export', '--db', demo, '--out', path.join(dir, 'y.dhrpack'), '--district', 'Atlantis']).stderr).toMatch(/There is no district called "Atlantis". The districts are: /);
  });

  it('imports a district package into a store that entered the same reviews apart without doubling a recommendation', () => {
    const out = path.join(dir, 'fenland-twin.dhrpack');
    expect(dhr(['pack', 'export', '--db', demo, '--out', out, '--district', 'Fenland']).code).toBe(0);
    // Another installation that loaded the demo itself: the same reviews under other ids.
    const twin = path.join(dir, 'twin.dhr');
    expect(dhr(['demo', '--db', twin]).code).toBe(0);
    const before = stats(twin);
    const dry = dhr(['pack', 'import', '--db', twin, out, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^recommendations\s+0\s+0\s+0\s+\d+\s+0\s+0$/m);
    expect(dry.stdout).toMatch(/In all: 0 to add, 0 to change, 0 to remove \(deleted by their owner\), \d+ to link to the same records here, 0 conflicts, 0 skipped\./);
    expect(dry.stdout).not.toMatch(/^Warning:/m);
    const real = dhr(['pack', 'import', '--db', twin, out]);
    expect(real.stdout).toMatch(/Imported: 0 added, 0 changed, 0 removed, \d+ linked to the same records here\./);
    expect(stats(twin)).toEqual(before);
    const again = dhr(['pack', 'import', '--db', twin, out]);
    expect(again.stdout).toMatch(/Nothing to import: this store already has everything in the package\.\n$/);
    expect(stats(twin)).toEqual(before);
  });

  it('lists a near match as a conflict, and links it with --link-near', () => {
    const out = path.join(dir, 'fenland-near.dhrpack');
    expect(dhr(['pack', 'export', '--db', demo, '--out', out, '--district', 'Fenland']).code).toBe(0);
    const twin = path.join(dir, 'twin-near.dhr');
    expect(dhr(['demo', '--db', twin]).code).toBe(0);
    // Here recommendation 2 of DHR-FL-2016-01 was typed with a few more words.
    const store = openStore(twin, PASSPHRASE, TEST_STORE_OPTIONS);
    store.db
      .prepare("UPDATE recommendations SET text = text || ' Within twelve months.' WHERE position = 2 AND review_id = (SELECT id FROM reviews WHERE reference = 'DHR-FL-2016-01')")
      .run();
    store.close();
    const before = stats(twin);
    const dry = dhr(['pack', 'import', '--db', twin, out, '--dry-run']);
    expect(dry.stdout).toMatch(/^recommendations\s+0\s+0\s+0\s+\d+\s+1\s+0$/m);
    expect(dry.stdout).toMatch(/^Conflict: recommendation 2 of DHR-FL-2016-01: The package's recommendation 2 reads ".*", a little different from this store's/m);
    expect(dry.stdout).toMatch(/import again with --link-near to link them/);
    const linked = dhr(['pack', 'import', '--db', twin, out, '--link-near']);
    expect(linked.code).toBe(0);
    expect(linked.stdout).toMatch(/^recommendations\s+0\s+0\s+0\s+\d+\s+0\s+0$/m);
    expect(linked.stdout).toMatch(/Imported: 0 added, 0 changed, 0 removed, \d+ linked to the same records here\./);
    expect(stats(twin)).toEqual(before);
    expect(dhr(['import', 'action-plan', '--db', twin, '--review', 'DHR-FL-2016-01', out, '--link-near']).stderr).toMatch(/--link-near does not apply to dhr import action-plan\./);
  });
});

describe('dhr import action-plan', () => {
  let db: string;
  let reference: string;
  beforeAll(() => {
    db = path.join(dir, 'legacy.dhr');
    fs.copyFileSync(demo, db);
    const store = openStore(db, PASSPHRASE, TEST_STORE_OPTIONS);
    try {
      const row = store.db.prepare('SELECT id, reference FROM reviews WHERE id NOT IN (SELECT review_id FROM recommendations) ORDER BY reference LIMIT 1').get() as { id: string; reference: string };
      store.db.prepare("UPDATE reviews SET date_of_death = '2016-05-01' WHERE id = ?").run(row.id);
      reference = row.reference;
    } finally {
      store.close();
    }
  });

  const rowsOf = (json: { recommendations: Array<{ text: string; actions: Array<{ actionText: string; agencies: string[]; targetDate: string | null; completionDate: string | null; status: string }> }> }) =>
    json.recommendations.flatMap((r) => r.actions.map((a) => ({ recommendation: r.text, action: a.actionText, leadAgency: a.agencies[0] ?? null, targetDate: a.targetDate, completionDate: a.completionDate, status: a.status })));

  it(
    'reads Word and Excel files written by LibreOffice with --dry-run, row by row, then imports one for real',
    async () => {
      const word = path.join(dir, 'plan.docx');
      fs.writeFileSync(word, await wordPlan());
      const workbook = path.join(dir, 'plan.xlsx');
      fs.writeFileSync(workbook, workbookPlan());
      const files = [convertWithLibreOffice(word, path.join(dir, 'lo'), 'docx'), convertWithLibreOffice(workbook, path.join(dir, 'lo'), 'xlsx')];
      const before = checksum(db);
      for (const file of files) {
        const dry = dhr(['import', 'action-plan', '--db', db, '--review', reference.toLowerCase(), file, '--dry-run', '--json']);
        expect(dry.code, file).toBe(0);
        const json = JSON.parse(dry.stdout);
        expect(json.imported).toBeNull();
        const rows = rowsOf(json);
        EXPECTED.forEach((expected, i) => expect(rows[i], `${path.basename(file)} row ${i + 1}`).toEqual(expected));
        expect(rows).toHaveLength(EXPECTED.length);
        expect(json.notUnderstood.map((p: { reason: string }) => p.reason).join('\n')).toMatch(/"sometime soon" is not a date/);
      }
      const text = dhr(['import', 'action-plan', '--db', db, '--review', reference, files[1]!, '--dry-run']);
      expect(text.stdout).toMatch(/^Understood: 6 rows, giving 4 new recommendations with 6 actions$/m);
      expect(text.stdout).toMatch(/^Not understood: \d+ rows?$/m);
      expect(text.stdout).toMatch(/Dry run: nothing was written\.\n$/);
      expect(checksum(db)).toBe(before);

      const real = dhr(['import', 'action-plan', '--db', db, '--review', reference, files[0]!]);
      expect(real.code).toBe(0);
      expect(real.stdout).toMatch(new RegExp(`Imported into ${reference}: 4 recommendations, 6 actions`));
      const list = JSON.parse(dhr(['recommendations', 'list', '--db', db, '--review', reference, '--json']).stdout) as {
        recommendations: Array<{ text: string; actions: Array<{ action: string; leadAgency: string | null; targetDate: string | null; completionDate: string | null }> }>;
      };
      const stored = list.recommendations.flatMap((r) => r.actions.map((a) => ({ recommendation: r.text, action: a.action, leadAgency: a.leadAgency, targetDate: a.targetDate, completionDate: a.completionDate })));
      EXPECTED.forEach((e, i) => expect(stored[i], `stored row ${i + 1}`).toEqual({ recommendation: e.recommendation, action: e.action, leadAgency: e.leadAgency, targetDate: e.targetDate, completionDate: e.completionDate }));

      // Again: the review already has them all, so nothing is imported and the command says so.
      const again = dhr(['import', 'action-plan', '--db', db, '--review', reference, files[0]!]);
      expect(again.code).toBe(1);
      expect(again.stdout).toMatch(/already has this recommendation/);
      expect(again.stderr).toMatch(/no row was understood as a new recommendation/);
    },
    300_000,
  );

  it('takes --map for spreadsheets', () => {
    const csv = path.join(dir, 'cols.csv');
    fs.writeFileSync(csv, 'Col A,Col B,Col C\nAsk about abuse at every contact,Update the screening form,31/03/2019\n');
    const r = dhr(['import', 'action-plan', '--db', db, '--review', reference, csv, '--dry-run', '--map', 'Recommendation=Col A,Action=B,Target date=Col C', '--json']);
    expect(r.code).toBe(0);
    expect(rowsOf(JSON.parse(r.stdout))).toEqual([{ recommendation: 'Ask about abuse at every contact', action: 'Update the screening form', leadAgency: null, targetDate: '2019-03-31', completionDate: null, status: 'not_started' }]);
  });

  it('refuses hostile and wrong files before opening the store, leaving its bytes as they were', () => {
    const before = digest(db);
    const bomb = path.join(dir, 'bomb.docx');
    fs.writeFileSync(bomb, zipOf({ 'word/document.xml': new Uint8Array(120 * 1024 * 1024) }, 9));
    const renamed = path.join(dir, 'sheet.docx');
    fs.writeFileSync(renamed, workbookPlan());
    const climb = path.join(dir, 'climb.xlsx');
    fs.writeFileSync(climb, zipOf({ 'xl/workbook.xml': '<workbook/>', '../../x': 'x' }));
    for (const [file, message] of [
      [bomb, /its contents would unpack to more than 100 MB/],
      [renamed, /it is an Excel workbook with a \.docx name/],
      [climb, /which points outside the document/],
      [pack, /is not a file DHR Tracker can import an action plan from/],
    ] as const) {
      const r = dhr(['import', 'action-plan', '--db', db, '--review', reference, file]);
      expect(r.code, file).not.toBe(0);
      expect(r.stderr, file).toMatch(message);
      expect(digest(db), file).toBe(before);
    }
  });
});

describe('dhr export xlsx and csv', () => {
  it('writes the workbook for analysts and the CSV zip', () => {
    const out = path.join(dir, 'data.xlsx');
    const r = dhr(['export', 'xlsx', '--db', demo, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote 17 reviews, 85 recommendations, \d+ actions, \d+ applicability, \d+ updates to /);
    const workbook = strFromU8(unzipSync(fs.readFileSync(out))['xl/workbook.xml']!);
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Reviews', 'Recommendations', 'Actions', 'Applicability', 'Updates']);
    const zip = path.join(dir, 'data.zip');
    expect(dhr(['export', 'csv', '--db', demo, '--out', zip]).code).toBe(0);
    expect(Object.keys(unzipSync(fs.readFileSync(zip))).sort()).toEqual(['actions.csv', 'applicability.csv', 'recommendations.csv', 'reviews.csv', 'updates.csv']);
    expect(dhr(['export', 'xlsx', '--db', demo, '--out', path.join(dir, 'data.docx')]).stderr).toMatch(/--out must name a file ending in \.xlsx/);
  });

  it('is in --help', () => {
    const help = dhr(['--help']).stdout;
    for (const line of ['dhr pack export --db FILE --out FILE.dhrpack [--district NAME]', 'dhr pack import --db FILE FILE.dhrpack [--dry-run]', 'dhr import action-plan --db FILE --review REF FILE.docx|FILE.xlsx|FILE.csv [--dry-run]', 'dhr export xlsx --db FILE --out FILE.xlsx', 'DHR_PACK_PASSPHRASE']) {
      expect(help).toContain(line);
    }
  });
});
