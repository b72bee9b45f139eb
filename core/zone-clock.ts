import { startOfWeek, Temporal, type WeekStart } from './time';

/**
 * Temporal conversions, memoised for one team zone. A week of 200 people has
 * about 1 400 shifts but only a few dozen distinct days and start instants, and
 * the Temporal polyfill costs microseconds per conversion: this turns
 * thousands of conversions per call into dozens. Create one per request; it is
 * not meant to live long (its caches grow with what it is asked).
 */
export interface ZoneClock {
  readonly timeZone: string;
  /** ISO 8601 with the zone's offset, e.g. 2026-11-23T07:00:00+01:00. */
  iso(epochSeconds: number): string;
  /** HH:MM wall-clock time in the zone. */
  hhmm(epochSeconds: number): string;
  /** The local date of an instant. */
  dayOf(epochSeconds: number): string;
  /** The instant (epoch seconds) a wall-clock time happens on a local day; gaps resolve forward. */
  at(day: string, hhmm: string): number;
  /**
   * The first instant whose local time on `day` is at or past `hhmm`: the time
   * itself, or, when the clocks jump over it (spring), the moment of the jump.
   * A time that happens twice (autumn) gives its first occurrence.
   */
  reach(day: string, hhmm: string): number;
  /** The instant the local day starts (its first wall-clock moment). */
  dayStart(day: string): number;
  addDays(day: string, days: number): string;
  weekOf(day: string, weekStart: WeekStart): string;
  /** ISO weekday, 1 = Monday. */
  weekday(day: string): number;
}

function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const cache = new Map<unknown, R>();
  return (...args: A) => {
    // One argument is its own key: no string to build for every instant looked up.
    const key = args.length === 1 ? args[0] : args.join('|');
    let v = cache.get(key);
    if (v === undefined) {
      v = fn(...args);
      cache.set(key, v);
    }
    return v;
  };
}

export function zoneClock(timeZone: string): ZoneClock {
  const zoned = memo((s: number) => Temporal.Instant.fromEpochMilliseconds(s * 1000).toZonedDateTimeISO(timeZone));
  const date = memo((day: string) => Temporal.PlainDate.from(day));
  return {
    timeZone,
    iso: memo((s: number) => zoned(s).toString({ timeZoneName: 'never', smallestUnit: 'second' })),
    hhmm: memo((s: number) => {
      const z = zoned(s);
      return `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
    }),
    dayOf: memo((s: number) => zoned(s).toPlainDate().toString()),
    at: memo((day: string, hhmm: string) => Math.floor(date(day).toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(hhmm) }).epochMilliseconds / 1000)),
    reach: memo((day: string, hhmm: string) => {
      const z = date(day).toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(hhmm) });
      const wall = `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
      if (wall === hhmm || !z.toPlainDate().equals(date(day))) return Math.floor(z.epochMilliseconds / 1000);
      // In a gap: Temporal moved forward past it; the jump itself is the first instant at or past hhmm.
      const jump = z.getTimeZoneTransition('previous');
      return Math.floor((jump ?? z).epochMilliseconds / 1000);
    }),
    dayStart: memo((day: string) => Math.floor(date(day).toZonedDateTime({ timeZone }).epochMilliseconds / 1000)),
    addDays: memo((day: string, days: number) => date(day).add({ days }).toString()),
    weekOf: memo((day: string, weekStart: WeekStart) => startOfWeek(date(day), weekStart).toString()),
    weekday: memo((day: string) => date(day).dayOfWeek),
  };
}
