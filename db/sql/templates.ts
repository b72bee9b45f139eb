import type { ShiftTemplate } from '../../core/template';
import type { Db } from '../open';

/** Shift templates as stored: one row per template, archived ones kept for the shifts that used them. */
interface TemplateRow {
  id: number;
  team_id: number;
  code: string;
  name: string;
  start_local: string;
  end_local: string;
  break_minutes: number;
  color: string;
  skill: string | null;
}

export type TemplateValues = Omit<ShiftTemplate, 'id'>;

export function listTemplates(db: Db, teamId: number): ShiftTemplate[] {
  const rows = db
    .prepare('SELECT * FROM shift_template WHERE team_id = ? AND archived_at IS NULL ORDER BY start_local, code')
    .all(teamId) as TemplateRow[];
  return rows.map(toTemplate);
}

const toTemplate = (r: TemplateRow): ShiftTemplate => ({
  id: r.id,
  teamId: r.team_id,
  code: r.code,
  name: r.name,
  startLocal: r.start_local,
  endLocal: r.end_local,
  breakMinutes: r.break_minutes,
  color: r.color,
  skill: r.skill,
});

export function insertTemplate(db: Db, t: TemplateValues): number {
  const info = db
    .prepare(
      `INSERT INTO shift_template (team_id, code, name, start_local, end_local, break_minutes, color, skill)
       VALUES (@teamId, @code, @name, @startLocal, @endLocal, @breakMinutes, @color, @skill)`,
    )
    .run(t);
  return Number(info.lastInsertRowid);
}

/** Every template of a team, removed ones too: old shifts keep their code. */
export function allTemplates(db: Db, teamId: number): ShiftTemplate[] {
  return (db.prepare('SELECT * FROM shift_template WHERE team_id = ?').all(teamId) as TemplateRow[]).map(toTemplate);
}

export function getTemplate(db: Db, id: number): ShiftTemplate | null {
  const row = db.prepare('SELECT * FROM shift_template WHERE id = ?').get(id) as TemplateRow | undefined;
  return row ? toTemplate(row) : null;
}

export function updateTemplate(db: Db, id: number, t: TemplateValues): void {
  db.prepare(
    `UPDATE shift_template SET code = @code, name = @name, start_local = @startLocal, end_local = @endLocal,
       break_minutes = @breakMinutes, color = @color, skill = @skill WHERE id = @id`,
  ).run({ ...t, id });
}

/** Archived templates stay for the shifts that used them; their code becomes free again. */
export function archiveTemplate(db: Db, id: number, at: string): void {
  db.prepare('UPDATE shift_template SET archived_at = ? WHERE id = ?').run(at, id);
}
