import path from 'node:path';
import { UserError } from '../../core/errors';
import { rollingBackup, scheduleBackups } from '../../db/backup';
import { openPlanner } from '../../db/open';
import { isDamage, refusedPlanner, type RefusedPlanner } from '../../db/refused';
import { createService, slowCallLogFromEnv, type Service } from '../../db/service';
import { appVersion, projectRoot } from '../app-version';
import type { Command } from '../command';
import { EXIT_OK, UsageError } from '../io';
import { dbOption, requireString } from '../options';
import { ensureRendererBuilt } from '../renderer-build';
import { startServer } from '../serve';

/** `rosterdesk serve`: the planner in a browser, with rolling backups while it serves. */

export const serveCommand: Command = {
  usage: 'rosterdesk serve --db FILE [--port N]',
  summary: 'Open the planner in a browser: serves the UI and API on 127.0.0.1 with a per-run token',
  options: { ...dbOption, port: { type: 'string' } },
  positionals: 0,
  run: async ({ values }, io) => {
    const usage = serveCommand.usage;
    const db = requireString(values, 'db', usage);
    const portText = typeof values.port === 'string' ? values.port : '0';
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}"`, usage);
    // ROSTERDESK_RENDERER_DIR: serve another build of the UI (a developer's work in progress, side by side with the main one).
    const rendererDir = process.env.ROSTERDESK_RENDERER_DIR || (await ensureRendererBuilt(projectRoot(), io));
    // A second window on a file another Rosterdesk has open shows it read-only and says why.
    // A file this app closed cleanly opens on a cheap proof, its full check running in the background (db/integrity.ts).
    const open = (check: 'full' | 'trust-clean-close' = 'trust-clean-close') => createService(openPlanner(db, { ifInUse: 'read-only', check }), { appVersion: appVersion(), ...slowCallLogFromEnv() });
    const refuse = (err: UserError) => {
      refused = refusedPlanner(db, err, { onRestored: () => opened(open()) });
      io.err(`${err.message}\nThe browser shows its backups to restore from.\n`);
    };
    let service: Service | null = null;
    let refused: RefusedPlanner | null = null;
    // A rolling backup just after opening and then daily (checked hourly) while it serves.
    let running: Promise<unknown> = Promise.resolve();
    let stopBackups = () => undefined as void;
    const opened = (next: Service) => {
      service = next;
      refused = null;
      if (next.planner.readOnly) io.err(`Read-only: ${next.planner.readOnly}.\n`);
      const backUp = () =>
        (running = rollingBackup(next.planner.db, next.planner.filePath, new Date()).catch((err: unknown) => {
          io.err(`Backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
        }));
      stopBackups = scheduleBackups(backUp);
      // Damage the background check finds: the file is opened again with the full check, which refuses it.
      void next.planner.integrity.settled.then(() => {
        if (next.planner.integrity.state !== 'damaged' || service !== next) return;
        stopBackups();
        next.close();
        service = null;
        try {
          opened(open('full'));
        } catch (err) {
          if (!isDamage(err)) throw err;
          refuse(err);
        }
      });
    };
    try {
      opened(open());
    } catch (err) {
      // A damaged planner: the browser shows why and its backups, and restoring one opens it.
      if (!isDamage(err)) throw err;
      refuse(err);
    }
    const door = { dispatchAsync: (method: unknown, input: unknown) => (service ?? refused)?.dispatchAsync(method, input) ?? Promise.reject(new Error('no planner')) };
    const server = await startServer({ service: door, rendererDir, port: Number(portText) }).catch((err: unknown) => {
      service?.close();
      const code = (err as { code?: string }).code;
      throw new UserError('listen', code === 'EADDRINUSE' ? `Port ${portText} is already in use; pick another with --port` : `Cannot listen: ${String(err)}`);
    });
    io.out(`Rosterdesk is serving ${path.resolve(db)}\nOpen ${server.url}\nPress Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    stopBackups();
    // A backup under way finishes before the file closes.
    await running;
    await server.close();
    (service as Service | null)?.close();
    return EXIT_OK;
  },
};
