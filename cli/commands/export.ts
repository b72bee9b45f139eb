import fs from 'node:fs';
import { ReportKind } from '../../core/contract';
import { UserError } from '../../core/errors';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import { appVersion } from '../app-version';
import type { Command } from '../command';
import { EXIT_OK, UsageError } from '../io';
import { dbOption, dialectFlags, dialectOption, requireString } from '../options';
import { teamByName, withService } from '../planner';

/** Commands that write a team's data as spreadsheets: the roster, the people, the Reports page's reports. */

export const exportRosterCommand: Command = {
  usage: 'rosterdesk export roster --db FILE --team NAME --from YYYY-MM-DD --to YYYY-MM-DD --format csv|xlsx --out FILE [--separator comma|semicolon|tab] [--decimal point|comma]',
  summary: 'Export the shifts of a range as CSV or XLSX (imports back unchanged)',
  options: { ...dbOption, team: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...dialectFlags },
  positionals: 0,
  run: async ({ values }, io) => {
    const usage = exportRosterCommand.usage;
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
};
export const exportPeopleCommand: Command = {
  usage: 'rosterdesk export people --db FILE --team NAME --out FILE.csv [--archived] [--separator comma|semicolon|tab] [--decimal point|comma]',
  summary: 'Write the people CSV of a team (the columns import people reads; imports back unchanged)',
  options: { ...dbOption, team: { type: 'string' }, out: { type: 'string' }, archived: { type: 'boolean' }, ...dialectFlags },
  positionals: 0,
  run: ({ values }, io) => {
    const usage = exportPeopleCommand.usage;
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
};
export const exportReportCommand: Command = {
  // The reports from the contract's list, so a new report needs no change here.
  usage: `rosterdesk export report ${ReportKind.options.join('|')} --db FILE --team NAME (--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD) [--by week|month] [--calendar gregorian|persian] [--format csv|xlsx] [--out FILE] [--separator comma|semicolon|tab] [--decimal point|comma]`,
  summary: "Write one of the Reports page's spreadsheets (the same figures as the app); CSV goes to stdout without --out",
  options: { ...dbOption, team: { type: 'string' }, month: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' }, calendar: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...dialectFlags },
  positionals: 1,
  run: async ({ values, positionals }, io) => {
    const usage = exportReportCommand.usage;
    const report = positionals[0] ?? '';
    if (!(ReportKind.options as readonly string[]).includes(report)) throw new UsageError(`the report must be one of ${ReportKind.options.join(', ')}, not "${report}"`, usage);
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
};
