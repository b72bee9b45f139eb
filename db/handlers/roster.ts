import { parseCsv, spreadsheetCsv } from '../../core/csv';
import { importText } from '../../core/text-decode';
import { exportDialect } from '../../core/report-tables';
import { settingsOf } from '../sql/settings';
import { UserError } from '../../core/errors';
import { importError } from '../../core/people-import';
import { parseRosterRecords, ROSTER_COLUMNS } from '../../core/roster-import';
import { matchPerson, personNotFound } from '../../core/person';
import { expandPattern, OFF, type Pattern } from '../../core/pattern';
import { type Violation } from '../../core/rules';
import { clockSpan, codeKey, type CellValue, type Shift } from '../../core/shift';
import type { Team } from '../../core/team';
import type { ShiftTemplate } from '../../core/template';
import { parsePlainDate, startOfWeek } from '../../core/time';
import { zoneClock, type ZoneClock } from '../../core/zone-clock';
import type { HandlersOf, ServiceContext, StepsOf } from '../context';
import type { ApiResult } from '../../core/result';
import type { MethodOutput } from '../../core/contract';
import { readXlsx, writeXlsx } from '../xlsx';
import { dayRange } from '../../core/ranges';
import { ruleViolations, shiftsAsShown, templatesOf } from './shift-reads';
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
  | 'roster.check';

export function rosterHandlers(ctx: ServiceContext): HandlersOf<RosterMethods> {
  const { db } = ctx;


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
    const byId = templatesOf(db, team.id);
    return { shifts: shiftsAsShown(db, ids.map((id) => shifts.getShift(db, id) as shifts.ShiftRow), clock, byId), removed };
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
      const byId = templatesOf(db, teamId);
      const clock = zoneClock(team.timeZone);
      return shiftsAsShown(db, shifts.listShifts(db, teamId, from, to), clock, byId);
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
      return shiftsAsShown(db, [shifts.getShift(db, id) as shifts.ShiftRow], clock, templatesOf(db, team.id))[0] as Shift;
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
      return shiftsAsShown(db, [shifts.getShift(db, id) as shifts.ShiftRow], clock, templatesOf(db, team.id))[0] as Shift;
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
      const byId = templatesOf(db, teamId);
      const people = new Map(listPeople(db, teamId, '', true).map((p) => [p.id, p]));
      const list = shiftsAsShown(db, shifts.listShifts(db, teamId, from, to), clock, byId);
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
