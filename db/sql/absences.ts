import { DEFAULT_ABSENCE_TYPES, defaultTypeName, type Absence, type AbsenceStatus, type AbsenceType, type AllowanceRow, type AuditChange } from '../../core/absence';
import type { Db } from '../open';

/** SQL for absence types, absences, their audit lines and allowances. */

interface TypeRow {
  id: number;
  team_id: number;
  key: AbsenceType['key'];
  name: string;
  color: string;
  paid: number;
  counts_allowance: number;
  archived_at: string | null;
}

const toType = (r: TypeRow): AbsenceType => ({
  id: r.id,
  teamId: r.team_id,
  key: r.key,
  name: r.name,
  color: r.color,
  paid: r.paid === 1,
  countsAgainstAllowance: r.counts_allowance === 1,
  archived: r.archived_at !== null,
});

export function listTypes(db: Db, teamId: number, includeArchived = false): AbsenceType[] {
  const rows = db
    .prepare(`SELECT * FROM absence_type WHERE team_id = ? ${includeArchived ? '' : 'AND archived_at IS NULL'} ORDER BY id`)
    .all(teamId) as TypeRow[];
  return rows.map(toType);
}

export function getType(db: Db, id: number): AbsenceType | null {
  const row = db.prepare('SELECT * FROM absence_type WHERE id = ?').get(id) as TypeRow | undefined;
  return row ? toType(row) : null;
}

export type TypeValues = Pick<AbsenceType, 'name' | 'color' | 'paid' | 'countsAgainstAllowance'> & { key: AbsenceType['key'] };

export function insertType(db: Db, teamId: number, t: TypeValues): number {
  const info = db
    .prepare('INSERT INTO absence_type (team_id, key, name, color, paid, counts_allowance) VALUES (?, ?, ?, ?, ?, ?)')
    .run(teamId, t.key, t.name, t.color, t.paid ? 1 : 0, t.countsAgainstAllowance ? 1 : 0);
  return Number(info.lastInsertRowid);
}

/** Every new team starts with the default types, named in its language. */
export function insertDefaultTypes(db: Db, teamId: number, locale: string): void {
  for (const t of DEFAULT_ABSENCE_TYPES) insertType(db, teamId, { key: t.key, name: defaultTypeName(t.key, locale), color: t.color, paid: t.paid, countsAgainstAllowance: t.countsAgainstAllowance });
}

export function updateType(db: Db, id: number, t: TypeValues): void {
  db.prepare('UPDATE absence_type SET name = ?, color = ?, paid = ?, counts_allowance = ? WHERE id = ?').run(t.name, t.color, t.paid ? 1 : 0, t.countsAgainstAllowance ? 1 : 0, id);
}

export function archiveType(db: Db, id: number, at: string): void {
  db.prepare('UPDATE absence_type SET archived_at = ? WHERE id = ?').run(at, id);
}

interface AbsenceRow {
  id: number;
  team_id: number;
  person_id: number;
  person_name: string;
  type_id: number;
  type_key: AbsenceType['key'];
  type_name: string;
  color: string;
  start_day: string;
  end_day: string;
  hours: number | null;
  status: AbsenceStatus;
  note: string;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT a.*, p.name AS person_name, t.key AS type_key, t.name AS type_name, t.color AS color
  FROM absence a JOIN person p ON p.id = a.person_id JOIN absence_type t ON t.id = a.type_id`;

const toAbsence = (r: AbsenceRow): Absence => ({
  id: r.id,
  teamId: r.team_id,
  personId: r.person_id,
  personName: r.person_name,
  typeId: r.type_id,
  typeKey: r.type_key,
  typeName: r.type_name,
  color: r.color,
  start: r.start_day,
  end: r.end_day,
  hours: r.hours,
  status: r.status,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function getAbsence(db: Db, id: number): Absence | null {
  const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AbsenceRow | undefined;
  return row ? toAbsence(row) : null;
}

/** Absences of a team touching the days [from, to], optionally one person's and only some statuses. */
export function listAbsences(db: Db, teamId: number, from: string, to: string, options: { personId?: number | null; statuses?: readonly AbsenceStatus[] } = {}): Absence[] {
  const statuses = options.statuses ?? ['requested', 'approved', 'rejected', 'cancelled'];
  const rows = db
    .prepare(
      `${SELECT} WHERE a.team_id = ? AND a.start_day <= ? AND a.end_day >= ?
         AND (? IS NULL OR a.person_id = ?) AND a.status IN (SELECT value FROM json_each(?))
       ORDER BY a.start_day, p.name, a.id`,
    )
    .all(teamId, to, from, options.personId ?? null, options.personId ?? null, JSON.stringify(statuses)) as AbsenceRow[];
  return rows.map(toAbsence);
}

/** A team's requests still waiting for a decision, any dates: the lead's to-do list, soonest first. */
export function listWaiting(db: Db, teamId: number): Absence[] {
  const rows = db.prepare(`${SELECT} WHERE a.team_id = ? AND a.status = 'requested' ORDER BY a.start_day, p.name, a.id`).all(teamId) as AbsenceRow[];
  return rows.map(toAbsence);
}

export interface AbsenceValues {
  teamId: number;
  personId: number;
  typeId: number;
  start: string;
  end: string;
  hours: number | null;
  status: AbsenceStatus;
  note: string;
}

export function insertAbsence(db: Db, a: AbsenceValues, at: string): number {
  const info = db
    .prepare(
      `INSERT INTO absence (team_id, person_id, type_id, start_day, end_day, hours, status, note, created_at, updated_at)
       VALUES (@teamId, @personId, @typeId, @start, @end, @hours, @status, @note, @at, @at)`,
    )
    .run({ ...a, at });
  return Number(info.lastInsertRowid);
}

export function updateAbsence(db: Db, id: number, a: Omit<AbsenceValues, 'teamId' | 'personId'>, at: string): void {
  db.prepare(
    `UPDATE absence SET type_id = @typeId, start_day = @start, end_day = @end, hours = @hours, status = @status, note = @note, updated_at = @at WHERE id = @id`,
  ).run({ ...a, at, id });
}

export function countAbsencesOf(db: Db, personId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM absence WHERE person_id = ?').get(personId) as { n: number }).n;
}

export function addAudit(db: Db, absenceId: number, at: string, actor: string, action: string, changes: readonly AuditChange[]): void {
  db.prepare('INSERT INTO absence_audit (absence_id, at, actor, action, changes) VALUES (?, ?, ?, ?, ?)').run(absenceId, at, actor, action, JSON.stringify(changes));
}

/**
 * An absence's revision: every change leaves an audit line, so their count less one
 * (calendar files use it as the event's SEQUENCE).
 */
export function absenceRevision(db: Db, absenceId: number): number {
  return Math.max(0, (db.prepare('SELECT count(*) FROM absence_audit WHERE absence_id = ?').pluck().get(absenceId) as number) - 1);
}

export interface AuditRow {
  id: number;
  absenceId: number;
  at: string;
  actor: string;
  action: string;
  changes: AuditChange[];
}

export function auditOfPerson(db: Db, personId: number): AuditRow[] {
  const rows = db
    .prepare(
      `SELECT l.id, l.absence_id AS absenceId, l.at, l.actor, l.action, l.changes FROM absence_audit l
       JOIN absence a ON a.id = l.absence_id WHERE a.person_id = ? ORDER BY l.at DESC, l.id DESC`,
    )
    .all(personId) as (Omit<AuditRow, 'changes'> & { changes: string })[];
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as AuditChange[] }));
}

export function allowancesOf(db: Db, teamId: number, year: number): AllowanceRow[] {
  return db
    .prepare(
      `SELECT w.person_id AS personId, w.type_id AS typeId, w.year, w.unit, w.amount, w.carry_over AS carryOver
       FROM absence_allowance w JOIN person p ON p.id = w.person_id WHERE p.team_id = ? AND w.year = ? ORDER BY p.name, w.type_id`,
    )
    .all(teamId, year) as AllowanceRow[];
}

export function allowanceOf(db: Db, personId: number, typeId: number, year: number): AllowanceRow | null {
  return (
    (db
      .prepare('SELECT person_id AS personId, type_id AS typeId, year, unit, amount, carry_over AS carryOver FROM absence_allowance WHERE person_id = ? AND type_id = ? AND year = ?')
      .get(personId, typeId, year) as AllowanceRow | undefined) ?? null
  );
}

export function setAllowance(db: Db, a: AllowanceRow): void {
  db.prepare(
    `INSERT INTO absence_allowance (person_id, type_id, year, unit, amount, carry_over) VALUES (@personId, @typeId, @year, @unit, @amount, @carryOver)
     ON CONFLICT (person_id, type_id, year) DO UPDATE SET unit = excluded.unit, amount = excluded.amount, carry_over = excluded.carry_over`,
  ).run(a);
}

/** Approved full-day absences touching [from, to]: the days a person cannot work or be on call. */
export function approvedFullDays(db: Db, teamId: number, from: string, to: string): { personId: number; from: string; to: string; type: string }[] {
  return db
    .prepare(
      `SELECT a.person_id AS personId, a.start_day AS "from", a.end_day AS "to", t.name AS type FROM absence a JOIN absence_type t ON t.id = a.type_id
       WHERE a.team_id = ? AND a.status = 'approved' AND a.hours IS NULL AND a.start_day <= ? AND a.end_day >= ?`,
    )
    .all(teamId, to, from) as { personId: number; from: string; to: string; type: string }[];
}
