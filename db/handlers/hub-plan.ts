import { createHash } from 'node:crypto';
import { UserError } from '../../core/errors';
import { turnKey, type PersonKey, type PlanItem } from '../../core/hub-plan';
import { dayRange } from '../../core/ranges';
import type { CoverageDay } from '../../core/staffing';
import { startOfWeek, Temporal, todayIn, weekStartDay } from '../../core/time';
import { zoneClock } from '../../core/zone-clock';
import type { HandlersOf, ServiceContext } from '../context';
import { allowancesOf, listTypes } from '../sql/absences';
import { listPeople } from '../sql/people';
import { listShifts } from '../sql/shifts';
import { listTemplates } from '../sql/templates';
import { absencesOver, absenceStatistics, balancesOf } from './absences';
import { rosterCosts } from './costs';
import { onCallSchedule } from './oncall-schedule';
import { templatesOf, toShift } from './shift-reads';
import { coverageOf } from './staffing';

/**
 * The team's plan as its planner publishes it to a department hub (core/hub/plan.ts): every item
 * built from the query functions the pages and reports read, so the hub shows the figures the lead
 * sees. Only what the department may see: no hourly rates, phone numbers or notes, costs as the
 * team's monthly total.
 */

/**
 * The longest window one plan covers. Coverage is worked out a week at a time through the
 * forecast (the slow part), and the on-call schedule is read `ONCALL_MARGIN_DAYS` beyond each end,
 * which must stay inside `dayRange`'s 400 days.
 */
export const HUB_PLAN_MAX_DAYS = 190;

/**
 * Days read on either side of the window for on-call turns: a turn that began before the window
 * keeps its own start (and so its key) instead of one cut at the window's edge, and one that runs
 * past the window its own end. Turns are at most a few weeks long; a longer one is cut here.
 */
const ONCALL_MARGIN_DAYS = 31;

/** The coverage's intervals: the Forecast page's default, and the service-level report's. */
const COVERAGE_INTERVAL_MINUTES = 30;

const personKeyOf = (personId: number): PersonKey => `p${personId}`;

/**
 * A channel as a key: itself when it is plain lower-case ASCII, else `-` and 16 hex digits of its
 * SHA-256. A skill may hold any letters and spaces ("canlı destek") but a key may not; a skill never
 * starts with `-`, so the two forms cannot meet.
 */
export function channelKey(channel: string): string {
  return /^[a-z0-9_-]{1,40}$/.test(channel) ? channel : `-${createHash('sha256').update(channel).digest('hex').slice(0, 16)}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The ISO first and last day of each Gregorian month the days [from, to] touch. */
function monthsOver(from: string, to: string): { month: string; first: string; last: string }[] {
  const out: { month: string; first: string; last: string }[] = [];
  const end = Temporal.PlainYearMonth.from(to.slice(0, 7));
  for (let m = Temporal.PlainYearMonth.from(from.slice(0, 7)); Temporal.PlainYearMonth.compare(m, end) <= 0; m = m.add({ months: 1 })) {
    out.push({ month: m.toString(), first: m.toPlainDate({ day: 1 }).toString(), last: m.toPlainDate({ day: m.daysInMonth }).toString() });
  }
  return out;
}

/**
 * The plan of team `teamId` for its local days [from, to]:
 *
 * - `team`; a `person` per member not archived (email lower-cased; no rate, phone or notes);
 * - a `shift` per shift on a roster day of the window (`s<shiftId>`), as the rota shows it (`toShift`);
 * - an `oncall` turn per block of every rotation's final schedule that overlaps the window
 *   (`onCallSchedule`), keyed `o<rotationId>-<start in epoch seconds>`: seconds, as the planner and
 *   its on-call schedule count instants;
 * - a `leave` per absence touching the window, in any status (`absencesOver`);
 * - a `balance` per person, absence type with an allowance that year, and year the window touches,
 *   as of today on the team's clock (`balancesOf`);
 * - a `coverage` per channel with a forecast and whole week (on the team's week start) the window
 *   touches, the week's days of `coverageOf` summed;
 * - a `cost` per whole Gregorian month the window touches: the team's line of `rosterCosts` and the
 *   team's rate of `absenceStatistics` for that month.
 *
 * Weeks and months are whole, not cut at the window, so an item's figure does not depend on where
 * a publish's window happens to end. Archived people have no items at all.
 */
export function hubPlanItems(ctx: ServiceContext, teamId: number, from: string, to: string): PlanItem[] {
  const { db } = ctx;
  const team = ctx.requireTeam(teamId, ['teamId']);
  const range = dayRange(from, to);
  if (range.from.until(range.to).days > HUB_PLAN_MAX_DAYS - 1) throw new UserError('too_big', `A hub plan covers at most ${HUB_PLAN_MAX_DAYS} days`, ['to']);
  const clock = zoneClock(team.timeZone);
  const people = listPeople(db, team.id, '', false);
  const member = new Set(people.map((p) => p.id));
  const items: PlanItem[] = [];

  // What agents may ask for on the hub: the team's leave types and its shift types (templates in use).
  // With their built-in keys, so the hub names a built-in type in each reader's language (core/builtin-names.ts).
  const leaveTypes = listTypes(db, team.id).map((t) => ({ id: t.id, name: t.name, key: t.key }));
  const typeKeyOf = new Map(leaveTypes.map((t) => [t.id, t.key]));
  const shiftTypes = listTemplates(db, team.id).map((t) => ({ id: t.id, name: t.name, startLocal: t.startLocal, endLocal: t.endLocal }));
  items.push({ kind: 'team', key: 'team', body: { name: team.name, timeZone: team.timeZone, country: team.country, weekStartsOn: weekStartDay(team.weekStart), leaveTypes, shiftTypes } });

  for (const p of people) {
    items.push({ kind: 'person', key: personKeyOf(p.id), body: { name: p.name, email: p.email === null ? null : p.email.toLowerCase(), skills: p.skills, contractHoursPerWeek: p.contractHoursPerWeek, color: p.color } });
  }

  const byTemplate = templatesOf(db, team.id);
  for (const row of listShifts(db, team.id, from, to)) {
    if (!member.has(row.personId)) continue;
    // Without its activities: the plan shows none, and reading them is most of a week's cost.
    const s = toShift(row, clock, byTemplate);
    items.push({
      kind: 'shift',
      key: `s${s.id}`,
      personKey: personKeyOf(s.personId),
      startsAt: s.start,
      endsAt: s.end,
      body: { day: s.day, startLocal: s.startLocal, endLocal: s.endLocal, code: s.code, skill: s.skill, paidMinutes: s.paidMinutes },
    });
  }

  const windowStartUtc = clock.dayStart(from);
  const windowEndUtc = clock.dayStart(clock.addDays(to, 1));
  const localOf = (epochSeconds: number) => `${clock.dayOf(epochSeconds)}T${clock.hhmm(epochSeconds)}`;
  for (const b of onCallSchedule(ctx, team, null, clock.addDays(from, -ONCALL_MARGIN_DAYS), clock.addDays(to, ONCALL_MARGIN_DAYS))) {
    if (b.endUtc <= windowStartUtc || b.startUtc >= windowEndUtc || !member.has(b.personId)) continue;
    items.push({
      kind: 'oncall',
      key: turnKey(b.rotationId, b.startUtc),
      personKey: personKeyOf(b.personId),
      startsAt: b.start,
      endsAt: b.end,
      body: { rotation: b.rotation, startLocal: localOf(b.startUtc), endLocal: localOf(b.endUtc) },
    });
  }

  for (const a of absencesOver(db, team, from, to, null, null)) {
    if (!member.has(a.personId)) continue;
    // hubRequestId stays null until requests made on the hub come back to the planner.
    items.push({ kind: 'leave', key: `a${a.id}`, personKey: personKeyOf(a.personId), body: { firstDay: a.start, lastDay: a.end, type: a.typeName, typeKey: a.typeKey, status: a.status, hours: a.hours, hubRequestId: null } });
  }

  const today = todayIn(team.timeZone, ctx.clock()).toString();
  for (let year = range.from.year; year <= range.to.year; year += 1) {
    const allowed = new Set(allowancesOf(db, team.id, year).map((w) => `${w.personId}|${w.typeId}`));
    const balances = balancesOf(db, team, people, year, today);
    for (const p of people) {
      for (const b of balances.get(p.id) ?? []) {
        if (!allowed.has(`${p.id}|${b.typeId}`)) continue;
        items.push({
          kind: 'balance',
          key: `b${p.id}-${b.typeId}-${year}`,
          personKey: personKeyOf(p.id),
          body: { year, type: b.typeName, typeKey: typeKeyOf.get(b.typeId) ?? null, unit: b.unit, allowance: b.allowance, carryOver: b.carryOver, taken: b.taken, planned: b.planned, requested: b.requested, left: b.left },
        });
      }
    }
  }

  // One coverage read per week, as the Forecast page asks for it: the forecast is made per range asked.
  for (let week = startOfWeek(range.from, team.weekStart); Temporal.PlainDate.compare(week, range.to) <= 0; week = week.add({ days: 7 })) {
    const weekStart = week.toString();
    const days = coverageOf(ctx, team, null, weekStart, week.add({ days: 6 }).toString(), COVERAGE_INTERVAL_MINUTES).days;
    const byChannel = new Map<string, CoverageDay[]>();
    for (const d of days) byChannel.set(d.channel, [...(byChannel.get(d.channel) ?? []), d]);
    for (const [channel, list] of byChannel) {
      const sum = (pick: (d: CoverageDay) => number) => round2(list.reduce((s, d) => s + pick(d), 0));
      items.push({
        kind: 'coverage',
        key: `c${weekStart}-${channelKey(channel)}`,
        body: { weekStart, channel, requiredHours: sum((d) => d.requiredHours), onShiftHours: sum((d) => d.onShiftHours), shortHours: sum((d) => d.shortHours) },
      });
    }
  }

  for (const { month, first, last } of monthsOver(from, to)) {
    const teamLine = rosterCosts(ctx, { teamId: team.id, from: first, to: last, by: 'month', calendar: 'gregorian' }).find((r) => r.personId === null);
    const teamStats = absenceStatistics(db, team, first, last).find((r) => r.personId === null);
    items.push({
      kind: 'cost',
      key: `m${month}`,
      body: { month, cost: teamLine?.cost ?? 0, standby: teamLine?.standby ?? 0, budget: team.rules.monthlyBudget, currency: team.currency, absenceRate: teamStats?.rate ?? 0 },
    });
  }
  return items;
}

export function hubHandlers(ctx: ServiceContext): HandlersOf<'hub.plan'> {
  return { 'hub.plan': ({ teamId, from, to }) => ({ items: hubPlanItems(ctx, teamId, from, to) }) };
}
