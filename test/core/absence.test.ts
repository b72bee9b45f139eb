import { describe, expect, it } from 'vitest';
import { absenceAmount, balanceOf, bradfordFactor, hoursPerDay, spells, workdayTest } from '../../core/absence';
import { zoneClock } from '../../core/zone-clock';

const clock = zoneClock('Europe/Warsaw');
// 2026-12-07 is a Monday; 2026-12-25 and 26 are Polish public holidays.
const isWorkday = workdayTest(clock, [6, 7], new Set(['2026-12-25', '2026-12-26']));

describe('absence amounts', () => {
  it('counts working days only: a Monday-to-Sunday week is five days, a holiday inside costs none', () => {
    expect(absenceAmount({ start: '2026-12-07', end: '2026-12-13', hours: null }, 'days', 8, isWorkday, clock)).toBe(5);
    expect(absenceAmount({ start: '2026-12-21', end: '2026-12-27', hours: null }, 'days', 8, isWorkday, clock)).toBe(4);
    // The same week in hours, for someone on 30 h a week (6 h a day).
    expect(absenceAmount({ start: '2026-12-07', end: '2026-12-13', hours: null }, 'hours', hoursPerDay(30, [6, 7]), isWorkday, clock)).toBe(30);
  });

  it('part days count their hours; clipping to a range counts only the days inside it', () => {
    expect(absenceAmount({ start: '2026-12-07', end: '2026-12-08', hours: 4 }, 'days', 8, isWorkday, clock)).toBe(1);
    expect(absenceAmount({ start: '2026-12-07', end: '2026-12-08', hours: 4 }, 'hours', 8, isWorkday, clock)).toBe(8);
    expect(absenceAmount({ start: '2026-12-28', end: '2027-01-05', hours: null }, 'days', 8, isWorkday, clock, '2026-01-01', '2026-12-31')).toBe(4);
    expect(absenceAmount({ start: '2026-12-28', end: '2027-01-05', hours: null }, 'days', 8, isWorkday, clock, '2027-01-01', '2027-12-31')).toBe(3);
  });

  it('a Friday-weekend team (Iran) spreads a week over six working days', () => {
    expect(hoursPerDay(44, [5])).toBeCloseTo(44 / 6);
    expect(hoursPerDay(0, [6, 7])).toBe(8);
  });
});

describe('balances', () => {
  it('splits approved leave into taken (up to the day) and planned (after it); requests are shown apart', () => {
    const list = [
      { start: '2026-03-02', end: '2026-03-06', hours: null, status: 'approved' as const },
      { start: '2026-12-07', end: '2026-12-08', hours: null, status: 'approved' as const },
      { start: '2026-12-14', end: '2026-12-14', hours: null, status: 'requested' as const },
      { start: '2026-05-04', end: '2026-05-08', hours: null, status: 'rejected' as const },
    ];
    const b = balanceOf({ amount: 26, carryOver: 3, unit: 'days', year: 2026 }, list, '2026-11-22', 8, isWorkday, clock);
    expect(b).toEqual({ taken: 5, planned: 2, requested: 1, left: 22 });
    // As of a day before the year, everything approved is still planned.
    expect(balanceOf({ amount: 26, carryOver: 0, unit: 'days', year: 2026 }, list, '2025-12-31', 8, isWorkday, clock)).toEqual({ taken: 0, planned: 7, requested: 1, left: 19 });
  });
});

describe('sickness spells and the Bradford factor', () => {
  it('joins absences with no working day between them (Friday and Monday are one illness)', () => {
    const s = spells(
      [
        { start: '2026-12-11', end: '2026-12-11', hours: null },
        { start: '2026-12-14', end: '2026-12-14', hours: null },
        { start: '2026-12-16', end: '2026-12-16', hours: null },
      ],
      isWorkday,
      clock,
    );
    expect(s.map((x) => x.map((a) => a.start))).toEqual([['2026-12-11', '2026-12-14'], ['2026-12-16']]);
  });

  it('weighs frequent short absences most: 1 spell of 10 days is 10, 5 spells of 2 days is 250', () => {
    expect(bradfordFactor(1, 10)).toBe(10);
    expect(bradfordFactor(5, 10)).toBe(250);
    expect(bradfordFactor(0, 0)).toBe(0);
  });
});
