import { calendarDateText } from '../../core/calendar';
import { calendarDateFormat } from '../../core/calendarFormat';
import type { Format } from '../format';

/** Latin digits in `text` as the screen's own ("1405/09/07" as "۱۴۰۵/۰۹/۰۷" on a Persian screen). */
export function screenDigits(text: string, fmt: Format): string {
  const zero = fmt.number(0).charCodeAt(0);
  if (zero === 48) return text;
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(zero + Number(d)));
}

/** An ISO day as typed in a date field: year, month and day in the screen's calendar and digits. */
export function fieldText(iso: string, fmt: Format): string {
  return iso ? screenDigits(calendarDateText(iso, fmt.calendar), fmt) : '';
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
