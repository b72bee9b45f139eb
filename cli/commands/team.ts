import { UserError } from '../../core/errors';
import type { Command } from '../command';
import { EXIT_OK, UsageError } from '../io';
import { dbOption, requireString } from '../options';
import { withService } from '../planner';

/** Commands on teams: add one, list them. */

const TEAM_FLAGS: Record<string, string> = {
  name: 'NAME',
  timeZone: '--tz',
  country: '--country',
  locale: '--locale',
  weekStart: '--week-start',
  currency: '--currency',
};

export const teamAddCommand: Command = {
  usage: 'rosterdesk team add NAME --db FILE --tz ZONE [--country CC] [--locale L] [--week-start mon|sat|sun] [--currency CUR]',
  summary: 'Add a team',
  options: {
    ...dbOption,
    tz: { type: 'string' },
    country: { type: 'string' },
    locale: { type: 'string' },
    'week-start': { type: 'string' },
    currency: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: 1,
  run: ({ values, positionals }, io) => {
    const usage = teamAddCommand.usage;
    const db = requireString(values, 'db', usage);
    const timeZone = requireString(values, 'tz', usage);
    const weekStart = values['week-start'];
    if (weekStart !== undefined && weekStart !== 'mon' && weekStart !== 'sat' && weekStart !== 'sun') {
      throw new UsageError(`--week-start must be mon, sat or sun, not "${String(weekStart)}"`, usage);
    }
    return withService(db, (s) => {
      const result = s.call('team.create', {
        name: positionals[0] ?? '',
        timeZone,
        ...(typeof values.country === 'string' ? { country: values.country.toUpperCase() } : {}),
        ...(typeof values.locale === 'string' ? { locale: values.locale } : {}),
        ...(weekStart ? { weekStart } : {}),
        ...(typeof values.currency === 'string' ? { currency: values.currency.toUpperCase() } : {}),
      });
      if (!result.ok) {
        // Name the flag the user typed, not the API field behind it.
        const flag = TEAM_FLAGS[String(result.error.path[0])];
        throw new UserError(result.error.code, flag ? result.error.message.replace(/^[^:]+:/, `${flag}:`) : result.error.message);
      }
      const team = result.value;
      io.out(values.json ? JSON.stringify(team, null, 2) + '\n' : `Added team "${team.name}" (${team.timeZone}, week starts ${team.weekStart}, ${team.currency})\n`);
      return EXIT_OK;
    });
  },
};
export const teamListCommand: Command = {
  usage: 'rosterdesk team list --db FILE [--json]',
  summary: 'List the teams',
  options: { ...dbOption, json: { type: 'boolean' } },
  positionals: 0,
  run: ({ values }, io) => {
    const db = requireString(values, 'db', teamListCommand.usage);
    return withService(db, (s) => {
      const list = s.run('team.list', {});
      if (values.json) io.out(JSON.stringify(list, null, 2) + '\n');
      else if (list.length === 0) io.out('No teams yet. Add one with: rosterdesk team add NAME --db FILE --tz ZONE\n');
      else {
        for (const t of list) {
          const people = s.run('person.list', { teamId: t.id }).length;
          io.out(`${t.name}\t${t.timeZone}\t${t.locale}\tweek starts ${t.weekStart}\t${t.country || '-'}\t${t.currency}\t${people} people\n`);
        }
      }
      return EXIT_OK;
    });
  },
};
