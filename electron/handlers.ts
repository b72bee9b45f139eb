import type { ApiResult } from '../core/result';
import { isTrustedSender } from './security';

/** IPC channels: one for API calls, one for menu commands to the window. */
export const CALL_CHANNEL = 'rosterdesk:call';
export const MENU_CHANNEL = 'rosterdesk:menu';

export interface Dispatcher {
  dispatchAsync(method: unknown, input: unknown): Promise<ApiResult<unknown>>;
  planner: { filePath: string };
}

/** Passwords kept outside the planner file (Electron: encrypted with the OS keychain's key). */
export interface SecretStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/** Where a CalDAV target's password is kept: per planner file and target. */
export const caldavSecretKey = (filePath: string, targetId: unknown) => `caldav:${String(targetId)}@${filePath}`;

/**
 * caldav.publish with the keychain: an empty password means "the remembered one";
 * `remember: true` keeps a password that worked; one the server refuses is forgotten.
 * The rest of the call goes to the service as any other (which never sees `remember`).
 */
async function publishWithSecrets(service: Dispatcher, input: unknown, secrets: SecretStore): Promise<ApiResult<unknown>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return service.dispatchAsync('caldav.publish', input);
  const { remember, ...rest } = input as Record<string, unknown>;
  const key = caldavSecretKey(service.planner.filePath, rest.targetId);
  const stored = rest.password === '' ? secrets.get(key) : null;
  const call = stored === null ? rest : { ...rest, password: stored };
  const result = await service.dispatchAsync('caldav.publish', call);
  if (result.ok && remember === true && typeof rest.password === 'string' && rest.password !== '') secrets.set(key, rest.password);
  if (!result.ok && result.error.code === 'caldav_auth' && stored !== null) secrets.delete(key);
  return result;
}

/**
 * The main process's one handler table: every IPC call goes through the
 * service's dispatch, which validates method and input against the contract.
 * Errors come back as values ({code, message, path}), never as exceptions,
 * because Electron would strip them to a bare string.
 */
export async function handleCall(service: Dispatcher | null, senderUrl: string | undefined, method: unknown, input: unknown, secrets: SecretStore | null = null): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(senderUrl)) {
    return { ok: false, error: { code: 'forbidden', message: 'Calls are only answered for the Rosterdesk window', path: [] } };
  }
  if (!service) return { ok: false, error: { code: 'no_file', message: 'No planner file is open', path: [] } };
  try {
    if (method === 'caldav.publish' && secrets) return await publishWithSecrets(service, input, secrets);
    return await service.dispatchAsync(method, input);
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err), path: [] } };
  }
}
