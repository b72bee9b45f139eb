import type { CostRow, RosterWeek } from '../../core/contract';
import { monthKey } from '../../core/calendar';
import { roundMoney, shiftCost } from '../../core/cost';
import { parseCsv, spreadsheetCsv } from '../../core/csv';
import { importText } from '../../core/text-decode';
import { exportDialect } from '../../core/report-tables';
import { settingsOf } from '../sql/settings';
import { UserError } from '../../core/errors';
import { importError } from '../../core/people-import';
import { parseRosterRecords, ROSTER_COLUMNS } from '../../core/roster-import';
import { matchPerson, personNotFound, type Person } from '../../core/person';
import { teamHolidayDays, teamHolidays } from './holidays';
import { expandPattern, OFF, type Pattern } from '../../core/pattern';
import { checkRules, expectedHoursInRange, loadRange, onLeaveTest, type ContractExpectation, type RuleShift, type Violation } from '../../core/rules';
import { clockSpan, codeKey, paidMinutes, type CellValue, type Shift } from '../../core/shift';
import type { Team } from '../../core/team';
import type { ShiftTemplate } from '../../core/template';
import { parsePlainDate, startOfWeek, Temporal } from '../../core/time';
import { zoneClock, type ZoneClock } from '../../core/zone-clock';
import { daysBetween } from '../../core/absence';
import { uncovered } from './absences';
import { approvedFullDays, listAbsences } from '../sql/absences';
import type { HandlersOf, ServiceContext, StepsOf } from '../context';
import type { ApiResult } from '../../core/result';
import type { MethodOutput } from '../../core/contract';
import { readXlsx, writeXlsx } from '../xlsx';
import { dayRange } from '../../core/ranges';
import { standbyEntries } from './oncall';
import { listPeople } from '../sql/people';
import * as patterns from '../sql/patterns';
import * as shifts from '../sql/shifts';
import * as templates from '../sql/templates';

/** Handlers for the rota's shifts, patterns, the roster file and its checks. */

type RosterMethods =
  | 'shift.list'
  | 'shift.setCells'
  | 'shift.update'
  | 'shift.delete'
  | 'shift.setActivities'
  | 'shift.clearRange'
  | 'shift.copyWeek'
  | 'pattern.list'
  | 'pattern.create'
  | 'pattern.archive'
  | 'pattern.apply'
  | 'roster.import'
  | 'roster.export'
  | 'roster.check'
  | 'roster.week'
  | 'roster.costs';

export function toShift(row: shifts.ShiftRow, clock: ZoneClock, byId: ReadonlyMap<number, ShiftTemplate>, activities: readonly shifts.ActivityRow[] = []): Shift {
  // Field by field, not {...row}: spreading thousands of rows was most of a week's load time.
  return {
    id: row.id,
    teamId: row.teamId,
    personId: row.personId,
    day: row.day,
    startUtc: row.startUtc,
    endUtc: row.endUtc,
    templateId: row.templateId,
    breakMinutes: row.breakMinutes,
    skill: row.skill,
    locked: row.locked,
    note: row.note,
    activities: activities.map((a) => ({ kind: a.kind, start: clock.iso(a.startUtc), end: clock.iso(a.endUtc), startLocal: clock.hhmm(a.startUtc), endLocal: clock.hhmm(a.endUtc) })),
    start: clock.iso(row.startUtc),
    end: clock.iso(row.endUtc),
    startLocal: clock.hhmm(row.startUtc),
    endLocal: clock.hhmm(row.endUtc),
    code: row.templateId === null ? null : (byId.get(row.templateId)?.code ?? null),
    paidMinutes: paidMinutes(row, row.breakMinutes),
  };
}

/**
 * The rule check over [from, to], loading enough around it to see across its edges. `revise`
 * may change the shifts first (a draft checked before it is written).
 */
export function ruleViolations(
  ctx: ServiceContext,
  team: Team,
  from: string,
  to: string,
  options: { clock?: ZoneClock; revise?: (stored: shifts.CheckedShift[]) => RuleShift[] } = {},
): Violation[] {
  const { db } = ctx;
  const clock = options.clock ?? zoneClock(team.timeZone);
  const load = loadRange(from, to, team.weekStart, team.rules);
  const people = listPeople(db, team.id, '', true);
  const absences = approvedFullDays(db, team.id, load.from, load.to);
  const onCall = team.rules.onCallCountsForRest ? ctx.onCallSchedule(team, load.from, load.to).map((b) => ({ personId: b.personId, startUtc: b.startUtc, endUtc: b.endUtc, rotation: b.rotation })) : [];
  const stored = shifts.listCheckedShifts(db, team.id, load.from, load.to);
  return checkRules({ shifts: options.revise ? options.revise(stored) : stored, people, absences, onCall, rules: team.rules, weekStart: team.weekStart, from, to, clock });
}

/**
 * What each person's contract expects over days within [from, to], counted by the rule check's
 * function: approved full-day leave and days outside employment lower it. The rota grid and the
 * cost and hours reports show this, so "of N h" there is the figure the rule checks against.
 */
export function contractExpectation(ctx: ServiceContext, team: Team, from: string, to: string, clock: ZoneClock): (person: Person, first: string, last: string) => ContractExpectation {
  const onLeave = onLeaveTest(approvedFullDays(ctx.db, team.id, from, to));
  return (person, first, last) => expectedHoursInRange(person, first, last, team.rules, clock, (d) => onLeave(person.id, d));
}

/** Hours as minutes for the API, to the hundredth (a 32 h week spread over 5 days is 384 min a day). */
const minutesOf = (hours: number) => Math.round(hours * 6000) / 100;

export function rosterHandlers(ctx: ServiceContext): HandlersOf<RosterMethods> {
  const { db } = ctx;

  /** All templates of a team by id, archived ones too: old shifts keep their code. */
  const templatesById = (teamId: number) => new Map(templates.allTemplates(db, teamId).map((t) => [t.id, t]));

  /** Shifts as the API shows them, with their activities (one query for all). */
  const shiftsOut = (rows: readonly shifts.ShiftRow[], clock: ZoneClock, byId: ReadonlyMap<number, ShiftTemplate>): Shift[] => {
    const activities = shifts.activitiesOf(db, rows.map((r) => r.id));
    return rows.map((r) => toShift(r, clock, byId, activities.get(r.id)));
  };

  /** The shift a cell value makes on a roster day, DST-correct in the team's zone. */
  const shiftFor = (team: Team, clock: ZoneClock, byCode: ReadonlyMap<string, ShiftTemplate>, personId: number, day: string, value: CellValue, path: (string | number)[]): shifts.NewShift => {
    if ('code' in value) {
      const t = byCode.get(codeKey(value.code));
      if (!t) {
        const known = [...byCode.values()].map((x) => x.code).join(', ');
        throw new UserError('unknown_code', `There is no shift template with the code ${value.code}${known ? ` (codes: ${known})` : ''}`, [...path, 'code']);
      }
      const span = clockSpan(clock, day, t.startLocal, t.endLocal);
      return { teamId: team.id, personId, day, ...span, templateId: t.id, breakMinutes: t.breakMinutes, skill: t.skill, locked: false, note: '' };
    }
    const skill = value.skill ?? null;
    if (skill !== null && !team.skills.includes(skill)) throw new UserError('unknown_skill', `"${skill}" is not a skill of ${team.name}`, [...path, 'skill']);
    const span = clockSpan(clock, day, value.startLocal, value.endLocal);
    return { teamId: team.id, personId, day, ...span, templateId: null, breakMinutes: value.breakMinutes ?? 0, skill, locked: false, note: '' };
  };

  /** The team's adjusted holidays in effect (removed public days left out). */
  const holidaysOf = (team: Team, from: string, to: string) => teamHolidays(db, team, from, to).filter((h) => !h.removed);

  const violationsOf = (team: Team, from: string, to: string, clock: ZoneClock = zoneClock(team.timeZone)): Violation[] => ruleViolations(ctx, team, from, to, { clock });

  /**
   * Sets rota cells (replacing what each held): the one write path of the grid,
   * paste, fill, imports and the demo. Refuses the whole change on the first bad
   * entry, naming it through `pathOf`.
   */
  const writeCells = (
    team: Team,
    clock: ZoneClock,
    entries: readonly { personId: number; day: string; value: CellValue | null }[],
    pathOf: (i: number) => (string | number)[],
  ): { shifts: Shift[]; removed: number } => {
    const byCode = new Map(templates.listTemplates(db, team.id).map((t) => [codeKey(t.code), t]));
    const checked = new Set<number>();
    const seen = new Set<string>();
    const at = ctx.stamp();
    let removed = 0;
    const ids: number[] = [];
    entries.forEach(({ personId, day, value }, i) => {
      if (!checked.has(personId)) {
        const person = ctx.requirePerson(personId, [...pathOf(i), 'personId']);
        if (person.teamId !== team.id) throw new UserError('not_found', `${person.name} is not in ${team.name}`, [...pathOf(i), 'personId']);
        if (person.archived) throw new UserError('archived', `${person.name} is archived; restore them to plan shifts`, [...pathOf(i), 'personId']);
        checked.add(personId);
      }
      const key = `${personId}|${day}`;
      if (seen.has(key)) throw new UserError('duplicate_cell', `${ctx.requirePerson(personId).name} has the same day twice (${day})`, pathOf(i));
      seen.add(key);
      removed += shifts.deleteCell(db, personId, day);
      if (value) ids.push(shifts.insertShift(db, shiftFor(team, clock, byCode, personId, day, value, [...pathOf(i), 'value']), at));
    });
    const byId = templatesById(team.id);
    return { shifts: shiftsOut(ids.map((id) => shifts.getShift(db, id) as shifts.ShiftRow), clock, byId), removed };
  };

  const checkCycleCodes = (team: Team, cycle: readonly string[], path: (string | number)[]) => {
    const codes = new Set(templates.listTemplates(db, team.id).map((t) => codeKey(t.code)));
    cycle.forEach((step, i) => {
      if (step !== OFF && !codes.has(codeKey(step))) {
        throw new UserError('unknown_code', `Day ${i + 1} of the cycle: there is no shift template with the code ${step}`, [...path, i]);
      }
    });
  };

  return {

    'shift.list': ({ teamId, from, to }) => {
      const team = ctx.requireTeam(teamId);
      dayRange(from, to);
      const byId = templatesById(teamId);
      const clock = zoneClock(team.timeZone);
      return shiftsOut(shifts.listShifts(db, teamId, from, to), clock, byId);
    },
    'shift.setCells': ({ teamId, entries }) => {
      const team = ctx.requireTeam(teamId);
      const clock = zoneClock(team.timeZone);
      return writeCells(team, clock, entries, (i) => ['entries', i]);
    },
    'shift.update': ({ id, startUtc, endUtc, personId, breakMinutes, note }) => {
      const current = shifts.getShift(db, id);
      if (!current) throw new UserError('not_found', `There is no shift with id ${id}`, ['id']);
      const team = ctx.requireTeam(current.teamId);
      if (endUtc <= startUtc) throw new UserError('reversed_range', 'A shift must end after it starts', ['endUtc']);
      if (endUtc - startUtc > 24 * 3600) throw new UserError('too_big', 'A shift is at most 24 hours long', ['endUtc']);
      if (personId !== undefined && personId !== current.personId) {
        const p = ctx.requirePerson(personId, ['personId']);
        if (p.teamId !== team.id) throw new UserError('not_found', `${p.name} is not in ${team.name}`, ['personId']);
        if (p.archived) throw new UserError('archived', `${p.name} is archived; restore them to plan shifts`, ['personId']);
      }
      const clock = zoneClock(team.timeZone);
      const template = current.templateId === null ? null : templates.getTemplate(db, current.templateId);
      // Still that template only while the local times are the template's.
      const keepsTemplate = template !== null && clock.hhmm(startUtc) === template.startLocal && clock.hhmm(endUtc) === template.endLocal;
      const next = {
        ...current,
        personId: personId ?? current.personId,
        day: clock.dayOf(startUtc),
        startUtc,
        endUtc,
        templateId: keepsTemplate ? current.templateId : null,
        breakMinutes: breakMinutes ?? current.breakMinutes,
        note: note ?? current.note,
      };
      if (next.breakMinutes >= (endUtc - startUtc) / 60) throw new UserError('too_big', 'The break is longer than the shift', ['breakMinutes']);
      shifts.updateShift(db, id, next, ctx.stamp());
      return shiftsOut([shifts.getShift(db, id) as shifts.ShiftRow], clock, templatesById(team.id))[0] as Shift;
    },
    'shift.setActivities': ({ id, activities }) => {
      const current = shifts.getShift(db, id);
      if (!current) throw new UserError('not_found', `There is no shift with id ${id}`, ['id']);
      const team = ctx.requireTeam(current.teamId);
      const clock = zoneClock(team.timeZone);
      // A local time names the instant inside the shift: on its roster day or, for a night shift, the next.
      const inside = (hhmm: string, allowEnd: boolean) =>
        [current.day, clock.addDays(current.day, 1)].map((d) => clock.at(d, hhmm)).find((t) => t >= current.startUtc && (allowEnd ? t <= current.endUtc : t < current.endUtc));
      const placed = activities.map((a, i) => {
        const startUtc = inside(a.startLocal, false);
        const endUtc = startUtc === undefined ? undefined : [current.day, clock.addDays(current.day, 1)].map((d) => clock.at(d, a.endLocal)).find((t) => t > startUtc && t <= current.endUtc);
        if (startUtc === undefined || endUtc === undefined) {
          throw new UserError('outside_shift', `${a.startLocal}–${a.endLocal} is not inside the shift (${clock.hhmm(current.startUtc)}–${clock.hhmm(current.endUtc)})`, ['activities', i]);
        }
        return { kind: a.kind, startUtc, endUtc };
      });
      const sorted = [...placed].sort((a, b) => a.startUtc - b.startUtc);
      sorted.forEach((a, i) => {
        const next = sorted[i + 1];
        if (next && next.startUtc < a.endUtc) throw new UserError('overlap', `Two activities overlap at ${clock.hhmm(next.startUtc)}`, ['activities', placed.indexOf(next)]);
      });
      shifts.replaceActivities(db, id, sorted);
      const breakMinutes = sorted.filter((a) => a.kind === 'break').reduce((m, a) => m + (a.endUtc - a.startUtc) / 60, 0);
      // Activities are in the calendar event's description: one new revision either way.
      if (breakMinutes > 0) shifts.updateShift(db, id, { ...current, breakMinutes }, ctx.stamp());
      else shifts.bumpSequence(db, id);
      return shiftsOut([shifts.getShift(db, id) as shifts.ShiftRow], clock, templatesById(team.id))[0] as Shift;
    },
    'shift.delete': ({ id }) => {
      if (shifts.deleteShift(db, id) === 0) throw new UserError('not_found', `There is no shift with id ${id}`, ['id']);
      return { id };
    },
    'shift.clearRange': ({ teamId, from, to, personIds }) => {
      ctx.requireTeam(teamId);
      dayRange(from, to);
      return { removed: shifts.deleteRange(db, teamId, from, to, personIds) };
    },
    'pattern.list': ({ teamId }) => {
      ctx.requireTeam(teamId);
      return patterns.listPatterns(db, teamId);
    },
    'pattern.create': ({ teamId, name, cycle }) => {
      const team = ctx.requireTeam(teamId);
      checkCycleCodes(team, cycle, ['cycle']);
      return patterns.getPattern(db, patterns.insertPattern(db, { teamId, name, cycle })) as Pattern;
    },
    'pattern.archive': ({ id }) => {
      if (!patterns.getPattern(db, id)) throw new UserError('not_found', `There is no pattern with id ${id}`, ['id']);
      patterns.archivePattern(db, id, ctx.stamp());
      return { id };
    },
    'pattern.apply': (input) => {
      const team = ctx.requireTeam(input.teamId);
      let cycle = input.cycle;
      if (input.patternId !== null) {
        const saved = patterns.getPattern(db, input.patternId);
        if (!saved || saved.teamId !== team.id) throw new UserError('not_found', `There is no pattern with id ${input.patternId} in ${team.name}`, ['patternId']);
        cycle = saved.cycle;
      }
      if (!cycle) throw new UserError('required', 'Give a saved pattern (patternId) or a cycle', ['cycle']);
      checkCycleCodes(team, cycle, ['cycle']);
      if (input.offsets && input.offsets.length !== input.personIds.length) {
        throw new UserError('invalid', `Give one offset per person (${input.personIds.length}), not ${input.offsets.length}`, ['offsets']);
      }
      const start = parsePlainDate(input.start);
      if (!start) throw new UserError('invalid_date', 'start must be a real date written YYYY-MM-DD', ['start']);
      const days = input.weeks * 7;
      const last = start.add({ days: days - 1 }).toString();
      input.personIds.forEach((pid, i) => {
        const p = ctx.requirePerson(pid, ['personIds', i]);
        if (p.teamId !== team.id) throw new UserError('not_found', `${p.name} is not in ${team.name}`, ['personIds', i]);
        if (p.archived) throw new UserError('archived', `${p.name} is archived; restore them to plan shifts`, ['personIds', i]);
      });
      const existing = input.personIds.reduce((n, pid) => n + shifts.countInRange(db, pid, start.toString(), last), 0);
      if (existing > 0 && !input.replace) {
        throw new UserError('would_replace', `${existing} existing shift(s) between ${start.toString()} and ${last} would be replaced; confirm to replace them`, ['replace']);
      }
      const removed = shifts.deleteRange(db, team.id, start.toString(), last, input.personIds);
      const byCode = new Map(templates.listTemplates(db, team.id).map((t) => [codeKey(t.code), t]));
      const at = ctx.stamp();
      const clock = zoneClock(team.timeZone);
      let created = 0;
      input.personIds.forEach((pid, i) => {
        const offset = input.offsets?.[i] ?? i * input.stagger;
        for (const d of expandPattern(cycle, start, days, offset)) {
          if (d.code === null) continue;
          shifts.insertShift(db, shiftFor(team, clock, byCode, pid, d.day, { code: d.code }, ['cycle']), at);
          created += 1;
        }
      });
      return { created, removed };
    },
    'roster.import': ({ teamId, format, data, rows, bytes, encoding }) => {
      const team = ctx.requireTeam(teamId);
      const records = format === 'csv' ? parseCsv(importText({ csv: data, bytes, encoding }, team.locale)) : rows.map((r) => ({ line: r.line, fields: [...r.fields] }));
      const parsed = parseRosterRecords(records, { locale: team.locale });
      const problems = [...parsed.problems];
      const everyone = listPeople(db, team.id, '', true);
      const codes = new Set(templates.listTemplates(db, team.id).map((t) => codeKey(t.code)));
      const entries: { personId: number; day: string; value: CellValue | null }[] = [];
      // Person and day → the line that first set that cell, so a second one names both lines.
      const firstLineOf = new Map<string, number>();
      for (const row of parsed.rows) {
        const match = matchPerson(everyone, row.person);
        const bad = (column: string, message: string) => problems.push({ line: row.line, column, message: `${column}: ${message}` });
        if (!match || 'ambiguous' in match) {
          bad('person', personNotFound(team.name, row.person, match));
          continue;
        }
        const { person } = match;
        if (person.archived) bad('person', `${person.name} is archived`);
        if (row.value && 'code' in row.value && !codes.has(codeKey(row.value.code))) bad('code', `there is no shift template with the code ${row.value.code}`);
        if (row.value && 'skill' in row.value && row.value.skill && !team.skills.includes(row.value.skill)) bad('skill', `${row.value.skill} is not a skill of ${team.name}`);
        const key = `${person.id}|${row.day}`;
        const earlier = firstLineOf.get(key);
        if (earlier === undefined) firstLineOf.set(key, row.line);
        else bad('date', `${person.name} on ${row.day} is already on line ${earlier}; a person has one cell a day`);
        entries.push({ personId: person.id, day: row.day, value: row.value });
      }
      if (problems.length) throw importError(problems);
      const written = writeCells(team, zoneClock(team.timeZone), entries, (i) => ['rows', parsed.rows[i]?.line ?? i]);
      return { created: written.shifts.length, removed: written.removed };
    },
    'roster.export': ({ teamId, from, to, csv }) => {
      const team = ctx.requireTeam(teamId);
      dayRange(from, to);
      const clock = zoneClock(team.timeZone);
      const byId = templatesById(teamId);
      const people = new Map(listPeople(db, teamId, '', true).map((p) => [p.id, p]));
      const list = shiftsOut(shifts.listShifts(db, teamId, from, to), clock, byId);
      const label = (id: number) => {
        const p = people.get(id);
        return p?.email ?? p?.name ?? String(id);
      };
      const table: (string | number)[][] = [[...ROSTER_COLUMNS]];
      list
        .slice()
        .sort((a, b) => a.day.localeCompare(b.day) || (people.get(a.personId)?.name ?? '').localeCompare(people.get(b.personId)?.name ?? '') || a.startUtc - b.startUtc)
        .forEach((x) => table.push([label(x.personId), x.day, x.code ?? '', x.startLocal, x.endLocal, x.breakMinutes, x.skill ?? '', Math.round((x.paidMinutes / 60) * 100) / 100]));
      const base = `roster-${team.name.replace(/[^\p{L}\p{N}]+/gu, '-')}-${from}-${to}`;
      const data = spreadsheetCsv(table, exportDialect(csv, settingsOf(db), team));
      return { filename: `${base}.csv`, mime: 'text/csv; charset=utf-8', encoding: 'utf8' as const, data, rows: list.length };
    },
    'roster.check': ({ teamId, from, to }) => {
      const team = ctx.requireTeam(teamId);
      dayRange(from, to);
      return violationsOf(team, from, to);
    },
    'roster.week': ({ teamId, weekStart }) => {
      const team = ctx.requireTeam(teamId);
      const start = parsePlainDate(weekStart);
      if (!start) throw new UserError('invalid_date', 'weekStart must be a real date written YYYY-MM-DD', ['weekStart']);
      if (!startOfWeek(start, team.weekStart).equals(start)) {
        throw new UserError('not_week_start', `${weekStart} is not the first day of ${team.name}'s week`, ['weekStart']);
      }
      const from = start.toString();
      const to = start.add({ days: 6 }).toString();
      const holidays = holidaysOf(team, from, to);
      const holidayDays = teamHolidayDays(db, team, from, to);
      const byId = templatesById(teamId);
      const clock = zoneClock(team.timeZone);
      const weekShifts = shiftsOut(shifts.listShifts(db, teamId, from, to), clock, byId);
      const everyone = listPeople(db, teamId, '', true);
      const withShifts = new Set(weekShifts.map((x) => x.personId));
      const standby = new Map<number, number>();
      for (const e of standbyEntries(ctx, team, from, to)) standby.set(e.personId, (standby.get(e.personId) ?? 0) + e.amount);
      const expectation = contractExpectation(ctx, team, from, to, clock);
      const rows = everyone
        .filter((p) => !p.archived || withShifts.has(p.id) || standby.has(p.id))
        .map((p) => {
          const mine = weekShifts.filter((x) => x.personId === p.id);
          const costs = mine.map((x) => shiftCost(x, p.hourlyRate, team.rules, clock, holidayDays.full, holidayDays.half));
          const onCallPay = standby.get(p.id) ?? 0;
          const expected = expectation(p, from, to);
          return {
            id: p.id,
            name: p.name,
            color: p.color,
            skills: p.skills,
            archived: p.archived,
            contractHoursPerWeek: p.contractHoursPerWeek,
            hourlyRate: p.hourlyRate,
            paidMinutes: costs.reduce((a, c) => a + c.paidMinutes, 0),
            expectedMinutes: minutesOf(expected.hours),
            leaveDays: expected.leaveDays,
            outsideEmploymentDays: expected.outsideEmploymentDays,
            cost: roundMoney(costs.reduce((a, c) => a + c.cost, 0) + onCallPay),
            standby: roundMoney(onCallPay),
          };
        });
      const uncoveredIds = new Set(uncovered(ctx, team, from, to).map((u) => u.shift.id));
      const weekAbsences = listAbsences(db, teamId, from, to, { statuses: ['requested', 'approved'] }).flatMap((a) =>
        daysBetween(clock, a.start > from ? a.start : from, a.end < to ? a.end : to).map((day) => ({
          personId: a.personId,
          day,
          absenceId: a.id,
          typeName: a.typeName,
          color: a.color,
          status: a.status as 'requested' | 'approved',
          hours: a.hours,
        })),
      );
      const coverage = new Map<string, { day: string; channel: string; people: Set<number> }>();
      for (const x of weekShifts) {
        if (!x.skill || uncoveredIds.has(x.id)) continue;
        const key = `${x.day}|${x.skill}`;
        const entry = coverage.get(key) ?? { day: x.day, channel: x.skill, people: new Set<number>() };
        entry.people.add(x.personId);
        coverage.set(key, entry);
      }
      // Each block once per local day it touches, clipped to that day (a day's end shows as 24:00).
      const onCall = ctx.onCallSchedule(team, from, to).flatMap((b) => {
        const startUtc = Date.parse(b.start) / 1000;
        const endUtc = Date.parse(b.end) / 1000;
        const out: RosterWeek['onCall'] = [];
        for (let d = clock.dayOf(startUtc); d <= to && clock.dayStart(d) < endUtc; d = clock.addDays(d, 1)) {
          const next = clock.dayStart(clock.addDays(d, 1));
          const a = Math.max(startUtc, clock.dayStart(d));
          const z = Math.min(endUtc, next);
          if (d >= from && z > a) out.push({ day: d, personId: b.personId, person: b.person, rotation: b.rotation, startLocal: clock.hhmm(a), endLocal: z === next ? '24:00' : clock.hhmm(z) });
        }
        return out;
      });
      return {
        weekStart: from,
        currency: team.currency,
        onCall,
        days: Array.from({ length: 7 }, (_, i) => {
          const day = start.add({ days: i }).toString();
          const named = holidays.filter((h) => h.day === day);
          return { day, holiday: named.map((h) => h.name).join(' · ') || null, halfHoliday: named.length > 0 && !holidayDays.full.has(day) };
        }),
        people: rows,
        shifts: weekShifts,
        absences: weekAbsences,
        uncovered: [...uncoveredIds],
        violations: violationsOf(team, from, to, clock),
        coverage: [...coverage.values()].map((c) => ({ day: c.day, channel: c.channel, people: c.people.size })),
        totals: {
          paidMinutes: rows.reduce((a, r) => a + r.paidMinutes, 0),
          expectedMinutes: minutesOf(rows.reduce((a, r) => a + r.expectedMinutes, 0) / 60),
          cost: roundMoney(rows.reduce((a, r) => a + r.cost, 0)),
          standby: roundMoney(rows.reduce((a, r) => a + r.standby, 0)),
        },
      };
    },
    'roster.costs': ({ teamId, from, to, by, calendar }) => {
      const team = ctx.requireTeam(teamId);
      dayRange(from, to);
      const holidayDays = teamHolidayDays(db, team, from, to);
      const clock = zoneClock(team.timeZone);
      const everyone = listPeople(db, teamId, '', true);
      const people = new Map(everyone.map((p) => [p.id, p]));
      const periodOf = (day: string) => (by === 'month' ? monthKey(day, calendar) : startOfWeek(Temporal.PlainDate.from(day), team.weekStart).toString());
      // Each period's days inside [from, to]: the first and last week or month may be cut by the range.
      const periods = new Map<string, { first: string; last: string }>();
      for (let d = from; d <= to; d = clock.addDays(d, 1)) {
        const span = periods.get(periodOf(d));
        if (span) span.last = d;
        else periods.set(periodOf(d), { first: d, last: d });
      }
      const expectation = contractExpectation(ctx, team, from, to, clock);
      const rows = new Map<string, CostRow>();
      const rowOf = (period: string, p: Person): CostRow => {
        const key = `${period}|${p.id}`;
        let row = rows.get(key);
        if (!row) {
          const span = periods.get(period) ?? { first: from, last: to };
          row = { period, personId: p.id, personName: p.name, paidMinutes: 0, expectedMinutes: minutesOf(expectation(p, span.first, span.last).hours), cost: 0, standby: 0 };
          rows.set(key, row);
        }
        return row;
      };
      // Everyone on the team while employed gets a row, shifts or not: a week of leave reads "0 of 0 h", an unplanned one "0 of 40 h".
      for (const [period, span] of periods) {
        for (const p of everyone) {
          const employed = (!p.employmentStart || p.employmentStart <= span.last) && (!p.employmentEnd || p.employmentEnd >= span.first);
          if (!p.archived && employed) rowOf(period, p);
        }
      }
      for (const r of shifts.listShifts(db, teamId, from, to)) {
        const p = people.get(r.personId);
        if (!p) continue;
        const c = shiftCost(r, p.hourlyRate, team.rules, clock, holidayDays.full, holidayDays.half);
        const row = rowOf(periodOf(r.day), p);
        row.paidMinutes += c.paidMinutes;
        row.cost += c.cost;
      }
      for (const e of standbyEntries(ctx, team, from, to)) {
        const p = people.get(e.personId);
        if (!p) continue;
        const row = rowOf(periodOf(e.day), p);
        row.cost += e.amount;
        row.standby += e.amount;
      }
      // The team's line per period: the sum of its people's.
      const teamRows = new Map<string, CostRow>();
      for (const r of rows.values()) {
        const t = teamRows.get(r.period) ?? { period: r.period, personId: null, personName: team.name, paidMinutes: 0, expectedMinutes: 0, cost: 0, standby: 0 };
        t.paidMinutes += r.paidMinutes;
        t.expectedMinutes += r.expectedMinutes;
        t.cost += r.cost;
        t.standby += r.standby;
        teamRows.set(r.period, t);
      }
      return [...rows.values(), ...teamRows.values()]
        .map((r) => ({ ...r, expectedMinutes: Math.round(r.expectedMinutes * 100) / 100, cost: roundMoney(r.cost), standby: roundMoney(r.standby) }))
        .sort((a, b) => a.period.localeCompare(b.period) || (a.personId === null ? 1 : 0) - (b.personId === null ? 1 : 0) || a.personName.localeCompare(b.personName));
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
      const clock = zoneClock(team.timeZone);
      const at = ctx.stamp();
      let removed = 0;
      let created = 0;
      for (let w = 1; w <= weeks; w += 1) {
        const offset = { days: 7 * w };
        removed += shifts.deleteRange(db, teamId, start.add(offset).toString(), end.add(offset).toString(), people);
        for (const s of source) {
          // Copy the local times, not the instants: a week after a DST change keeps 07:00 at 07:00.
          const day = clock.addDays(s.day, 7 * w);
          const span = clockSpan(clock, day, clock.hhmm(s.startUtc), clock.hhmm(s.endUtc));
          shifts.insertShift(db, { ...s, day, ...span }, at);
          created += 1;
        }
      }
      return { created, removed };
    },
  };
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The roster's workbook: read before the import (exceljs is asynchronous), written after the export's read. */
export const rosterSteps: StepsOf<'roster.import' | 'roster.export'> = {
  'roster.import': {
    when: (input) => input.format === 'xlsx',
    prepare: async (input) => ({ ...input, format: 'rows', data: '', rows: await readXlsx(Buffer.from(input.data, 'base64')) }),
  },
  'roster.export': {
    when: (input) => input.format === 'xlsx',
    finish: async (input, tools) => {
      // Read back in the plain dialect whatever the caller asked the CSV to be.
      const asCsv = tools.run('roster.export', { ...input, format: 'csv', csv: { separator: ',', decimal: '.' } }) as ApiResult<MethodOutput<'roster.export'>>;
      if (!asCsv.ok) return asCsv;
      // One table definition for both formats: the CSV's rows, with numbers as numbers.
      const table = parseCsv(asCsv.value.data).map((r) => r.fields.map((f, i) => (i >= 5 && /^-?\d+(\.\d+)?$/.test(f) ? Number(f) : f)));
      const bytes = await writeXlsx('Roster', table);
      return { ok: true, value: { ...asCsv.value, filename: asCsv.value.filename.replace(/\.csv$/, '.xlsx'), mime: XLSX_MIME, encoding: 'base64', data: bytes.toString('base64') } };
    },
  },
};
