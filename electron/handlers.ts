import type { ApiResult } from '../core/result';
import { isTrustedSender } from './security';

/** IPC channels: one for API calls, one for menu commands to the window. */
export const CALL_CHANNEL = 'rosterdesk:call';
export const MENU_CHANNEL = 'rosterdesk:menu';

export interface Dispatcher {
  dispatchAsync(method: unknown, input: unknown): Promise<ApiResult<unknown>>;
  planner: { filePath: string };
}

/**
 * The main process's one handler table: every IPC call goes through the
 * service's dispatch (in the desktop app, the service host's: host-client.ts),
 * which validates method and input against the contract.
 * Errors come back as values ({code, message, path}), never as exceptions,
 * because Electron would strip them to a bare string.
 */
export async function handleCall(service: Dispatcher | null, senderUrl: string | undefined, method: unknown, input: unknown): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(senderUrl)) {
    return { ok: false, error: { code: 'forbidden', message: 'Calls are only answered for the Rosterdesk window', path: [] } };
  }
  if (!service) return { ok: false, error: { code: 'no_file', message: 'No planner file is open', path: [] } };
  try {
    return await service.dispatchAsync(method, input);
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err), path: [] } };
  }
}
