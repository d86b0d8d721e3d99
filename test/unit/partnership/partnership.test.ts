import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../electron/services/handlers.ts';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { DEFAULT_THEMES } from '../../../shared/domain/taxonomy.ts';
import { THEME_CATEGORIES } from '../../../shared/domain/vocabulary.ts';
import type { Agency, District, PartnershipLists, Theme } from '../../../shared/ipc/partnership-schemas.ts';
import type { AppSettings } from '../../../shared/ipc/schemas.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { testClock } from '../../support/clock.ts';

// The partnership lists and settings, driven through the real dispatcher
// (contract validation included) against a real encrypted store.

let dir: string;
let cleanup: () => void;
let backend: Backend;
let clock: ReturnType<typeof testClock>;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  clock = testClock();
  backend = createBackend({
    configDir: path.join(dir, 'config'),
    defaultStoreFile: path.join(dir, 'dhr-tracker.dhr'),
    appVersion: 'test',
    clock,
    emit: () => {},
    dialogs: { chooseStoreFile: async () => null, chooseExportFile: async () => null, chooseOpenFile: async () => null },
  });
  await ok('session.create', { file: path.join(dir, 'a.dhr'), passphrase: PASSPHRASE });
});
afterEach(() => {
  backend.session.close();
  cleanup();
});

async function ok<T = never>(channel: string, input: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, input);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}
async function refused(channel: string, input: unknown) {
  const reply = await backend.dispatch(channel, input);
  if (reply.ok) throw new Error(`${channel} was expected to fail but returned ${JSON.stringify(reply.value)}`);
  return reply.error;
}

const db = () => backend.session.requireStore().db;
const lists = () => ok<PartnershipLists>('partnership.lists');

interface AuditRow {
  seq: number;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
}
const auditRows = () => db().prepare('SELECT seq, actor, action, entity, entity_id, detail FROM audit_log ORDER BY seq').all() as AuditRow[];
const lastAudit = () => {
  const row = auditRows().at(-1)!;
  return { ...row, detail: JSON.parse(row.detail) as { name: string; changes: Array<{ field: string; before: unknown; after: unknown }> } };
};
const rawRow = (table: string, id: string) => db().prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;

/** Everything a failed write could have touched. */
function snapshot() {
  const tables = ['districts', 'agencies', 'themes', 'settings', 'audit_log'];
  return Object.fromEntries(tables.map((t) => [t, db().prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

async function nameMe() {
  await ok('settings.update', { userName: 'Sam Okafor', userOrganisation: 'Fenland District Council' });
}

describe('partnership lists on a new store', () => {
  it('start with no districts or agencies and the default themes in category order', async () => {
    const l = await lists();
    expect(l.districts).toEqual([]);
    expect(l.agencies).toEqual([]);
    expect(l.themes).toHaveLength(DEFAULT_THEMES.length);
    expect(l.themes.map((t) => [t.category, t.name])).toEqual(DEFAULT_THEMES.map((t) => [t.category, t.name]));
    expect(l.themes.every((t) => !t.retired && t.inUse === 0)).toBe(true);
  });

  it('are refused while the store is locked', async () => {
    await ok('session.lock');
    for (const [channel, input] of [
      ['partnership.lists', {}],
      ['districts.add', { name: 'Fenland', shortName: 'FL' }],
      ['agencies.add', { name: 'Refuge', kind: 'local' }],
      ['themes.add', { name: 'Honour-based abuse', category: 'abuse_type' }],
    ] as const) {
      expect(await refused(channel, input)).toMatchObject({ code: 'LOCKED' });
    }
  });
});

describe('districts', () => {
  it('are added last, renamed, retired and unretired, each change audited with before and after', async () => {
    await nameMe();
    const fenland = await ok<District>('districts.add', { name: '  Fenland ', shortName: 'FL' });
    expect(fenland).toEqual({ id: expect.any(String), name: 'Fenland', shortName: 'FL', retired: false, inUse: 0 });
    expect(lastAudit()).toMatchObject({
      actor: 'Sam Okafor (Fenland District Council)',
      action: 'create',
      entity: 'district',
      entity_id: fenland.id,
      detail: { name: 'Fenland', changes: [{ field: 'name', before: null, after: 'Fenland' }, { field: 'shortName', before: null, after: 'FL' }] },
    });
    // Sorted by the order they were added in, not alphabetically: new districts go last.
    await ok('districts.add', { name: 'Cambridge City', shortName: 'CC' });
    expect((await lists()).districts.map((d) => d.name)).toEqual(['Fenland', 'Cambridge City']);

    const created = rawRow('districts', fenland.id);
    expect(created).toMatchObject({ owner_installation_id: backend.session.requireStore().installationId, retired_at: null });
    clock.advance(60_000);
    const renamed = await ok<District>('districts.update', { id: fenland.id, name: 'Fenland  District', shortName: 'FD' });
    expect(renamed).toMatchObject({ name: 'Fenland District', shortName: 'FD', retired: false });
    const updated = rawRow('districts', fenland.id);
    expect(updated.created_at).toBe(created.created_at);
    expect(String(updated.updated_at) > String(created.updated_at)).toBe(true);
    expect(lastAudit()).toMatchObject({
      action: 'update',
      entity_id: fenland.id,
      detail: {
        name: 'Fenland District',
        changes: [
          { field: 'name', before: 'Fenland', after: 'Fenland District' },
          { field: 'shortName', before: 'FL', after: 'FD' },
        ],
      },
    });

    const retired = await ok<District>('districts.update', { id: fenland.id, retired: true });
    expect(retired.retired).toBe(true);
    expect(rawRow('districts', fenland.id).retired_at).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    expect(lastAudit()).toMatchObject({ action: 'retire', detail: { changes: [{ field: 'retired', before: false, after: true }] } });
    // Retired districts stay in the list, flagged, so they can be brought back.
    expect((await lists()).districts.find((d) => d.id === fenland.id)).toMatchObject({ retired: true });

    const back = await ok<District>('districts.update', { id: fenland.id, retired: false });
    expect(back.retired).toBe(false);
    expect(rawRow('districts', fenland.id).retired_at).toBeNull();
    expect(lastAudit()).toMatchObject({ action: 'unretire', detail: { changes: [{ field: 'retired', before: true, after: false }] } });
    expect(verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it('records nothing when an update changes nothing', async () => {
    const d = await ok<District>('districts.add', { name: 'Fenland', shortName: 'FL' });
    const before = snapshot();
    expect(await ok('districts.update', { id: d.id, name: 'Fenland', shortName: 'FL', retired: false })).toEqual(d);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a name or short code already used, in any case, naming the field', async () => {
    const fenland = await ok<District>('districts.add', { name: 'Fenland', shortName: 'FL' });
    const peterborough = await ok<District>('districts.add', { name: 'Peterborough', shortName: 'PB' });
    const before = snapshot();

    const dup = await refused('districts.add', { name: 'FENLAND', shortName: 'FX' });
    expect(dup).toEqual({ code: 'CONFLICT', message: 'There is already a district called “Fenland”. Choose a different name.', fields: { name: dup.message } });
    expect(await refused('districts.add', { name: 'Fenland East', shortName: 'fl' })).toMatchObject({
      code: 'CONFLICT',
      fields: { shortName: 'The short code fl is already used by Fenland. Choose a different one.' },
    });
    expect(await refused('districts.update', { id: peterborough.id, name: 'fenland' })).toMatchObject({ code: 'CONFLICT', fields: { name: expect.stringContaining('Fenland') } });
    expect(await refused('districts.update', { id: peterborough.id, shortName: 'FL' })).toMatchObject({ code: 'CONFLICT', fields: { shortName: expect.any(String) } });
    expect(snapshot()).toEqual(before);

    // A retired district still holds its name, and the message says how to get it back.
    await ok('districts.update', { id: fenland.id, retired: true });
    expect(await refused('districts.add', { name: 'Fenland', shortName: 'FN' })).toMatchObject({
      code: 'CONFLICT',
      fields: { name: 'There is already a retired district called “Fenland”. Unretire it rather than adding it again, or choose a different name.' },
    });
    // Changing only the case of its own name is a rename, not a clash.
    expect(await ok('districts.update', { id: peterborough.id, name: 'PETERBOROUGH' })).toMatchObject({ name: 'PETERBOROUGH' });
  });

  it('refuses bad input with a message for each field', async () => {
    expect(await refused('districts.add', { name: '   ', shortName: 'F L' })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { name: 'Enter the district name.', shortName: expect.stringMatching(/letters, digits and hyphens/) },
    });
    expect(await refused('districts.add', { name: 'Fenland', shortName: 'TOOLONGCODE' })).toMatchObject({ code: 'INVALID_INPUT', fields: { shortName: expect.stringMatching(/at most 8/) } });
    expect(await refused('districts.update', { id: 'not-an-id', name: 'X' })).toMatchObject({ code: 'INVALID_INPUT', fields: { id: expect.any(String) } });
    expect((await lists()).districts).toEqual([]);
  });
});

describe('agencies', () => {
  it('are added, ordered by name, renamed, re-kinded, retired and unretired, each change audited', async () => {
    await nameMe();
    const refuge = await ok<Agency>('agencies.add', { name: 'Refuge', kind: 'local' });
    expect(refuge).toEqual({ id: expect.any(String), name: 'Refuge', kind: 'local', retired: false, inUse: 0 });
    expect(lastAudit()).toMatchObject({
      actor: 'Sam Okafor (Fenland District Council)',
      action: 'create',
      entity: 'agency',
      entity_id: refuge.id,
      detail: { changes: [{ field: 'name', before: null, after: 'Refuge' }, { field: 'kind', before: null, after: 'local' }] },
    });
    await ok('agencies.add', { name: 'home office', kind: 'national' });
    await ok('agencies.add', { name: 'Cambridgeshire Constabulary', kind: 'local' });
    expect((await lists()).agencies.map((a) => a.name)).toEqual(['Cambridgeshire Constabulary', 'home office', 'Refuge']);

    expect(await ok('agencies.update', { id: refuge.id, name: 'Refuge (national charity)', kind: 'national' })).toMatchObject({ name: 'Refuge (national charity)', kind: 'national' });
    expect(lastAudit()).toMatchObject({
      action: 'update',
      detail: { changes: [{ field: 'name', before: 'Refuge', after: 'Refuge (national charity)' }, { field: 'kind', before: 'local', after: 'national' }] },
    });
    expect(await ok('agencies.update', { id: refuge.id, retired: true })).toMatchObject({ retired: true });
    expect(lastAudit()).toMatchObject({ action: 'retire', entity: 'agency', detail: { changes: [{ field: 'retired', before: false, after: true }] } });
    expect(await ok('agencies.update', { id: refuge.id, retired: false })).toMatchObject({ retired: false });
    expect(lastAudit()).toMatchObject({ action: 'unretire', entity: 'agency' });
    expect(verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it('refuses a duplicate name in any case, and a kind outside the list', async () => {
    const refuge = await ok<Agency>('agencies.add', { name: 'Refuge', kind: 'local' });
    const idva = await ok<Agency>('agencies.add', { name: 'IDVA service', kind: 'local' });
    const before = snapshot();
    const dup = await refused('agencies.add', { name: 'REFUGE', kind: 'national' });
    expect(dup).toEqual({ code: 'CONFLICT', message: 'There is already an agency called “Refuge”. Choose a different name.', fields: { name: dup.message } });
    expect(await refused('agencies.update', { id: idva.id, name: 'refuge' })).toMatchObject({ code: 'CONFLICT', fields: { name: expect.any(String) } });
    expect(await refused('agencies.add', { name: 'Schools', kind: 'regional' })).toMatchObject({ code: 'INVALID_INPUT', fields: { kind: expect.any(String) } });
    expect(snapshot()).toEqual(before);
    expect(refuge.id).not.toBe(idva.id);
  });
});

describe('themes', () => {
  it('are added last in their category, renamed, retired and unretired, each change audited', async () => {
    const theme = await ok<Theme>('themes.add', { name: 'Honour-based abuse', category: 'abuse_type' });
    expect(theme).toEqual({ id: expect.any(String), name: 'Honour-based abuse', category: 'abuse_type', retired: false, inUse: 0 });
    expect(lastAudit()).toMatchObject({
      actor: 'Unnamed user',
      action: 'create',
      entity: 'theme',
      detail: { changes: [{ field: 'name', before: null, after: 'Honour-based abuse' }, { field: 'category', before: null, after: 'abuse_type' }] },
    });
    const other = await ok<Theme>('themes.add', { name: 'Cuckooing', category: 'other' });
    const themes = (await lists()).themes;
    // Grouped in the fixed category order; the new one last within its category.
    const order = themes.map((t) => THEME_CATEGORIES.indexOf(t.category));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const abuse = themes.filter((t) => t.category === 'abuse_type');
    expect(abuse.at(-1)?.id).toBe(theme.id);
    expect(themes.at(-1)?.id).toBe(other.id);

    expect(await ok('themes.update', { id: theme.id, name: 'Honour-based abuse and forced marriage' })).toMatchObject({ name: 'Honour-based abuse and forced marriage', category: 'abuse_type' });
    expect(lastAudit()).toMatchObject({ action: 'update', entity: 'theme', detail: { changes: [{ field: 'name', before: 'Honour-based abuse', after: 'Honour-based abuse and forced marriage' }] } });
    expect(await ok('themes.update', { id: theme.id, retired: true })).toMatchObject({ retired: true });
    expect(lastAudit()).toMatchObject({ action: 'retire', entity: 'theme' });
    expect(await ok('themes.update', { id: theme.id, retired: false })).toMatchObject({ retired: false });
    expect(lastAudit()).toMatchObject({ action: 'unretire', entity: 'theme' });
  });

  it('refuses a duplicate name within a category but allows it in another', async () => {
    const before = snapshot();
    const dup = await refused('themes.add', { name: 'coercive CONTROL', category: 'abuse_type' });
    expect(dup).toEqual({ code: 'CONFLICT', message: 'There is already a theme called “Coercive control” under Type of abuse. Choose a different name.', fields: { name: dup.message } });
    expect(snapshot()).toEqual(before);
    expect(await ok('themes.add', { name: 'Coercive control', category: 'practice_issue' })).toMatchObject({ category: 'practice_issue' });

    const stalking = (await lists()).themes.find((t) => t.name === 'Stalking')!;
    expect(await refused('themes.update', { id: stalking.id, name: 'Physical Abuse' })).toMatchObject({ code: 'CONFLICT', fields: { name: expect.stringContaining('Type of abuse') } });
    // Themes cannot move category: the contract does not accept it.
    expect(await refused('themes.update', { id: stalking.id, category: 'other' })).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('every update channel', () => {
  it('reports an unknown id as NOT_FOUND and changes nothing', async () => {
    const before = snapshot();
    const id = randomUUID();
    expect(await refused('districts.update', { id, name: 'Fenland' })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/district/) });
    expect(await refused('agencies.update', { id, retired: true })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/agency/) });
    expect(await refused('themes.update', { id, name: 'Anything' })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/theme/) });
    expect(snapshot()).toEqual(before);
  });

  it('keeps neither the change nor the audit entry when the audit entry cannot be written', async () => {
    const d = await ok<District>('districts.add', { name: 'Fenland', shortName: 'FL' });
    const a = await ok<Agency>('agencies.add', { name: 'Refuge', kind: 'local' });
    const t = (await lists()).themes[0]!;
    const before = snapshot();
    // Make the audit insert fail after the row has been updated in the same transaction.
    db().exec(`CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const [channel, input] of [
      ['districts.update', { id: d.id, name: 'Fenland District', retired: true }],
      ['districts.add', { name: 'Huntingdonshire', shortName: 'HU' }],
      ['agencies.update', { id: a.id, name: 'Refuge UK' }],
      ['agencies.add', { name: 'Schools', kind: 'local' }],
      ['themes.update', { id: t.id, retired: true }],
      ['themes.add', { name: 'Cuckooing', category: 'other' }],
      ['settings.update', { partnershipName: 'Not kept' }],
    ] as const) {
      expect(await backend.dispatch(channel, input), channel).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    }
    expect(logged).toHaveBeenCalledTimes(7);
    logged.mockRestore();
    db().exec('DROP TRIGGER refuse_audit');
    expect(snapshot()).toEqual(before);
  });
});

describe('with the demo partnership loaded', () => {
  it('counts every record that refers to each item', async () => {
    await ok('demo.load');
    const l = await lists();
    expect(l.districts.map((d) => d.name)).toEqual(['Cambridge City', 'East Cambridgeshire', 'Fenland', 'Huntingdonshire', 'South Cambridgeshire', 'Peterborough']);
    const count = (sql: string, id: string) => (db().prepare(sql).get(id) as { n: number }).n;

    for (const d of l.districts) {
      const expected =
        count('SELECT count(*) AS n FROM reviews WHERE commissioning_district_id = ?', d.id) + count('SELECT count(*) AS n FROM applicability WHERE district_id = ?', d.id);
      expect(d.inUse, d.name).toBe(expected);
      expect(d.inUse, d.name).toBeGreaterThan(0);
    }
    for (const a of l.agencies) {
      const expected =
        count('SELECT count(*) AS n FROM review_panel_members WHERE agency_id = ?', a.id) +
        count('SELECT count(*) AS n FROM review_imrs WHERE agency_id = ?', a.id) +
        count('SELECT count(*) AS n FROM recommendation_addressees WHERE agency_id = ?', a.id) +
        count('SELECT count(*) AS n FROM actions WHERE lead_agency_id = ?', a.id) +
        count('SELECT count(*) AS n FROM applicability WHERE local_lead_agency_id = ?', a.id);
      expect(a.inUse, a.name).toBe(expected);
    }
    for (const t of l.themes) {
      const expected = count('SELECT count(*) AS n FROM review_themes WHERE theme_id = ?', t.id) + count('SELECT count(*) AS n FROM recommendation_themes WHERE theme_id = ?', t.id);
      expect(t.inUse, t.name).toBe(expected);
    }
    // The counts are not all the same number: each list really is counted per item.
    expect(new Set(l.agencies.map((a) => a.inUse)).size).toBeGreaterThan(3);
    expect(l.themes.some((t) => t.inUse > 0)).toBe(true);
    expect(l.agencies.some((a) => a.kind === 'national')).toBe(true);

    // Retiring something in use keeps it, and its count, on the records that use it.
    const fenland = l.districts.find((d) => d.name === 'Fenland')!;
    const retired = await ok<District>('districts.update', { id: fenland.id, retired: true });
    expect(retired).toMatchObject({ retired: true, inUse: fenland.inUse });
    const added = await ok<District>('districts.add', { name: 'Rutland', shortName: 'RU' });
    // A new district is asked to consider every live recommendation: each gets an "under consideration" decision.
    expect(added.inUse).toBe((db().prepare('SELECT count(*) AS n FROM recommendations WHERE deleted_at IS NULL').get() as { n: number }).n);
    expect(count("SELECT count(*) AS n FROM applicability WHERE district_id = ? AND decision <> 'under_consideration'", added.id)).toBe(0);
    expect((await lists()).districts.at(-1)?.name).toBe('Rutland');
  });
});

describe('partnership settings', () => {
  it('saves every partnership setting and records each change in the audit log', async () => {
    const defaults = await ok<AppSettings>('settings.get');
    expect(defaults).toMatchObject({ partnershipName: '', reviewLabel: 'DHR', protectiveMarking: 'OFFICIAL-SENSITIVE', decisionWithinDays: 30, completionWithinMonths: 6, userName: '', userOrganisation: '' });

    const values = {
      partnershipName: '  Rutland Community Safety Partnership ',
      reviewLabel: 'DARDR',
      protectiveMarking: 'OFFICIAL',
      decisionWithinDays: 28,
      completionWithinMonths: 9,
      userName: 'Priya Shah',
      userOrganisation: 'Rutland County Council',
      autoLockMinutes: 15,
      maxTargetMonths: 24,
    } as const;
    const saved = await ok<AppSettings>('settings.update', values);
    expect(saved).toEqual({ ...values, partnershipName: 'Rutland Community Safety Partnership' });
    expect(await ok('settings.get')).toEqual(saved);

    const entry = lastAudit();
    expect(entry).toMatchObject({ action: 'update', entity: 'settings', actor: 'Priya Shah (Rutland County Council)' });
    expect(entry.detail.changes).toEqual(
      expect.arrayContaining([
        { field: 'partnershipName', before: '', after: 'Rutland Community Safety Partnership' },
        { field: 'reviewLabel', before: 'DHR', after: 'DARDR' },
        { field: 'protectiveMarking', before: 'OFFICIAL-SENSITIVE', after: 'OFFICIAL' },
        { field: 'decisionWithinDays', before: 30, after: 28 },
        { field: 'completionWithinMonths', before: 6, after: 9 },
        { field: 'userName', before: '', after: 'Priya Shah' },
        { field: 'userOrganisation', before: '', after: 'Rutland County Council' },
        { field: 'autoLockMinutes', before: 10, after: 15 },
        { field: 'maxTargetMonths', before: 36, after: 24 },
      ]),
    );
    expect(entry.detail.changes).toHaveLength(9);

    // Saving the same values again is not a change.
    const count = auditRows().length;
    await ok('settings.update', values);
    expect(auditRows()).toHaveLength(count);

    // And back again: the store keeps the latest value.
    expect(await ok('settings.update', { reviewLabel: 'DHR' })).toMatchObject({ reviewLabel: 'DHR', partnershipName: 'Rutland Community Safety Partnership' });
  });

  it('refuses settings out of range, naming the field, and keeps what was there', async () => {
    const before = snapshot();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ decisionWithinDays: 0 }, 'decisionWithinDays', /at least 1 day/],
      [{ decisionWithinDays: 366 }, 'decisionWithinDays', /at most 365 days/],
      [{ decisionWithinDays: 2.5 }, 'decisionWithinDays', /whole number of days/],
      [{ decisionWithinDays: '30' }, 'decisionWithinDays', /whole number of days/],
      [{ completionWithinMonths: 0 }, 'completionWithinMonths', /at least 1 month/],
      [{ completionWithinMonths: 61 }, 'completionWithinMonths', /at most 60 months/],
      [{ reviewLabel: 'SAR' }, 'reviewLabel', /Choose DHR or DARDR/],
      [{ protectiveMarking: '   ' }, 'protectiveMarking', /Enter the protective marking/],
      [{ protectiveMarking: 'X'.repeat(101) }, 'protectiveMarking', /at most 100 characters/],
      [{ partnershipName: 'P'.repeat(201) }, 'partnershipName', /at most 200 characters/],
      [{ userName: 'N'.repeat(201) }, 'userName', /at most 200 characters/],
      [{ userOrganisation: 'O'.repeat(201) }, 'userOrganisation', /at most 200 characters/],
      [{ autoLockMinutes: 0 }, 'autoLockMinutes', /at least 1 minute/],
    ];
    for (const [input, field, message] of cases) {
      const error = await refused('settings.update', { partnershipName: 'Should not be kept', ...input });
      expect(error.code, JSON.stringify(input)).toBe('INVALID_INPUT');
      expect(error.fields?.[field], JSON.stringify(input)).toMatch(message);
    }
    expect(snapshot()).toEqual(before);
  });
});
