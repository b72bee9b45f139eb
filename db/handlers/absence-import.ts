import { type AbsenceStatus } from '../../core/absence';
import { parseCsv } from '../../core/csv';
import { importText } from '../../core/text-decode';
import { dateFormsOf, parseDateCell, parseNumberCell } from '../../core/spreadsheet-format';
import { UserError, type LineProblem } from '../../core/errors';
import { importError } from '../../core/people-import';
import { matchPerson, personNotFound, type Person } from '../../core/person';
import { fold } from '../../core/text';
import { isPlainDate } from '../../core/time';
import * as absences from '../sql/absences';
import type { HandlersOf, ServiceContext } from '../context';
import { listPeople } from '../sql/people';

import { ACTIVE, checkAbsenceSpan } from './absence-rules';

export const ABSENCE_CSV_COLUMNS = ['person', 'type', 'start', 'end', 'hours', 'status', 'note'] as const;
const MAX_IMPORT_ROWS = 20_000;

/** The absences CSV import: every line checked as the absence form checks one, all or nothing. */
export function absenceImportHandlers(ctx: ServiceContext): HandlersOf<'absence.import'> {
  const { db } = ctx;
  return {
  'absence.import': ({ teamId, ...file }) => {
    const team = ctx.requireTeam(teamId);
    const records = parseCsv(importText(file, team.locale));
    const reading = { locale: team.locale };
    const header = records.shift();
    if (!header) throw new UserError('empty_file', 'The file is empty: expected a header line such as person,type,start,end');
    // hours_per_day is the absences report's name for hours, so the report imports back.
    const columns = header.fields.map((f) => f.trim().toLowerCase()).map((c) => (c === 'hours_per_day' ? 'hours' : c));
    const problems: LineProblem[] = [];
    for (const c of columns) if (!(ABSENCE_CSV_COLUMNS as readonly string[]).includes(c)) problems.push({ line: header.line, column: c, message: `Unknown column "${c}" (expected ${ABSENCE_CSV_COLUMNS.join(', ')})` });
    for (const c of ['person', 'type', 'start', 'end']) if (!columns.includes(c)) problems.push({ line: header.line, column: c, message: `Missing column "${c}"` });
    if (new Set(columns).size !== columns.length) problems.push({ line: header.line, message: 'A column appears twice' });
    if (problems.length) throw importError(problems);
    if (records.length > MAX_IMPORT_ROWS) throw new UserError('too_many_rows', `The file has ${records.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once`);

    const everyone = listPeople(db, teamId, '', true);
    const types = absences.listTypes(db, teamId);
    const rows: { line: number; person: Person; typeId: number; start: string; end: string; hours: number | null; status: AbsenceStatus; note: string }[] = [];
    for (const rec of records) {
      const get = (c: string) => (rec.fields[columns.indexOf(c)] ?? '').trim();
      const bad = (column: string, message: string) => problems.push({ line: rec.line, column, message: `${column}: ${message}` });
      if (rec.fields.length !== columns.length) {
        problems.push({ line: rec.line, message: `Expected ${columns.length} fields, found ${rec.fields.length}` });
        continue;
      }
      const before = problems.length;
      const match = matchPerson(everyone, get('person'));
      if (!match || 'ambiguous' in match) bad('person', personNotFound(team.name, get('person'), match));
      else if (match.person.archived) bad('person', `${match.person.name} is archived`);
      const typeText = fold(get('type'));
      const type = types.find((t) => fold(t.name) === typeText || t.key === typeText);
      if (!type) bad('type', `"${get('type')}" is not an absence type of ${team.name} (${types.map((t) => t.key ?? t.name).join(', ')})`);
      const start = parseDateCell(get('start')) ?? '';
      const end = parseDateCell(get('end')) ?? '';
      if (!isPlainDate(start)) bad('start', `"${get('start')}" is not a real date written ${dateFormsOf(reading)}`);
      if (!isPlainDate(end)) bad('end', `"${get('end')}" is not a real date written ${dateFormsOf(reading)}`);
      else if (isPlainDate(start) && end < start) bad('end', `ends (${end}) before it starts (${start})`);
      const hours = parseNumberCell(get('hours'));
      if (hours !== null && !(Number.isFinite(hours) && hours >= 0.25 && hours <= 24 && Number.isInteger(hours * 4))) bad('hours', `"${get('hours')}" is not a number of hours from 0.25 to 24 in quarter hours`);
      const statusText = get('status').toLowerCase() || 'approved';
      if (!(['requested', 'approved', 'rejected', 'cancelled'] as const).some((s) => s === statusText)) bad('status', `"${get('status')}" is not requested, approved, rejected or cancelled`);
      const note = get('note');
      if (note.length > 500) bad('note', 'At most 500 characters');
      if (problems.length > before || !match || 'ambiguous' in match || !type) continue;
      try {
        if (statusText === 'requested' || statusText === 'approved') checkAbsenceSpan(db, match.person, start, end, null, { start: ['start'], end: ['end'] });
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        bad(String(err.path[0] ?? 'start'), err.message);
        continue;
      }
      const clash = rows.find((r) => r.person.id === match.person.id && ACTIVE.includes(r.status) && ACTIVE.includes(statusText as AbsenceStatus) && r.start <= end && start <= r.end);
      if (clash) bad('start', `${match.person.name} already has an absence from ${clash.start} to ${clash.end} on line ${clash.line}`);
      rows.push({ line: rec.line, person: match.person, typeId: type.id, start, end, hours, status: statusText as AbsenceStatus, note });
    }
    if (problems.length) throw importError(problems);
    const at = ctx.stamp();
    for (const r of rows) {
      const id = absences.insertAbsence(db, { teamId, personId: r.person.id, typeId: r.typeId, start: r.start, end: r.end, hours: r.hours, status: r.status, note: r.note }, at);
      absences.addAudit(db, id, at, ctx.actor, 'imported', [{ field: 'status', from: null, to: r.status }]);
    }
    return { created: rows.length };
  },
  };
}
