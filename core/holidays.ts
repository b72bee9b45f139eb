import Holidays from 'date-holidays';
import { Temporal } from './time';

/**
 * Public holidays from the date-holidays package for a team's country (and
 * optional region). A day is a holiday when the holiday covers its local noon:
 * Islamic holidays start at the previous sunset and some end at midday, and
 * neither the eve nor that last morning is a day off.
 */

export interface PublicHoliday {
  day: string;
  name: string;
}

const cache = new Map<string, Holidays | null>();

function calendar(country: string, region: string, language: string): Holidays | null {
  const key = `${country}|${region}|${language}`;
  if (!cache.has(key)) {
    const hd = new Holidays();
    if (region) hd.init(country, region, { types: ['public'], languages: [language] });
    else hd.init(country, { types: ['public'], languages: [language] });
    cache.set(key, hd.getCountries()[country] ? hd : null);
  }
  return cache.get(key) ?? null;
}

/** True when date-holidays knows the country (and region, when given). */
export function knowsHolidays(country: string, region = ''): boolean {
  if (country === '' || calendar(country, '', 'en') === null) return false;
  return region === '' || Object.prototype.hasOwnProperty.call(new Holidays().getStates(country) ?? {}, region);
}

export function publicHolidays(country: string, region: string, timeZone: string, from: string, to: string, language = 'en'): PublicHoliday[] {
  if (!country) return [];
  const hd = calendar(country, region, language);
  if (!hd) return [];
  const a = Temporal.PlainDate.from(from);
  const b = Temporal.PlainDate.from(to);
  const out = new Map<string, string>();
  for (let year = a.year - 1; year <= b.year; year += 1) {
    for (const h of hd.getHolidays(year)) {
      if (h.type !== 'public') continue;
      const startMs = new Date(h.start).getTime();
      const endMs = new Date(h.end).getTime();
      // Walk the local days the holiday touches and keep those whose noon it covers.
      let d = Temporal.PlainDate.from(h.date.slice(0, 10)).subtract({ days: 1 });
      const last = Temporal.Instant.fromEpochMilliseconds(endMs).toZonedDateTimeISO(timeZone).toPlainDate();
      for (; Temporal.PlainDate.compare(d, last) <= 0; d = d.add({ days: 1 })) {
        const noon = d.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from('12:00') }).toInstant().epochMilliseconds;
        const day = d.toString();
        // NFKC turns Arabic presentation forms (as in the Iranian data) into ordinary letters.
        if (noon >= startMs && noon < endMs && day >= from && day <= to && !out.has(day)) out.set(day, h.name.normalize('NFKC'));
      }
    }
  }
  return [...out].map(([day, name]) => ({ day, name })).sort((x, y) => (x.day < y.day ? -1 : 1));
}
