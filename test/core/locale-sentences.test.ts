import { describe, expect, it } from 'vitest';
import { TRANSLATIONS } from '../../words/index';

type Language = 'en' | 'tr' | 'pl' | 'fa';
const file = (language: Language): Record<string, unknown> => TRANSLATIONS[language];
const text = (language: Language, key: string): string => {
  const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], file(language));
  if (typeof value !== 'string') throw new Error(`${language} has no ${key}`);
  return value;
};
const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (whole, k: string) => values[k] ?? whole);

/**
 * The sentences that get a weekday from Intl (fmt.dayLong, the on-call page's moment, a backup's
 * time, a weekday name), by the placeholder that carries it. Intl names weekdays only in the
 * nominative, so no preposition may govern them in Polish and no suffix may be glued to them in
 * Turkish: the sentence says "Do: niedziela, 29 listopada", never "do niedziela".
 */
const WEEKDAY_PLACES: Record<string, string[]> = {
  'oncall.until': ['time'],
  'oncall.from': ['time'],
  'oncall.pausedSince': ['time'],
  'absences.conflict': ['day'],
  'absences.dayTitle': ['day'],
  'absences.warning.max_away': ['day'],
  'schedule.unmetLine': ['day'],
  'file.confirm': ['when'],
  'file.restoreFrom': ['when'],
  'file.restored': ['when'],
  'forecast.hours.copyFirst': ['day', 'from', 'to'],
  'forecast.hours.opens': ['day'],
  'forecast.hours.closes': ['day'],
  'forecast.hours.removeWindow': ['day'],
  'forecast.hours.addWindowOn': ['day'],
  'forecast.chart.intervals': ['day'],
};

const plWeekday = (iso: number) => new Intl.DateTimeFormat('pl-PL', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 10, 22 + iso)));
const PL_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map(plWeekday);
const PL_PREPOSITION_BEFORE_WEEKDAY = new RegExp(`(^|[\\s(])(do|od|z|ze|w|we|na|po|przed|przez|dnia|dniu|aż do)\\s+(${PL_WEEKDAYS.join('|')})`, 'iu');

describe('sentences no word of which has to decline', () => {
  it('Intl gives Polish weekdays in the nominative, which is why the sentences must not put a preposition before them', () => {
    expect(PL_WEEKDAYS).toContain('niedziela');
    expect(new Intl.DateTimeFormat('pl-PL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 10, 29)))).toBe('niedziela, 29 listopada');
  });

  it('in Polish, no weekday follows a preposition (the on-call card says "Do: niedziela, 29 listopada")', () => {
    const wrong: string[] = [];
    for (const [key, places] of Object.entries(WEEKDAY_PLACES)) {
      for (const weekday of PL_WEEKDAYS) {
        const value = `${weekday}, 29 listopada 20:00`;
        const sentence = fill(text('pl', key), Object.fromEntries(places.map((p) => [p, value])));
        if (PL_PREPOSITION_BEFORE_WEEKDAY.test(sentence)) wrong.push(`${key}: ${sentence}`);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(fill(text('pl', 'oncall.until'), { time: 'niedziela, 29 listopada 20:00' })).not.toContain('do niedziela');
    expect(fill(text('pl', 'oncall.from'), { time: 'sobota, 5 grudnia 08:00' })).not.toContain('od sobota');
  });

  it('in Turkish, no suffix is glued to a date or weekday (its vowel would have to match the word)', () => {
    const glued = Object.entries(WEEKDAY_PLACES).flatMap(([key, places]) => places.filter((p) => new RegExp(`\\{\\{${p}\\}\\}['’\\p{L}]`, 'u').test(text('tr', key))).map(() => `${key}: ${text('tr', key)}`));
    expect(glued).toEqual([]);
  });

  it('Persian sentences write their own times and numbers in Persian digits; codes and file examples keep theirs', () => {
    const CODE_LIKE = new Set(['errors.templateField.code', 'holidays.importHint']);
    const walk = (o: Record<string, unknown>, prefix = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : walk(v as Record<string, unknown>, `${prefix}${k}.`)));
    // Licences and versions in Help › About ("CC BY 3.0") are names, written as their owners write them.
    const latin = walk(file('fa')).filter(([key, v]) => !CODE_LIKE.has(key) && !key.startsWith('about.') && /[0-9]/.test(v.replace(/\{\{[^}]*\}\}/g, '')));
    expect(latin).toEqual([]);
  });
});
