import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_DEFAULTS, STATUSES } from '../../../shared/domain/vocabulary.ts';
import type { StatusColours } from '../../../shared/ipc/progress-schemas.ts';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';

let t: TestBackend;
beforeAll(async () => {
  t = await openTestBackend();
  await t.ok('settings.update', { userName: 'Priya Shah', userOrganisation: 'Fenland District Council' });
});
afterAll(() => t.close());

const list = () => t.ok<StatusColours>('statuses.list');
const row = (code: string) => t.db().prepare('SELECT colour, colour_name AS colourName, label FROM statuses WHERE code = ?').get(code) as { colour: string; colourName: string; label: string };
const auditEntries = () =>
  t.db().prepare("SELECT actor, action, entity, entity_id AS entityId, detail FROM audit_log WHERE entity = 'status' ORDER BY seq").all() as Array<{
    actor: string;
    action: string;
    entity: string;
    entityId: string;
    detail: string;
  }>;

describe('status colours', () => {
  it('lists the partnership key in its order, with the default words, colours and meanings', async () => {
    expect(await list()).toEqual(STATUSES.map((code) => ({ code, ...STATUS_DEFAULTS[code] })));
  });

  it('changes a colour and its name, stores the hex in lower case, and audits the before and after with who did it', async () => {
    const after = await t.ok<StatusColours>('statuses.update', { code: 'on_track', colour: '#1B5E20', colourName: '  DARK   GREEN ' });
    expect(after.find((s) => s.code === 'on_track')).toEqual({ code: 'on_track', label: 'On track', colour: '#1b5e20', colourName: 'DARK GREEN', meaning: 'On track' });
    expect(row('on_track')).toEqual({ colour: '#1b5e20', colourName: 'DARK GREEN', label: 'On track' });
    // Only the one status changed; the words never change.
    expect(after.filter((s) => s.code !== 'on_track')).toEqual(STATUSES.filter((c) => c !== 'on_track').map((code) => ({ code, ...STATUS_DEFAULTS[code] })));
    const entries = auditEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'Priya Shah (Fenland District Council)', action: 'update', entity: 'status', entityId: 'on_track' });
    expect(JSON.parse(entries[0]!.detail)).toEqual({
      name: 'On track',
      changes: [
        { field: 'colour', before: '#2e7d32', after: '#1b5e20' },
        { field: 'colourName', before: 'GREEN', after: 'DARK GREEN' },
      ],
    });
    expect(verifyAuditChain(t.db())).toMatchObject({ ok: true });
  });

  it('records only what changed, and nothing at all when nothing did', async () => {
    await t.ok('statuses.update', { code: 'on_track', colour: '#1b5e20', colourName: 'FOREST' });
    expect(JSON.parse(auditEntries()[1]!.detail).changes).toEqual([{ field: 'colourName', before: 'DARK GREEN', after: 'FOREST' }]);
    await t.ok('statuses.update', { code: 'on_track', colour: '#1B5E20', colourName: 'FOREST' });
    expect(auditEntries()).toHaveLength(2);
  });

  it('refuses a colour too light to see on white, saying so beside the colour field, and changes nothing', async () => {
    const before = await list();
    const entries = auditEntries().length;
    const reply = await t.dispatch('statuses.update', { code: 'blocked', colour: '#ffeb3b', colourName: 'YELLOW' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^#ffeb3b is too light to see on a white background: its contrast with white is 1\.2:1/), fields: { colour: expect.stringMatching(/at least 3:1/) } },
    });
    // Just under the line is refused too.
    expect(await t.dispatch('statuses.update', { code: 'blocked', colour: '#959595', colourName: 'GREY' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await list()).toEqual(before);
    expect(auditEntries()).toHaveLength(entries);
  });

  it('refuses a malformed colour, an empty colour name and an unknown status', async () => {
    expect(await t.dispatch('statuses.update', { code: 'blocked', colour: 'red', colourName: 'RED' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { colour: 'Give the colour as a hex code such as #2e7d32.' } },
    });
    expect(await t.dispatch('statuses.update', { code: 'blocked', colour: '#c62828', colourName: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { colourName: 'Name the colour, such as GREEN.' } },
    });
    expect(await t.dispatch('statuses.update', { code: 'finished', colour: '#c62828', colourName: 'RED' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(row('blocked')).toEqual({ colour: '#c62828', colourName: 'RED', label: 'Blocked' });
  });

  it('needs an unlocked store', async () => {
    await t.ok('session.lock');
    expect(await t.dispatch('statuses.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await t.dispatch('statuses.update', { code: 'blocked', colour: '#c62828', colourName: 'RED' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});
