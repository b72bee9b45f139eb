import { UserError } from '../core/errors';
import { publicHolidays } from '../core/holidays';
import { checkRules, loadRange, type Violation } from '../core/rules';
import { isoInZone, localClock, paidMinutes, shiftSpan, type CellValue, type Shift } from '../core/shift';
import type { Team } from '../core/team';
import type { ShiftTemplate } from '../core/template';
import { parsePlainDate, startOfWeek, Temporal } from '../core/time';
import type { HandlersOf, ServiceContext } from './context';
import { listPeople } from './people';
import * as shifts from './shifts';
import * as templates from './templates';

/** Handlers for shift templates and the rota's shifts. */

type RosterMethods =
  | 'template.list'
  | 'template.create'
  | 'template.update'
  | 'template.archive'
  | 'shift.list'
  | 'shift.setCells'
  | 'shift.clearRange'
  | 'shift.copyWeek'
  | 'roster.check'
  | 'holiday.list';

/** The longest range one call may read or change: a little over a year. */
const MAX_RANGE_DAYS = 400;

export function dayRange(from: string, to: string, path: (string | number)[] = ['to']): { from: Temporal.PlainDate; to: Temporal.PlainDate } {
  const a = parsePlainDate(from);
  const b = parsePlainDate(to);
  if (!a || !b) throw new UserError('invalid_date', 'Dates must be real dates written YYYY-MM-DD', path);
  if (Temporal.PlainDate.compare(a, b) > 0) throw new UserError('reversed_range', `The range ends (${to}) before it starts (${from})`, path);
  if (a.until(b).days > MAX_RANGE_DAYS) throw new UserError('too_big', `At most ${MAX_RANGE_DAYS} days at once`, path);
  return { from: a, to: b };
}

export function toShift(row: shifts.ShiftRow, team: Team, byId: ReadonlyMap<number, ShiftTemplate>): Shift {
  return {
    ...row,
    start: isoInZone(row.startUtc, team.timeZone),
    end: isoInZone(row.endUtc, team.timeZone),
    startLocal: localClock(row.startUtc, team.timeZone),
    endLocal: localClock(row.endUtc, team.timeZone),
    code: row.templateId === null ? null : (byId.get(row.templateId)?.code ?? null),
    paidMinutes: paidMinutes(row, row.breakMinutes),
  };
}

export function rosterHandlers(ctx: ServiceContext): HandlersOf<RosterMethods> {
  const { db } = ctx;

  /** All templates of a team by id, archived ones too: old shifts keep their code. */
  const templatesById = (teamId: number) =>
    new Map(
      (db.prepare('SELECT id FROM shift_template WHERE team_id = ?').pluck().all(teamId) as number[]).map((id) => [id, templates.getTemplate(db, id) as ShiftTemplate]),
    );

  const checkTemplateSkill = (team: Team, skill: string | null) => {
    if (skill !== null && !team.skills.includes(skill)) {
      throw new UserError('unknown_skill', `"${skill}" is not a skill of ${team.name} (${team.skills.join(', ')})`, ['skill']);
    }
  };
  const checkCodeFree = (teamId: number, code: string, exceptId: number | null) => {
    const clash = templates.listTemplates(db, teamId).find((t) => t.code.toLocaleUpperCase('tr') === code.toLocaleUpperCase('tr') && t.id !== exceptId);
    if (clash) throw new UserError('duplicate_code', `The code ${code} is already used by "${clash.name}"`, ['code']);
  };

  /** The shift a cell value makes on a roster day, DST-correct in the team's zone. */
  const shiftFor = (team: Team, byCode: ReadonlyMap<string, ShiftTemplate>, personId: number, day: string, value: CellValue, path: (string | number)[]): shifts.NewShift => {
    const date = Temporal.PlainDate.from(day);
    if ('code' in value) {
      const t = byCode.get(value.code.toLocaleUpperCase('tr'));
      if (!t) {
        const known = [...byCode.values()].map((x) => x.code).join(', ');
        throw new UserError('unknown_code', `There is no shift template with the code ${value.code}${known ? ` (codes: ${known})` : ''}`, [...path, 'code']);
      }
      const span = shiftSpan(date, t.startLocal, t.endLocal, team.timeZone);
      return { teamId: team.id, personId, day, ...span, templateId: t.id, breakMinutes: t.breakMinutes, skill: t.skill, locked: false, note: '' };
    }
    const skill = value.skill ?? null;
    if (skill !== null && !team.skills.includes(skill)) throw new UserError('unknown_skill', `"${skill}" is not a skill of ${team.name}`, [...path, 'skill']);
    const span = shiftSpan(date, value.startLocal, value.endLocal, team.timeZone);
    return { teamId: team.id, personId, day, ...span, templateId: null, breakMinutes: value.breakMinutes ?? 0, skill, locked: false, note: '' };
  };

  const holidaysOf = (team: Team, from: string, to: string) =>
    publicHolidays(team.country, team.rules.holidayRegion, team.timeZone, from, to, team.locale.slice(0, 2));

  /** The rule check over [from, to], loading enough around it to see across its edges. */
  const violationsOf = (team: Team, from: string, to: string): Violation[] => {
    const load = loadRange(from, to, team.weekStart, team.rules);
    const people = listPeople(db, team.id, '', true);
    return checkRules({ shifts: shifts.listShifts(db, team.id, load.from, load.to), people, rules: team.rules, weekStart: team.weekStart, from, to });
  };

  return {
    'template.list': ({ teamId }) => {
      ctx.requireTeam(teamId);
      return templates.listTemplates(db, teamId);
    },
    'template.create': (input) => {
      const team = ctx.requireTeam(input.teamId);
      checkTemplateSkill(team, input.skill);
      checkCodeFree(team.id, input.code, null);
      return templates.getTemplate(db, templates.insertTemplate(db, input)) as ShiftTemplate;
    },
    'template.update': ({ id, ...patch }) => {
      const current = templates.getTemplate(db, id);
      if (!current) throw new UserError('not_found', `There is no shift template with id ${id}`, ['id']);
      const team = ctx.requireTeam(current.teamId);
      const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as ShiftTemplate;
      checkTemplateSkill(team, next.skill);
      if (patch.code !== undefined) checkCodeFree(team.id, next.code, id);
      templates.updateTemplate(db, id, next);
      return templates.getTemplate(db, id) as ShiftTemplate;
    },
    'template.archive': ({ id }) => {
      if (!templates.getTemplate(db, id)) throw new UserError('not_found', `There is no shift template with id ${id}`, ['id']);
      templates.archiveTemplate(db, id, ctx.stamp());
      return { id };
    },

    'shift.list': ({ teamId, from, to }) => {
      const team = ctx.requireTeam(teamId);
      dayRange(from, to);
      const byId = templatesById(teamId);
      return shifts.listShifts(db, teamId, from, to).map((r) => toShift(r, team, byId));
    },
    'shift.setCells': ({ teamId, entries }) => {
      const team = ctx.requireTeam(teamId);
      const byCode = new Map(templates.listTemplates(db, teamId).map((t) => [t.code.toLocaleUpperCase('tr'), t]));
      const checked = new Set<number>();
      const seen = new Set<string>();
      const at = ctx.stamp();
      let removed = 0;
      const ids: number[] = [];
      entries.forEach(({ personId, day, value }, i) => {
        if (!checked.has(personId)) {
          const person = ctx.requirePerson(personId, ['entries', i, 'personId']);
          if (person.teamId !== teamId) throw new UserError('not_found', `${person.name} is not in ${team.name}`, ['entries', i, 'personId']);
          if (person.archived) throw new UserError('archived', `${person.name} is archived; restore them to plan shifts`, ['entries', i, 'personId']);
          checked.add(personId);
        }
        const key = `${personId}|${day}`;
        if (seen.has(key)) throw new UserError('duplicate_cell', `The same cell appears twice (${day})`, ['entries', i]);
        seen.add(key);
        removed += shifts.deleteCell(db, personId, day);
        if (value) ids.push(shifts.insertShift(db, shiftFor(team, byCode, personId, day, value, ['entries', i, 'value']), at));
      });
      const byId = templatesById(teamId);
      return { shifts: ids.map((id) => toShift(shifts.getShift(db, id) as shifts.ShiftRow, team, byId)), removed };
    },
    'shift.clearRange': ({ teamId, from, to, personIds }) => {
      ctx.requireTeam(teamId);
      dayRange(from, to);
      return { removed: shifts.deleteRange(db, teamId, from, to, personIds) };
    },
    'roster.check': ({ teamId, from, to }) => {
      const team = ctx.requireTeam(teamId);
      dayRange(from, to);
      return violationsOf(team, from, to);
    },
    'holiday.list': ({ teamId, from, to }) => {
      const team = ctx.requireTeam(teamId);
      dayRange(from, to);
      return holidaysOf(team, from, to);
    },
    'shift.copyWeek': ({ teamId, weekStart, weeks, personIds }) => {
      const team = ctx.requireTeam(teamId);
      const start = parsePlainDate(weekStart);
      if (!start) throw new UserError('invalid_date', 'weekStart must be a real date written YYYY-MM-DD', ['weekStart']);
      if (!startOfWeek(start, team.weekStart).equals(start)) {
        throw new UserError('not_week_start', `${weekStart} is not the first day of ${team.name}'s week`, ['weekStart']);
      }
      const end = start.add({ days: 6 });
      const source = shifts.listShifts(db, teamId, start.toString(), end.toString()).filter((s) => !personIds || personIds.includes(s.personId));
      const people = personIds ?? [...new Set(source.map((s) => s.personId))];
      const at = ctx.stamp();
      let removed = 0;
      let created = 0;
      for (let w = 1; w <= weeks; w += 1) {
        const offset = { days: 7 * w };
        removed += shifts.deleteRange(db, teamId, start.add(offset).toString(), end.add(offset).toString(), people);
        for (const s of source) {
          // Copy the local times, not the instants: a week after a DST change keeps 07:00 at 07:00.
          const day = Temporal.PlainDate.from(s.day).add(offset);
          const span = shiftSpan(day, localClock(s.startUtc, team.timeZone), localClock(s.endUtc, team.timeZone), team.timeZone);
          shifts.insertShift(db, { ...s, day: day.toString(), ...span }, at);
          created += 1;
        }
      }
      return { created, removed };
    },
  };
}
