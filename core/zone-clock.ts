import { startOfWeek, Temporal, type WeekStart } from './time';

/**
 * Time-zone conversions, memoised per zone. A week of 200 people has about
 * 1 400 shifts but only a few dozen distinct days and start instants, and five
 * years of daily on-call turns ask for the same handovers on every check: the
 * answers are pure (zone data does not change while the app runs), so one clock
 * per zone keeps them, each cache emptied when it grows past a bound.
 */
export interface ZoneClock {
  readonly timeZone: string;
  /** ISO 8601 with the zone's offset, e.g. 2026-11-23T07:00:00+01:00. */
  iso(epochSeconds: number): string;
  /** HH:MM wall-clock time in the zone. */
  hhmm(epochSeconds: number): string;
  /**
   * The wall clock of an instant as numbers, for code that places a year of intervals (no text
   * to build and parse for each): the local date and the minutes since its midnight.
   */
  local(epochSeconds: number): { day: string; minuteOfDay: number };
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

const MEMO_LIMIT = 200_000;

function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const cache = new Map<unknown, R>();
  return (...args: A) => {
    if (cache.size > MEMO_LIMIT) cache.clear();
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

const pad2 = (n: number) => String(n).padStart(2, '0');
const DAY_SECONDS = 86_400;
const PLAIN_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^(\d{2}):(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD in years 1000–9999, or null (the callers then ask Temporal). */
function epochDay(day: string): number | null {
  const m = PLAIN_DAY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2026-02-30 over to March; Temporal would refuse it: leave that to Temporal.
  return new Date(ms).getUTCDate() === d ? ms / 86_400_000 : null;
}

function dayText(epochDays: number): string | null {
  const date = new Date(epochDays * 86_400_000);
  const y = date.getUTCFullYear();
  if (y < 1000 || y > 9999) return null;
  return `${y}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/**
 * UTC offsets of one zone from the platform's time-zone data (Intl, which the
 * Temporal polyfill itself reads): a cached formatter turns an instant into wall-clock
 * fields far faster than a Temporal object does, and five years of on-call turns or a
 * week of a large team's shifts ask for thousands of them.
 */
function offsets(timeZone: string): (epochSeconds: number) => number | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short' });
  } catch {
    return () => null;
  }
  const exact = memo((s: number) => {
    const f: Record<string, string> = {};
    for (const p of format.formatToParts(new Date(s * 1000))) f[p.type] = p.value;
    const year = Number(f.year);
    if (f.era !== 'AD' || !(year >= 1000 && year <= 9999)) return null;
    const wall = Date.UTC(year, Number(f.month) - 1, Number(f.day), Number(f.hour), Number(f.minute), Number(f.second)) / 1000;
    return wall - s;
  });
  /**
   * A zone's offset changes a few times a year, and no two changes in one day cancel out (none of the
   * platform's 418 zones between 1971 and 2040 has such a pair), so a UTC day whose
   * start and end have the same offset has it throughout: a year of 15-minute intervals asks the
   * formatter about 730 times instead of 35 040. Days with a change ask for each instant.
   */
  const steady = memo((utcDay: number): number | null => {
    const start = exact(utcDay * DAY_SECONDS);
    return start !== null && start === exact((utcDay + 1) * DAY_SECONDS) ? start : null;
  });
  return (s: number) => steady(Math.floor(s / DAY_SECONDS)) ?? exact(s);
}

const clocks = new Map<string, ZoneClock>();

export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = makeZoneClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

function makeZoneClock(timeZone: string): ZoneClock {
  const zoned = memo((s: number) => Temporal.Instant.fromEpochMilliseconds(s * 1000).toZonedDateTimeISO(timeZone));
  const date = memo((day: string) => Temporal.PlainDate.from(day));
  const offsetAt = offsets(timeZone);
  /** Wall-clock seconds since the epoch of an instant, when the fast path can say (whole-minute offsets, years 1000–9999). */
  const wallOf = (s: number): number | null => {
    const o = offsetAt(s);
    return o === null || o % 60 !== 0 ? null : s + o;
  };
  const dayTextMemo = memo(dayText);
  const isoOffset = (o: number) => `${o < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(o) / 3600))}:${pad2((Math.abs(o) / 60) % 60)}`;
  const wallText = (wall: number) => {
    const day = dayText(Math.floor(wall / DAY_SECONDS));
    const inDay = ((wall % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS;
    return day === null ? null : { day, time: `${pad2(Math.floor(inDay / 3600))}:${pad2(Math.floor(inDay / 60) % 60)}`, seconds: pad2(inDay % 60) };
  };
  return {
    timeZone,
    iso: memo((s: number) => {
      const wall = Number.isInteger(s) ? wallOf(s) : null;
      const w = wall === null ? null : wallText(wall);
      if (wall === null || !w) return zoned(s).toString({ timeZoneName: 'never', smallestUnit: 'second' });
      return `${w.day}T${w.time}:${w.seconds}${isoOffset(wall - s)}`;
    }),
    hhmm: memo((s: number) => {
      const w = Number.isInteger(s) ? wallOf(s) : null;
      const text = w === null ? null : wallText(w);
      if (text) return text.time;
      const z = zoned(s);
      return `${pad2(z.hour)}:${pad2(z.minute)}`;
    }),
    local: (s: number) => {
      const w = Number.isInteger(s) ? wallOf(s) : null;
      const day = w === null ? null : dayTextMemo(Math.floor(w / DAY_SECONDS));
      if (w === null || day === null) {
        const z = zoned(s);
        return { day: z.toPlainDate().toString(), minuteOfDay: z.hour * 60 + z.minute };
      }
      return { day, minuteOfDay: Math.floor((((w % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS) / 60) };
    },
    dayOf: memo((s: number) => {
      const w = Number.isInteger(s) ? wallOf(s) : null;
      return (w === null ? null : dayText(Math.floor(w / DAY_SECONDS))) ?? zoned(s).toPlainDate().toString();
    }),
    at: memo((day: string, hhmm: string) => {
      const d = epochDay(day);
      const t = HHMM.exec(hhmm);
      if (d !== null && t && Number(t[1]) < 24 && Number(t[2]) < 60) {
        const local = d * DAY_SECONDS + Number(t[1]) * 3600 + Number(t[2]) * 60;
        // Temporal's "compatible" choice: the earlier of two (autumn), or forward by the gap (spring).
        const before = offsetAt(local - DAY_SECONDS);
        const after = offsetAt(local + DAY_SECONDS);
        if (before !== null && after !== null) {
          const valid = [local - before, local - after].filter((c) => offsetAt(c) === local - c);
          return valid.length ? Math.min(...valid) : local - before;
        }
      }
      return Math.floor(date(day).toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(hhmm) }).epochMilliseconds / 1000);
    }),
    reach: memo((day: string, hhmm: string) => {
      const z = date(day).toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(hhmm) });
      const wall = `${pad2(z.hour)}:${pad2(z.minute)}`;
      if (wall === hhmm || !z.toPlainDate().equals(date(day))) return Math.floor(z.epochMilliseconds / 1000);
      // In a gap: Temporal moved forward past it; the jump itself is the first instant at or past hhmm.
      const jump = z.getTimeZoneTransition('previous');
      return Math.floor((jump ?? z).epochMilliseconds / 1000);
    }),
    dayStart: memo((day: string) => Math.floor(date(day).toZonedDateTime({ timeZone }).epochMilliseconds / 1000)),
    addDays: memo((day: string, days: number) => {
      const d = epochDay(day);
      return (d === null || !Number.isInteger(days) ? null : dayText(d + days)) ?? date(day).add({ days }).toString();
    }),
    weekOf: memo((day: string, weekStart: WeekStart) => startOfWeek(date(day), weekStart).toString()),
    weekday: memo((day: string) => {
      const d = epochDay(day);
      // 1970-01-01 was a Thursday (ISO 4).
      return d === null ? date(day).dayOfWeek : ((((d + 3) % 7) + 7) % 7) + 1;
    }),
  };
}
