import { IMPORT_MAX_BYTES } from '../../core/contract';
import { toCsv } from '../../core/csv';
import { UserError } from '../../core/errors';
import { FORECAST_METHODS, ForecastError, forecastReport, type Accuracy, type ForecastMethod } from '../../core/forecast';
import { isPlainDate, isTimeZone } from '../../core/time';
import { decodeText, type ByteSource, type DecodeOptions } from '../../core/text-decode';
import { readVolumeStream } from '../../core/volume-import';
import { zoneClock } from '../../core/zone-clock';
import type { Command } from '../command';
import { fileSource } from '../../db/import-file';
import { EXIT_OK, UsageError } from '../io';
import { dbOption, encodingFlag, encodingOption, requireString } from '../options';
import { teamByName, withService } from '../planner';

/** `rosterdesk forecast`: ticket volume ahead, from a team's history or a history file. */

export const forecastCommand: Command = {
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
    const usage = forecastCommand.usage;
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
      // Read a piece at a time, as `import volume` does: memory holds a piece and the intervals, never the file.
      const source = fileSource(file, IMPORT_MAX_BYTES.tickets);
      // No team here: a file that is not UTF-8 is read in the code page of this computer's locale.
      const decode = { encoding: encodingOption(values, usage), locale: Intl.DateTimeFormat().resolvedOptions().locale };
      // Without --tz, the offset of the file's first timestamp is the clock (an export written in one zone).
      const offset = /[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})/.exec(firstText(source, decode))?.[1];
      const timeZone = typeof values.tz === 'string' ? values.tz : offset ? (offset === 'Z' ? 'UTC' : `${offset.slice(0, 3)}:${offset.slice(-2)}`) : 'UTC';
      if (!isTimeZone(timeZone) && !/^[+-]\d{2}:\d{2}$/.test(timeZone)) throw new UsageError(`--tz must be an IANA time zone such as Europe/Istanbul (or an offset such as +02:00), not "${timeZone}"`, usage);
      let rows;
      try {
        rows = readVolumeStream(source, decode, { channels: ['volume'], channel: 'volume', timeZone }).intervals;
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
};

/** The text of a file's first piece, for a look at its first timestamps; what cannot be decoded there is read as Latin-1 (the digits are what matter). */
function firstText(source: ByteSource, decode: DecodeOptions): string {
  for (const piece of source()) {
    const head = Buffer.from(piece);
    try {
      return decodeText(head, decode).text;
    } catch {
      return head.toString('latin1');
    }
  }
  return '';
}
