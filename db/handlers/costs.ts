import type { CostRow, ParsedInput } from '../../core/contract';
import { monthKey } from '../../core/calendar';
import { roundMoney, shiftCost } from '../../core/cost';
import type { Person } from '../../core/person';
import { dayRange } from '../../core/ranges';
import { startOfWeek, Temporal } from '../../core/time';
import { zoneClock } from '../../core/zone-clock';
import type { HandlersOf, ServiceContext } from '../context';
import { listPeople } from '../sql/people';
import * as shifts from '../sql/shifts';
import { teamHolidayDays } from './holidays';
import { standbyEntries } from './oncall-schedule';
import { contractExpectation, minutesOf } from './shift-reads';

/**
 * Paid hours against the contract, and cost, per person and week or month (the calendar's
 * months), with the team's line: the figure the Reports page, the hours spreadsheet and the CLI
 * all show, from this one function.
 */
export function rosterCosts(ctx: ServiceContext, { teamId, from, to, by, calendar }: ParsedInput<'roster.costs'>): CostRow[] {
  const { db } = ctx;
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
}

export function costHandlers(ctx: ServiceContext): HandlersOf<'roster.costs'> {
  return { 'roster.costs': (input) => rosterCosts(ctx, input) };
}
