import type { Allowance, OnCallLayer, OnCallOverride, Pause, Restriction } from '../../core/oncall';
import type { Db } from '../open';

export interface RotationRow {
  id: number;
  teamId: number;
  name: string;
  allowance: Allowance;
}

const ROTATION_COLUMNS = `id, team_id AS teamId, name, allowance_per_hour AS perHour, allowance_per_day AS perDay, holiday_multiplier AS holidayMultiplier`;
type Flat = Omit<RotationRow, 'allowance'> & Allowance;
const unflat = ({ perHour, perDay, holidayMultiplier, ...r }: Flat): RotationRow => ({ ...r, allowance: { perHour, perDay, holidayMultiplier } });

export type LayerValues = Omit<OnCallLayer, 'id'>;

export function listRotations(db: Db, teamId: number): RotationRow[] {
  return (db.prepare(`SELECT ${ROTATION_COLUMNS} FROM rotation WHERE team_id = ? AND archived_at IS NULL ORDER BY name`).all(teamId) as Flat[]).map(unflat);
}

export function getRotation(db: Db, id: number): RotationRow | null {
  const row = db.prepare(`SELECT ${ROTATION_COLUMNS} FROM rotation WHERE id = ? AND archived_at IS NULL`).get(id) as Flat | undefined;
  return row ? unflat(row) : null;
}

export function insertRotation(db: Db, teamId: number, name: string, at: string): number {
  return Number(db.prepare('INSERT INTO rotation (team_id, name, created_at) VALUES (?, ?, ?)').run(teamId, name, at).lastInsertRowid);
}

export function renameRotation(db: Db, id: number, name: string): void {
  db.prepare('UPDATE rotation SET name = ? WHERE id = ?').run(name, id);
}

export function setAllowance(db: Db, id: number, a: Allowance): void {
  db.prepare('UPDATE rotation SET allowance_per_hour = ?, allowance_per_day = ?, holiday_multiplier = ? WHERE id = ?').run(a.perHour, a.perDay, a.holidayMultiplier, id);
}

export function archiveRotation(db: Db, id: number, at: string): void {
  db.prepare('UPDATE rotation SET archived_at = ? WHERE id = ?').run(at, id);
}

interface LayerRow {
  id: number;
  name: string;
  level: number;
  turn_unit: OnCallLayer['turnUnit'];
  turn_length: number;
  start_day: string;
  handoff_time: string;
  restrictions: string;
  skip_holidays: number;
}

export function layersOf(db: Db, rotationId: number): OnCallLayer[] {
  const rows = db.prepare('SELECT * FROM rotation_layer WHERE rotation_id = ? ORDER BY level, id').all(rotationId) as LayerRow[];
  const people = db.prepare('SELECT person_id FROM layer_participant WHERE layer_id = ? ORDER BY position').pluck();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    level: r.level,
    turnUnit: r.turn_unit,
    turnLength: r.turn_length,
    startDay: r.start_day,
    handoffTime: r.handoff_time,
    restrictions: JSON.parse(r.restrictions) as Restriction[],
    skipHolidays: r.skip_holidays === 1,
    participants: people.all(r.id) as number[],
  }));
}

/** Replaces a rotation's layers (and their participants) with new ones. */
export function replaceLayers(db: Db, rotationId: number, layers: readonly LayerValues[]): void {
  db.prepare('DELETE FROM layer_participant WHERE layer_id IN (SELECT id FROM rotation_layer WHERE rotation_id = ?)').run(rotationId);
  db.prepare('DELETE FROM rotation_layer WHERE rotation_id = ?').run(rotationId);
  const insert = db.prepare(
    `INSERT INTO rotation_layer (rotation_id, name, level, turn_unit, turn_length, start_day, handoff_time, restrictions, skip_holidays)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const participant = db.prepare('INSERT INTO layer_participant (layer_id, position, person_id) VALUES (?, ?, ?)');
  for (const l of layers) {
    const id = Number(insert.run(rotationId, l.name, l.level, l.turnUnit, l.turnLength, l.startDay, l.handoffTime, JSON.stringify(l.restrictions), l.skipHolidays ? 1 : 0).lastInsertRowid);
    l.participants.forEach((p, i) => participant.run(id, i, p));
  }
}

export function overridesOf(db: Db, rotationId: number, fromUtc: number, toUtc: number): (OnCallOverride & { note: string; swapId: number | null })[] {
  return db
    .prepare(
      `SELECT id, person_id AS personId, start_utc AS startUtc, end_utc AS endUtc, note, swap_id AS swapId FROM oncall_override
       WHERE rotation_id = ? AND end_utc > ? AND start_utc < ? ORDER BY start_utc`,
    )
    .all(rotationId, fromUtc, toUtc) as (OnCallOverride & { note: string; swapId: number | null })[];
}

export function setSwap(db: Db, ids: readonly number[], swapId: number): void {
  const stmt = db.prepare('UPDATE oncall_override SET swap_id = ? WHERE id = ?');
  for (const id of ids) stmt.run(swapId, id);
}

export function insertOverride(db: Db, rotationId: number, o: Omit<OnCallOverride, 'id'> & { note: string }, at: string): number {
  return Number(
    db.prepare('INSERT INTO oncall_override (rotation_id, person_id, start_utc, end_utc, note, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(rotationId, o.personId, o.startUtc, o.endUtc, o.note, at).lastInsertRowid,
  );
}

/** Deletes an override; a swap's two halves go together. */
export function deleteOverride(db: Db, id: number): number {
  const swap = db.prepare('SELECT swap_id FROM oncall_override WHERE id = ?').pluck().get(id) as number | null | undefined;
  if (swap) return db.prepare('DELETE FROM oncall_override WHERE swap_id = ?').run(swap).changes;
  return db.prepare('DELETE FROM oncall_override WHERE id = ?').run(id).changes;
}

export function onCallReferences(db: Db, personId: number): number {
  return (db.prepare('SELECT (SELECT count(*) FROM layer_participant WHERE person_id = ?) + (SELECT count(*) FROM oncall_override WHERE person_id = ?)').pluck().get(personId, personId) as number) ?? 0;
}

export function pausesOf(db: Db, rotationId: number): Pause[] {
  return db.prepare('SELECT start_utc AS startUtc, end_utc AS endUtc FROM rotation_pause WHERE rotation_id = ? ORDER BY start_utc').all(rotationId) as Pause[];
}

export function openPause(db: Db, rotationId: number): number | null {
  return (db.prepare('SELECT id FROM rotation_pause WHERE rotation_id = ? AND end_utc IS NULL').pluck().get(rotationId) as number | undefined) ?? null;
}

export function startPause(db: Db, rotationId: number, atUtc: number): void {
  db.prepare('INSERT INTO rotation_pause (rotation_id, start_utc) VALUES (?, ?)').run(rotationId, atUtc);
}

/** Ends a pause; one that ends the second it began changed nothing and is removed. */
export function endPause(db: Db, pauseId: number, atUtc: number): void {
  const start = db.prepare('SELECT start_utc FROM rotation_pause WHERE id = ?').pluck().get(pauseId) as number;
  if (atUtc <= start) db.prepare('DELETE FROM rotation_pause WHERE id = ?').run(pauseId);
  else db.prepare('UPDATE rotation_pause SET end_utc = ? WHERE id = ?').run(atUtc, pauseId);
}
