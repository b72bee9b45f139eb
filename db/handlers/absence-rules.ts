import { type Absence, type AbsenceStatus } from '../../core/absence';
import { UserError } from '../../core/errors';
import { type Person } from '../../core/person';
import * as absences from '../sql/absences';
import { dayRange } from '../../core/ranges';
import type { Db } from '../open';

/** The rules every absence meets, whether typed in a form or read from a file. */

export const ACTIVE: readonly AbsenceStatus[] = ['requested', 'approved'];

/** An absence as a sentence names it: its type and days, or hours a day. */
export const spanText = (a: Pick<Absence, 'typeName' | 'start' | 'end' | 'hours'>) =>
  `${a.typeName} ${a.start === a.end ? a.start : `${a.start}–${a.end}`}${a.hours === null ? '' : ` (${a.hours} h a day)`}`;

/**
 * What makes an absence impossible, in the order a lead would fix it: the
 * range itself, employment, then another active absence on the same days.
 */
export function checkAbsenceSpan(db: Db, person: Person, start: string, end: string, exceptId: number | null, path: { start: (string | number)[]; end: (string | number)[] }): void {
  dayRange(start, end, path.end);
  if (person.employmentStart && start < person.employmentStart) throw new UserError('outside_employment', `${person.name} starts work on ${person.employmentStart}`, path.start);
  if (person.employmentEnd && end > person.employmentEnd) throw new UserError('outside_employment', `${person.name} leaves on ${person.employmentEnd}`, path.end);
  const clash = absences.listAbsences(db, person.teamId, start, end, { personId: person.id, statuses: ACTIVE }).find((a) => a.id !== exceptId);
  if (clash) throw new UserError('absence_overlap', `${person.name} already has ${clash.status === 'approved' ? 'approved' : 'requested'} ${spanText(clash)}`, path.start);
}
