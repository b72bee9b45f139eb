import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { zoneClock } from '../../core/zone-clock';

/**
 * The zone clock answers from the platform's zone data directly (fast); Temporal
 * is the reference. Zones with half-hour DST (Lord Howe), 45-minute offsets
 * (Kathmandu), a skipped day (Apia, 2011-12-30), DST that ended (Tehran, 2022;
 * Istanbul, 2016) and the southern hemisphere (São Paulo, Sydney).
 */
const ZONES = ['Europe/Warsaw', 'Europe/Istanbul', 'Asia/Tehran', 'America/New_York', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Australia/Sydney', 'Asia/Kathmandu', 'Pacific/Apia', 'America/St_Johns', 'UTC'];
const FROM = Date.UTC(1971, 0, 1) / 1000;
const TO = Date.UTC(2040, 0, 1) / 1000;

const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  // Near DST changes: whole hours and half hours around 01:00–04:00 UTC of spring and autumn Sundays.
  fc.record({ year: fc.integer({ min: 1975, max: 2035 }), month: fc.constantFrom(3, 4, 9, 10, 11), day: fc.integer({ min: 1, max: 31 }), minutes: fc.integer({ min: -360, max: 360 }) }).map(({ year, month, day, minutes }) => Date.UTC(year, month - 1, Math.min(day, 28), 2, 0) / 1000 + minutes * 60),
);

describe('the zone clock against Temporal', () => {
  it('gives the same wall clock, date and ISO text for any instant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (zone, s) => {
        const clock = zoneClock(zone);
        const z = Temporal.Instant.fromEpochMilliseconds(s * 1000).toZonedDateTimeISO(zone);
        expect(clock.iso(s)).toBe(z.toString({ timeZoneName: 'never', smallestUnit: 'second' }));
        expect(clock.hhmm(s)).toBe(`${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`);
        expect(clock.dayOf(s)).toBe(z.toPlainDate().toString());
        expect(clock.local(s)).toEqual({ day: z.toPlainDate().toString(), minuteOfDay: z.hour * 60 + z.minute });
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same instant for a wall-clock time, in gaps (forward) and repeats (the first) too', () => {
    const time = fc.record({ h: fc.integer({ min: 0, max: 23 }), m: fc.constantFrom(0, 15, 30, 45, 59) }).map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, time, (zone, s, hhmm) => {
        const day = Temporal.Instant.fromEpochMilliseconds(s * 1000).toZonedDateTimeISO(zone).toPlainDate();
        const expected = day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(hhmm) }).epochMilliseconds / 1000;
        expect(zoneClock(zone).at(day.toString(), hhmm)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('around every kind of clock change: the wall-clock times just before, in and after it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES.filter((z) => z !== 'UTC' && z !== 'Asia/Kathmandu')), fc.integer({ min: FROM, max: TO - 400 * 86_400 }), fc.integer({ min: -6, max: 6 }), (zone, s, quarter) => {
        const next = Temporal.Instant.fromEpochMilliseconds(s * 1000).toZonedDateTimeISO(zone).getTimeZoneTransition('next');
        if (!next) return;
        // The wall clock just before the change, moved by whole quarter hours: lands in gaps and repeats.
        const wall = next.subtract({ nanoseconds: 1 }).toPlainDateTime().round({ smallestUnit: 'minute', roundingMode: 'floor' }).add({ minutes: 15 * quarter });
        const hhmm = wall.toPlainTime().toString({ smallestUnit: 'minute' });
        const expected = wall.toPlainDate().toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(hhmm) }).epochMilliseconds / 1000;
        expect(zoneClock(zone).at(wall.toPlainDate().toString(), hhmm)).toBe(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('counts days and weekdays as Temporal does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: -4000, max: 4000 }), (n, days) => {
        const day = Temporal.PlainDate.from('1900-01-01').add({ days: n });
        const clock = zoneClock('Europe/Istanbul');
        expect(clock.addDays(day.toString(), days)).toBe(day.add({ days }).toString());
        expect(clock.weekday(day.toString())).toBe(day.dayOfWeek);
      }),
      { numRuns: 2000 },
    );
  });

  it('the known changes: Warsaw 2026, the day Apia skipped, a time that is not a time', () => {
    const warsaw = zoneClock('Europe/Warsaw');
    // 29 March 2026, 02:30 does not exist: forward to 03:30 CEST (01:30 UTC).
    expect(warsaw.at('2026-03-29', '02:30')).toBe(Date.UTC(2026, 2, 29, 1, 30) / 1000);
    // 25 October 2026, 02:30 happens twice: the first (CEST, 00:30 UTC).
    expect(warsaw.at('2026-10-25', '02:30')).toBe(Date.UTC(2026, 9, 25, 0, 30) / 1000);
    expect(warsaw.iso(Date.UTC(2026, 9, 25, 1, 30) / 1000)).toBe('2026-10-25T02:30:00+01:00');
    const apia = zoneClock('Pacific/Apia');
    expect(apia.dayOf(Date.UTC(2011, 11, 30, 12) / 1000)).toBe('2011-12-31');
    expect(() => warsaw.at('2026-11-23', '24:00')).toThrow();
    expect(() => warsaw.addDays('2026-02-30', 1)).toThrow();
  });
});
