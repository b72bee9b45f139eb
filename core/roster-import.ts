import type { CsvRecord } from './csv';
import { importError } from './people-import';
import type { LineProblem } from './errors';
import { UserError } from './errors';
import { LOCAL_TIME, type CellValue } from './shift';
import { dateFormsOf, parseDateCell, parseNumberCell, parseTimeCell, type DateReading } from './spreadsheet-format';

/**
 * Roster rows from a spreadsheet: `person,date,code` or `person,date,start,end`
 * (person = name or email, date = roster day YYYY-MM-DD, start/end HH:MM local;
 * an end at or before the start ends the next day). Optional columns:
 * break_minutes and skill (for rows with times), and columns the export adds
 * for people (paid_hours, name) which the import ignores. The database checks
 * (who the person is, which codes exist) are the service's.
 */

export const ROSTER_COLUMNS = ['person', 'date', 'code', 'start', 'end', 'break_minutes', 'skill', 'paid_hours'] as const;

export interface RosterRow {
  line: number;
  person: string;
  day: string;
  value: CellValue | null;
}

export interface ParsedRoster {
  rows: RosterRow[];
  problems: LineProblem[];
}

export const MAX_ROSTER_ROWS = 100_000;

/** Excel gives times as "7:00", "07:00:00" or a fraction of a day; all become HH:MM. */
export function normaliseTime(text: string): string | null {
  const hhmm = parseTimeCell(text);
  return hhmm !== null && LOCAL_TIME.test(hhmm) ? hhmm : null;
}

export function parseRosterRecords(records: CsvRecord[], reading: DateReading = { locale: 'en-GB' }): ParsedRoster {
  const header = records.shift();
  if (!header) throw new UserError('empty_file', 'The file is empty: expected a header line such as person,date,code');
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const problems: LineProblem[] = [];
  for (const c of columns) if (!(ROSTER_COLUMNS as readonly string[]).includes(c)) problems.push({ line: header.line, column: c, message: `Unknown column "${c}"` });
  for (const c of ['person', 'date']) if (!columns.includes(c)) problems.push({ line: header.line, column: c, message: `Missing column "${c}"` });
  const hasCode = columns.includes('code');
  const hasTimes = columns.includes('start') && columns.includes('end');
  if (!hasCode && !hasTimes) problems.push({ line: header.line, message: 'Expected a "code" column or "start" and "end" columns' });
  if (new Set(columns).size !== columns.length) problems.push({ line: header.line, message: 'A column appears twice' });
  if (problems.length) throw importError(problems);
  if (records.length > MAX_ROSTER_ROWS) throw new UserError('too_many_rows', `The file has ${records.length} rows; at most ${MAX_ROSTER_ROWS} can be imported at once`);

  const rows: RosterRow[] = [];
  for (const rec of records) {
    const get = (c: string) => {
      const i = columns.indexOf(c);
      return i < 0 ? '' : (rec.fields[i] ?? '').trim();
    };
    if (rec.fields.length !== columns.length) {
      problems.push({ line: rec.line, message: `Expected ${columns.length} fields, found ${rec.fields.length}` });
      continue;
    }
    const person = get('person');
    const dayText = get('date');
    const day = parseDateCell(dayText) ?? dayText;
    const bad = (column: string, message: string) => problems.push({ line: rec.line, column, message: `${column}: ${message}` });
    if (!person) bad('person', 'Must name a person (name or email)');
    if (parseDateCell(dayText) === null) bad('date', `"${dayText}" is not a real date written ${dateFormsOf(reading)}`);
    const code = get('code');
    let value: CellValue | null = null;
    if (code) {
      if (!/^[\p{L}\p{N}]{1,6}$/u.test(code)) bad('code', `"${code}" is not a shift code`);
      else value = { code };
    } else if (hasTimes && (get('start') || get('end'))) {
      const start = normaliseTime(get('start'));
      const end = normaliseTime(get('end'));
      const breakText = get('break_minutes');
      const breakMinutes = breakText === '' ? 0 : (parseNumberCell(breakText) ?? 0);
      if (!start) bad('start', `"${get('start')}" is not a time written HH:MM`);
      if (!end) bad('end', `"${get('end')}" is not a time written HH:MM`);
      if (!Number.isInteger(breakMinutes) || breakMinutes < 0 || breakMinutes > 240) bad('break_minutes', 'Must be a whole number of minutes from 0 to 240');
      if (start && end) value = { startLocal: start, endLocal: end, breakMinutes, skill: get('skill') || null };
    }
    // A row with neither code nor times empties the cell (a day off). The same person and day
    // twice is found once names are matched to people (an e-mail and a name can be one person).
    rows.push({ line: rec.line, person, day, value });
  }
  return { rows, problems };
}

