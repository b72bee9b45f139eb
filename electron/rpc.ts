import { toApiError, UserError, type ApiError } from '../core/errors';

/**
 * Requests and replies between two processes over one message port, in either direction.
 * It knows nothing of Electron: the main process speaks it over a utility process's port,
 * the tests over a forked Node process, and anything with postMessage and a message
 * listener will do. Errors are values, as everywhere else in Rosterdesk, and a request
 * never waits forever: when the other side is gone (`fail`), every pending and later
 * request resolves to an `internal` error.
 */

/** The two things a port must offer; each transport adapts its own listener shape to this one. */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** Each request kind's input and output. Everything in them must survive structured cloning. */
export type Protocol = Record<string, { input: unknown; output: unknown }>;

export type Answerers<P extends Protocol> = { [K in keyof P]: (input: P[K]['input']) => P[K]['output'] | Promise<P[K]['output']> };

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

type Envelope = { rpc: 'request'; id: number; kind: string; input: unknown } | { rpc: 'reply'; id: number; result: RpcResult<unknown> };

export interface Peer<Out extends Protocol> {
  request<K extends keyof Out & string>(kind: K, input: Out[K]['input']): Promise<RpcResult<Out[K]['output']>>;
  /** The other side is gone: pending requests resolve to this error now, later ones at once. */
  fail(message: string): void;
  /** Requests sent and not yet answered. */
  readonly pending: number;
}

const internal = (message: string): RpcResult<never> => ({ ok: false, error: { code: 'internal', message, path: [] } });

function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return typeof m.id === 'number' && ((m.rpc === 'request' && typeof m.kind === 'string') || (m.rpc === 'reply' && typeof m.result === 'object' && m.result !== null));
}

/** What an answerer threw, as the value the other side gets: a UserError keeps its code and path. */
function errorOf(err: unknown): ApiError {
  if (err instanceof UserError) return toApiError(err);
  return { code: 'internal', message: err instanceof Error ? err.message : String(err), path: [] };
}

/**
 * One end of the conversation: `request` asks the other end (its protocol is `Out`), and
 * `answerers` answer what the other end asks (`In`).
 */
export function rpcPeer<Out extends Protocol, In extends Protocol>(port: PortLike, answerers: Answerers<In>): Peer<Out> {
  let nextId = 1;
  let gone: string | null = null;
  const waiting = new Map<number, (result: RpcResult<unknown>) => void>();

  const reply = (id: number, result: RpcResult<unknown>) => {
    try {
      port.postMessage({ rpc: 'reply', id, result } satisfies Envelope);
    } catch (err) {
      // A value structured cloning refuses (a function, a closed port): the asker still gets an answer.
      try {
        port.postMessage({ rpc: 'reply', id, result: internal(`The answer could not be sent: ${errorOf(err).message}`) } satisfies Envelope);
      } catch {
        // The port itself is closed: the other side's own `fail` ends its wait.
      }
    }
  };

  const answer = async (id: number, kind: string, input: unknown) => {
    const answerer = Object.hasOwn(answerers, kind) ? (answerers[kind] as (input: unknown) => unknown) : null;
    if (!answerer) return reply(id, { ok: false, error: { code: 'unknown_method', message: `Nothing answers ${JSON.stringify(kind).slice(0, 80)}`, path: [] } });
    try {
      reply(id, { ok: true, value: await answerer(input) });
    } catch (err) {
      reply(id, { ok: false, error: errorOf(err) });
    }
  };

  port.onMessage((message) => {
    if (!isEnvelope(message)) return;
    if (message.rpc === 'request') {
      void answer(message.id, message.kind, message.input);
      return;
    }
    const settle = waiting.get(message.id);
    waiting.delete(message.id);
    settle?.(message.result);
  });

  return {
    request<K extends keyof Out & string>(kind: K, input: Out[K]['input']) {
      if (gone !== null) return Promise.resolve(internal(gone));
      const id = nextId++;
      return new Promise<RpcResult<Out[K]['output']>>((resolve) => {
        waiting.set(id, resolve as (result: RpcResult<unknown>) => void);
        try {
          port.postMessage({ rpc: 'request', id, kind, input } satisfies Envelope);
        } catch (err) {
          waiting.delete(id);
          resolve(internal(`The request could not be sent: ${errorOf(err).message}`));
        }
      });
    },
    fail(message) {
      gone = message;
      const settles = [...waiting.values()];
      waiting.clear();
      for (const settle of settles) settle(internal(message));
    },
    get pending() {
      return waiting.size;
    },
  };
}
