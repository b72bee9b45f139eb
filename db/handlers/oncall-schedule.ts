import type { MethodOutput } from '../../core/contract';
import { UserError } from '../../core/errors';
import { publicHolidays } from '../../core/holidays';
import { anyHoliday } from '../../core/holiday-merge';
import { fairness, finalSchedule, standbyPay, type Availability, type ScheduleOptions, type OnCallLayer, type PersonSpan, type ScheduleBlock } from '../../core/oncall';
import { dayRange } from '../../core/ranges';
import type { Team } from '../../core/team';
import { zoneClock } from '../../core/zone-clock';
import type { ServiceContext } from '../context';
import type { Db } from '../open';
import { approvedFullDays } from '../sql/absences';
import { listPeople } from '../sql/people';
import * as rotations from '../sql/rotations';
import { teamHolidayDays } from './holidays';

/**
 * The on-call schedule as the rest of the service reads it (the rule check, the scheduler, the
 * calendar files, the reports): exported query functions over one connection, so no area has to
 * call the on-call handlers to learn who is on call.
 */

type Reads = Pick<ServiceContext, 'db' | 'memo'>;

/** Who is employed for a whole turn: from the start of their first day to the end of their last. */
export function employedTest(db: Db, team: Team): Availability {
  const clock = zoneClock(team.timeZone);
  const people = new Map(listPeople(db, team.id, '', true).map((p) => [p.id, p]));
  return (personId, startUtc, endUtc) => {
    const p = people.get(personId);
    if (!p) return false;
    if (p.employmentStart && startUtc < clock.dayStart(p.employmentStart)) return false;
    return !(p.employmentEnd && endUtc > clock.dayStart(clock.addDays(p.employmentEnd, 1)));
  };
}

/** Who can take a whole turn: employed, and not on an approved full-day absence during any of it. */
export function availability(db: Db, team: Team): Availability {
  const clock = zoneClock(team.timeZone);
  const employed = employedTest(db, team);
  const away = new Map<number, [number, number][]>();
  for (const a of approvedFullDays(db, team.id, '0000-01-01', '9999-12-31')) {
    away.set(a.personId, [...(away.get(a.personId) ?? []), [clock.dayStart(a.from), clock.dayStart(clock.addDays(a.to, 1))]]);
  }
  return (personId, startUtc, endUtc) => employed(personId, startUtc, endUtc) && !(away.get(personId) ?? []).some(([s, e]) => s < endUtc && startUtc < e);
}

/**
 * Whether a turn touches one of the person's holidays: their own country's
 * public list when they keep one, else the team's adjusted list (its region,
 * its own days and removals; a half holiday counts, its afternoon and night
 * being free).
 */
export function holidayTest(db: Db, team: Team): Availability {
  const clock = zoneClock(team.timeZone);
  const countryOf = new Map(listPeople(db, team.id, '', true).map((p) => [p.id, p.holidayCountry || team.country]));
  const byCountryYear = new Map<string, Set<string>>();
  const holidays = (country: string, year: string) => {
    const key = `${country}|${year}`;
    let set = byCountryYear.get(key);
    if (!set) {
      set =
        country === team.country
          ? anyHoliday(teamHolidayDays(db, team, `${year}-01-01`, `${year}-12-31`))
          : new Set(publicHolidays(country, '', team.timeZone, `${year}-01-01`, `${year}-12-31`).map((h) => h.day));
      byCountryYear.set(key, set);
    }
    return set;
  };
  return (personId, startUtc, endUtc) => {
    const country = countryOf.get(personId) ?? team.country;
    if (!country) return false;
    for (let d = clock.dayOf(startUtc); clock.dayStart(d) < endUtc; d = clock.addDays(d, 1)) {
      if (holidays(country, d.slice(0, 4)).has(d)) return true;
    }
    return false;
  };
}

/** What the final schedule of a rotation needs besides its layers and overrides, worked out once per API call. */
export function scheduleOptions(ctx: Pick<ServiceContext, 'db' | 'memo'>, team: Team, rotationId: number): ScheduleOptions {
  const { db } = ctx;
  return {
    available: ctx.memo(`available|${team.id}`, () => availability(db, team)),
    employed: ctx.memo(`employed|${team.id}`, () => employedTest(db, team)),
    onHoliday: ctx.memo(`holiday|${team.id}`, () => holidayTest(db, team)),
    pauses: rotations.pausesOf(db, rotationId),
    turnCache: ctx.memo(`turns|${rotationId}`, () => new Map()),
  };
}

/** Standby pay per person and local day over team-local days [from, to], from every rotation's allowance. */
export function standbyEntries(ctx: Pick<ServiceContext, 'db' | 'memo'>, team: Team, from: string, to: string): { personId: number; day: string; amount: number }[] {
  const { db } = ctx;
  const clock = zoneClock(team.timeZone);
  const fromUtc = clock.dayStart(from);
  const toUtc = clock.dayStart(clock.addDays(to, 1));
  const holidays = anyHoliday(teamHolidayDays(db, team, from, to));
  return rotations.listRotations(db, team.id).flatMap((r) => {
    if (r.allowance.perHour === 0 && r.allowance.perDay === 0) return [];
    const blocks = finalSchedule(rotations.layersOf(db, r.id), rotations.overridesOf(db, r.id, fromUtc, toUtc), fromUtc, toUtc, team.timeZone, scheduleOptions(ctx, team, r.id));
    return standbyPay(blocks, r.allowance, clock, holidays);
  });
}

export function requireRotation(db: Db, id: number, path: (string | number)[] = ['id']): rotations.RotationRow {
  const r = rotations.getRotation(db, id);
  if (!r) throw new UserError('not_found', `There is no on-call rotation with id ${id}`, path);
  return r;
}

/** The team-local days [from, to] as instants, and the rotation asked for (or all of the team's). */
export function rotationsOver(db: Db, team: Team, rotationId: number | null, from: string, to: string) {
  dayRange(from, to);
  const clock = zoneClock(team.timeZone);
  const chosen = rotationId === null ? rotations.listRotations(db, team.id) : [requireRotation(db, rotationId, ['rotationId'])];
  if (chosen.some((r) => r.teamId !== team.id)) throw new UserError('not_found', `That rotation is not in ${team.name}`, ['rotationId']);
  return { clock, chosen, fromUtc: clock.dayStart(from), toUtc: clock.dayStart(clock.addDays(to, 1)) };
}

/** A block as the API shows it: the person by name, the instants on the team's clock too. */
export function spansIn(db: Db, team: Team): (b: { personId: number; startUtc: number; endUtc: number }) => PersonSpan {
  const clock = zoneClock(team.timeZone);
  const names = new Map(listPeople(db, team.id, '', true).map((p) => [p.id, p.name]));
  return (b: { personId: number; startUtc: number; endUtc: number }): PersonSpan => ({
    personId: b.personId,
    person: names.get(b.personId) ?? String(b.personId),
    start: clock.iso(b.startUtc),
    end: clock.iso(b.endUtc),
    startUtc: b.startUtc,
    endUtc: b.endUtc,
  });
}

/** Final-schedule blocks (epoch seconds) of one rotation or all, over team-local days [from, to]. */
export function blocksOf(ctx: Reads, team: Team, rotationId: number | null, from: string, to: string) {
  const { db } = ctx;
  const { chosen, fromUtc, toUtc } = rotationsOver(db, team, rotationId, from, to);
  return chosen.flatMap((r) => {
    const layers: OnCallLayer[] = rotations.layersOf(db, r.id);
    return finalSchedule(layers, rotations.overridesOf(db, r.id, fromUtc, toUtc), fromUtc, toUtc, team.timeZone, scheduleOptions(ctx, team, r.id)).map((b) => ({ ...b, rotation: r, layers }));
  });
}

/** The final on-call schedule of one rotation or all of the team's over team-local days [from, to], as the API shows it. */
export function onCallSchedule(ctx: Reads, team: Team, rotationId: number | null, from: string, to: string): ScheduleBlock[] {
  const spanOf = spansIn(ctx.db, team);
  return blocksOf(ctx, team, rotationId, from, to).map(
    (b): ScheduleBlock => ({
      rotationId: b.rotation.id,
      rotation: b.rotation.name,
      ...spanOf(b),
      layer: b.layerId === null ? 'override' : (b.layers.find((l) => l.id === b.layerId)?.name ?? ''),
      overrideId: b.overrideId,
    }),
  );
}

/**
 * Each person's on-call load over team-local days [from, to]: hours, nights, weekend days and
 * holidays, for everyone who takes part in the chosen rotations (a zero is news too). The
 * On-call page and the on-call ledger report both read it here.
 */
export function onCallFairness(ctx: Reads, team: Team, rotationId: number | null, from: string, to: string): MethodOutput<'oncall.fairness'> {
  const { db } = ctx;
  const blocks = blocksOf(ctx, team, rotationId, from, to);
  const involved = new Set([...blocks.map((b) => b.personId), ...rotationsOver(db, team, rotationId, from, to).chosen.flatMap((r) => rotations.layersOf(db, r.id).flatMap((l) => l.participants))]);
  const names = new Map(listPeople(db, team.id, '', true).filter((p) => involved.has(p.id)).map((p) => [p.id, p.name]));
  const holidays = anyHoliday(teamHolidayDays(db, team, from, to));
  return fairness(blocks, names, zoneClock(team.timeZone), team.rules.weekendDays, holidays);
}
