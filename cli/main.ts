import { parseArgs } from 'node:util';
import { UserError } from '../core/errors';
import { appVersion } from './app-version';
import type { Command } from './command';
import { exportIcsCommand, publishCommand } from './commands/calendar';
import { exportPeopleCommand, exportReportCommand, exportRosterCommand } from './commands/export';
import { backupCommand, checkCommand, initCommand, restoreCommand } from './commands/file';
import { forecastCommand } from './commands/forecast';
import { hubCommand, hubInviteCommand, hubTeamCommand } from './commands/hub';
import { importAbsencesCommand, importPeopleCommand, importRosterCommand, importVolumeCommand } from './commands/import';
import { oncallCommand } from './commands/oncall';
import { scheduleCommand } from './commands/schedule';
import { serveCommand } from './commands/serve';
import { hoursCommand, staffingCommand } from './commands/staffing';
import { teamAddCommand, teamListCommand } from './commands/team';
import { EXIT_OK, EXIT_USAGE, EXIT_USER_ERROR, UsageError, type CliIo } from './io';

/**
 * `rosterdesk`: the planner on the command line. Commands, flags and JSON shapes
 * are a public interface (README "Command line"): extend, never change.
 * Exit 0 on success, 1 on a user error (one line on stderr), 2 on bad usage.
 */

const help = { help: { type: 'boolean', short: 'h' } } as const;

// The order here is the order of the main help.
const COMMANDS: Record<string, Command> = {
  init: initCommand,
  serve: serveCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'team add': teamAddCommand,
  'team list': teamListCommand,
  'import people': importPeopleCommand,
  'import absences': importAbsencesCommand,
  'import volume': importVolumeCommand,
  'import roster': importRosterCommand,
  'export roster': exportRosterCommand,
  'export people': exportPeopleCommand,
  'export report': exportReportCommand,
  'export ics': exportIcsCommand,
  publish: publishCommand,
  forecast: forecastCommand,
  schedule: scheduleCommand,
  hours: hoursCommand,
  staffing: staffingCommand,
  oncall: oncallCommand,
  check: checkCommand,
  hub: hubCommand,
  'hub team': hubTeamCommand,
  'hub invite': hubInviteCommand,
};

function mainHelp(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.split(' --')[0]?.length ?? 0));
  return [
    `rosterdesk ${appVersion()} — shift, on-call and staffing planner`,
    '',
    'Usage:',
    ...Object.values(COMMANDS).map((c) => `  ${(c.usage.split(' --')[0] ?? '').padEnd(width)}  ${c.summary}`),
    '',
    'Run "rosterdesk COMMAND --help" for the options of a command.',
    'Exit status: 0 success, 1 a problem with the data or file (one line on stderr), 2 bad usage.',
    '',
  ].join('\n');
}

function commandHelp(c: Command): string {
  return `${c.summary}\n\nUsage: ${c.usage}\n`;
}

/** Runs the CLI in-process; returns the exit code instead of exiting, so tests can call it. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, second] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    io.out(mainHelp());
    return first ? EXIT_OK : EXIT_USAGE;
  }
  if (first === '--version' || first === '-v') {
    io.out(`${appVersion()}\n`);
    return EXIT_OK;
  }
  const key = second && COMMANDS[`${first} ${second}`] ? `${first} ${second}` : first;
  const command = COMMANDS[key];
  if (!command) {
    const groups = Object.keys(COMMANDS).filter((k) => k.startsWith(`${first} `));
    io.err(groups.length ? `rosterdesk ${first}: expected one of: ${groups.map((g) => g.split(' ')[1]).join(', ')}\n` : `rosterdesk: unknown command "${first}"\n`);
    io.err(`Run "rosterdesk --help" for the list of commands.\n`);
    return EXIT_USAGE;
  }
  const rest = argv.slice(key.split(' ').length);
  try {
    const parsed = parseArgs({ args: [...rest], options: { ...command.options, ...help }, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      io.out(commandHelp(command));
      return EXIT_OK;
    }
    if (parsed.positionals.length !== command.positionals) {
      throw new UsageError(
        command.positionals === 0 ? `unexpected argument "${parsed.positionals[0] ?? ''}"` : `expected ${command.positionals} argument(s), got ${parsed.positionals.length}`,
        command.usage,
      );
    }
    return await command.run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals }, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`rosterdesk ${key}: ${err.message}\nUsage: ${err.help}\n`);
      return EXIT_USAGE;
    }
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`rosterdesk ${key}: ${(err as Error).message}\nUsage: ${command.usage}\n`);
      return EXIT_USAGE;
    }
    if (err instanceof UserError) {
      io.err(`rosterdesk ${key}: ${err.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return EXIT_USER_ERROR;
    }
    io.err(`rosterdesk ${key}: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_USER_ERROR;
  }
}
