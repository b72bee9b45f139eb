import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarLocale, type CalendarSystem } from '../core/calendar';
import { calendarDateFormat } from '../core/calendarFormat';
import type { Language } from '../core/contract';
import { calendarFor, useCalendarChoice } from './i18n/calendar';
import { FORMAT_LOCALE } from './i18n/index';

function calendarDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/**
 * A wall-clock time "HH:MM" (a shift's start, an opening hour, a chart's interval) as the locale
 * writes it, in its digits ("۰۸:۳۰" in Persian): the app's one clock formatter. Always 24-hour, as
 * rotas are written in all four languages. Not an instant, so UTC on both sides: no zone moves it.
 */
export function wallClock(locale: string): (hhmm: string) => string {
  const clockFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  // The end of a day's last window or turn is written 24:00, as the team typed it, not 00:00.
  const midnightEnd = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h24', timeZone: 'UTC' });
  return (hhmm) => (hhmm.startsWith('24') ? midnightEnd : clockFormat).format(new Date(Date.UTC(2026, 0, 1, Number(hhmm.slice(0, 2)) % 24, Number(hhmm.slice(3, 5)))));
}

/**
 * Formatters for one locale and calendar, built once: a 200-person rota formats thousands of
 * dates a render. `locale` carries the calendar (fa-IR-u-ca-persian), so every date shown, in
 * any view, is in the one calendar the screen reads.
 */
export function formatters(language: Language, calendar: CalendarSystem) {
  const locale = calendarLocale(FORMAT_LOCALE[language], calendar);
  // A roster day (YYYY-MM-DD) is a calendar date: UTC on both sides, so no zone can shift it.
  // In the order the language writes dates, also for Solar Hijri (see calendarDateFormat).
  const dates = (options: Intl.DateTimeFormatOptions) => {
    const f = calendarDateFormat(FORMAT_LOCALE[language], calendar, options);
    return (iso: string) => f(calendarDate(iso));
  };
  const clock = wallClock(locale);
  const numbers = new Map<number, Intl.NumberFormat>();
  const money = new Map<string, Intl.NumberFormat>();
  const weekday = dates({ weekday: 'short' });
  // An instant (a backup, a file's time) in this computer's own zone, to the second, its date in
  // the language's order ("شنبه ۷ آذر ۱۴۰۵، ۱۲:۴۹:۴۴", not CLDR's year-first Solar Hijri pattern).
  const instant = calendarDateFormat(FORMAT_LOCALE[language], calendar, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const kilobytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  const names = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const plainList = new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' });
  return {
    language,
    locale,
    calendar,
    /** "08:30" in the screen's digits ("۰۸:۳۰" in Persian). */
    clock,
    /** "08:00–16:30": a shift's or window's span. */
    clockRange: (start: string, end: string) => `${clock(start)}–${clock(end)}`,
    moment: (iso: string) => instant(new Date(iso)),
    size: (bytes: number) => kilobytes.format(bytes / 1024),
    /** "Monday 23 November": how a rota cell names its day. */
    dayLong: dates({ weekday: 'long', day: 'numeric', month: 'long' }),
    weekday,
    /** An ISO weekday (1 = Monday) by name: 23 November 2026 was a Monday. */
    isoWeekday: (iso: number) => weekday(`2026-11-${22 + iso}`),
    dayMonth: dates({ day: 'numeric', month: 'short' }),
    /** "November 2026": the month a day falls in. */
    month: dates({ month: 'long', year: 'numeric' }),
    day: dates({ day: 'numeric', month: 'short', year: 'numeric' }),
    number: (n: number, digits = 0) => {
      let f = numbers.get(digits);
      if (!f) numbers.set(digits, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
      return f.format(n);
    },
    money: (n: number, currency: string) => {
      let f = money.get(currency);
      if (!f) money.set(currency, (f = new Intl.NumberFormat(locale, { style: 'currency', currency })));
      return f.format(n);
    },
    /** "Ayşe, Emre and Zeynep" in parts, as the language joins a list ("، " and "و" in Persian), so each name can be isolated where it is drawn. */
    listParts: (items: string[]) => names.formatToParts(items),
    /** "phone, chat, email" as the language writes a short list ("تلفن، چت، ایمیل" in Persian, "telefon, czat i e-mail" in Polish): skills and channels. */
    list: (items: readonly string[]) => plainList.format(items),
  };
}

export type Format = ReturnType<typeof formatters>;

/** Numbers, money, dates and times through Intl in the UI language and calendar, never by hand. */
export function useFormat(): Format {
  const { i18n } = useTranslation();
  const chosen = useCalendarChoice();
  const language = (i18n.language as Language) in FORMAT_LOCALE ? (i18n.language as Language) : 'en';
  const calendar = calendarFor(language, chosen);
  return useMemo(() => formatters(language, calendar), [language, calendar]);
}
