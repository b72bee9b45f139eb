import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toCsv } from '../core/csv';
import { IMPORT_MAX_BYTES, LANGUAGES, type Language } from '../core/contract';
import { toApiError, UserError, type ApiError } from '../core/errors';
import { decodeText, TEXT_ENCODINGS, type TextEncodingChoice } from '../core/text-decode';
import { csvDialect, dialectProblem, type CsvDialect } from '../core/spreadsheet-format';
import { DEFAULT_MAX_ABANDON_RATE, describeBelowLoad, evaluateAgents, requiredAgents } from '../core/erlang';
import { FORECAST_METHODS, ForecastError, forecastReport, type Accuracy, type ForecastMethod } from '../core/forecast';
import { DAY_NAMES, formatOpeningHours, parseOpeningHours, type ChannelHoursInput } from '../core/opening-hours';
import { parseVolumeCsv } from '../core/volume-import';
import { zoneClock } from '../core/zone-clock';
import { matchTeamName, type Team } from '../core/team';
import { isPlainDate, isTimeZone, startOfWeek, todayIn } from '../core/time';
import { openPlanner } from '../db/open';
import { REPORTS, type ReportKind } from '../core/report-tables';
import { createService, slowCallLogFromEnv, type Service } from '../db/service';
import { appVersion, projectRoot } from './app-version';
import { EXIT_OK, EXIT_USAGE, EXIT_USER_ERROR, UsageError, type CliIo } from './io';
import { ensureRendererBuilt } from './renderer-build';
import { startServer } from './serve';
import { isDamage, refusedPlanner, type RefusedPlanner } from '../db/refused';
import { restoreBackup, rollingBackup, scheduleBackups, writeBackup } from '../db/backup';

/**
 * `rosterdesk`: the planner on the command line. Commands, flags and JSON shapes
 * are a public interface (README "Command line"): extend, never change.
 * Exit 0 on success, 1 on a user error (one line on stderr), 2 on bad usage.
 */

type Options = NonNullable<ParseArgsConfig['options']>;

interface Command {
  usage: string;
  summary: string;
  options: Options;
  positionals: number;
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, io: CliIo): Promise<number> | number;
}

const dbOption = { db: { type: 'string' } } as const;
const help = { help: { type: 'boolean', short: 'h' } } as const;

/** --language for files written for a person: one of the app's languages; absent, null (the service takes the saved UI language, else the team locale's). */
function languageOption(values: Record<string, unknown>, usage: string): Language | null {
  const v = values.language;
  if (v === undefined) return null;
  if (typeof v !== 'string' || !(LANGUAGES as readonly string[]).includes(v)) throw new UsageError(`--language must be one of ${LANGUAGES.join(', ')}, not "${String(v)}"`, usage);
  return v as Language;
}

function requireString(values: Record<string, unknown>, name: string, usage: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`, usage);
  return v;
}

function withService<T>(dbPath: string, work: (s: Service) => T, create = false): T {
  const service = createService(openPlanner(dbPath, { create }), { appVersion: appVersion() });
  try {
    return work(service);
  } finally {
    service.close();
  }
}

/** --person EMAIL and --oncall ROTATION, as ids within the team. */
function selectionOf(s: Service, team: Team, values: Record<string, unknown>): { personId: number | null; rotationId: number | null } {
  const email = typeof values.person === 'string' ? values.person : null;
  const person = email === null ? null : s.run('person.list', { teamId: team.id, includeArchived: true }).find((p) => (p.email ?? '').toLowerCase() === email.toLowerCase());
  if (email !== null && !person) throw new UserError('not_found', `--person: nobody in "${team.name}" has the email ${email}`);
  const rotationName = typeof values.oncall === 'string' ? values.oncall : null;
  const rotation = rotationName === null ? null : s.run('rotation.list', { teamId: team.id }).find((r) => r.name.toLocaleLowerCase() === rotationName.toLocaleLowerCase());
  if (rotationName !== null && !rotation) throw new UserError('not_found', `--oncall: "${team.name}" has no on-call rotation called ${rotationName}`);
  return { personId: person?.id ?? null, rotationId: rotation?.id ?? null };
}

function teamByName(s: Service, name: string): Team {
  const team = matchTeamName(s.run('team.list', {}), name);
  if (!team) {
    const names = s.run('team.list', {}).map((t) => t.name);
    throw new UserError('not_found', `There is no team called "${name}"${names.length ? ` (teams: ${names.join(', ')})` : ' (the file has no teams yet)'}`);
  }
  return team;
}

/**
 * A file the user named to import, or a clear error naming it: only a regular file (a directory,
 * device or pipe is refused before it is opened, so /dev/zero cannot fill the memory), at most
 * `maxBytes` (stated in the message), and never more than that read.
 */
function readBytes(file: string, maxBytes: number): Buffer {
  const limit = `${Math.round(maxBytes / 1_000_000)} MB`;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UserError('not_found', `Cannot read ${file}`);
  }
  if (!stat.isFile()) {
    const what = stat.isDirectory() ? 'a folder' : stat.isFIFO() ? 'a pipe' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'not a regular file';
    throw new UserError('not_a_file', `${file} is ${what}; give the path of a file to import`);
  }
  if (stat.size > maxBytes) throw new UserError('too_large', `${file} is ${Math.ceil(stat.size / 1_000_000)} MB; this import reads at most ${limit}`);
  const fd = fs.openSync(file, 'r');
  try {
    // One byte more than the file said it had: a file that grew while read past the limit is refused.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let read = 0;
    while (read < buffer.length) {
      const n = fs.readSync(fd, buffer, read, buffer.length - read, null);
      if (n === 0) break;
      read += n;
    }
    if (read > stat.size) throw new UserError('file_changed', `${file} grew while it was read; import it again once it is written`);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

const encodingFlag = { encoding: { type: 'string' } } as const;
const dialectFlags = { separator: { type: 'string' }, decimal: { type: 'string' } } as const;

/** --encoding: what the file to import is in; auto (default) reads its byte-order mark, then UTF-8, then the team locale's Windows code page. */
function encodingOption(values: Record<string, unknown>, usage: string): TextEncodingChoice {
  const v = values.encoding ?? 'auto';
  const name = typeof v === 'string' ? v.toLowerCase().replace(/^(cp|windows)-?(125\d)$/, 'windows-$2').replace(/^utf-?8$/, 'utf-8').replace(/^utf-?16-?(le|be)$/, 'utf-16$1') : '';
  if (!(TEXT_ENCODINGS as readonly string[]).includes(name)) throw new UsageError(`--encoding must be one of ${TEXT_ENCODINGS.join(', ')}, not "${String(v)}"`, usage);
  return name as TextEncodingChoice;
}

/** A file's text as the import reads it (core decodeText, as the service reads bytes); one that cannot be decoded is refused with its line. */
function importedText(io: CliIo, file: string, bytes: Uint8Array, encoding: TextEncodingChoice, locale: string): string {
  try {
    return decodeText(bytes, { encoding, locale }).text;
  } catch (err) {
    if (err instanceof UserError) throw importFailure(io, file, toApiError(err));
    throw err;
  }
}

const SEPARATOR_FLAG: Record<string, CsvDialect['separator']> = { comma: ',', ',': ',', semicolon: ';', ';': ';', tab: '\t' };
const DECIMAL_FLAG: Record<string, CsvDialect['decimal']> = { point: '.', '.': '.', dot: '.', comma: ',', ',': ',' };

/**
 * --separator comma|semicolon|tab and --decimal point|comma of a CSV export; without them null (the
 * service writes the dialect of the saved app language, else of the team's locale). One given alone
 * takes the other from that language unless both would be a comma.
 */
function dialectOption(values: Record<string, unknown>, usage: string, s: Service, team: Team): CsvDialect | null {
  const sep = values.separator;
  const dec = values.decimal;
  if (sep === undefined && dec === undefined) return null;
  const separator = typeof sep === 'string' ? SEPARATOR_FLAG[sep.toLowerCase()] : undefined;
  const decimal = typeof dec === 'string' ? DECIMAL_FLAG[dec.toLowerCase()] : undefined;
  if (sep !== undefined && !separator) throw new UsageError(`--separator must be comma, semicolon or tab, not "${String(sep)}"`, usage);
  if (dec !== undefined && !decimal) throw new UsageError(`--decimal must be point or comma, not "${String(dec)}"`, usage);
  const base = csvDialect(s.run('settings.get', {}).language ?? team.locale);
  const dialect: CsvDialect = {
    separator: separator ?? (decimal === ',' && base.separator === ',' ? ';' : base.separator),
    decimal: decimal ?? (separator === ',' ? '.' : base.decimal),
  };
  const problem = dialectProblem(dialect);
  if (problem) throw new UsageError(`--separator, --decimal: ${problem}`, usage);
  return dialect;
}

/** A refused import: every bad line on stderr with its number, then the one-line summary last. */
function importFailure(io: CliIo, file: string, error: ApiError): UserError {
  for (const l of error.lines ?? []) io.err(`${file}:${l.line}: ${l.message}\n`);
  return new UserError(error.code, error.lines?.length ? `${error.lines.length} problem(s) in ${file}; nothing was imported` : error.message);
}

/** A CSV import command: the file read whole, every bad line on stderr with its number, all or nothing. */
function csvImportCommand(usage: string, summary: string, method: 'person.import' | 'absence.import', noun: string): Command {
  return {
    usage,
    summary,
    options: { ...dbOption, team: { type: 'string' }, ...encodingFlag },
    positionals: 1,
    run: ({ values, positionals }, io) => {
      const db = requireString(values, 'db', usage);
      const teamName = requireString(values, 'team', usage);
      const encoding = encodingOption(values, usage);
      const csvPath = positionals[0] ?? '';
      const bytes = readBytes(csvPath, method === 'person.import' ? IMPORT_MAX_BYTES.people : IMPORT_MAX_BYTES.absences);
      return withService(db, (s) => {
        const team = teamByName(s, teamName);
        const csv = importedText(io, csvPath, bytes, encoding, team.locale);
        const result = s.call(method, { teamId: team.id, csv });
        if (!result.ok) throw importFailure(io, csvPath, result.error);
        io.out(`Imported ${result.value.created} ${noun} into "${team.name}"\n`);
        return EXIT_OK;
      });
    },
  };
}

const TEAM_FLAGS: Record<string, string> = {
  name: 'NAME',
  timeZone: '--tz',
  country: '--country',
  locale: '--locale',
  weekStart: '--week-start',
  currency: '--currency',
};

const COMMANDS: Record<string, Command> = {
  init: {
    usage: 'rosterdesk init --db FILE [--demo]',
    summary: 'Create a new planner file (with the demo team if --demo)',
    options: { ...dbOption, demo: { type: 'boolean' } },
    positionals: 0,
    run: ({ values }, io) => {
      const db = requireString(values, 'db', COMMANDS.init?.usage ?? '');
      if (fs.existsSync(db) && fs.statSync(db).size > 0) throw new UserError('exists', `${db} already exists; init never overwrites a file`);
      return withService(
        db,
        (s) => {
          if (values.demo) {
            const team = s.run('demo.create', {});
            const people = s.run('person.list', { teamId: team.id }).length;
            io.out(`Created ${path.resolve(db)} with the demo team "${team.name}" (${people} people)\n`);
          } else io.out(`Created ${path.resolve(db)}\n`);
          return EXIT_OK;
        },
        true,
      );
    },
  },
  serve: {
    usage: 'rosterdesk serve --db FILE [--port N]',
    summary: 'Open the planner in a browser: serves the UI and API on 127.0.0.1 with a per-run token',
    options: { ...dbOption, port: { type: 'string' } },
    positionals: 0,
    run: async ({ values }, io) => {
      const usage = COMMANDS.serve?.usage ?? '';
      const db = requireString(values, 'db', usage);
      const portText = typeof values.port === 'string' ? values.port : '0';
      if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}"`, usage);
      // ROSTERDESK_RENDERER_DIR: serve another build of the UI (a developer's work in progress, side by side with the main one).
      const rendererDir = process.env.ROSTERDESK_RENDERER_DIR || (await ensureRendererBuilt(projectRoot(), io));
      // A second window on a file another Rosterdesk has open shows it read-only and says why.
      const open = () => createService(openPlanner(db, { ifInUse: 'read-only' }), { appVersion: appVersion(), ...slowCallLogFromEnv() });
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
      };
      try {
        opened(open());
      } catch (err) {
        // A damaged planner: the browser shows why and its backups, and restoring one opens it.
        if (!isDamage(err)) throw err;
        refused = refusedPlanner(db, err, { onRestored: () => opened(open()) });
        io.err(`${err.message}\nThe browser shows its backups to restore from.\n`);
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
  },
  backup: {
    usage: 'rosterdesk backup --db FILE --out FILE',
    summary: 'Write a consistent copy of a planner file (safe while the app has it open)',
    options: { ...dbOption, out: { type: 'string' } },
    positionals: 0,
    run: async ({ values }, io) => {
      const usage = COMMANDS.backup?.usage ?? '';
      const db = requireString(values, 'db', usage);
      const out = requireString(values, 'out', usage);
      // Reading only, without taking the file: a backup may be made while the app has it open.
      const planner = openPlanner(db, { create: false, readOnly: true });
      try {
        await writeBackup(planner.db, out);
      } finally {
        planner.db.close();
        planner.release();
      }
      io.out(`Backed up ${planner.filePath} to ${out}\n`);
      return EXIT_OK;
    },
  },
  restore: {
    usage: 'rosterdesk restore --db FILE --from BACKUP',
    summary: 'Put a backup in place of a planner file (close the app first); the current file is kept as a safety copy',
    options: { ...dbOption, from: { type: 'string' } },
    positionals: 0,
    run: ({ values }, io) => {
      const usage = COMMANDS.restore?.usage ?? '';
      const db = requireString(values, 'db', usage);
      const from = requireString(values, 'from', usage);
      const { safetyCopy } = restoreBackup(from, db, new Date());
      io.out(`Restored ${db} from ${from}${safetyCopy ? `; the file as it was is kept as ${safetyCopy}` : ''}\n`);
      return Promise.resolve(EXIT_OK);
    },
  },
  'team add': {
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
      const usage = COMMANDS['team add']?.usage ?? '';
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
  },
  'team list': {
    usage: 'rosterdesk team list --db FILE [--json]',
    summary: 'List the teams',
    options: { ...dbOption, json: { type: 'boolean' } },
    positionals: 0,
    run: ({ values }, io) => {
      const db = requireString(values, 'db', COMMANDS['team list']?.usage ?? '');
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
  },
  'import people': csvImportCommand(
    'rosterdesk import people FILE.csv --db FILE --team NAME [--encoding auto|utf-8|windows-1254|windows-1250|windows-1256|utf-16le|utf-16be]',
    'Import people from CSV (name,email,phone,skills,contract_hours,hourly_rate[,color]); all or nothing',
    'person.import',
    'people',
  ),
  'import absences': csvImportCommand(
    'rosterdesk import absences FILE.csv --db FILE --team NAME [--encoding auto|utf-8|windows-1254|windows-1250|windows-1256|utf-16le|utf-16be]',
    'Import absences from CSV (person,type,start,end[,hours,status,note]; status defaults to approved); all or nothing',
    'absence.import',
    'absences',
  ),
  'import volume': {
    usage: 'rosterdesk import volume FILE.csv --db FILE --team NAME [--channel NAME] [--tz ZONE] [--encoding NAME]',
    summary: 'Import ticket history: a help-desk export (Zendesk, Freshdesk: one row per ticket) or interval rows; all or nothing',
    options: { ...dbOption, team: { type: 'string' }, channel: { type: 'string' }, tz: { type: 'string' }, ...encodingFlag },
    positionals: 1,
    run: ({ values, positionals }, io) => {
      const usage = COMMANDS['import volume']?.usage ?? '';
      const db = requireString(values, 'db', usage);
      const teamName = requireString(values, 'team', usage);
      const encoding = encodingOption(values, usage);
      const csvPath = positionals[0] ?? '';
      const bytes = readBytes(csvPath, IMPORT_MAX_BYTES.tickets);
      return withService(db, (s) => {
        const team = teamByName(s, teamName);
        const csv = importedText(io, csvPath, bytes, encoding, team.locale);
        const channel = typeof values.channel === 'string' ? values.channel.trim().toLowerCase() : null;
        const timeZone = typeof values.tz === 'string' ? values.tz : null;
        const result = s.call('volume.import', { teamId: team.id, csv, channel, timeZone });
        if (!result.ok) {
          const flag = result.error.path[0] === 'timeZone' ? '--tz' : result.error.path[0] === 'channel' ? '--channel' : null;
          throw importFailure(io, csvPath, flag ? { ...result.error, message: `${flag}: ${result.error.message}` } : result.error);
        }
        const v = result.value;
        io.out(`Imported ${v.rows} ${v.kind === 'tickets' ? 'tickets' : 'interval rows'} into "${team.name}" as ${v.intervals} intervals (${v.channels.join(', ')}) from ${v.from ?? '-'} to ${v.to ?? '-'}${v.replaced ? `, replacing ${v.replaced} stored intervals` : ''}\n`);
        return EXIT_OK;
      });
    },
  },
  'import roster': {
    usage: 'rosterdesk import roster FILE.csv|FILE.xlsx --db FILE --team NAME [--encoding NAME]',
    summary: 'Import shifts (columns person,date,code or person,date,start,end); all or nothing',
    options: { ...dbOption, team: { type: 'string' }, ...encodingFlag },
    positionals: 1,
    run: async ({ values, positionals }, io) => {
      const usage = COMMANDS['import roster']?.usage ?? '';
      const db = requireString(values, 'db', usage);
      const teamName = requireString(values, 'team', usage);
      const file = positionals[0] ?? '';
      const encoding = encodingOption(values, usage);
      const bytes = readBytes(file, IMPORT_MAX_BYTES.roster);
      // An .xlsx file is a zip archive: trust its first bytes over its name.
      const xlsx = bytes.subarray(0, 2).toString('latin1') === 'PK';
      const service = createService(openPlanner(db, { create: false }), { appVersion: appVersion() });
      try {
        const team = teamByName(service, teamName);
        const data = xlsx ? bytes.toString('base64') : importedText(io, file, bytes, encoding, team.locale);
        const result = await service.callAsync('roster.import', { teamId: team.id, format: xlsx ? 'xlsx' : 'csv', data });
        if (!result.ok) throw importFailure(io, file, result.error);
        io.out(`Imported ${result.value.created} shifts into "${team.name}" (${result.value.removed} replaced)\n`);
        return EXIT_OK;
      } finally {
        service.close();
      }
    },
  },
  'export roster': {
    usage: 'rosterdesk export roster --db FILE --team NAME --from YYYY-MM-DD --to YYYY-MM-DD --format csv|xlsx --out FILE [--separator comma|semicolon|tab] [--decimal point|comma]',
    summary: 'Export the shifts of a range as CSV or XLSX (imports back unchanged)',
    options: { ...dbOption, team: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...dialectFlags },
    positionals: 0,
    run: async ({ values }, io) => {
      const usage = COMMANDS['export roster']?.usage ?? '';
      const db = requireString(values, 'db', usage);
      const teamName = requireString(values, 'team', usage);
      const from = requireString(values, 'from', usage);
      const to = requireString(values, 'to', usage);
      const out = requireString(values, 'out', usage);
      const format = values.format ?? (out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
      if (format !== 'csv' && format !== 'xlsx') throw new UsageError(`--format must be csv or xlsx, not "${String(format)}"`, usage);
      const service = createService(openPlanner(db, { create: false }), { appVersion: appVersion() });
      try {
        const team = teamByName(service, teamName);
        const result = await service.callAsync('roster.export', { teamId: team.id, from, to, format, csv: dialectOption(values, usage, service, team) });
        if (!result.ok) throw new UserError(result.error.code, `--${String(result.error.path[0] ?? 'from')}: ${result.error.message}`);
        fs.writeFileSync(out, Buffer.from(result.value.data, result.value.encoding));
        io.out(`Wrote ${result.value.rows} shifts to ${out}\n`);
        return EXIT_OK;
      } finally {
        service.close();
      }
    },
  },
  'export people': {
    usage: 'rosterdesk export people --db FILE --team NAME --out FILE.csv [--archived] [--separator comma|semicolon|tab] [--decimal point|comma]',
    summary: 'Write the people CSV of a team (the columns import people reads; imports back unchanged)',
    options: { ...dbOption, team: { type: 'string' }, out: { type: 'string' }, archived: { type: 'boolean' }, ...dialectFlags },
    positionals: 0,
    run: ({ values }, io) => {
      const usage = COMMANDS['export people']?.usage ?? '';
      const db = requireString(values, 'db', usage);
      const teamName = requireString(values, 'team', usage);
      const out = requireString(values, 'out', usage);
      return withService(db, (s) => {
        const team = teamByName(s, teamName);
        const file = s.run('person.export', { teamId: team.id, includeArchived: values.archived === true, csv: dialectOption(values, usage, s, team) });
        fs.writeFileSync(out, file.data, 'utf8');
        io.out(`Wrote ${file.rows} people to ${out}\n`);
        return EXIT_OK;
      });
    },
  },
  'export report': {
    usage: 'rosterdesk export report hours|oncall|absences|absence-stats|service-level|accuracy --db FILE --team NAME (--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD) [--by week|month] [--calendar gregorian|persian] [--format csv|xlsx] [--out FILE] [--separator comma|semicolon|tab] [--decimal point|comma]',
    summary: "Write one of the Reports page's spreadsheets (the same figures as the app); CSV goes to stdout without --out",
    options: { ...dbOption, team: { type: 'string' }, month: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' }, calendar: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...dialectFlags },
    positionals: 1,
    run: async ({ values, positionals }, io) => {
      const usage = COMMANDS['export report']?.usage ?? '';
      const report = positionals[0] ?? '';
      if (!(REPORTS as readonly string[]).includes(report)) throw new UsageError(`the report must be one of ${REPORTS.join(', ')}, not "${report}"`, usage);
      const db = requireString(values, 'db', usage);
      const teamName = requireString(values, 'team', usage);
      const out = typeof values.out === 'string' && values.out !== '' ? values.out : null;
      const format = values.format ?? (out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
      if (format !== 'csv' && format !== 'xlsx') throw new UsageError(`--format must be csv or xlsx, not "${String(format)}"`, usage);
      if (format === 'xlsx' && out === null) throw new UsageError('an XLSX file needs --out', usage);
      const by = values.by ?? 'week';
      if (by !== 'week' && by !== 'month') throw new UsageError(`--by must be week or month, not "${String(by)}"`, usage);
      // --by month sums the months of this calendar (Solar Hijri: 1405-09 is Azar).
      const calendar = values.calendar ?? 'gregorian';
      if (calendar !== 'gregorian' && calendar !== 'persian') throw new UsageError(`--calendar must be gregorian or persian, not "${String(calendar)}"`, usage);
      // The month or the days go to the service as given: it alone turns a month into its days.
      const days = {
        ...(typeof values.month === 'string' ? { month: values.month } : {}),
        ...(typeof values.from === 'string' ? { from: values.from } : {}),
        ...(typeof values.to === 'string' ? { to: values.to } : {}),
      };
      const service = createService(openPlanner(db, { create: false }), { appVersion: appVersion() });
      try {
        const team = teamByName(service, teamName);
        const result = await service.callAsync('report.export', { teamId: team.id, report: report as ReportKind, ...days, by, calendar, format, csv: dialectOption(values, usage, service, team) });
        if (!result.ok) {
          // Name the flag, not the API field (an input check says "from: …").
          const field = String(result.error.path[0] ?? 'from');
          throw new UserError(result.error.code, `--${field}: ${result.error.message.replace(`${result.error.path.join('.')}: `, '')}`);
        }
        const bytes = Buffer.from(result.value.data, result.value.encoding);
        // The byte-order mark is for Excel opening a file; a program reading standard output gets the text alone.
        if (out === null) io.out(bytes.toString('utf8').replace(/^\ufeff/, ''));
        else {
          fs.writeFileSync(out, bytes);
          io.out(`Wrote ${result.value.rows} rows to ${out}\n`);
        }
        return EXIT_OK;
      } finally {
        service.close();
      }
    },
  },
  'export ics': {
    usage: 'rosterdesk export ics --db FILE --team NAME [--person EMAIL] [--oncall ROTATION] [--absences] [--language en|tr|pl|fa] --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.ics',
    summary: "Write an iCalendar file: the team's shifts, one person's (with on-call), or a rotation's turns; --absences adds approved leave; --language (default: the app's language, else the team's)",
    options: { ...dbOption, team: { type: 'string' }, person: { type: 'string' }, oncall: { type: 'string' }, absences: { type: 'boolean' }, language: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
    positionals: 0,
    run: async ({ values }, io) => {
      const usage = COMMANDS['export ics']?.usage ?? '';
      const db = requireString(values, 'db', usage);
      const teamName = requireString(values, 'team', usage);
      const from = requireString(values, 'from', usage);
      const to = requireString(values, 'to', usage);
      const out = requireString(values, 'out', usage);
      const language = languageOption(values, usage);
      const service = createService(openPlanner(db, { create: false }), { appVersion: appVersion() });
      try {
        const team = teamByName(service, teamName);
        const { personId, rotationId } = selectionOf(service, team, values);
        const result = await service.callAsync('calendar.export', { teamId: team.id, from, to, personId, rotationId, absences: values.absences === true, language });
        if (!result.ok) throw new UserError(result.error.code, `--${String(result.error.path[0] ?? 'from')}: ${result.error.message}`);
        fs.writeFileSync(out, result.value.data, 'utf8');
        io.out(`Wrote ${result.value.events} events to ${out}\n`);
        return EXIT_OK;
      } finally {
        service.close();
      }
    },
  },
  publish: {
    usage: 'rosterdesk publish --db FILE --team NAME --url URL --user U [--person EMAIL] [--oncall ROTATION] [--absences] [--language en|tr|pl|fa] [--from YYYY-MM-DD --to YYYY-MM-DD] [--force]',
    summary: 'Publish shifts (or a person\'s, or a rotation\'s) to a CalDAV calendar; the password comes from ROSTERDESK_CALDAV_PASSWORD',
    options: { ...dbOption, team: { type: 'string' }, url: { type: 'string' }, user: { type: 'string' }, person: { type: 'string' }, oncall: { type: 'string' }, absences: { type: 'boolean' }, language: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' } },
    positionals: 0,
    run: async ({ values }, io) => {
      const usage = COMMANDS.publish?.usage ?? '';
      const db = requireString(values, 'db', usage);
      const teamName = requireString(values, 'team', usage);
      const url = requireString(values, 'url', usage);
      const user = requireString(values, 'user', usage);
      const password = process.env.ROSTERDESK_CALDAV_PASSWORD;
      // Never on the command line, where other users of the machine can read it.
      if (password === undefined) throw new UsageError('Set the password in the ROSTERDESK_CALDAV_PASSWORD environment variable', usage);
      if ((values.from === undefined) !== (values.to === undefined)) throw new UsageError('--from and --to go together', usage);
      const language = languageOption(values, usage);
      const service = createService(openPlanner(db, { create: false }), { appVersion: appVersion() });
      try {
        const team = teamByName(service, teamName);
        const { personId, rotationId } = selectionOf(service, team, values);
        const thisWeek = startOfWeek(todayIn(team.timeZone), team.weekStart);
        const from = typeof values.from === 'string' ? values.from : thisWeek.toString();
        const to = typeof values.to === 'string' ? values.to : thisWeek.add({ weeks: 8 }).subtract({ days: 1 }).toString();
        // The same URL, user and selection is the same target: it remembers what it has sent.
        const collection = url.endsWith('/') ? url : `${url}/`;
        const absences = values.absences === true;
        const existing = service.run('caldav.list', { teamId: team.id }).find((x) => x.url === collection && x.username === user && x.personId === personId && x.rotationId === rotationId);
        let target = existing;
        if (!target || target.absences !== absences) {
          const saved = service.call('caldav.save', { teamId: team.id, id: existing?.id ?? null, url, username: user, personId, rotationId, absences });
          if (!saved.ok) throw new UserError(saved.error.code, `--${saved.error.path[0] === 'username' ? 'user' : 'url'}: ${saved.error.message}`);
          target = saved.value;
        }
        const result = await service.callAsync('caldav.publish', { targetId: target.id, from, to, password, language, force: values.force === true });
        if (!result.ok) throw new UserError(result.error.code, result.error.message);
        const r = result.value;
        io.out(`Published ${from} – ${to} to ${target.url}: ${r.created} new, ${r.updated} changed, ${r.deleted} deleted, ${r.unchanged} unchanged\n`);
        const left = r.changedOnServer;
        if (left.length === 0) return EXIT_OK;
        // The calendar is not the plan yet: status 1, as `check` gives for problems found, so a scheduled run is noticed.
        const one = left.length === 1;
        io.err(`${left.length} ${one ? 'event was' : 'events were'} changed on the calendar server since the last publish and ${one ? 'was left as it is' : 'were left as they are'} there:\n`);
        for (const c of left) io.err(`  ${c.day} ${c.summary ?? 'no longer in the plan (--force deletes it)'} (${c.uid})\n`);
        io.err(`Publish again with --force to overwrite ${one ? 'it' : 'them'} with the plan.\n`);
        return EXIT_USER_ERROR;
      } finally {
        service.close();
      }
    },
  },
  forecast: {
    usage:
      'rosterdesk forecast (--db FILE --team NAME --channel NAME | --history FILE.csv [--tz ZONE] [--encoding NAME]) --from YYYY-MM-DD --weeks N --interval 15|30|60 [--method auto|seasonal-naive|weekday-profile|trend-profile] [--format csv|json] [--backtest]',
    summary: 'Forecast ticket volume per interval (interval_start,volume), or with --backtest the accuracy of each method',
    options: {
      ...dbOption,
      team: { type: 'string' },
      channel: { type: 'string' },
      history: { type: 'string' },
      ...encodingFlag,
      tz: { type: 'string' },
      from: { type: 'string' },
      weeks: { type: 'string' },
      interval: { type: 'string' },
      method: { type: 'string' },
      format: { type: 'string' },
      backtest: { type: 'boolean' },
    },
    positionals: 0,
    run: ({ values }, io) => {
      const usage = COMMANDS.forecast?.usage ?? '';
      const from = requireString(values, 'from', usage);
      if (!isPlainDate(from)) throw new UsageError(`--from must be a real date written YYYY-MM-DD, not "${from}"`, usage);
      const weeksText = requireString(values, 'weeks', usage);
      const weeks = Number(weeksText);
      if (!Number.isInteger(weeks) || weeks < 1 || weeks > 12) throw new UsageError(`--weeks must be a whole number from 1 to 12, not "${weeksText}"`, usage);
      const intervalText = requireString(values, 'interval', usage);
      const intervalMinutes = Number(intervalText);
      if (intervalMinutes !== 15 && intervalMinutes !== 30 && intervalMinutes !== 60) throw new UsageError(`--interval must be 15, 30 or 60, not "${intervalText}"`, usage);
      const method = values.method ?? 'auto';
      if (method !== 'auto' && !(FORECAST_METHODS as readonly unknown[]).includes(method)) throw new UsageError(`--method must be auto or one of ${FORECAST_METHODS.join(', ')}, not "${String(method)}"`, usage);
      const format = values.format ?? 'csv';
      if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be csv or json, not "${String(format)}"`, usage);
      const options = { from, weeks, intervalMinutes: intervalMinutes as 15 | 30 | 60, method: method as ForecastMethod | 'auto' };

      let report: { method: string; accuracy: Accuracy[]; points: { start: string; volume: number }[] };
      if (typeof values.history === 'string') {
        if (typeof values.db === 'string') throw new UsageError('Give either --db (with --team and --channel) or --history, not both', usage);
        const file = values.history;
        // No team here: a file that is not UTF-8 is read in the code page of this computer's locale.
        const csv = importedText(io, file, readBytes(file, IMPORT_MAX_BYTES.tickets), encodingOption(values, usage), Intl.DateTimeFormat().resolvedOptions().locale);
        // Without --tz, the offset of the file's first timestamp is the clock (an export written in one zone).
        const offset = /[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})/.exec(csv.slice(0, 10_000))?.[1];
        const timeZone = typeof values.tz === 'string' ? values.tz : offset ? (offset === 'Z' ? 'UTC' : `${offset.slice(0, 3)}:${offset.slice(-2)}`) : 'UTC';
        if (!isTimeZone(timeZone) && !/^[+-]\d{2}:\d{2}$/.test(timeZone)) throw new UsageError(`--tz must be an IANA time zone such as Europe/Istanbul (or an offset such as +02:00), not "${timeZone}"`, usage);
        let rows;
        try {
          rows = parseVolumeCsv(csv, { channels: ['volume'], channel: 'volume', timeZone }).intervals;
        } catch (err) {
          if (err instanceof UserError) for (const l of err.lines ?? []) io.err(`${file}:${l.line}: ${l.message}\n`);
          throw err;
        }
        const clock = zoneClock(timeZone);
        try {
          const r = forecastReport(rows, clock, new Set(), options);
          report = { method: r.method, accuracy: r.accuracy, points: r.points.map((p) => ({ start: clock.iso(p.startUtc), volume: p.volume })) };
        } catch (err) {
          if (err instanceof ForecastError) throw new UserError('not_enough_history', err.message);
          throw err;
        }
      } else {
        const db = requireString(values, 'db', usage);
        const teamName = requireString(values, 'team', usage);
        const channel = requireString(values, 'channel', usage).trim().toLowerCase();
        report = withService(db, (s) => {
          const team = teamByName(s, teamName);
          const result = s.call('forecast.run', { teamId: team.id, channel, ...options });
          if (!result.ok) throw new UserError(result.error.code, result.error.message);
          return result.value;
        }, false);
      }
      if (values.backtest) {
        const rows = report.accuracy.map((a) => ({ ...a, chosen: a.method === report.method }));
        io.out(format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : toCsv([['method', 'wape', 'bias', 'weeks', 'chosen'], ...rows.map((a) => [a.method, a.wape, a.bias, a.weeks, a.chosen ? 'yes' : ''])]));
        return EXIT_OK;
      }
      io.out(format === 'json' ? `${JSON.stringify(report.points.map((p) => ({ interval_start: p.start, volume: p.volume })), null, 2)}\n` : toCsv([['interval_start', 'volume'], ...report.points.map((p) => [p.start, p.volume])]));
      return EXIT_OK;
    },
  },
  schedule: {
    usage: 'rosterdesk schedule --db FILE --team NAME --from YYYY-MM-DD --to YYYY-MM-DD [--time-limit S] [--dry-run]',
    summary: 'Generate a roster draft that meets the forecast within every rule (HiGHS); prints a JSON summary',
    options: { ...dbOption, team: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'time-limit': { type: 'string' }, 'dry-run': { type: 'boolean' } },
    positionals: 0,
    run: async ({ values }, io) => {
      const usage = COMMANDS.schedule?.usage ?? '';
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
  },
  hours: {
    usage: 'rosterdesk hours --db FILE --team NAME [--channel NAME (--set "mon-fri 08:00-20:00; sat 09:00-14:00" | --set closed | --always) [--holidays closed|open]]',
    summary: "Show each channel's opening hours, or set one channel's (outside them nobody is required)",
    options: { ...dbOption, team: { type: 'string' }, channel: { type: 'string' }, set: { type: 'string' }, always: { type: 'boolean' }, holidays: { type: 'string' } },
    positionals: 0,
    run: ({ values }, io) => {
      const usage = COMMANDS.hours?.usage ?? '';
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
  },
  staffing: {
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
      const usage = COMMANDS.staffing?.usage ?? '';
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
  },
  oncall: {
    usage: 'rosterdesk oncall --db FILE --team NAME [--rotation NAME] --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv]',
    summary: 'Print the final on-call schedule: who is on call from when to when (ISO 8601 with offsets)',
    options: { ...dbOption, team: { type: 'string' }, rotation: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' } },
    positionals: 0,
    run: ({ values }, io) => {
      const usage = COMMANDS.oncall?.usage ?? '';
      const db = requireString(values, 'db', usage);
      const teamName = requireString(values, 'team', usage);
      const from = requireString(values, 'from', usage);
      const to = requireString(values, 'to', usage);
      const format = values.format ?? 'json';
      if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, not "${String(format)}"`, usage);
      return withService(db, (s) => {
        const team = teamByName(s, teamName);
        let rotationId: number | null = null;
        if (typeof values.rotation === 'string') {
          const wanted = values.rotation;
          const all = s.run('rotation.list', { teamId: team.id });
          const found = matchTeamName(all, wanted);
          if (!found) throw new UserError('not_found', `${team.name} has no on-call rotation called "${wanted}"${all.length ? ` (rotations: ${all.map((r) => r.name).join(', ')})` : ''}`);
          rotationId = found.id;
        }
        const result = s.call('oncall.schedule', { teamId: team.id, rotationId, from, to });
        if (!result.ok) throw new UserError(result.error.code, `--${String(result.error.path[0] ?? 'from')}: ${result.error.message}`);
        const rows = result.value.map((b) => ({ rotation: b.rotation, person: b.person, start: b.start, end: b.end, layer: b.layer }));
        io.out(format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : toCsv([['rotation', 'person', 'start', 'end', 'layer'], ...rows.map((r) => [r.rotation, r.person, r.start, r.end, r.layer])]));
        return EXIT_OK;
      }, false);
    },
  },
  check: {
    usage: 'rosterdesk check --db FILE [--team NAME] [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]',
    summary: 'Check a planner file: its integrity, and the working-time rules of the rota (default: this week and the next three)',
    options: { ...dbOption, team: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
    positionals: 0,
    run: ({ values }, io) => {
      const usage = COMMANDS.check?.usage ?? '';
      const db = requireString(values, 'db', usage);
      const from = typeof values.from === 'string' ? values.from : undefined;
      const to = typeof values.to === 'string' ? values.to : undefined;
      if ((from === undefined) !== (to === undefined)) throw new UsageError('--from and --to go together', usage);
      return withService(db, (s) => {
        const report = s.run('file.check', {});
        const chosen = typeof values.team === 'string' ? [teamByName(s, values.team)] : s.run('team.list', {});
        const violations = chosen.flatMap((team) => {
          const range = from && to ? { from, to } : defaultCheckRange(team);
          const found = s.call('roster.check', { teamId: team.id, ...range });
          if (!found.ok) throw new UserError(found.error.code, `--${String(found.error.path[0] ?? 'from')}: ${found.error.message}`);
          return found.value.map((v) => ({ team: team.name, rule: v.rule, person: v.personName, day: v.day, message: v.message }));
        });
        const { integrity, teams, problems } = report;
        if (values.json) io.out(JSON.stringify({ ...report, violations }, null, 2) + '\n');
        else {
          io.out(`${report.file}: schema ${report.schemaVersion}, integrity ${integrity}\n`);
          for (const t of teams) io.out(`  ${t.name}: ${t.people} people\n`);
          for (const p of problems) io.out(`  problem: ${p}\n`);
          for (const v of violations) io.out(`${v.rule}\t${v.person}\t${v.day}\t${v.message}\n`);
          if (!problems.length && !violations.length) io.out('No problems found.\n');
        }
        const count = problems.length + violations.length;
        if (count) throw new UserError('problems', `${count} problem(s) found in ${report.file}`);
        return EXIT_OK;
      });
    },
  },
};

/** This week and the next three, in the team's own zone and week. */
function defaultCheckRange(team: Team): { from: string; to: string } {
  const start = startOfWeek(todayIn(team.timeZone), team.weekStart);
  return { from: start.toString(), to: start.add({ days: 27 }).toString() };
}

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
