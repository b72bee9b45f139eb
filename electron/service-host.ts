import type { Language } from '../core/contract';
import { UserError } from '../core/errors';
import type { ApiResult } from '../core/result';
import { listBackups, rollingBackup, scheduleBackups } from '../db/backup';
import type { SecretStore } from '../db/handlers/caldav';
import { copyDatabase, openPlanner, type ReadOnlyCause } from '../db/open';
import { isDamage, refusedPlanner, type RefusedPlanner } from '../db/refused';
import { createService, slowCallLogFromEnv, type Service } from '../db/service';
import { rpcPeer, type Peer, type PortLike } from './rpc';

/**
 * The planner's process. better-sqlite3 is synchronous, so a slow call (a two-week coverage
 * table on a five-year file takes over a second) would freeze whatever thread runs it; the
 * desktop app runs the service here, in a utility process (host-entry.ts), and the main
 * process, which draws the window's frame and menus, only passes messages. This module is
 * the host without Electron: the service, its rolling backups and the damaged-planner
 * refusal, answering the requests below over any port (the tests fork it as a Node process).
 */

/** What the host needs from the app to open a file; the same for every file. */
export interface HostSettings {
  appVersion: string;
  /** better-sqlite3 built for Electron's ABI, in development (as main used it before). */
  nativeBinding?: string;
}

export type OpenRequest = { file: string } & HostSettings;

/** An open planner as the main process needs it: the title, the file menu and the menu's language. */
export interface Opened {
  filePath: string;
  readOnly: string | null;
  readOnlyCause: ReadOnlyCause | null;
  language: Language | null;
}

/**
 * How an open ended: the file is open; or it is damaged and has backups, and the window shows
 * the refusal with them (db/refused.ts); or it was refused and the previous file stays open.
 */
export type OpenOutcome = { opened: Opened } | { refused: { filePath: string; reason: string } } | { error: string };

/** What the main process asks the host. */
export type HostRequests = {
  open: { input: OpenRequest; output: OpenOutcome };
  /** One API call, validated by the service: the same answer as dispatchAsync in process. */
  call: { input: { method: unknown; input: unknown }; output: ApiResult<unknown> };
  /** Back up now: the new backup's path. */
  backup: { input: null; output: string };
  /** Save a copy of the open planner at `target`. */
  copy: { input: { target: string }; output: null };
  /** Closes the planner (before quitting): the lock beside the file goes with it. */
  close: { input: null; output: null };
};

/**
 * What the host asks the main process. The OS keychain (safeStorage) exists only in the main
 * process, so the CalDAV passwords stay there and the host asks for them; and a damaged planner
 * restored from a backup opens here, which the main process learns of to retitle the window.
 */
export type MainRequests = {
  'secret.get': { input: { key: string }; output: string | null };
  'secret.set': { input: { key: string; value: string }; output: null };
  'secret.delete': { input: { key: string }; output: null };
  reopened: { input: OpenOutcome; output: null };
};

const noFile = (): ApiResult<unknown> => ({ ok: false, error: { code: 'no_file', message: 'No planner file is open', path: [] } });

/** The secret store the service uses here: each question goes to the main process. */
function remoteSecrets(main: () => Peer<MainRequests>): SecretStore {
  const ask = async <K extends 'secret.get' | 'secret.set' | 'secret.delete'>(kind: K, input: MainRequests[K]['input']): Promise<MainRequests[K]['output']> => {
    const r = await main().request(kind, input);
    if (!r.ok) throw new Error(`The keychain did not answer: ${r.error.message}`);
    return r.value;
  };
  return {
    get: (key) => ask('secret.get', { key }),
    set: async (key, value) => void (await ask('secret.set', { key, value })),
    delete: async (key) => void (await ask('secret.delete', { key })),
  };
}

/** Starts answering on `port`; returns the peer that asks the main process. */
export function serveHost(port: PortLike): Peer<MainRequests> {
  let service: Service | null = null;
  let refused: RefusedPlanner | null = null;
  let stopBackups: () => void = () => undefined;
  const secrets = remoteSecrets(() => main);

  const describe = (s: Service): Opened => {
    const settings = s.call('settings.get', {});
    return { filePath: s.planner.filePath, readOnly: s.planner.readOnly, readOnlyCause: s.planner.readOnlyCause, language: settings.ok ? settings.value.language : null };
  };

  /** A rolling backup when one is due: shortly after opening, then checked hourly. */
  const backUp = async (s: Service) => {
    try {
      await rollingBackup(s.planner.db, s.planner.filePath, new Date());
    } catch (err) {
      console.error('Backup failed:', err);
    }
  };

  /** Opens a planner; the one open before stays open when the new one is refused, except for damage a backup can repair. */
  function open(request: OpenRequest, check: 'full' | 'trust-clean-close' = 'trust-clean-close'): OpenOutcome {
    const binding = request.nativeBinding ? { nativeBinding: request.nativeBinding } : {};
    try {
      // A file this app closed cleanly opens on a cheap proof, its full check running in the background (db/integrity.ts).
      const next = createService(openPlanner(request.file, { ifInUse: 'read-only', check, ...binding }), { appVersion: request.appVersion, secrets, ...slowCallLogFromEnv(), ...binding });
      service?.close();
      service = next;
      refused = null;
      stopBackups();
      stopBackups = scheduleBackups(() => backUp(next));
      // Damage the background check finds: the file is opened again with the full check, which refuses it and shows its backups.
      void next.planner.integrity.settled.then(() => {
        if (next.planner.integrity.state === 'damaged' && service === next) void main.request('reopened', open(request, 'full'));
      });
      return { opened: describe(next) };
    } catch (err) {
      if (isDamage(err) && listBackups(request.file).length > 0) {
        stopBackups();
        service?.close();
        service = null;
        // Restoring a backup (the window's file.restoreDamaged) opens the planner here; the main process is told.
        refused = refusedPlanner(request.file, err, { ...binding, onRestored: () => void main.request('reopened', open(request)) });
        return { refused: { filePath: refused.planner.filePath, reason: err.message } };
      }
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }

  const opened = (): Service => {
    if (!service) throw new UserError('no_file', 'No planner file is open');
    return service;
  };

  const main: Peer<MainRequests> = rpcPeer<MainRequests, HostRequests>(port, {
    open,
    call: ({ method, input }) => (service ?? refused)?.dispatchAsync(method, input) ?? noFile(),
    backup: async () => {
      const s = opened();
      return (await rollingBackup(s.planner.db, s.planner.filePath, new Date(), { force: true })) ?? '';
    },
    copy: ({ target }) => {
      const s = opened();
      // Copying the open file onto itself would be VACUUM INTO its own name: nothing to do.
      if (target !== s.planner.filePath) copyDatabase(s.planner.db, target);
      return null;
    },
    close: () => {
      stopBackups();
      service?.close();
      service = null;
      refused = null;
      return null;
    },
  });
  return main;
}
