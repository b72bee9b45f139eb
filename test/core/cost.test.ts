import { describe, expect, it } from 'vitest';
import { shiftCost } from '../../core/cost';
import { shiftSpan } from '../../core/shift';
import { TeamRules } from '../../core/team-rules';
import { Temporal } from '../../core/time';
import { zoneClock } from '../../core/zone-clock';

const rules = TeamRules.parse({ nightStart: '22:00', nightEnd: '06:00', nightMultiplier: 1.25, weekendMultiplier: 1.5, holidayMultiplier: 2 });
const zone = 'Europe/Warsaw';
const span = (day: string, a: string, b: string, breakMinutes = 0) => ({ ...shiftSpan(Temporal.PlainDate.from(day), a, b, zone), breakMinutes });
const none = new Set<string>();
const clock = zoneClock(zone);

describe('shift cost', () => {
  it('a weekday day shift is paid hours × rate', () => {
    const c = shiftCost(span('2026-11-24', '08:00', '16:30', 30), 40, rules, clock, none);
    expect(c.paidMinutes).toBe(480);
    expect(c.cost).toBeCloseTo(320, 6);
  });

  it('night minutes carry the night premium', () => {
    // Tuesday 18:00–02:00: 4 h at 1.0, 4 h at 1.25 → 9 weighted hours.
    const c = shiftCost(span('2026-11-24', '18:00', '02:00'), 10, rules, clock, none);
    expect(c.nightMinutes).toBe(240);
    expect(c.cost).toBeCloseTo(90, 6);
  });

  it('the highest premium wins: a Saturday night is 1.5, not 1.5 × 1.25', () => {
    const c = shiftCost(span('2026-11-28', '22:00', '06:00'), 10, rules, clock, none);
    // Saturday 22–24 and Sunday 00–06 are weekend: 8 h × 1.5.
    expect(c.cost).toBeCloseTo(120, 6);
    expect(c.weekendMinutes).toBe(480);
  });

  it('holidays pay double, counted by the local day the minutes fall on', () => {
    const holidays = new Set(['2026-11-11']);
    // 10 Nov 20:00 → 11 Nov 04:00: 2 h Tuesday (1 day, 1 night h at 1.25 from 22:00), 4 h holiday at 2.
    const c = shiftCost(span('2026-11-10', '20:00', '04:00'), 10, rules, clock, holidays);
    expect(c.holidayMinutes).toBe(240);
    expect(c.cost).toBeCloseTo(2 * 10 + 2 * 12.5 + 4 * 20, 6);
  });

  it('is DST-exact: the spring night is 7 paid hours, the autumn one 9', () => {
    const spring = shiftCost(span('2026-03-28', '22:00', '06:00'), 10, TeamRules.parse({ weekendDays: [] }), clock, none);
    const autumn = shiftCost(span('2026-10-24', '22:00', '06:00'), 10, TeamRules.parse({ weekendDays: [] }), clock, none);
    expect([spring.paidMinutes / 60, autumn.paidMinutes / 60]).toEqual([7, 9]);
    expect([spring.cost, autumn.cost]).toEqual([87.5, 112.5]);
  });

  it('takes the break pro rata', () => {
    const c = shiftCost(span('2026-11-24', '18:00', '02:00', 60), 10, rules, clock, none);
    expect(c.paidMinutes).toBe(420);
    expect(c.cost).toBeCloseTo(90 * (7 / 8), 6);
  });
});
