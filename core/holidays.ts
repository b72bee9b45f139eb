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
  /**
   * The date is a calculation, not an announcement: Iran's holidays of the
   * Islamic (lunar) calendar are fixed by moon sighting and announced late, and
   * date-holidays carries no flag for that, so its lunar days for IR are
   * estimates (they differ by a day from other sources for much of 2026).
   */
  estimated: boolean;
}

/** The Islamic months as date-holidays names them in its rules (its parser's own list). */
const ISLAMIC_RULE = /\b(Muharram|Safar|Rabi al-awwal|Rabi al-thani|Jumada al-awwal|Jumada al-thani|Rajab|Shaban|Ramadan|Shawwal|Dhu al-Qidah|Dhu al-Hijjah)\b/;
/** Countries whose lunar holidays are announced by sighting, so a computed date is an estimate. */
const SIGHTED = new Set(['IR']);

/** Whether date-holidays' date for a holiday of `country` by `rule` is an estimate. */
export function isEstimated(country: string, rule: string | undefined): boolean {
  return SIGHTED.has(country) && ISLAMIC_RULE.test(rule ?? '');
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

/**
 * One calendar year's public days of a place (local days of `timeZone`), worked out once: the
 * data never changes while the app runs, and the rota, costs, on-call and leave each ask for
 * the same year many times a read (about 15 ms a year otherwise).
 */
const years = new Map<string, readonly PublicHoliday[]>();
const MAX_CACHED_YEARS = 256;

function yearOf(hd: Holidays, country: string, key: string, timeZone: string, year: number): readonly PublicHoliday[] {
  const cached = years.get(key);
  if (cached) return cached;
  const out = new Map<string, PublicHoliday>();
  // A holiday of the year before may reach into this one.
  for (const y of [year - 1, year]) {
    for (const h of hd.getHolidays(y)) {
      if (h.type !== 'public') continue;
      const startMs = new Date(h.start).getTime();
      const endMs = new Date(h.end).getTime();
      // Walk the local days the holiday touches and keep those whose noon it covers.
      let d = Temporal.PlainDate.from(h.date.slice(0, 10)).subtract({ days: 1 });
      const last = Temporal.Instant.fromEpochMilliseconds(endMs).toZonedDateTimeISO(timeZone).toPlainDate();
      for (; Temporal.PlainDate.compare(d, last) <= 0; d = d.add({ days: 1 })) {
        if (d.year !== year) continue;
        const noon = d.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from('12:00') }).toInstant().epochMilliseconds;
        if (noon < startMs || noon >= endMs) continue;
        const day = d.toString();
        const estimated = isEstimated(country, h.rule);
        const there = out.get(day);
        // NFKC turns Arabic presentation forms (as in the Iranian data) into ordinary letters.
        const name = h.name.normalize('NFKC');
        // Two holidays on one day: the day is certain if either date is, and is named by a certain one.
        if (!there) out.set(day, { day, name, estimated });
        else if (there.estimated && !estimated) Object.assign(there, { name, estimated: false });
      }
    }
  }
  const list = Object.freeze([...out.values()].sort((x, y) => (x.day < y.day ? -1 : 1)).map((h) => Object.freeze(h)));
  if (years.size >= MAX_CACHED_YEARS) years.delete(years.keys().next().value ?? '');
  years.set(key, list);
  return list;
}

export function publicHolidays(country: string, region: string, timeZone: string, from: string, to: string, language = 'en'): PublicHoliday[] {
  if (!country) return [];
  const hd = calendar(country, region, language);
  if (!hd) return [];
  const out: PublicHoliday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    for (const h of yearOf(hd, country, `${country}|${region}|${language}|${timeZone}|${year}`, timeZone, year)) {
      if (h.day >= from && h.day <= to) out.push({ ...h });
    }
  }
  return out;
}
