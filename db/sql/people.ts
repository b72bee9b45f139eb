import type { Person } from '../../core/person';
import { fold } from '../../core/text';
import type { Db } from '../open';

interface PersonRow {
  id: number;
  team_id: number;
  name: string;
  email: string | null;
  phone: string;
  color: string;
  skills: string;
  contract_hours: number;
  hourly_rate: number;
  employment_start: string | null;
  employment_end: string | null;
  holiday_country: string;
  notes: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  teamId: r.team_id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  color: r.color,
  skills: JSON.parse(r.skills) as string[],
  contractHoursPerWeek: r.contract_hours,
  hourlyRate: r.hourly_rate,
  employmentStart: r.employment_start,
  employmentEnd: r.employment_end,
  holidayCountry: r.holiday_country,
  notes: r.notes,
  archived: r.archived_at !== null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type PersonValues = Omit<Person, 'id' | 'archived' | 'createdAt' | 'updatedAt'>;

export function getPerson(db: Db, id: number): Person | null {
  const row = db.prepare('SELECT * FROM person WHERE id = ?').get(id) as PersonRow | undefined;
  return row ? toPerson(row) : null;
}

export function countPeople(db: Db, teamId: number): number {
  return db.prepare('SELECT count(*) FROM person WHERE team_id = ?').pluck().get(teamId) as number;
}

/**
 * People of a team, optionally filtered. The query matches name, email, phone
 * or a skill, case- and accent-insensitively, so "ayse" finds "Ayşe".
 */
export function listPeople(db: Db, teamId: number, query: string, includeArchived: boolean): Person[] {
  const rows = db
    .prepare(
      `SELECT * FROM person WHERE team_id = ? AND (? OR archived_at IS NULL) ORDER BY archived_at IS NOT NULL, name`,
    )
    .all(teamId, includeArchived ? 1 : 0) as PersonRow[];
  const people = rows.map(toPerson);
  const q = fold(query.trim());
  if (!q) return people;
  return people.filter((p) =>
    [p.name, p.email ?? '', p.phone, ...p.skills].some((field) => fold(field).includes(q)),
  );
}

export function emailTaken(db: Db, teamId: number, email: string, exceptId: number | null): boolean {
  const hit = db
    .prepare('SELECT id FROM person WHERE team_id = ? AND email = ? COLLATE NOCASE AND id IS NOT ?')
    .get(teamId, email, exceptId);
  return hit !== undefined;
}

export function insertPerson(db: Db, p: PersonValues, at: string): number {
  const info = db
    .prepare(
      `INSERT INTO person (team_id, name, email, phone, color, skills, contract_hours, hourly_rate,
         employment_start, employment_end, holiday_country, notes, created_at, updated_at)
       VALUES (@teamId, @name, @email, @phone, @color, @skills, @contractHoursPerWeek, @hourlyRate,
         @employmentStart, @employmentEnd, @holidayCountry, @notes, @at, @at)`,
    )
    .run({ ...p, skills: JSON.stringify(p.skills), at });
  return Number(info.lastInsertRowid);
}

export function updatePerson(db: Db, id: number, p: PersonValues, at: string): void {
  db.prepare(
    `UPDATE person SET name = @name, email = @email, phone = @phone, color = @color, skills = @skills,
       contract_hours = @contractHoursPerWeek, hourly_rate = @hourlyRate, employment_start = @employmentStart,
       employment_end = @employmentEnd, holiday_country = @holidayCountry, notes = @notes, updated_at = @at WHERE id = @id`,
  ).run({ ...p, skills: JSON.stringify(p.skills), at, id });
}

export function setArchived(db: Db, id: number, archivedAt: string | null, at: string): void {
  db.prepare('UPDATE person SET archived_at = ?, updated_at = ? WHERE id = ?').run(archivedAt, at, id);
}

export function deletePerson(db: Db, id: number): void {
  // Preferences belong to the person alone; shifts, absences and on-call turns block deletion instead.
  db.prepare('DELETE FROM person_preference WHERE person_id = ?').run(id);
  db.prepare('DELETE FROM person WHERE id = ?').run(id);
}

export function shiftCount(db: Db, personId: number): number {
  return db.prepare('SELECT count(*) FROM shift WHERE person_id = ?').pluck().get(personId) as number;
}
