import { Settings, type Language } from '../core/contract';
import type { ApiResult } from '../core/result';
import type { SecretStore } from '../db/handlers/caldav';
import { rpcPeer, type PortLike, type RpcResult } from './rpc';
import type { HostRequests, MainRequests, OpenOutcome, OpenRequest } from './service-host';

/** What the main process answers the host: the keychain's secrets, and a restored planner that opened. */
export interface MainSide {
  secrets: SecretStore;
  reopened(outcome: OpenOutcome): void;
}

/** The main process's side of the service host: the same doors as the service, each a message. */
export interface HostClient {
  open(request: OpenRequest): Promise<OpenOutcome>;
  /** An API call answered by the host's service; a host that is gone answers `internal`. */
  dispatchAsync(method: unknown, input: unknown): Promise<ApiResult<unknown>>;
  backup(): Promise<RpcResult<string>>;
  copy(target: string): Promise<RpcResult<null>>;
  close(): Promise<RpcResult<null>>;
  /** The host is gone (its process exited): every pending and later request answers an error. */
  fail(message: string): void;
}

export function hostClient(port: PortLike, side: MainSide): HostClient {
  const host = rpcPeer<HostRequests, MainRequests>(port, {
    'secret.get': ({ key }) => side.secrets.get(key),
    'secret.set': async ({ key, value }) => {
      await side.secrets.set(key, value);
      return null;
    },
    'secret.delete': async ({ key }) => {
      await side.secrets.delete(key);
      return null;
    },
    reopened: (outcome) => {
      side.reopened(outcome);
      return null;
    },
  });
  return {
    open: async (request) => {
      const r = await host.request('open', request);
      return r.ok ? r.value : { error: r.error.message };
    },
    dispatchAsync: async (method, input) => {
      const r = await host.request('call', { method, input });
      return r.ok ? r.value : r;
    },
    backup: () => host.request('backup', null),
    copy: (target) => host.request('copy', { target }),
    close: () => host.request('close', null),
    fail: (message) => host.fail(message),
  };
}

/** The language a successful settings.set left, for the menu; undefined when the call did not set it. */
export function languageSet(method: unknown, result: ApiResult<unknown>): Language | null | undefined {
  if (method !== 'settings.set' || !result.ok) return undefined;
  const settings = Settings.safeParse(result.value);
  return settings.success ? settings.data.language : undefined;
}
