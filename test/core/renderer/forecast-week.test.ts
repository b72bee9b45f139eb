import { describe, expect, it } from 'vitest';
import type { CoverageInterval } from '../../../core/staffing';
import { percentFormatter } from '../../../renderer/forecast/percent';
import { addDays, closedAllDay, closedRuns, intervalEnd } from '../../../renderer/forecast/weekMath';

function interval(start: string, open = true): CoverageInterval {
  return {
    start,
    channel: 'phone',
    volume: 0,
    ahtSeconds: 300,
    traffic: 0,
    required: 0,
    scheduledRequired: 0,
    requiredServiceLevel: null,
    requiredAbandonRate: null,
    belowLoadReason: null,
    onShift: 0,
    serviceLevel: null,
    abandonRate: null,
    asa: null,
    occupancy: null,
    status: 'ok',
    open,
  };
}

describe('forecast week arithmetic', () => {
  it('adds days across months and years, and goes back', () => {
    expect(addDays('2026-11-23', 6)).toBe('2026-11-29');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2024-02-26', 6)).toBe('2024-03-03');
    expect(addDays('2026-11-23', -7)).toBe('2026-11-16');
  });

  it('an interval ends where the next begins, even across a clock change', () => {
    const all = [interval('2026-03-29T01:30'), interval('2026-03-29T03:00')];
    expect(intervalEnd(all[0] as CoverageInterval, all, 30)).toBe('2026-03-29T03:00');
  });

  it('the last interval ends its length later on the same wall clock, wrapping at midnight', () => {
    const last = interval('2026-11-29T23:30');
    expect(intervalEnd(last, [last], 30)).toBe('2026-11-29T00:00');
    const mid = interval('2026-11-29T09:45');
    expect(intervalEnd(mid, [mid], 15)).toBe('2026-11-29T10:00');
    expect(intervalEnd(mid, [mid], 60)).toBe('2026-11-29T10:45');
  });

  it('a day is closed all day only when it has intervals and none is open', () => {
    const all = [interval('2026-11-28T09:00', false), interval('2026-11-28T09:30', false), interval('2026-11-29T09:00', false), interval('2026-11-29T09:30', true)];
    expect(closedAllDay(all, '2026-11-28')).toBe(true);
    expect(closedAllDay(all, '2026-11-29')).toBe(false);
    expect(closedAllDay(all, '2026-11-30')).toBe(false);
  });

  it('closed stretches of the forecast are runs of consecutive closed points; an unknown point counts as open', () => {
    const points = ['a', 'b', 'c', 'd', 'e', 'f'].map((start) => ({ start }));
    const open = new Map([
      ['a', false],
      ['b', false],
      ['c', true],
      ['d', false],
      ['f', false],
    ]);
    expect(closedRuns(points, open, (s) => s.toUpperCase())).toEqual([
      { from: 'A', to: 'B' },
      { from: 'D', to: 'D' },
      { from: 'F', to: 'F' },
    ]);
    expect(closedRuns([], open, (s) => s)).toEqual([]);
  });

  it('shares as the locale writes percentages, a dash for none', () => {
    expect(percentFormatter('en-GB')(0.853)).toBe('85.3%');
    expect(percentFormatter('en-GB')(null)).toBe('–');
    expect(percentFormatter('en-GB')(1)).toBe('100%');
  });
});
