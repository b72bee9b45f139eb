import { UserError } from '../../core/errors';
import { DEFAULT_MAX_ABANDON_RATE, describeBelowLoad, evaluateAgents, requiredAgents } from '../../core/erlang';
import { DAY_NAMES, formatOpeningHours, parseOpeningHours, type ChannelHoursInput } from '../../core/opening-hours';
import type { Command } from '../command';
import { EXIT_OK, UsageError } from '../io';
import { dbOption, requireString } from '../options';
import { teamByName, withService } from '../planner';

/** Commands about staffing: a team's opening hours, and the agents one interval needs. */

export const hoursCommand: Command = {
  usage: 'rosterdesk hours --db FILE --team NAME [--channel NAME (--set "mon-fri 08:00-20:00; sat 09:00-14:00" | --set closed | --always) [--holidays closed|open]]',
  summary: "Show each channel's opening hours, or set one channel's (outside them nobody is required)",
  options: { ...dbOption, team: { type: 'string' }, channel: { type: 'string' }, set: { type: 'string' }, always: { type: 'boolean' }, holidays: { type: 'string' } },
  positionals: 0,
  run: ({ values }, io) => {
    const usage = hoursCommand.usage;
    const db = requireString(values, 'db', usage);
    const teamName = requireString(values, 'team', usage);
    const setting = typeof values.set === 'string' || values.always === true;
    if (setting && typeof values.channel !== 'string') throw new UsageError('--set and --always need --channel', usage);
    if (typeof values.set === 'string' && values.always === true) throw new UsageError('Give either --set or --always, not both', usage);
    const holidays = typeof values.holidays === 'string' ? values.holidays : 'open';
    if (holidays !== 'closed' && holidays !== 'open') throw new UsageError(`--holidays is closed or open, not "${holidays}"`, usage);
    let weekdays: ChannelHoursInput['weekdays'] = null;
    if (typeof values.set === 'string' && values.set.trim().toLowerCase() !== 'closed') {
      const parsed = parseOpeningHours(values.set);
      if ('error' in parsed) throw new UsageError(`--set: ${parsed.error}`, usage);
      weekdays = parsed.weekdays;
    } else if (typeof values.set === 'string') {
      weekdays = [];
    }
    return withService(db, (s) => {
      const team = teamByName(s, teamName);
      if (setting) {
        const result = s.call('staffing.setOpeningHours', { teamId: team.id, channel: String(values.channel).trim().toLowerCase(), weekdays, closedOnHolidays: holidays === 'closed' });
        if (!result.ok) {
          const { path: where, message } = result.error;
          if (where[0] === 'channel') throw new UserError(result.error.code, `--channel: ${message}`);
          // Name the day and window as typed rather than the schema's path (weekdays.0.windows.1…).
          const day = typeof where[1] === 'number' ? weekdays?.[where[1]] : undefined;
          const window = typeof where[3] === 'number' ? day?.windows[where[3]] : undefined;
          const what = day ? ` ${DAY_NAMES[day.weekday - 1] ?? day.weekday}${window ? ` ${window.openLocal}-${window.closeLocal}` : ''}` : '';
          throw new UserError(result.error.code, `--set${what}: ${message.replace(/^[\w.]+: /, '')}`);
        }
      }
      for (const h of s.run('staffing.openingHours', { teamId: team.id })) io.out(`${h.channel}\t${formatOpeningHours(h)}\n`);
      return EXIT_OK;
    });
  },
};
export const staffingCommand: Command = {
  usage:
    'rosterdesk staffing --calls N --interval-minutes M --aht-seconds S --target-sl P --target-seconds T [--shrinkage X] [--max-occupancy Y] [--patience-seconds Z [--max-abandon-rate R] [--short-abandon-seconds S]] [--agents K]',
  summary: 'Agents needed for one interval (Erlang C, or Erlang A with a patience), as one JSON object',
  options: {
    calls: { type: 'string' },
    'interval-minutes': { type: 'string' },
    'aht-seconds': { type: 'string' },
    'target-sl': { type: 'string' },
    'target-seconds': { type: 'string' },
    shrinkage: { type: 'string' },
    'max-occupancy': { type: 'string' },
    'patience-seconds': { type: 'string' },
    'max-abandon-rate': { type: 'string' },
    'short-abandon-seconds': { type: 'string' },
    agents: { type: 'string' },
  },
  positionals: 0,
  run: ({ values }, io) => {
    const usage = staffingCommand.usage;
    /** A number flag within its range; `integer` for counts. */
    const num = (name: string, min: number, max: number, options: { optional?: boolean; integer?: boolean; openMin?: boolean; openMax?: boolean } = {}): number | null => {
      const text = values[name];
      if (text === undefined && options.optional) return null;
      if (typeof text !== 'string' || text === '') throw new UsageError(`--${name} is required`, usage);
      const n = Number(text);
      const ok = Number.isFinite(n) && (options.openMin ? n > min : n >= min) && (options.openMax ? n < max : n <= max) && (!options.integer || Number.isInteger(n));
      if (!ok) throw new UsageError(`--${name} must be ${options.integer ? 'a whole number' : 'a number'} ${options.openMin ? 'above' : 'from'} ${min} ${options.openMax ? 'and below' : 'to'} ${max}, not "${text}"`, usage);
      return n;
    };
    const input = {
      calls: num('calls', 0, 10_000_000) ?? 0,
      intervalMinutes: num('interval-minutes', 0, 1440, { openMin: true }) ?? 30,
      ahtSeconds: num('aht-seconds', 0, 86_400, { openMin: true }) ?? 1,
      targetServiceLevel: num('target-sl', 0, 1, { openMin: true, openMax: true }) ?? 0.8,
      targetSeconds: num('target-seconds', 0, 86_400) ?? 20,
      shrinkage: num('shrinkage', 0, 1, { optional: true, openMax: true }) ?? 0,
      maxOccupancy: num('max-occupancy', 0, 1, { optional: true, openMin: true }) ?? 1,
      patienceSeconds: num('patience-seconds', 0, 86_400, { optional: true, openMin: true }),
      maxAbandonRate: num('max-abandon-rate', 0, 1, { optional: true }) ?? DEFAULT_MAX_ABANDON_RATE,
      shortAbandonSeconds: num('short-abandon-seconds', 0, 86_400, { optional: true }) ?? 0,
    };
    // Without a patience nobody hangs up: a limit on hang-ups would be silently ignored.
    for (const flag of ['max-abandon-rate', 'short-abandon-seconds']) {
      if (values[flag] !== undefined && input.patienceSeconds === null) throw new UsageError(`--${flag} needs --patience-seconds (without a patience nobody hangs up)`, usage);
    }
    const agents = num('agents', 0, 1_000_000, { optional: true, integer: true });
    const r = agents === null ? requiredAgents(input) : evaluateAgents(input, agents);
    const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null);
    const out = {
      traffic: round(r.traffic),
      agents: r.agents,
      scheduled: r.scheduled,
      serviceLevel: round(r.serviceLevel),
      probWait: round(r.probWait),
      asa: round(r.asa),
      occupancy: round(r.occupancy),
      ...(r.abandonRate === undefined ? {} : { abandonRate: round(r.abandonRate) }),
      ...(r.belowLoadReason === undefined ? {} : { belowLoadReason: describeBelowLoad(r, input.maxAbandonRate) }),
    };
    io.out(`${JSON.stringify(out)}\n`);
    return EXIT_OK;
  },
};
