import path from 'node:path';
import { createBackend, type Backend } from '../../electron/services/handlers.ts';
import { describeIssues, issueFields } from '../../electron/services/ipc/dispatcher.ts';
import type { Secrets } from '../../electron/services/platform.ts';
import { securityHandlers, type SecurityHandlers } from '../../electron/services/security-ops/security-handlers.ts';
import { AppError, isAppError } from '../../shared/ipc/errors.ts';
import { securityContractEntries } from '../../shared/ipc/security-contract-entries.ts';
import { clockWithTimers, testClock, type ClockWithTimers } from './clock.ts';
import { tempDir } from './temp.ts';

/** A stand-in for Electron's safeStorage: reversible, marked, and never the plain text. */
export function fakeSecrets(options: { available?: boolean; backend?: string } = {}): Secrets & { encrypted: number } {
  const key = 0x5c;
  const secrets = {
    encrypted: 0,
    isAvailable: () => options.available ?? true,
    backend: () => options.backend ?? 'gnome_libsecret',
    encrypt(plain: string) {
      secrets.encrypted++;
      return Buffer.concat([Buffer.from('FAKE-OS-'), Buffer.from(plain, 'utf8').map((b) => b ^ key)]);
    },
    decrypt(encrypted: Buffer) {
      if (!encrypted.subarray(0, 8).equals(Buffer.from('FAKE-OS-'))) throw new Error('not ours');
      return Buffer.from(encrypted.subarray(8).map((b) => b ^ key)).toString('utf8');
    },
  };
  return secrets;
}

/** The test day's clock with timers on it, for the idle lock and the backup schedule. */
export type FakeClock = ClockWithTimers;
export const fakeClock = clockWithTimers;

/**
 * The real backend plus the security handlers, with a dispatcher for the
 * security channels that validates exactly as the app's does (until they
 * are merged into the contract, the app's own dispatcher does not know them).
 */
export function openSecurityBackend(options: { secrets?: Secrets; clock?: FakeClock; openFile?: () => string | null } = {}) {
  const { dir, cleanup } = tempDir();
  const events: Array<[string, unknown]> = [];
  const emit = ((event: string, payload: unknown) => events.push([event, payload])) as never;
  const dialogs = {
    chooseStoreFile: async () => null,
    chooseExportFile: async () => null,
    chooseOpenFile: async () => options.openFile?.() ?? null,
  };
  const timers = options.clock?.timers;
  const backend: Backend = createBackend({
    configDir: path.join(dir, 'config'),
    defaultStoreFile: path.join(dir, 'dhr-tracker.dhr'),
    appVersion: 'test',
    emit,
    dialogs,
    clock: options.clock?.clock ?? testClock(),
    ...(timers ? { timers } : {}),
    ...(options.secrets ? { secrets: options.secrets } : {}),
  });
  // Once the security channels are merged into the contract, createBackend makes these handlers (and the
  // backup schedule) itself; until then they are made here. Never both, or there would be two schedules.
  const merged = Object.prototype.hasOwnProperty.call(backend.handlers, 'backups.status');
  const handlers: SecurityHandlers = merged
    ? (backend.handlers as unknown as SecurityHandlers)
    : securityHandlers(backend.session, { dialogs, emit, ...(timers ? { timers } : {}) });

  async function dispatchSecurity(channel: string, raw: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } }> {
    try {
      if (!Object.prototype.hasOwnProperty.call(securityContractEntries, channel)) throw new AppError('UNKNOWN_CHANNEL', `There is no channel called ${channel}.`);
      const spec = securityContractEntries[channel as keyof typeof securityContractEntries];
      const parsed = spec.input.safeParse(raw ?? {});
      if (!parsed.success) throw new AppError('INVALID_INPUT', describeIssues(parsed.error), issueFields(parsed.error));
      const value = await (handlers[channel as keyof SecurityHandlers] as (input: unknown) => unknown)(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) throw new Error(`output outside the contract: ${describeIssues(checked.error)}`);
      return { ok: true, value: checked.data };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
      throw error;
    }
  }

  /** Any channel: the security ones through dispatchSecurity, the rest through the app's dispatcher. */
  const dispatch = (channel: string, input: unknown = {}) =>
    Object.prototype.hasOwnProperty.call(securityContractEntries, channel) ? dispatchSecurity(channel, input) : backend.dispatch(channel, input);
  const ok = async <T = never>(channel: string, input: unknown = {}): Promise<T> => {
    const reply = await dispatch(channel, input);
    if (!reply.ok) throw Object.assign(new Error(`${channel}: ${reply.error.message}`), { reply });
    return reply.value as T;
  };
  return {
    backend,
    dir,
    events,
    dispatch,
    ok,
    close() {
      backend.session.close();
      cleanup();
    },
  };
}
