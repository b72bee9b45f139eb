import { UserError } from '../../core/errors';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import { appVersion } from '../app-version';
import type { Command } from '../command';
import { EXIT_OK, UsageError } from '../io';
import { dbOption, requireString } from '../options';
import { teamByName } from '../planner';

/** `rosterdesk schedule`: a roster draft from the solver. */

export const scheduleCommand: Command = {
  usage: 'rosterdesk schedule --db FILE --team NAME --from YYYY-MM-DD --to YYYY-MM-DD [--time-limit S] [--dry-run]',
  summary: 'Generate a roster draft that meets the forecast within every rule (HiGHS); prints a JSON summary',
  options: { ...dbOption, team: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'time-limit': { type: 'string' }, 'dry-run': { type: 'boolean' } },
  positionals: 0,
  run: async ({ values }, io) => {
    const usage = scheduleCommand.usage;
    const db = requireString(values, 'db', usage);
    const teamName = requireString(values, 'team', usage);
    const from = requireString(values, 'from', usage);
    const to = requireString(values, 'to', usage);
    const limitText = typeof values['time-limit'] === 'string' ? values['time-limit'] : '30';
    const timeLimitSeconds = Number(limitText);
    if (!Number.isFinite(timeLimitSeconds) || timeLimitSeconds < 1 || timeLimitSeconds > 600) throw new UsageError(`--time-limit must be a number of seconds from 1 to 600, not "${limitText}"`, usage);
    const service = createService(openPlanner(db, { create: false }), { appVersion: appVersion() });
    try {
      const team = teamByName(service, teamName);
      const result = await service.callAsync('schedule.generate', { teamId: team.id, from, to, timeLimitSeconds, dryRun: values['dry-run'] === true });
      if (!result.ok) throw new UserError(result.error.code, `${result.error.path[0] === 'from' || result.error.path[0] === 'to' ? `--${String(result.error.path[0])}: ` : ''}${result.error.message}`);
      const { status: _status, ...summary } = result.value.summary;
      io.out(`${JSON.stringify(summary)}\n`);
      return EXIT_OK;
    } finally {
      service.close();
    }
  },
};
