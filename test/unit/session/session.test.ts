import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../electron/services/handlers.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { clockWithTimers, type ClockWithTimers } from '../../support/clock.ts';

let dir: string;
let cleanup: () => void;
let backend: Backend;
let events: Array<[string, unknown]>;
let time: ClockWithTimers;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  events = [];
  time = clockWithTimers();
  backend = createBackend({
    configDir: path.join(dir, 'config'),
    defaultStoreFile: path.join(dir, 'dhr-tracker.dhr'),
    appVersion: 'test',
    emit: (event, payload) => events.push([event, payload]),
    dialogs: { chooseStoreFile: async () => path.join(dir, 'chosen.dhr'), chooseExportFile: async () => null, chooseOpenFile: async () => null },
    clock: time.clock,
    timers: time.timers,
  });
});
afterEach(() => {
  backend.session.close();
  cleanup();
});

const advance = (ms: number) => time.advance(ms);

const ok = async (channel: string, input: unknown = {}) => {
  const reply = await backend.dispatch(channel, input);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  return reply.value as never;
};

describe('session', () => {
  it('starts locked, offering a default location for a new store', async () => {
    expect(await ok('session.status')).toMatchObject({ state: 'locked', file: null, recentFiles: [], defaultFile: path.join(dir, 'dhr-tracker.dhr') });
    expect(await backend.dispatch('store.stats', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('creates, locks and unlocks, remembering only the file path', async () => {
    const file = path.join(dir, 'a.dhr');
    expect(await ok('session.create', { file, passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked', file, empty: true, autoLockMinutes: 10 });
    expect(await ok('store.stats')).toMatchObject({ reviews: 0, districts: 0 });
    expect(await ok('session.lock')).toMatchObject({ state: 'locked', file });
    expect(events).toEqual([['session.locked', { reason: 'manual' }]]);
    expect(await backend.dispatch('store.stats', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await backend.dispatch('session.open', { file, passphrase: 'wrong passphrase!' })).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', message: 'That passphrase does not unlock this store.' },
    });
    expect(await ok('session.open', { file, passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
    const config = fs.readFileSync(path.join(dir, 'config', 'dhr-tracker-config.json'), 'utf8');
    expect(JSON.parse(config)).toEqual({ recentFiles: [file], lastExportFolder: null });
  });

  it('keeps the open store open when opening another one fails', async () => {
    const file = path.join(dir, 'a.dhr');
    await ok('session.create', { file, passphrase: PASSPHRASE });
    expect(await backend.dispatch('session.open', { file: path.join(dir, 'missing.dhr'), passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect(await ok('session.status')).toMatchObject({ state: 'unlocked', file });
  });

  it('locks itself after the idle minutes in settings, closing the database', async () => {
    await ok('session.create', { file: path.join(dir, 'a.dhr'), passphrase: PASSPHRASE });
    await ok('settings.update', { autoLockMinutes: 2 });
    advance(90_000);
    await ok('session.activity'); // someone is using the app: the clock restarts
    advance(90_000);
    expect(await ok('session.status')).toMatchObject({ state: 'unlocked' });
    advance(31_000);
    expect(events).toEqual([['session.locked', { reason: 'idle' }]]);
    expect(await ok('session.status')).toMatchObject({ state: 'locked' });
    expect(await backend.dispatch('dashboard.summary', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('refuses auto-lock settings outside 1 to 240 minutes', async () => {
    await ok('session.create', { file: path.join(dir, 'a.dhr'), passphrase: PASSPHRASE });
    expect(await backend.dispatch('settings.update', { autoLockMinutes: 500 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/240/) } });
    expect(await ok('settings.get')).toMatchObject({ autoLockMinutes: 10 });
  });

  it('passes the chosen file back from the platform dialog', async () => {
    expect(await ok('dialog.chooseStoreFile', { purpose: 'create' })).toEqual({ file: path.join(dir, 'chosen.dhr') });
  });

  it('does not create anything when the passphrase is too short', async () => {
    const file = path.join(dir, 'a.dhr');
    expect(await backend.dispatch('session.create', { file, passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE' } });
    expect(fs.existsSync(file)).toBe(false);
    vi.restoreAllMocks();
  });
});

describe('app config', () => {
  it('remembers the last export folder beside the recent stores, and nothing else', async () => {
    const { createAppConfig } = await import('../../../electron/services/session/app-config.ts');
    const config = createAppConfig(path.join(dir, 'config2'));
    expect(config.read()).toEqual({ recentFiles: [], lastExportFolder: null });
    config.remember('/stores/a.dhr');
    config.rememberExportFolder('/reports/board');
    config.remember('/stores/b.dhr');
    expect(config.read()).toEqual({ recentFiles: ['/stores/b.dhr', '/stores/a.dhr'], lastExportFolder: '/reports/board' });
    expect(fs.statSync(path.join(dir, 'config2', 'dhr-tracker-config.json')).mode & 0o777).toBe(0o600);
  });
});
