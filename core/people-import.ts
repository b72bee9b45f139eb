import { PersonCreate, type NewPerson, type Person } from './person';
import { parseCsv } from './csv';
import { latinDigits } from './calendar';
import { parseDateCell, parseNumberCell } from './spreadsheet-format';
import { UserError, zodIssueToApiError, type LineProblem } from './errors';

export const PEOPLE_CSV_REQUIRED = ['name', 'email', 'phone', 'skills', 'contract_hours', 'hourly_rate'] as const;
const PEOPLE_CSV_OPTIONAL = ['color', 'employment_start', 'employment_end', 'notes'] as const;

const FIELD_OF_COLUMN: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  skills: 'skills',
  contract_hours: 'contractHoursPerWeek',
  hourly_rate: 'hourlyRate',
  color: 'color',
  employment_start: 'employmentStart',
  employment_end: 'employmentEnd',
  notes: 'notes',
};
const COLUMN_OF_FIELD = Object.fromEntries(Object.entries(FIELD_OF_COLUMN).map(([c, f]) => [f, c]));

export interface ImportedPerson {
  line: number;
  person: Omit<NewPerson, 'teamId'>;
}

export const MAX_IMPORT_ROWS = 10_000;

export interface ParsedPeople {
  rows: ImportedPerson[];
  /** Problems of single lines; the caller adds its own and refuses the whole file if any. */
  problems: LineProblem[];
}

/**
 * Reads a people CSV into person inputs and the problems of each bad line.
 * A file that cannot be read at all (no header, wrong columns) throws.
 * Checks that need the database (team skills, emails already used) are the
 * service's; this only knows the file.
 */
export function parsePeopleCsv(text: string): ParsedPeople {
  const records = parseCsv(text);
  const header = records.shift();
  if (!header) throw new UserError('empty_file', 'The file is empty: expected a header line with ' + PEOPLE_CSV_REQUIRED.join(','));
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const problems: LineProblem[] = [];
  for (const c of columns) {
    if (!(c in FIELD_OF_COLUMN)) problems.push({ line: header.line, column: c, message: `Unknown column "${c}"` });
  }
  for (const c of PEOPLE_CSV_REQUIRED) {
    if (!columns.includes(c)) problems.push({ line: header.line, column: c, message: `Missing column "${c}"` });
  }
  if (new Set(columns).size !== columns.length) problems.push({ line: header.line, message: 'A column appears twice' });
  if (problems.length) throw importError(problems);
  if (records.length > MAX_IMPORT_ROWS) {
    throw new UserError('too_many_rows', `The file has ${records.length} people; at most ${MAX_IMPORT_ROWS} can be imported at once`);
  }

  const out: ImportedPerson[] = [];
  const seenEmails = new Map<string, number>();
  for (const rec of records) {
    if (rec.fields.length !== columns.length) {
      problems.push({ line: rec.line, message: `Expected ${columns.length} fields, found ${rec.fields.length}` });
      continue;
    }
    const raw: Record<string, unknown> = {};
    columns.forEach((c, idx) => {
      const value = rec.fields[idx] ?? '';
      const field = FIELD_OF_COLUMN[c] ?? c;
      // Skills are listed with ";" (or "," in a semicolon-separated file, where ";" would split the cell).
      if (c === 'skills') raw[field] = value.split(/[;,]/).map((s) => s.trim()).filter((s) => s !== '');
      else if (c === 'contract_hours' || c === 'hourly_rate') {
        const n = parseNumberCell(value);
        if (n !== null) raw[field] = n;
      } else if (c === 'employment_start' || c === 'employment_end') raw[field] = value.trim() === '' ? null : (parseDateCell(value) ?? value.trim());
      else if (c === 'phone') raw[field] = latinDigits(value).trim();
      else if (c === 'color' && value.trim() === '') return;
      else raw[field] = value.trim();
    });
    const parsed = PersonCreate.safeParse({ teamId: 1, ...raw });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const err = zodIssueToApiError(issue);
        const field = String(err.path[0] ?? '');
        const column = COLUMN_OF_FIELD[field] ?? field;
        const message = Number.isNaN(raw[field]) ? 'Must be a number' : issue.message;
        problems.push({ line: rec.line, column, message: `${column}: ${message}` });
      }
      continue;
    }
    const { teamId: _ignored, ...person } = parsed.data;
    if (person.email) {
      const key = person.email.toLowerCase();
      const first = seenEmails.get(key);
      if (first !== undefined) {
        problems.push({ line: rec.line, column: 'email', message: `email: ${person.email} is already on line ${first}` });
        continue;
      }
      seenEmails.set(key, rec.line);
    }
    out.push({ line: rec.line, person });
  }
  return { rows: out, problems };
}

/** The people as the people CSV: every column the import reads, so an exported file imports back as it was. */
export function peopleTable(people: readonly Person[]): (string | number)[][] {
  return [
    [...PEOPLE_CSV_REQUIRED, ...PEOPLE_CSV_OPTIONAL],
    ...people.map((p) => [p.name, p.email ?? '', p.phone, p.skills.join(';'), p.contractHoursPerWeek, p.hourlyRate, p.color, p.employmentStart ?? '', p.employmentEnd ?? '', p.notes]),
  ];
}

export function importError(problems: LineProblem[]): UserError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const first = sorted[0];
  const summary =
    sorted.length === 1 && first
      ? `Line ${first.line}: ${first.message}`
      : `${sorted.length} problems, nothing was imported. First: line ${first?.line ?? 0}: ${first?.message ?? ''}`;
  return new UserError('import_invalid', summary, [], sorted);
}
