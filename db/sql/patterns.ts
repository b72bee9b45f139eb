import type { Pattern } from '../../core/pattern';
import type { Db } from '../open';

interface PatternRow {
  id: number;
  team_id: number;
  name: string;
  cycle: string;
}

const toPattern = (r: PatternRow): Pattern => ({ id: r.id, teamId: r.team_id, name: r.name, cycle: JSON.parse(r.cycle) as string[] });

export function listPatterns(db: Db, teamId: number): Pattern[] {
  return (db.prepare('SELECT * FROM pattern WHERE team_id = ? AND archived_at IS NULL ORDER BY name').all(teamId) as PatternRow[]).map(toPattern);
}

export function getPattern(db: Db, id: number): Pattern | null {
  const row = db.prepare('SELECT * FROM pattern WHERE id = ? AND archived_at IS NULL').get(id) as PatternRow | undefined;
  return row ? toPattern(row) : null;
}

export function insertPattern(db: Db, p: Omit<Pattern, 'id'>): number {
  return Number(db.prepare('INSERT INTO pattern (team_id, name, cycle) VALUES (?, ?, ?)').run(p.teamId, p.name, JSON.stringify(p.cycle)).lastInsertRowid);
}

export function archivePattern(db: Db, id: number, at: string): void {
  db.prepare('UPDATE pattern SET archived_at = ? WHERE id = ?').run(at, id);
}
