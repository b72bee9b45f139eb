import { Temporal } from './time';

/**
 * The calendar a person reads dates in: Gregorian, or Solar Hijri (the Iranian calendar,
 * ICU's "persian"). Dates are stored as ISO days everywhere; only what is shown and typed
 * is in the chosen calendar. Conversion goes through Intl's persian calendar (ICU, maintained
 * with the platform), never through tables of our own: Intl tells an ISO day's Solar Hijri
 * date, and the way back searches the few days around an estimate.
 */

export const CALENDARS = ['gregorian', 'persian'] as const;
export type CalendarSystem = (typeof CALENDARS)[number];

/** A day as the calendar names it: month 1-12, day 1-31 (Solar Hijri months have 29-31 days). */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The calendar a language reads by default: Solar Hijri for Persian, Gregorian for the others. */
export function defaultCalendar(language: string): CalendarSystem {
  return language.toLowerCase().startsWith('fa') ? 'persian' : 'gregorian';
}

/**
 * The calendar a person reading `language` sees: only Persian offers a choice (Solar Hijri
 * unless Gregorian was chosen); the other languages read Gregorian.
 */
export function screenCalendar(language: string | null, chosen: CalendarSystem | null): CalendarSystem {
  return language !== null && defaultCalendar(language) === 'persian' ? (chosen ?? 'persian') : 'gregorian';
}

/** A BCP 47 locale with the calendar as its -u-ca- extension, for Intl formatters. */
export function calendarLocale(locale: string, calendar: CalendarSystem): string {
  const base = locale.replace(/-u-.*$/, '');
  return `${base}-u-ca-${calendar === 'persian' ? 'persian' : 'gregory'}`;
}

const persianParts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function utcMs(iso: string): number {
  const d = Temporal.PlainDate.from(iso);
  return Date.UTC(d.year, d.month - 1, d.day);
}

function isoOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** The day an ISO date (YYYY-MM-DD) is in the calendar. */
export function toCalendar(iso: string, calendar: CalendarSystem): CalendarDay {
  if (calendar === 'gregorian') {
    const d = Temporal.PlainDate.from(iso);
    return { year: d.year, month: d.month, day: d.day };
  }
  const parts = persianParts.formatToParts(new Date(utcMs(iso)));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** The ISO day a calendar date names, or null when no such day exists (1404-12-30, 2026-02-30). */
export function fromCalendar(calendar: CalendarSystem, date: CalendarDay): string | null {
  const { year, month, day } = date;
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (calendar === 'gregorian') {
    try {
      return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' }).toString();
    } catch {
      return null;
    }
  }
  if (year < 1 || year > 9000) return null;
  // Farvardin 1 falls on 20 or 21 March of year + 621; the first six months have 31 days, the next five 30.
  const offset = month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30;
  const guess = Date.UTC(year + 621, 2, 21) + (offset + day - 1) * DAY_MS;
  for (const delta of [0, -1, 1, -2, 2]) {
    const iso = isoOfMs(guess + delta * DAY_MS);
    const back = toCalendar(iso, 'persian');
    if (back.year === year && back.month === month && back.day === day) return iso;
  }
  return null;
}

/** The first day of the calendar month that holds `iso`. */
export function monthStart(iso: string, calendar: CalendarSystem): string {
  const d = toCalendar(iso, calendar);
  return Temporal.PlainDate.from(iso).subtract({ days: d.day - 1 }).toString();
}

/** How many days the calendar month that holds `iso` has. */
export function daysInMonth(iso: string, calendar: CalendarSystem): number {
  const first = monthStart(iso, calendar);
  const next = addMonths(first, calendar, 1);
  return Temporal.PlainDate.from(first).until(Temporal.PlainDate.from(next)).days;
}

/** The first day of the calendar month `months` away from the month that holds `iso`. */
export function addMonths(iso: string, calendar: CalendarSystem, months: number): string {
  const { year, month } = toCalendar(iso, calendar);
  const index = year * 12 + (month - 1) + months;
  const first = fromCalendar(calendar, { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 });
  if (first === null) throw new RangeError(`No month ${months} away from ${iso}`);
  return first;
}

/** The calendar month that holds `iso`, written YYYY-MM in that calendar ("1405-09" for 2026-11-28 in Solar Hijri). */
export function monthKey(iso: string, calendar: CalendarSystem): string {
  const { year, month } = toCalendar(iso, calendar);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The ISO first day of a month written YYYY-MM in the calendar (the inverse of monthKey). */
export function monthKeyStart(key: string, calendar: CalendarSystem): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? fromCalendar(calendar, { year: Number(m[1]), month: Number(m[2]), day: 1 }) : null;
}

/** The first and last day of the calendar year that holds `iso`. */
export function yearRange(iso: string, calendar: CalendarSystem): { from: string; to: string } {
  const { year } = toCalendar(iso, calendar);
  const from = fromCalendar(calendar, { year, month: 1, day: 1 });
  const next = fromCalendar(calendar, { year: year + 1, month: 1, day: 1 });
  if (from === null || next === null) throw new RangeError(`No year around ${iso}`);
  return { from, to: Temporal.PlainDate.from(next).subtract({ days: 1 }).toString() };
}

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/**
 * Persian (۰-۹) and Arabic-Indic (٠-٩) digits as Latin ones, and their decimal (٫) and
 * thousands (٬) marks as "." and ",": what a person typed or a spreadsheet holds, read as a number.
 */
export function latinDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= PERSIAN_ZERO && c <= PERSIAN_ZERO + 9) out += String(c - PERSIAN_ZERO);
    else if (c >= ARABIC_INDIC_ZERO && c <= ARABIC_INDIC_ZERO + 9) out += String(c - ARABIC_INDIC_ZERO);
    else if (ch === '٫') out += '.';
    else if (ch === '٬') out += ',';
    else out += ch;
  }
  return out;
}

/**
 * A date as a person types it in the calendar on screen, in Latin or Persian digits, separated
 * by "/", "-" or ".": year first ("1405/9/7", "۱۴۰۵-۰۹-۰۷", "2026-11-28"), or day first with the
 * year last, as Turkish, Polish and British dates are written ("28.11.2026", "28/11/2026").
 * A four-digit year at either end tells which; month-first American order is not read.
 * Returns the ISO day, or null when the text names no day.
 */
export function parseCalendarDate(text: string, calendar: CalendarSystem): string | null {
  const latin = latinDigits(text);
  const yearFirst = /^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$/.exec(latin);
  if (yearFirst) return fromCalendar(calendar, { year: Number(yearFirst[1]), month: Number(yearFirst[2]), day: Number(yearFirst[3]) });
  const dayFirst = /^\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})\s*$/.exec(latin);
  if (dayFirst) return fromCalendar(calendar, { year: Number(dayFirst[3]), month: Number(dayFirst[2]), day: Number(dayFirst[1]) });
  return null;
}

/** An ISO day written as YYYY/MM/DD in the calendar (Latin digits): the unambiguous text form. */
export function calendarDateText(iso: string, calendar: CalendarSystem, separator = calendar === 'persian' ? '/' : '-'): string {
  const { year, month, day } = toCalendar(iso, calendar);
  return [String(year).padStart(4, '0'), String(month).padStart(2, '0'), String(day).padStart(2, '0')].join(separator);
}
