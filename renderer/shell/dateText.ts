import { calendarDateFormat } from '../../core/calendarFormat';
import type { Format } from '../format';

const numeric = new Map<string, Intl.DateTimeFormat>();

/**
 * An ISO day as typed in a date field: the locale's own numeric order, calendar and digits
 * through Intl ("28.11.2026" in Turkish and Polish, "28/11/2026" in English, "۱۴۰۵/۰۹/۰۷" in
 * Persian), which parseCalendarDate reads back.
 */
export function fieldText(iso: string, fmt: Format): string {
  if (!iso) return '';
  let f = numeric.get(fmt.locale);
  if (!f) numeric.set(fmt.locale, (f = new Intl.DateTimeFormat(fmt.locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })));
  // Some ICU versions mark the direction of a Persian date with invisible marks; a field holds only the date.
  return f.format(utc(iso)).replace(/[\u200e\u200f\u061c]/g, '');
}

const cache = new Map<string, { full: (d: Date) => string; day: (d: Date) => string }>();

function formats(fmt: Format) {
  let f = cache.get(fmt.locale);
  if (!f) {
    f = {
      full: calendarDateFormat(fmt.locale, fmt.calendar, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
      day: calendarDateFormat(fmt.locale, fmt.calendar, { day: 'numeric' }),
    };
    cache.set(fmt.locale, f);
  }
  return f;
}

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** "Saturday 28 November 2026", "شنبه ۷ آذر ۱۴۰۵": a day cell's name for screen readers. */
export function fullDate(iso: string, fmt: Format): string {
  return formats(fmt).full(utc(iso));
}

/** The day of the month in the screen's calendar and digits ("۷" for 2026-11-28 in Persian). */
export function dayNumber(iso: string, fmt: Format): string {
  return formats(fmt).day(utc(iso));
}
