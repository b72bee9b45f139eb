import { importText } from '../../core/text-decode';
import { UserError } from '../../core/errors';
import { parseHolidayCsv, parseHolidayIcs, type ImportedHoliday } from '../../core/holiday-import';
import { holidayDays, mergeHolidays, type HolidayAdjustment, type HolidayAdjustmentKind, type HolidayDays, type TeamHoliday } from '../../core/holiday-merge';
import { publicHolidays } from '../../core/holidays';
import type { Team } from '../../core/team';
import type { HandlersOf, ServiceContext } from '../context';
import type { Db } from '../open';
import { dayRange } from '../../core/ranges';

/**
 * A team's holidays: its country's public list (date-holidays) with the team's
 * adjustments (table team_holiday) merged in by core/holiday-merge.ts. Every
 * part of the planner that asks "is this day a holiday?" asks here: leave
 * balances, on-call, costs, the forecast, opening hours, the rota and its print.
 */

type HolidayMethods = 'holiday.list' | 'holiday.add' | 'holiday.remove' | 'holiday.restore' | 'holiday.move' | 'holiday.setHalf' | 'holiday.import';

interface AdjustmentRow {
  id: number;
  day: string;
  kind: HolidayAdjustmentKind;
  name: string;
  half: number;
}

function adjustmentsOf(db: Db, teamId: number, from: string, to: string): HolidayAdjustment[] {
  const rows = db.prepare('SELECT id, day, kind, name, half FROM team_holiday WHERE team_id = ? AND day BETWEEN ? AND ? ORDER BY day, kind').all(teamId, from, to) as AdjustmentRow[];
  return rows.map((r) => ({ id: r.id, day: r.day, kind: r.kind, name: r.name, half: r.half === 1 }));
}

/** The team's holidays over local days [from, to], removed public days included (marked). Names in the team's language. */
export function teamHolidays(db: Db, team: Team, from: string, to: string): TeamHoliday[] {
  const source = publicHolidays(team.country, team.rules.holidayRegion, team.timeZone, from, to, team.locale.slice(0, 2));
  return mergeHolidays(source, adjustmentsOf(db, team.id, from, to));
}

/** The team's whole and half holidays over [from, to], as day sets. */
export function teamHolidayDays(db: Db, team: Team, from: string, to: string): HolidayDays {
  return holidayDays(teamHolidays(db, team, from, to));
}

export function holidayHandlers(ctx: ServiceContext): HandlersOf<HolidayMethods> {
  const { db } = ctx;

  const onDay = (team: Team, day: string) => teamHolidays(db, team, day, day);
  const find = (team: Team, day: string, source: 'public' | 'team', path: (string | number)[]): TeamHoliday => {
    const h = onDay(team, day).find((x) => x.source === source);
    if (!h) throw new UserError('not_found', source === 'public' ? `${day} is not a public holiday of ${team.name}` : `${team.name} has no holiday of its own on ${day}`, path);
    return h;
  };
  /** Refuses a day that already is one of the team's holidays (a removed public day does not count). */
  const checkFree = (team: Team, day: string, path: (string | number)[]) => {
    const there = onDay(team, day).find((x) => !x.removed);
    if (there) throw new UserError('holiday_exists', `${day} is already a holiday of ${team.name}: ${there.name}`, path);
  };
  const insert = (teamId: number, day: string, kind: HolidayAdjustmentKind, name = '', half = false) =>
    db.prepare('INSERT INTO team_holiday (team_id, day, kind, name, half, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(teamId, day, kind, name, half ? 1 : 0, ctx.stamp());
  const drop = (teamId: number, day: string, kind: HolidayAdjustmentKind) => db.prepare('DELETE FROM team_holiday WHERE team_id = ? AND day = ? AND kind = ?').run(teamId, day, kind);
  const after = (team: Team, day: string, source: 'public' | 'team'): TeamHoliday => find(team, day, source, ['day']);

  return {
    'holiday.list': ({ teamId, year, from, to }) => {
      const team = ctx.requireTeam(teamId);
      if (year !== undefined) {
        if (from !== undefined || to !== undefined) throw new UserError('invalid', 'Give either a year or from and to, not both', ['year']);
        return teamHolidays(db, team, `${String(year).padStart(4, '0')}-01-01`, `${String(year).padStart(4, '0')}-12-31`);
      }
      if (from === undefined) throw new UserError('required', 'Give a year, or from and to', ['from']);
      if (to === undefined) throw new UserError('required', 'Give a year, or from and to', ['to']);
      dayRange(from, to);
      return teamHolidays(db, team, from, to);
    },
    'holiday.add': ({ teamId, day, name, half }) => {
      const team = ctx.requireTeam(teamId);
      checkFree(team, day, ['day']);
      insert(team.id, day, 'add', name, half);
      return after(team, day, 'team');
    },
    'holiday.remove': ({ teamId, day, source }) => {
      const team = ctx.requireTeam(teamId);
      const h = find(team, day, source, ['day']);
      if (source === 'team') drop(team.id, day, 'add');
      else if (!h.removed) insert(team.id, day, 'remove');
      return { day };
    },
    'holiday.restore': ({ teamId, day }) => {
      const team = ctx.requireTeam(teamId);
      const h = find(team, day, 'public', ['day']);
      if (!h.removed) throw new UserError('not_removed', `${day} (${h.name}) is on the list already`, ['day']);
      // The team's own day there replaced it; restoring the public day makes that one redundant.
      if (onDay(team, day).some((x) => x.source === 'team')) throw new UserError('holiday_exists', `${day} has a holiday of the team's own; remove it first`, ['day']);
      drop(team.id, day, 'remove');
      return after(team, day, 'public');
    },
    'holiday.move': ({ teamId, day, source, to }) => {
      const team = ctx.requireTeam(teamId);
      const h = find(team, day, source, ['day']);
      if (h.removed) throw new UserError('not_found', `${day} (${h.name}) was removed; restore it before moving it`, ['day']);
      if (to === day) throw new UserError('same_day', `${h.name} is on ${day} already`, ['to']);
      checkFree(team, to, ['to']);
      if (source === 'team') {
        db.prepare("UPDATE team_holiday SET day = ? WHERE team_id = ? AND day = ? AND kind = 'add'").run(to, team.id, day);
      } else {
        insert(team.id, day, 'remove');
        insert(team.id, to, 'add', h.name, h.half);
      }
      return after(team, to, 'team');
    },
    'holiday.setHalf': ({ teamId, day, source, half }) => {
      const team = ctx.requireTeam(teamId);
      const h = find(team, day, source, ['day']);
      if (h.half !== half) {
        if (source === 'team') db.prepare("UPDATE team_holiday SET half = ? WHERE team_id = ? AND day = ? AND kind = 'add'").run(half ? 1 : 0, team.id, day);
        else if (half) insert(team.id, day, 'half');
        else drop(team.id, day, 'half');
      }
      return after(team, day, source);
    },
    'holiday.import': ({ teamId, format, text: asText, bytes, encoding }) => {
      const team = ctx.requireTeam(teamId);
      const text = importText({ csv: asText, bytes, encoding }, team.locale);
      const rows: ImportedHoliday[] = format === 'csv' ? parseHolidayCsv(text) : parseHolidayIcs(text);
      const days = rows.map((r) => r.day).sort();
      const existing = new Map(teamHolidays(db, team, days[0] ?? '2000-01-01', days.at(-1) ?? '2000-01-01').filter((x) => !x.removed).map((x) => [x.day, x.name]));
      const seen = new Map<string, number>();
      const skipped: { line: number; day: string; reason: string }[] = [];
      let added = 0;
      for (const r of rows) {
        const earlier = seen.get(r.day);
        if (earlier !== undefined) {
          skipped.push({ line: r.line, day: r.day, reason: earlier === r.line ? 'the event covers it already' : `line ${earlier} has the same day` });
          continue;
        }
        seen.set(r.day, r.line);
        const there = existing.get(r.day);
        if (there !== undefined) {
          skipped.push({ line: r.line, day: r.day, reason: `already a holiday: ${there}` });
          continue;
        }
        insert(team.id, r.day, 'add', r.name, r.half);
        added += 1;
      }
      return { added, skipped };
    },
  };
}
