import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../core/contract';
import { FORMAT_LOCALE } from './i18n/index';

function calendarDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** Formatters for one locale, built once: a 200-person rota formats thousands of dates a render. */
function formatters(locale: string) {
  // A roster day (YYYY-MM-DD) is a calendar date: UTC on both sides, so no zone can shift it.
  const dates = (options: Intl.DateTimeFormatOptions) => {
    const f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    return (iso: string) => f.format(calendarDate(iso));
  };
  const numbers = new Map<number, Intl.NumberFormat>();
  const money = new Map<string, Intl.NumberFormat>();
  const weekday = dates({ weekday: 'short' });
  // An instant (a backup, a file's time) in this computer's own zone, to the second.
  const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' });
  const kilobytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  return {
    locale,
    moment: (iso: string) => instant.format(new Date(iso)),
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
  };
}

/** Numbers, money and dates through Intl in the UI language, never by hand. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = (i18n.language as Language) in FORMAT_LOCALE ? (i18n.language as Language) : 'en';
  return useMemo(() => formatters(FORMAT_LOCALE[language]), [language]);
}
