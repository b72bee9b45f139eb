import { checkRules, expectedHoursInRange, loadRange, onLeaveTest, type ContractExpectation, type RuleShift, type Violation } from '../../core/rules';
import type { Person } from '../../core/person';
import { paidMinutes, type Shift } from '../../core/shift';
import type { Team } from '../../core/team';
import type { ShiftTemplate } from '../../core/template';
import { zoneClock, type ZoneClock } from '../../core/zone-clock';
import type { ServiceContext } from '../context';
import type { Db } from '../open';
import { approvedFullDays } from '../sql/absences';
import { listPeople } from '../sql/people';
import * as shifts from '../sql/shifts';
import * as templates from '../sql/templates';
import { onCallSchedule } from './oncall-schedule';

/**
 * The rota as the rest of the service reads it: shifts as the API shows them, the rule check,
 * and what each contract expects. Exported query functions, shared by the rota's handlers, the
 * week grid, the costs, on-call conflicts and the scheduler.
 */

/** All templates of a team by id, archived ones too: old shifts keep their code. */
export function templatesOf(db: Db, teamId: number): Map<number, ShiftTemplate> {
  return new Map(templates.allTemplates(db, teamId).map((t) => [t.id, t]));
}

/** Shifts as the API shows them, with their activities (one query for all). */
export function shiftsAsShown(db: Db, rows: readonly shifts.ShiftRow[], clock: ZoneClock, byId: ReadonlyMap<number, ShiftTemplate>): Shift[] {
  const activities = shifts.activitiesOf(db, rows.map((r) => r.id));
  return rows.map((r) => toShift(r, clock, byId, activities.get(r.id)));
}

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
  const onCall = team.rules.onCallCountsForRest ? onCallSchedule(ctx, team, null, load.from, load.to).map((b) => ({ personId: b.personId, startUtc: b.startUtc, endUtc: b.endUtc, rotation: b.rotation })) : [];
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
export const minutesOf = (hours: number): number => Math.round(hours * 6000) / 100;
