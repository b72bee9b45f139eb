import { describe, expect, it } from 'vitest';
import { toCalendar } from '../../core/calendar';
import { monthLayout, shiftMonths, weekdayOrder } from '../../core/monthLayout';
import { Temporal } from '../../core/time';

describe('monthLayout', () => {
  it('lays out Azar 1405 (2026-11-22..2026-12-21) in weeks from Saturday, only its own 30 days', () => {
    const m = monthLayout('2026-11-28', 'persian', 'sat');
    expect(m.first).toBe('2026-11-22');
    expect(m.last).toBe('2026-12-21');
    expect(m.previous).toBe('2026-10-23');
    expect(m.next).toBe('2026-12-22');
    const days = m.weeks.flat().filter((d): d is string => d !== null);
    expect(days).toHaveLength(30);
    expect(days.every((d) => toCalendar(d, 'persian').month === 9)).toBe(true);
    // 2026-11-22 is a Sunday: the first row is Saturday (empty), then Sunday the 1st.
    expect(m.weeks[0]).toEqual([null, '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(m.weeks.every((w) => w.length === 7)).toBe(true);
    for (const w of m.weeks) {
      const firstDay = w.find((d) => d !== null);
      if (firstDay) expect(Temporal.PlainDate.from(firstDay).dayOfWeek).toBe(((6 - 1 + w.indexOf(firstDay)) % 7) + 1);
    }
    expect(m.weeks.at(-1)?.filter((d) => d !== null).at(-1)).toBe('2026-12-21');
  });

  it('lays out a Gregorian month from Monday and from Sunday', () => {
    const mon = monthLayout('2026-11-28', 'gregorian', 'mon');
    expect(mon.first).toBe('2026-11-01');
    expect(mon.weeks[0]?.filter((d) => d !== null)).toEqual(['2026-11-01']);
    expect(mon.weeks).toHaveLength(6);
    const sun = monthLayout('2026-11-28', 'gregorian', 'sun');
    expect(sun.weeks[0]?.[0]).toBe('2026-11-01');
    expect(sun.weeks).toHaveLength(5);
  });

  it('starts Farvardin 1405 on Nowruz, 2026-03-21, and ends Esfand 1404 before it', () => {
    expect(monthLayout('2026-03-25', 'persian', 'sat').first).toBe('2026-03-21');
    expect(monthLayout('2026-03-20', 'persian', 'sat').last).toBe('2026-03-20');
  });

  it('orders weekdays from the week start', () => {
    expect(weekdayOrder('mon')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(weekdayOrder('sat')).toEqual([6, 7, 1, 2, 3, 4, 5]);
    expect(weekdayOrder('sun')).toEqual([7, 1, 2, 3, 4, 5, 6]);
  });

  it('moves by calendar months keeping the day inside the month', () => {
    expect(shiftMonths('2026-11-28', 'persian', 1)).toBe('2026-12-28'); // 7 Dey 1405
    expect(toCalendar(shiftMonths('2026-11-28', 'persian', 1), 'persian')).toEqual({ year: 1405, month: 10, day: 7 });
    // 31 Shahrivar (a 31-day month) to Mehr, which has 30.
    const lastShahrivar = monthLayout('2026-09-01', 'persian', 'sat').last;
    expect(toCalendar(shiftMonths(lastShahrivar, 'persian', 1), 'persian')).toEqual({ year: 1405, month: 7, day: 30 });
    expect(shiftMonths('2026-01-31', 'gregorian', 1)).toBe('2026-02-28');
  });
});
