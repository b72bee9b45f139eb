import { calendarLocale, type CalendarSystem } from './calendar';

/**
 * An Intl date formatter for a locale in a calendar, in the order the locale writes dates.
 * CLDR's Solar Hijri patterns for Persian put the year first with a Latin comma
 * ("۱۴۰۵ آذر ۷, شنبه", "۱۴۰۵ آذر"), not as Persian is written on a page or a calendar's title
 * ("شنبه ۷ آذر ۱۴۰۵", "آذر ۱۴۰۵"): so a Solar Hijri date takes its words and digits from the
 * persian calendar and their order and separators from the same locale's Gregorian pattern.
 * Dates are read in UTC unless `timeZone` is given (a calendar day is no instant).
 */
export function calendarDateFormat(locale: string, calendar: CalendarSystem, options: Intl.DateTimeFormatOptions): (date: Date) => string {
  const f = new Intl.DateTimeFormat(calendarLocale(locale, calendar), { timeZone: 'UTC', ...options });
  if (calendar !== 'persian') return (date) => f.format(date);
  const order = new Intl.DateTimeFormat(calendarLocale(locale, 'gregorian'), { timeZone: 'UTC', ...options });
  const cache = new Map<number, string>();
  return (date) => {
    const key = date.getTime();
    let text = cache.get(key);
    if (text === undefined) {
      const values = f.formatToParts(date);
      text = order
        .formatToParts(date)
        .map((p) => (p.type === 'literal' ? p.value : (values.find((v) => v.type === p.type)?.value ?? p.value)))
        .join('');
      if (cache.size > 5000) cache.clear();
      cache.set(key, text);
    }
    return text;
  };
}
