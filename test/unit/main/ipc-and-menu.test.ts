import { beforeEach, describe, expect, it, vi } from 'vitest';

// electron/main is the only layer that imports electron; here electron's
// ipcMain and Menu are replaced by recorders so the wiring can be checked
// without an Electron binary. Everything behind them is real.
const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => handlers.set(channel, fn) },
  Menu: { buildFromTemplate: (template: unknown) => template },
}));

const { registerIpc } = await import('../../../electron/main/ipc.ts');
const { buildMenu } = await import('../../../electron/main/menu.ts');
const { CHANNELS } = await import('../../../shared/ipc/contract.ts');

describe('IPC registration', () => {
  const ours = { id: 1 };
  const dispatch = vi.fn(async () => ({ ok: true, value: 'answered' }));
  beforeEach(() => {
    handlers.clear();
    dispatch.mockClear();
    registerIpc(dispatch as never, (contents) => contents === (ours as never));
  });

  it('registers a handler for every contract channel and nothing else', () => {
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers our own window showing our own page', async () => {
    const reply = await handlers.get('store.stats')!({ sender: ours, senderFrame: { url: 'app://dhr/index.html' } }, {});
    expect(reply).toEqual({ ok: true, value: 'answered' });
    expect(dispatch).toHaveBeenCalledWith('store.stats', {});
  });

  it('refuses any other sender before the dispatcher sees the message', async () => {
    const forged = [
      { sender: { id: 2 }, senderFrame: { url: 'app://dhr/index.html' } }, // another window
      { sender: ours, senderFrame: { url: 'https://example.com/' } }, // our window, navigated away
      { sender: ours, senderFrame: { url: 'file:///tmp/evil.html' } },
      { sender: ours, senderFrame: null }, // a frame that has gone
    ];
    for (const event of forged) {
      expect(await handlers.get('store.stats')!(event, {})).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('menu', () => {
  it('has "Lock now" on Ctrl+L (Cmd+L on a Mac)', () => {
    const lockNow = vi.fn();
    const template = buildMenu({ lockNow, quit: () => {} }) as unknown as Array<{ label?: string; submenu?: Array<{ label?: string; accelerator?: string; click?: () => void }> }>;
    const item = template.flatMap((m) => m.submenu ?? []).find((i) => i.label === 'Lock now');
    expect(item?.accelerator).toBe('CmdOrCtrl+L');
    item!.click!();
    expect(lockNow).toHaveBeenCalled();
  });
});
