/**
 * A local wall-clock time ("09:30", from an interval's ISO start) in the UI's digits: "۰۹:۳۰" in
 * Persian. Always 24-hour, as rotas and opening hours are written in all four languages.
 */
const cache = new Map<string, (hhmm: string) => string>();

export function clockFormatter(locale: string): (hhmm: string) => string {
  const known = cache.get(locale);
  if (known) return known;
  const f = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  const format = (hhmm: string) => f.format(new Date(Date.UTC(2026, 0, 1, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)))));
  cache.set(locale, format);
  return format;
}
