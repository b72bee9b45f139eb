import { matchTeamName, type Team } from '../../core/team';
import { readRules } from '../../core/team-rules';
import { insertDefaultTypes } from './absences';
import type { Db } from '../open';

interface TeamRow {
  id: number;
  name: string;
  time_zone: string;
  locale: string;
  week_start: Team['weekStart'];
  country: string;
  currency: string;
  skills: string;
  rules: string;
  created_at: string;
}

const toTeam = (r: TeamRow): Team => ({
  id: r.id,
  name: r.name,
  timeZone: r.time_zone,
  locale: r.locale,
  weekStart: r.week_start,
  country: r.country,
  currency: r.currency,
  skills: JSON.parse(r.skills) as string[],
  rules: readRules(r.rules),
  createdAt: r.created_at,
});

export function listTeams(db: Db): Team[] {
  return (db.prepare('SELECT * FROM team ORDER BY name COLLATE NOCASE').all() as TeamRow[]).map(toTeam);
}

export function getTeam(db: Db, id: number): Team | null {
  const row = db.prepare('SELECT * FROM team WHERE id = ?').get(id) as TeamRow | undefined;
  return row ? toTeam(row) : null;
}

export function findTeamByName(db: Db, name: string): Team | null {
  return matchTeamName(listTeams(db), name);
}

export type TeamValues = Omit<Team, 'id' | 'createdAt'>;

export function insertTeam(db: Db, t: TeamValues, createdAt: string): number {
  const info = db
    .prepare(
      `INSERT INTO team (name, time_zone, locale, week_start, country, currency, skills, rules, created_at)
       VALUES (@name, @timeZone, @locale, @weekStart, @country, @currency, @skills, @rules, @createdAt)`,
    )
    .run({ ...t, skills: JSON.stringify(t.skills), rules: JSON.stringify(t.rules), createdAt });
  const id = Number(info.lastInsertRowid);
  insertDefaultTypes(db, id, t.locale);
  return id;
}

export function updateTeam(db: Db, id: number, t: TeamValues): void {
  db.prepare(
    `UPDATE team SET name = @name, time_zone = @timeZone, locale = @locale, week_start = @weekStart,
       country = @country, currency = @currency, skills = @skills, rules = @rules WHERE id = @id`,
  ).run({ ...t, skills: JSON.stringify(t.skills), rules: JSON.stringify(t.rules), id });
}
