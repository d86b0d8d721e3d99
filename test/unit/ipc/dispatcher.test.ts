import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, contract } from '../../../shared/ipc/contract.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { createApi } from '../../../shared/ipc/api.ts';
import { createDispatcher, type Handlers } from '../../../electron/services/ipc/dispatcher.ts';
import { createBackend } from '../../../electron/services/handlers.ts';
import { tempDir } from '../../support/temp.ts';
import { testClock } from '../../support/clock.ts';

const quietLog = { error: vi.fn() };

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const fail = () => {
    throw new Error('not under test');
  };
  return { ...(Object.fromEntries(CHANNELS.map((c) => [c, fail])) as unknown as Handlers), ...overrides };
}

describe('dispatcher', () => {
  it('refuses an unknown channel', async () => {
    const dispatch = createDispatcher(handlersWith({}), quietLog);
    expect(await dispatch('db.exec', { sql: 'DROP TABLE reviews' })).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: expect.stringContaining('db.exec') } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('validates input against the contract before the handler runs', async () => {
    const handler = vi.fn();
    const dispatch = createDispatcher(handlersWith({ 'settings.update': handler }), quietLog);
    expect(await dispatch('settings.update', { autoLockMinutes: 0 })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'autoLockMinutes: Auto-lock must be at least 1 minute.', fields: { autoLockMinutes: 'Auto-lock must be at least 1 minute.' } },
    });
    expect(await dispatch('settings.update', { autoLockMinutes: 5, sql: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('settings.update', 'not an object')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('session.open', { file: '', passphrase: 'x' })).toMatchObject({ ok: false, error: { message: 'file: Give the path of the store file.' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes AppErrors through and hides unexpected ones', async () => {
    const dispatch = createDispatcher(
      handlersWith({
        'store.stats': () => {
          throw new AppError('LOCKED', 'The store is locked.');
        },
        'settings.get': () => {
          throw new TypeError('secret internals');
        },
      }),
      quietLog,
    );
    expect(await dispatch('store.stats', {})).toEqual({ ok: false, error: { code: 'LOCKED', message: 'The store is locked.' } });
    const hidden = await dispatch('settings.get', {});
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(hidden)).not.toContain('secret internals');
  });

  it('checks what a handler returns against the output schema', async () => {
    const dispatch = createDispatcher(handlersWith({ 'dialog.chooseStoreFile': (() => ({ file: 42 })) as never }), quietLog);
    expect(await dispatch('dialog.chooseStoreFile', { purpose: 'open' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('strips fields a handler adds beyond its contract', async () => {
    const dispatch = createDispatcher(handlersWith({ 'dialog.chooseStoreFile': (() => ({ file: null, realName: 'leak' })) as never }), quietLog);
    expect(await dispatch('dialog.chooseStoreFile', { purpose: 'open' })).toEqual({ ok: true, value: { file: null } });
  });
});

describe('contract', () => {
  it('has exactly one handler for every channel', () => {
    const { dir, cleanup } = tempDir();
    const backend = createBackend({ configDir: dir, defaultStoreFile: `${dir}/a.dhr`, appVersion: 't', clock: testClock(), emit: () => {}, dialogs: { chooseStoreFile: async () => null, chooseExportFile: async () => null, chooseOpenFile: async () => null } });
    expect(Object.keys(backend.handlers).sort()).toEqual(Object.keys(contract).sort());
    cleanup();
  });

  it('every channel declares zod input and output schemas', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(typeof spec.input.safeParse, name).toBe('function');
      expect(typeof spec.output.safeParse, name).toBe('function');
    }
  });
});

describe('window.api', () => {
  it('offers only invoke and on, and refuses channels outside the contract', async () => {
    const transport = { invoke: vi.fn(async () => ({ ok: true, value: 1 })), on: vi.fn(() => () => {}) };
    const api = createApi(transport);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(await api.invoke('send' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(transport.invoke).not.toHaveBeenCalled();
    await api.invoke('session.status', {});
    expect(transport.invoke).toHaveBeenCalledWith('session.status', {});
    expect(() => api.on('anything' as never, () => {})).toThrow(/no event/);
  });
});
