import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayIntervals, isTimeZone, parsePlainDate, startOfWeek, Temporal, zonedInstant } from '../../core/time';

describe('parsePlainDate', () => {
  it('accepts real dates and refuses impossible or loosely written ones', () => {
    expect(parsePlainDate('2024-02-29')?.toString()).toBe('2024-02-29');
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-01', '26-01-01', '2026-01-01T00:00', '', 'tomorrow']) {
      expect(parsePlainDate(bad), bad).toBeNull();
    }
  });
});

describe('isTimeZone', () => {
  it('knows IANA zones and refuses others', () => {
    for (const z of ['Europe/Istanbul', 'Europe/Warsaw', 'Asia/Tehran', 'UTC', 'America/Argentina/Buenos_Aires']) expect(isTimeZone(z), z).toBe(true);
    for (const z of ['Europe/Atlantis', 'istanbul', '+03:00', '../../etc/passwd', '']) expect(isTimeZone(z), z).toBe(false);
  });
});

describe('startOfWeek', () => {
  it('honours a Monday, Saturday or Sunday week start', () => {
    const sunday = Temporal.PlainDate.from('2026-11-22');
    expect(startOfWeek(sunday, 'mon').toString()).toBe('2026-11-16');
    expect(startOfWeek(sunday, 'sun').toString()).toBe('2026-11-22');
    expect(startOfWeek(sunday, 'sat').toString()).toBe('2026-11-21');
  });

  it('always returns a day within the previous six days that is the week start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.constantFrom('mon', 'sat', 'sun' as const), (offset, ws) => {
        const day = Temporal.PlainDate.from('2000-01-01').add({ days: offset });
        const start = startOfWeek(day, ws);
        const back = start.until(day).days;
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThan(7);
        expect(start.dayOfWeek).toBe(ws === 'mon' ? 1 : ws === 'sat' ? 6 : 7);
      }),
    );
  });
});

describe('DST-correct intervals', () => {
  it('a Warsaw spring-forward day has 23 hours of intervals, an autumn day 25', () => {
    expect(dayIntervals(Temporal.PlainDate.from('2026-03-29'), 'Europe/Warsaw', 60)).toHaveLength(23);
    expect(dayIntervals(Temporal.PlainDate.from('2026-10-25'), 'Europe/Warsaw', 30)).toHaveLength(50);
    expect(dayIntervals(Temporal.PlainDate.from('2026-11-22'), 'Europe/Istanbul', 15)).toHaveLength(96);
  });

  it('a 22:00–06:00 night over the spring change lasts 7 hours', () => {
    const start = zonedInstant(Temporal.PlainDate.from('2026-03-28'), Temporal.PlainTime.from('22:00'), 'Europe/Warsaw');
    const end = zonedInstant(Temporal.PlainDate.from('2026-03-29'), Temporal.PlainTime.from('06:00'), 'Europe/Warsaw');
    expect(start.until(end).total('hours')).toBe(7);
  });
});
