import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors';
import { rpcPeer, type PortLike } from '../../electron/rpc';

/** Node's own MessagePort (structured cloning, as Electron's), adapted to the two methods the peer uses. */
const portLike = (port: MessagePort): PortLike => ({ postMessage: (message) => port.postMessage(message), onMessage: (listener) => void port.on('message', listener) });

type Asks = {
  double: { input: number; output: number };
  later: { input: number; output: string };
  refuse: { input: null; output: null };
  crash: { input: null; output: null };
  fn: { input: null; output: () => void };
};

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

function pair() {
  const channel = new MessageChannel();
  channels.push(channel);
  const answering = rpcPeer<Record<string, never>, Asks>(portLike(channel.port2), {
    double: (n) => n * 2,
    later: (ms) => new Promise((resolve) => setTimeout(() => resolve(`after ${ms}`), ms)),
    refuse: () => {
      throw new UserError('not_found', 'No such thing', ['id']);
    },
    crash: () => {
      throw new Error('boom');
    },
    fn: () => () => undefined,
  });
  const asking = rpcPeer<Asks, Record<string, never>>(portLike(channel.port1), {});
  return { asking, answering, channel };
}

describe('requests over a message port', () => {
  it('pairs each reply with its request, whatever order they finish in', async () => {
    const { asking } = pair();
    const [slow, quick, double] = await Promise.all([asking.request('later', 30), asking.request('later', 1), asking.request('double', 21)]);
    expect([slow, quick, double]).toEqual([
      { ok: true, value: 'after 30' },
      { ok: true, value: 'after 1' },
      { ok: true, value: 42 },
    ]);
    expect(asking.pending).toBe(0);
  });

  it('answers errors as values: a UserError keeps its code and path, anything else is internal', async () => {
    const { asking } = pair();
    expect(await asking.request('refuse', null)).toEqual({ ok: false, error: { code: 'not_found', message: 'No such thing', path: ['id'] } });
    expect(await asking.request('crash', null)).toEqual({ ok: false, error: { code: 'internal', message: 'boom', path: [] } });
    expect(await asking.request('nothing' as 'crash', null)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    // Even an inherited name is not an answerer.
    expect(await asking.request('toString' as 'crash', null)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('answers an error when the answer cannot cross the port (a function), and when the question cannot', async () => {
    const { asking } = pair();
    expect(await asking.request('fn', null)).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('could not be sent') } });
    expect(await asking.request('double', (() => 1) as unknown as number)).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('could not be sent') } });
    expect(asking.pending).toBe(0);
  });

  it('never leaves a request waiting once the other side is gone', async () => {
    const { asking, channel } = pair();
    const waiting = asking.request('later', 10_000);
    channel.port2.close();
    expect(asking.pending).toBe(1);
    asking.fail('The other side stopped');
    expect(await waiting).toEqual({ ok: false, error: { code: 'internal', message: 'The other side stopped', path: [] } });
    expect(await asking.request('double', 1)).toEqual({ ok: false, error: { code: 'internal', message: 'The other side stopped', path: [] } });
  });

  it('ignores messages that are not its own', async () => {
    const { asking, channel } = pair();
    channel.port2.postMessage({ rpc: 'reply', id: 999, result: { ok: true, value: 1 } });
    channel.port2.postMessage('hello');
    expect(await asking.request('double', 2)).toEqual({ ok: true, value: 4 });
  });
});
