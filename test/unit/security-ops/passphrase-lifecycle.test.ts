import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeWait, MAX_UNLOCK_WAIT_MS, unlockWaitMs } from '../../../shared/domain/unlock-backoff.ts';
import { rememberAvailability } from '../../../electron/services/security-ops/remembered-passphrases.ts';
import { openStoreReadOnly } from '../../../electron/services/store/open-store.ts';
import { fakeClock, fakeSecrets, openSecurityBackend } from '../../support/security-backend.ts';
import { PASSPHRASE, filesContain } from '../../support/temp.ts';
import { REKEY_OPTIONS } from '../../support/clock.ts';

const NEW = 'a brand new passphrase for the store';
const WRONG = 'definitely not the passphrase';
let app: ReturnType<typeof openSecurityBackend> | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

async function withStore(options: Parameters<typeof openSecurityBackend>[0] = {}) {
  app = openSecurityBackend(options);
  const file = path.join(app.dir, 'county.dhr');
  await app.ok('session.create', { file, passphrase: PASSPHRASE });
  return { app, file };
}

describe('the wait after wrong passphrases', () => {
  it('is nothing for the first three, then 2, 4, 8 … seconds, capped at five minutes', () => {
    expect([0, 1, 2].map(unlockWaitMs)).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map(unlockWaitMs)).toEqual([2000, 4000, 8000, 16000]);
    expect(unlockWaitMs(11)).toBe(MAX_UNLOCK_WAIT_MS);
    expect(unlockWaitMs(10_000)).toBe(MAX_UNLOCK_WAIT_MS);
    expect([999, 1000, 1001, 60_000, 61_000, 256_000, 300_000].map(describeWait)).toEqual([
      '1 second',
      '1 second',
      '2 seconds',
      '1 minute',
      '1 minute 1 second',
      '4 minutes 16 seconds',
      '5 minutes',
    ]);
  });

  it('refuses early attempts with how long to wait, even with the right passphrase, and resets on success', async () => {
    const clock = fakeClock();
    const { app, file } = await withStore({ clock });
    await app.ok('session.lock');
    for (let i = 0; i < 2; i++) {
      expect(await app.dispatch('session.open', { file, passphrase: WRONG })).toEqual({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'That passphrase does not unlock this store.' } });
    }
    expect(await app.dispatch('session.open', { file, passphrase: WRONG })).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', message: 'That passphrase does not unlock this store. Wait 2 seconds before trying again.' },
    });
    // Too soon: refused before the passphrase is even tried, right or wrong.
    clock.advance(1500);
    expect(await app.dispatch('session.open', { file, passphrase: PASSPHRASE })).toEqual({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', message: 'Too many wrong passphrases. Wait 1 second before trying again.' },
    });
    clock.advance(500);
    expect(await app.dispatch('session.open', { file, passphrase: WRONG })).toMatchObject({ ok: false, error: { message: /Wait 4 seconds/ } });
    clock.advance(3999);
    expect(await app.dispatch('session.open', { file, passphrase: WRONG })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
    clock.advance(1);
    expect(await app.dispatch('session.open', { file, passphrase: WRONG })).toMatchObject({ ok: false, error: { message: /Wait 8 seconds/ } });
    clock.advance(8000);
    expect(await app.ok('session.open', { file, passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
    // Success starts the count again: three free tries.
    await app.ok('session.lock');
    for (let i = 0; i < 2; i++) expect(await app.dispatch('session.open', { file, passphrase: WRONG })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await app.ok('session.open', { file, passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
  });

  it('caps the wait at five minutes', async () => {
    const clock = fakeClock();
    const { app, file } = await withStore({ clock });
    await app.ok('session.lock');
    let last = '';
    for (let i = 0; i < 12; i++) {
      const reply = await app.dispatch('session.open', { file, passphrase: WRONG });
      expect(reply).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
      last = (reply as { error: { message: string } }).error.message;
      clock.advance(MAX_UNLOCK_WAIT_MS);
    }
    expect(last).toMatch(/Wait 5 minutes before trying again\.$/);
  });

  it('counts a wrong current passphrase when changing it, too', async () => {
    const clock = fakeClock();
    const { app } = await withStore({ clock });
    for (let i = 0; i < 3; i++) {
      expect(await app.dispatch('security.changePassphrase', { currentPassphrase: WRONG, newPassphrase: NEW })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    }
    expect(await app.dispatch('security.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
    // The store stayed open and usable throughout.
    expect(await app.ok('store.stats')).toMatchObject({ reviews: 0 });
  });
});

describe('changing the passphrase in the app', () => {
  it('rekeys the open store and leaves it open under the new passphrase', async () => {
    const { app, file } = await withStore();
    await app.ok('demo.load');
    const stats = await app.ok('store.stats');
    expect(await app.ok('security.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW })).toEqual({ file, backupsUnderOldPassphrase: 0 });
    expect(await app.ok('session.status')).toMatchObject({ state: 'unlocked', file });
    expect(await app.ok('store.stats')).toEqual(stats);
    await app.ok('session.lock');
    expect(await app.dispatch('session.open', { file, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await app.ok('session.open', { file, passphrase: NEW })).toMatchObject({ state: 'unlocked' });
  });

  it('says how many backups still open with the old passphrase', async () => {
    const { app } = await withStore();
    await app.ok('backups.run');
    await app.ok('backups.run');
    expect(await app.ok('security.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW })).toMatchObject({ backupsUnderOldPassphrase: 2 });
  });

  it('refuses a short new passphrase at the boundary, and a wrong current one, keeping the store open', async () => {
    const { app } = await withStore();
    expect(await app.dispatch('security.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { newPassphrase: 'The new passphrase must be at least 12 characters long.' } },
    });
    expect(await app.dispatch('security.changePassphrase', { currentPassphrase: WRONG, newPassphrase: NEW })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await app.ok('session.status')).toMatchObject({ state: 'unlocked' });
  });

  it('needs an unlocked store', async () => {
    const { app } = await withStore();
    await app.ok('session.lock');
    expect(await app.dispatch('security.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('remember on this device', () => {
  it('is refused, with the reason, where the OS offers nothing safe', () => {
    expect(rememberAvailability(undefined)).toMatchObject({ available: false, reason: expect.stringMatching(/secure storage/) });
    expect(rememberAvailability(fakeSecrets({ available: false }))).toMatchObject({ available: false, reason: expect.stringMatching(/no secure storage/) });
    expect(rememberAvailability(fakeSecrets({ backend: 'basic_text' }))).toMatchObject({
      available: false,
      reason: expect.stringMatching(/no keyring \(such as GNOME Keyring or KWallet\).*fixed key that anyone can look up/),
    });
    for (const backend of ['gnome_libsecret', 'kwallet5', 'kwallet6', 'dpapi', 'keychain']) expect(rememberAvailability(fakeSecrets({ backend })).available).toBe(true);
  });

  it('keeps only the OS-encrypted passphrase, in a private file, and unlocks with it', async () => {
    const secrets = fakeSecrets();
    const { app, file } = await withStore({ secrets });
    expect(await app.ok('security.rememberStatus', { file })).toEqual({ available: true, reason: null, remembered: false });
    await app.ok('session.lock');
    expect(await app.ok('security.unlock', { file, passphrase: PASSPHRASE, remember: true })).toMatchObject({ state: 'unlocked' });
    expect(await app.ok('security.rememberStatus', { file })).toMatchObject({ remembered: true });
    const saved = path.join(app.dir, 'config', 'remembered-passphrases.json');
    expect(fs.statSync(saved).mode & 0o777).toBe(0o600);
    expect(filesContain([saved], PASSPHRASE)).toEqual([]);
    expect(Object.keys(JSON.parse(fs.readFileSync(saved, 'utf8')).stores)).toEqual([file]);
    await app.ok('session.lock');
    expect(await app.ok('security.unlockRemembered', { file })).toMatchObject({ state: 'unlocked', file });
  });

  it('follows a passphrase change, and forgets when asked or when the box is left unticked', async () => {
    const { app, file } = await withStore({ secrets: fakeSecrets() });
    await app.ok('session.lock');
    await app.ok('security.unlock', { file, passphrase: PASSPHRASE, remember: true });
    await app.ok('security.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW });
    await app.ok('session.lock');
    expect(await app.ok('security.unlockRemembered', { file })).toMatchObject({ state: 'unlocked' });
    expect(await app.ok('security.forgetRemembered', { file })).toMatchObject({ remembered: false });
    await app.ok('session.lock');
    expect(await app.dispatch('security.unlockRemembered', { file })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await app.ok('security.unlock', { file, passphrase: NEW, remember: true });
    await app.ok('session.lock');
    await app.ok('security.unlock', { file, passphrase: NEW, remember: false });
    expect(await app.ok('security.rememberStatus', { file })).toMatchObject({ remembered: false });
  });

  it('forgets a remembered passphrase that no longer works (changed on another computer)', async () => {
    const { app, file } = await withStore({ secrets: fakeSecrets() });
    await app.ok('session.lock');
    await app.ok('security.unlock', { file, passphrase: PASSPHRASE, remember: true });
    await app.ok('session.lock');
    // Elsewhere, someone rekeys the file.
    const { rekeyStore } = await import('../../../electron/services/security-ops/rekey.ts');
    rekeyStore(file, PASSPHRASE, NEW, REKEY_OPTIONS);
    expect(await app.dispatch('security.unlockRemembered', { file })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', message: expect.stringMatching(/no longer unlocks this store.*forgotten/) },
    });
    expect(await app.ok('security.rememberStatus', { file })).toMatchObject({ remembered: false });
  });

  it('on a basic_text Linux desktop, refuses to remember without opening the store, and explains why', async () => {
    const secrets = fakeSecrets({ backend: 'basic_text' });
    const { app, file } = await withStore({ secrets });
    await app.ok('session.lock');
    expect(await app.ok('security.rememberStatus', { file })).toMatchObject({ available: false, reason: expect.stringMatching(/keyring/), remembered: false });
    expect(await app.dispatch('security.unlock', { file, passphrase: PASSPHRASE, remember: true })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/keyring/) } });
    expect(await app.ok('session.status')).toMatchObject({ state: 'locked' });
    expect(secrets.encrypted).toBe(0);
    expect(fs.existsSync(path.join(app.dir, 'config', 'remembered-passphrases.json'))).toBe(false);
    // Unlocking without remembering still works.
    expect(await app.ok('security.unlock', { file, passphrase: PASSPHRASE, remember: false })).toMatchObject({ state: 'unlocked' });
  });

  it('with no secure storage adapter at all (tests, CLI), says so', async () => {
    const { app, file } = await withStore();
    expect(await app.ok('security.rememberStatus', { file })).toMatchObject({ available: false, remembered: false });
  });
});

describe('backups from the app', () => {
  it('backs up on demand with progress, shows the schedule, and restores into a new file to open', async () => {
    const { app, file } = await withStore();
    await app.ok('demo.load');
    const made = await app.ok<{ backup: { file: string }; status: { backups: unknown[]; overdue: boolean } }>('backups.run');
    expect(made.status.backups).toHaveLength(1);
    expect(made.status.overdue).toBe(false);
    expect(app.events.filter(([e, p]) => e === 'task.progress' && (p as { task: string }).task === 'backup').map(([, p]) => (p as { done: number }).done)).toEqual([0, 1, 2, 3, 4]);
    expect(await app.ok('backups.updateSchedule', { everyHours: 12, keep: 2 })).toMatchObject({ settings: { everyHours: 12, keep: 2 } });
    expect(await app.dispatch('backups.updateSchedule', { everyHours: -1, keep: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const to = path.join(app.dir, 'restored.dhr');
    const restored = await app.ok<{ file: string; stats: unknown }>('backups.restore', { from: made.backup.file, to, passphrase: PASSPHRASE });
    expect(restored.file).toBe(to);
    expect(restored.stats).toEqual(await app.ok('store.stats'));
    expect(await app.dispatch('backups.restore', { from: made.backup.file, to, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'FILE_EXISTS' } });
    // The person then opens it.
    expect(await app.ok('session.open', { file: to, passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked', file: to });
    expect(file).not.toBe(to);
  });

  it('backs up on the schedule while unlocked, and not while locked', async () => {
    const clock = fakeClock();
    const { app, file } = await withStore({ clock });
    const folder = path.join(app.dir, 'county-backups');
    // Someone is at work all that time, so the idle auto-lock never fires.
    const busyFor = async (ms: number) => {
      for (let left = ms; left > 0; left -= 300_000) {
        clock.advance(Math.min(300_000, left));
        await app.dispatch('session.activity', {});
      }
    };
    await busyFor(23 * 3_600_000);
    expect(fs.existsSync(folder)).toBe(false);
    expect(await app.ok('backups.status')).toMatchObject({ overdue: false });
    await busyFor(2 * 3_600_000);
    expect(fs.readdirSync(folder)).toHaveLength(1);
    expect(await app.ok('backups.status')).toMatchObject({ overdue: false, backups: [{ at: expect.any(String) }] });
    // Locked for two days: nothing is made, because nothing can be.
    await app.ok('session.lock');
    clock.advance(48 * 3_600_000);
    expect(fs.readdirSync(folder)).toHaveLength(1);
    expect(clock.pending()).toHaveLength(0);
    // Unlocked again: overdue until the schedule catches up a minute later.
    await app.ok('session.open', { file, passphrase: PASSPHRASE });
    expect(await app.ok('backups.status')).toMatchObject({ overdue: true });
    await busyFor(61_000);
    expect(fs.readdirSync(folder)).toHaveLength(2);
    expect(await app.ok('backups.status')).toMatchObject({ overdue: false, lastError: null });
    // Turned off: no more.
    await app.ok('backups.updateSchedule', { everyHours: 0, keep: 7 });
    await busyFor(30 * 3_600_000);
    expect(fs.readdirSync(folder)).toHaveLength(2);
  });

  it('the restored store opens only with the backup’s passphrase', async () => {
    const { app } = await withStore();
    const made = await app.ok<{ backup: { file: string } }>('backups.run');
    await app.ok('security.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW });
    const to = path.join(app.dir, 'old.dhr');
    expect(await app.dispatch('backups.restore', { from: made.backup.file, to, passphrase: NEW })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await app.ok('backups.restore', { from: made.backup.file, to, passphrase: PASSPHRASE });
    openStoreReadOnly(to, PASSPHRASE).db.close();
  });
});
