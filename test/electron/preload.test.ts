import { beforeEach, describe, expect, it, vi } from 'vitest';

// Only the `electron` module is stubbed: it is the boundary the preload talks to.
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: [] }));
const listeners = new Map<string, (event: unknown, command: unknown) => void>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, l: (event: unknown, command: unknown) => void) => listeners.set(channel, l),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

beforeEach(async () => {
  vi.resetModules();
  await import('../../electron/preload');
});

describe('the preload bridge', () => {
  it('exposes exactly one object, window.rosterdesk, with call, onMenuCommand and print only', () => {
    expect(Object.keys(exposed)).toEqual(['rosterdesk']);
    expect(Object.keys(exposed.rosterdesk as object).sort()).toEqual(['call', 'onMenuCommand', 'print']);
  });

  it('sends print requests on their own channel', async () => {
    const bridge = exposed.rosterdesk as { print(r: unknown): Promise<unknown> };
    const request = { action: 'pdf', pageSize: 'A4', filename: 'rota.pdf' };
    await bridge.print(request);
    expect(invoke).toHaveBeenCalledWith('rosterdesk:print', request);
  });

  it('forwards calls on the one channel and only known menu commands', async () => {
    const bridge = exposed.rosterdesk as { call(m: string, i: unknown): Promise<unknown>; onMenuCommand(l: (c: string) => void): () => void };
    await bridge.call('team.list', {});
    expect(invoke).toHaveBeenCalledWith('rosterdesk:call', 'team.list', {});
    const got: string[] = [];
    const off = bridge.onMenuCommand((c) => got.push(c));
    const send = listeners.get('rosterdesk:menu');
    send?.({}, 'undo');
    send?.({}, 'rm -rf');
    send?.({}, 'redo');
    expect(got).toEqual(['undo', 'redo']);
    off();
    expect(listeners.has('rosterdesk:menu')).toBe(false);
  });
});
