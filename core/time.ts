import { Temporal } from 'temporal-polyfill';

/**
 * All date-time math goes through Temporal (DESIGN.md "Time"). A roster day is
 * a PlainDate in the team's IANA zone; an instant is stored as epoch seconds.
 */
export { Temporal };

export type WeekStart = 'mon' | 'sat' | 'sun';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Strict YYYY-MM-DD that also exists in the calendar (2026-02-30 is refused). */
export function parsePlainDate(text: string): Temporal.PlainDate | null {
  if (!ISO_DATE.test(text)) return null;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    return null;
  }
}

export function isPlainDate(text: string): boolean {
  return parsePlainDate(text) !== null;
}

let zoneCache: Set<string> | null = null;

/** True for an IANA zone name this runtime knows (e.g. Europe/Istanbul, Asia/Tehran). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(name) && name !== 'UTC') return false;
  zoneCache ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (zoneCache.has(name) || name === 'UTC') return true;
  try {
    // Aliases (e.g. Asia/Calcutta) are valid IANA names but not in the canonical list.
    Temporal.Now.zonedDateTimeISO(name);
    return true;
  } catch {
    return false;
  }
}

export function timeZones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}

/** Today's roster day in a zone. `now` is injectable so tests and the demo are reproducible. */
export function todayIn(timeZone: string, now: Temporal.Instant = Temporal.Now.instant()): Temporal.PlainDate {
  return now.toZonedDateTimeISO(timeZone).toPlainDate();
}

/** ISO day-of-week (1 = Monday … 7 = Sunday) that starts the team's week. */
export function weekStartDay(weekStart: WeekStart): number {
  return weekStart === 'mon' ? 1 : weekStart === 'sat' ? 6 : 7;
}

/** The week start whose first day is ISO weekday `day` (`weekStartDay` the other way), or null for a day no week starts on. */
export function weekStartOfDay(day: number): WeekStart | null {
  return day === 1 ? 'mon' : day === 6 ? 'sat' : day === 7 ? 'sun' : null;
}

/** The first day of the week containing `day`, for a team whose week starts on `weekStart`. */
export function startOfWeek(day: Temporal.PlainDate, weekStart: WeekStart): Temporal.PlainDate {
  const back = (day.dayOfWeek - weekStartDay(weekStart) + 7) % 7;
  return day.subtract({ days: back });
}

/** The instant a local wall-clock time happens on a roster day (DST gaps resolve forward). */
export function zonedInstant(day: Temporal.PlainDate, time: Temporal.PlainTime, timeZone: string): Temporal.Instant {
  return day.toZonedDateTime({ timeZone, plainTime: time }).toInstant();
}

export function epochSeconds(instant: Temporal.Instant): number {
  return Math.floor(instant.epochMilliseconds / 1000);
}

/** Local start instants of every interval of a roster day; a DST day has 23 or 25 hours of them. */
export function dayIntervals(day: Temporal.PlainDate, timeZone: string, intervalMinutes: number): Temporal.ZonedDateTime[] {
  const start = day.toZonedDateTime({ timeZone });
  const end = day.add({ days: 1 }).toZonedDateTime({ timeZone });
  const out: Temporal.ZonedDateTime[] = [];
  for (let t = start; Temporal.ZonedDateTime.compare(t, end) < 0; t = t.add({ minutes: intervalMinutes })) {
    out.push(t);
  }
  return out;
}

/** Current UTC instant as an ISO string, for audit columns. */
export function nowIso(now: Temporal.Instant = Temporal.Now.instant()): string {
  return now.toString();
}
