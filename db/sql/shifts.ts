import type { RuleShift } from '../../core/rules';
import type { Db } from '../open';

/** A shift as stored: instants in epoch seconds, the roster day in the team's zone. */
export interface ShiftRow {
  id: number;
  /** Raised on every change a calendar shows (iCalendar SEQUENCE). */
  sequence: number;
  teamId: number;
  personId: number;
  day: string;
  startUtc: number;
  endUtc: number;
  templateId: number | null;
  breakMinutes: number;
  skill: string | null;
  locked: boolean;
  note: string;
}

const SELECT = `SELECT id, sequence, team_id AS teamId, person_id AS personId, roster_day AS day, start_utc AS startUtc, end_utc AS endUtc,
  template_id AS templateId, break_minutes AS breakMinutes, skill, locked, note FROM shift`;

// Field by field: object spread over rows straight from SQLite is slow (it dominated loading a week).
const fix = (r: Omit<ShiftRow, 'locked'> & { locked: number }): ShiftRow => ({
  id: r.id,
  sequence: r.sequence,
  teamId: r.teamId,
  personId: r.personId,
  day: r.day,
  startUtc: r.startUtc,
  endUtc: r.endUtc,
  templateId: r.templateId,
  breakMinutes: r.breakMinutes,
  skill: r.skill,
  locked: r.locked === 1,
  note: r.note,
});

/** Shifts of a team whose roster day is in [from, to] (inclusive), ordered by person and start. */
export function listShifts(db: Db, teamId: number, from: string, to: string): ShiftRow[] {
  return (db.prepare(`${SELECT} WHERE team_id = ? AND roster_day BETWEEN ? AND ? ORDER BY person_id, start_utc`).all(teamId, from, to) as never[]).map(fix);
}

/** What the rule check reads of a shift, and whether it is locked (for a draft put in place of the rest). */
export type CheckedShift = RuleShift & { locked: boolean };

/**
 * listShifts for the rule check: only the columns it reads, as arrays. A month's check
 * loads eight weeks of a large team (8 000 rows); building full row objects was most of its time.
 */
export function listCheckedShifts(db: Db, teamId: number, from: string, to: string): CheckedShift[] {
  const rows = db
    .prepare('SELECT id, person_id, roster_day, start_utc, end_utc, break_minutes, skill, locked FROM shift WHERE team_id = ? AND roster_day BETWEEN ? AND ? ORDER BY person_id, start_utc')
    .raw()
    .all(teamId, from, to) as [number, number, string, number, number, number, string | null, number][];
  return rows.map(([id, personId, day, startUtc, endUtc, breakMinutes, skill, locked]) => ({ id, personId, day, startUtc, endUtc, breakMinutes, skill, locked: locked === 1 }));
}

export function getShift(db: Db, id: number): ShiftRow | null {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as (Omit<ShiftRow, 'locked'> & { locked: number }) | undefined;
  return row ? fix(row) : null;
}

export type NewShift = Omit<ShiftRow, 'id' | 'sequence'>;

export function insertShift(db: Db, s: NewShift, at: string): number {
  const info = db
    .prepare(
      `INSERT INTO shift (team_id, person_id, roster_day, start_utc, end_utc, template_id, break_minutes, skill, locked, note, created_at, updated_at)
       VALUES (@teamId, @personId, @day, @startUtc, @endUtc, @templateId, @breakMinutes, @skill, @locked, @note, @at, @at)`,
    )
    .run({ ...s, locked: s.locked ? 1 : 0, at });
  return Number(info.lastInsertRowid);
}

export function updateShift(db: Db, id: number, s: NewShift, at: string): void {
  db.prepare(
    `UPDATE shift SET person_id = @personId, roster_day = @day, start_utc = @startUtc, end_utc = @endUtc, template_id = @templateId,
       break_minutes = @breakMinutes, skill = @skill, locked = @locked, note = @note, updated_at = @at, sequence = sequence + 1 WHERE id = @id`,
  ).run({ ...s, locked: s.locked ? 1 : 0, at, id });
}

/** Locks (auto-scheduling keeps it) or unlocks a shift; 1 when that changed it. */
export function setLocked(db: Db, id: number, locked: boolean): number {
  return db.prepare('UPDATE shift SET locked = ? WHERE id = ? AND locked <> ?').run(locked ? 1 : 0, id, locked ? 1 : 0).changes;
}

/** A new revision of a shift whose calendar event changes without its row (its activities, say). */
export function bumpSequence(db: Db, id: number): void {
  db.prepare('UPDATE shift SET sequence = sequence + 1 WHERE id = ?').run(id);
}

export function deleteCell(db: Db, personId: number, day: string): number {
  db.prepare('DELETE FROM shift_activity WHERE shift_id IN (SELECT id FROM shift WHERE person_id = ? AND roster_day = ?)').run(personId, day);
  return db.prepare('DELETE FROM shift WHERE person_id = ? AND roster_day = ?').run(personId, day).changes;
}

export function deleteShift(db: Db, id: number): number {
  db.prepare('DELETE FROM shift_activity WHERE shift_id = ?').run(id);
  return db.prepare('DELETE FROM shift WHERE id = ?').run(id).changes;
}

export interface ActivityRow {
  id: number;
  shiftId: number;
  kind: 'break' | 'meeting' | 'training';
  startUtc: number;
  endUtc: number;
}

/** Activities of the shifts with the given ids, grouped by shift. */
export function activitiesOf(db: Db, shiftIds: readonly number[]): Map<number, ActivityRow[]> {
  const out = new Map<number, ActivityRow[]>();
  if (shiftIds.length === 0) return out;
  // json_each keeps it one statement with one bound parameter, whatever the count.
  const rows = db
    .prepare(
      `SELECT id, shift_id AS shiftId, kind, start_utc AS startUtc, end_utc AS endUtc FROM shift_activity
       WHERE shift_id IN (SELECT value FROM json_each(?)) ORDER BY start_utc`,
    )
    .all(JSON.stringify(shiftIds)) as ActivityRow[];
  for (const r of rows) out.set(r.shiftId, [...(out.get(r.shiftId) ?? []), r]);
  return out;
}

export function replaceActivities(db: Db, shiftId: number, list: readonly Omit<ActivityRow, 'id' | 'shiftId'>[]): void {
  db.prepare('DELETE FROM shift_activity WHERE shift_id = ?').run(shiftId);
  const insert = db.prepare('INSERT INTO shift_activity (shift_id, kind, start_utc, end_utc) VALUES (?, ?, ?, ?)');
  for (const a of list) insert.run(shiftId, a.kind, a.startUtc, a.endUtc);
}

/** Deletes a team's shifts in [from, to], for everyone or for the given people. */
export function deleteRange(db: Db, teamId: number, from: string, to: string, personIds: readonly number[] | null): number {
  if (!personIds) {
    db.prepare('DELETE FROM shift_activity WHERE shift_id IN (SELECT id FROM shift WHERE team_id = ? AND roster_day BETWEEN ? AND ?)').run(teamId, from, to);
    return db.prepare('DELETE FROM shift WHERE team_id = ? AND roster_day BETWEEN ? AND ?').run(teamId, from, to).changes;
  }
  const activities = db.prepare('DELETE FROM shift_activity WHERE shift_id IN (SELECT id FROM shift WHERE person_id = ? AND roster_day BETWEEN ? AND ?)');
  const stmt = db.prepare('DELETE FROM shift WHERE person_id = ? AND roster_day BETWEEN ? AND ?');
  let n = 0;
  for (const p of personIds) {
    activities.run(p, from, to);
    n += stmt.run(p, from, to).changes;
  }
  return n;
}

export function countInRange(db: Db, personId: number, from: string, to: string): number {
  return db.prepare('SELECT count(*) FROM shift WHERE person_id = ? AND roster_day BETWEEN ? AND ?').pluck().get(personId, from, to) as number;
}

/** Removes a team's unlocked shifts (and their activities) with roster day in [from, to]; locked ones stay. */
export function deleteUnlocked(db: Db, teamId: number, from: string, to: string): number {
  db.prepare('DELETE FROM shift_activity WHERE shift_id IN (SELECT id FROM shift WHERE team_id = ? AND roster_day BETWEEN ? AND ? AND locked = 0)').run(teamId, from, to);
  return db.prepare('DELETE FROM shift WHERE team_id = ? AND roster_day BETWEEN ? AND ? AND locked = 0').run(teamId, from, to).changes;
}
