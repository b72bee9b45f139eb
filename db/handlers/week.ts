import type { RosterWeek } from '../../core/contract';
import { daysBetween } from '../../core/absence';
import { roundMoney, shiftCost } from '../../core/cost';
import { UserError } from '../../core/errors';
import { parsePlainDate, startOfWeek } from '../../core/time';
import { zoneClock } from '../../core/zone-clock';
import type { HandlersOf, ServiceContext } from '../context';
import { listAbsences } from '../sql/absences';
import { listPeople } from '../sql/people';
import * as shifts from '../sql/shifts';
import { uncovered } from './absences';
import { teamHolidayDays, teamHolidays } from './holidays';
import { onCallSchedule, standbyEntries } from './oncall-schedule';
import { contractExpectation, minutesOf, ruleViolations, shiftsAsShown, templatesOf } from './shift-reads';

/** The rota grid's week in one call: people with their hours and cost, shifts, leave, on-call, coverage, the rule check. */
export function weekHandlers(ctx: ServiceContext): HandlersOf<'roster.week'> {
  const { db } = ctx;
  return {
    'roster.week': ({ teamId, weekStart }) => {
      const team = ctx.requireTeam(teamId);
      const start = parsePlainDate(weekStart);
      if (!start) throw new UserError('invalid_date', 'weekStart must be a real date written YYYY-MM-DD', ['weekStart']);
      if (!startOfWeek(start, team.weekStart).equals(start)) {
        throw new UserError('not_week_start', `${weekStart} is not the first day of ${team.name}'s week`, ['weekStart']);
      }
      const from = start.toString();
      const to = start.add({ days: 6 }).toString();
      const holidays = teamHolidays(db, team, from, to).filter((h) => !h.removed);
      const holidayDays = teamHolidayDays(db, team, from, to);
      const byId = templatesOf(db, teamId);
      const clock = zoneClock(team.timeZone);
      const weekShifts = shiftsAsShown(db, shifts.listShifts(db, teamId, from, to), clock, byId);
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
      const onCall = onCallSchedule(ctx, team, null, from, to).flatMap((b) => {
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
        violations: ruleViolations(ctx, team, from, to, { clock }),
        coverage: [...coverage.values()].map((c) => ({ day: c.day, channel: c.channel, people: c.people.size })),
        totals: {
          paidMinutes: rows.reduce((a, r) => a + r.paidMinutes, 0),
          expectedMinutes: minutesOf(rows.reduce((a, r) => a + r.expectedMinutes, 0) / 60),
          cost: roundMoney(rows.reduce((a, r) => a + r.cost, 0)),
          standby: roundMoney(rows.reduce((a, r) => a + r.standby, 0)),
        },
      };
    },
  };
}
