import type { TeamRules } from './team-rules';
import type { ZoneClock } from './zone-clock';

/**
 * Labour cost of a shift: paid hours × hourly rate, where each minute of the
 * shift carries the highest premium that applies to it (night window, weekend
 * day, holiday of the team, from noon on a half holiday; premiums do not compound). The unpaid break is taken
 * pro rata, since a break has no fixed place. Minutes are real elapsed minutes,
 * found by cutting the shift at instants of the team's zone, so DST is exact.
 */

export interface CostShift {
  startUtc: number;
  endUtc: number;
  breakMinutes: number;
}

export interface ShiftCost {
  paidMinutes: number;
  /** Paid minutes weighted by their premium multiplier. */
  weightedMinutes: number;
  nightMinutes: number;
  weekendMinutes: number;
  holidayMinutes: number;
  cost: number;
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** On a half holiday the morning is worked as usual; the holiday (and its premium) starts at noon. */
const HALF_HOLIDAY_FROM = '12:00';
const NO_DAYS: ReadonlySet<string> = new Set();

export function shiftCost(shift: CostShift, hourlyRate: number, rules: TeamRules, clock: ZoneClock, holidays: ReadonlySet<string>, halfHolidays: ReadonlySet<string> = NO_DAYS): ShiftCost {
  const elapsedSeconds = shift.endUtc - shift.startUtc;
  if (elapsedSeconds <= 0) return { paidMinutes: 0, weightedMinutes: 0, nightMinutes: 0, weekendMinutes: 0, holidayMinutes: 0, cost: 0 };
  let weighted = 0;
  let night = 0;
  let weekend = 0;
  let holiday = 0;
  for (let d = clock.dayOf(shift.startUtc); ; d = clock.addDays(d, 1)) {
    const dayStart = clock.dayStart(d);
    if (dayStart >= shift.endUtc) break;
    const dayEnd = clock.dayStart(clock.addDays(d, 1));
    const segStart = Math.max(shift.startUtc, dayStart);
    const segEnd = Math.min(shift.endUtc, dayEnd);
    if (segEnd <= segStart) continue;
    // Night window of this local day: [00:00, nightEnd) and [nightStart, 24:00), or [nightStart, nightEnd) if it does not wrap.
    const ns = clock.at(d, rules.nightStart);
    const ne = clock.at(d, rules.nightEnd);
    const nightSeconds = rules.nightStart > rules.nightEnd ? overlap(segStart, segEnd, dayStart, ne) + overlap(segStart, segEnd, ns, dayEnd) : overlap(segStart, segEnd, ns, ne);
    const seg = segEnd - segStart;
    const isWeekend = rules.weekendDays.includes(clock.weekday(d));
    // The part of the day that is a holiday: all of it, from noon on a half holiday, or none.
    const holidayFrom = holidays.has(d) ? dayStart : halfHolidays.has(d) ? clock.at(d, HALF_HOLIDAY_FROM) : null;
    const parts: [number, number, boolean][] =
      holidayFrom === null ? [[segStart, segEnd, false]] : [[segStart, Math.min(segEnd, holidayFrom), false], [Math.max(segStart, holidayFrom), segEnd, true]];
    for (const [a, b, isHoliday] of parts) {
      if (b <= a) continue;
      const partNight = rules.nightStart > rules.nightEnd ? overlap(a, b, dayStart, ne) + overlap(a, b, ns, dayEnd) : overlap(a, b, ns, ne);
      const dayMultiplier = Math.max(1, isHoliday ? rules.holidayMultiplier : 1, isWeekend ? rules.weekendMultiplier : 1);
      weighted += partNight * Math.max(dayMultiplier, rules.nightMultiplier) + (b - a - partNight) * dayMultiplier;
      if (isHoliday) holiday += b - a;
    }
    night += nightSeconds;
    if (isWeekend) weekend += seg;
  }
  const paidMinutes = Math.max(0, elapsedSeconds / 60 - shift.breakMinutes);
  const share = paidMinutes / (elapsedSeconds / 60);
  const weightedMinutes = (weighted / 60) * share;
  return {
    paidMinutes,
    weightedMinutes,
    nightMinutes: (night / 60) * share,
    weekendMinutes: (weekend / 60) * share,
    holidayMinutes: (holiday / 60) * share,
    cost: (weightedMinutes / 60) * hourlyRate,
  };
}

/** Money to two decimals, after summing (never sum rounded figures). */
export function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}
