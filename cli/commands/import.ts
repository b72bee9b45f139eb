import path from 'node:path';
import { IMPORT_MAX_BYTES } from '../../core/contract';
import { fileSource } from '../../db/import-file';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import { appVersion } from '../app-version';
import type { Command } from '../command';
import { importedText, importFailure, readBytes } from '../import-file';
import { EXIT_OK } from '../io';
import { dbOption, encodingFlag, encodingOption, requireString } from '../options';
import { teamByName, withService } from '../planner';

/** Commands that import files into a team: people, absences, ticket history, a roster. Each is all or nothing. */

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

export const importPeopleCommand: Command = csvImportCommand(
  'rosterdesk import people FILE.csv --db FILE --team NAME [--encoding auto|utf-8|windows-1254|windows-1250|windows-1256|utf-16le|utf-16be]',
  'Import people from CSV (name,email,phone,skills,contract_hours,hourly_rate[,color]); all or nothing',
  'person.import',
  'people',
);
export const importAbsencesCommand: Command = csvImportCommand(
  'rosterdesk import absences FILE.csv --db FILE --team NAME [--encoding auto|utf-8|windows-1254|windows-1250|windows-1256|utf-16le|utf-16be]',
  'Import absences from CSV (person,type,start,end[,hours,status,note]; status defaults to approved); all or nothing',
  'absence.import',
  'absences',
);
export const importVolumeCommand: Command = {
  usage: 'rosterdesk import volume FILE.csv --db FILE --team NAME [--channel NAME] [--tz ZONE] [--encoding NAME]',
  summary: 'Import ticket history: a help-desk export (Zendesk, Freshdesk: one row per ticket) or interval rows; all or nothing',
  options: { ...dbOption, team: { type: 'string' }, channel: { type: 'string' }, tz: { type: 'string' }, ...encodingFlag },
  positionals: 1,
  run: ({ values, positionals }, io) => {
    const usage = importVolumeCommand.usage;
    const db = requireString(values, 'db', usage);
    const teamName = requireString(values, 'team', usage);
    const encoding = encodingOption(values, usage);
    const csvPath = positionals[0] ?? '';
    // Refused here before the planner opens, as every import's file is; the service then reads it a piece at a time.
    fileSource(csvPath, IMPORT_MAX_BYTES.tickets);
    const service = createService(openPlanner(db, { create: false }), { appVersion: appVersion(), localFiles: true });
    try {
      const team = teamByName(service, teamName);
      const channel = typeof values.channel === 'string' ? values.channel.trim().toLowerCase() : null;
      const timeZone = typeof values.tz === 'string' ? values.tz : null;
      const result = service.call('volume.import', { teamId: team.id, path: path.resolve(csvPath), encoding, channel, timeZone });
      if (!result.ok) {
        const flag = result.error.path[0] === 'timeZone' ? '--tz' : result.error.path[0] === 'channel' ? '--channel' : null;
        throw importFailure(io, csvPath, flag ? { ...result.error, message: `${flag}: ${result.error.message}` } : result.error);
      }
      const v = result.value;
      io.out(`Imported ${v.rows} ${v.kind === 'tickets' ? 'tickets' : 'interval rows'} into "${team.name}" as ${v.intervals} intervals (${v.channels.join(', ')}) from ${v.from ?? '-'} to ${v.to ?? '-'}${v.replaced ? `, replacing ${v.replaced} stored intervals` : ''}\n`);
      return EXIT_OK;
    } finally {
      service.close();
    }
  },
};
export const importRosterCommand: Command = {
  usage: 'rosterdesk import roster FILE.csv|FILE.xlsx --db FILE --team NAME [--encoding NAME]',
  summary: 'Import shifts (columns person,date,code or person,date,start,end); all or nothing',
  options: { ...dbOption, team: { type: 'string' }, ...encodingFlag },
  positionals: 1,
  run: async ({ values, positionals }, io) => {
    const usage = importRosterCommand.usage;
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
};
