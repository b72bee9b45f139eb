import { describe, expect, it } from 'vitest';
import type { Restriction, ScheduleBlock } from '../../core/oncall';
import { describeWindows, intlWindowWords, windowKind } from '../../renderer/oncall/windows';
import { swappableTurns } from '../../renderer/oncall/turns';
import { wallClock } from '../../renderer/format';
import { TRANSLATIONS } from '../../words/index';

/** The words of a UI language as the page gets them: its locale file and Intl in its format locale. */
function words(language: 'en' | 'tr' | 'pl' | 'fa') {
  const locale = { en: 'en-GB', tr: 'tr-TR', pl: 'pl-PL', fa: 'fa-IR' }[language];
  const file: Record<string, Record<string, unknown>> = TRANSLATIONS[language];
  const translate = (key: string, values: Record<string, string> = {}) => {
    const [area = '', name = ''] = key.split('.');
    const text = file[area]?.[name];
    if (typeof text !== 'string') throw new Error(`${language} has no ${key}`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
  };
  return intlWindowWords(locale, wallClock(locale), translate);
}

const weekend: Restriction[] = [{ fromDay: 6, fromTime: '08:00', toDay: 1, toTime: '08:00' }];
const weeknights: Restriction[] = [1, 2, 3, 4, 5].map((d) => ({ fromDay: d, fromTime: '18:00', toDay: d + 1, toTime: '08:00' }));
const eveningsWeekends: Restriction[] = [...[1, 2, 3, 4].map((d) => ({ fromDay: d, fromTime: '18:00', toDay: d + 1, toTime: '09:00' })), { fromDay: 5, fromTime: '18:00', toDay: 1, toTime: '09:00' }];

describe("a layer's windows in words", () => {
  it('says weekends and weeknights as a lead would, not "…"', () => {
    const en = words('en');
    expect(describeWindows(weekend, en)).toBe('Weekends, Saturday 08:00 – Monday 08:00');
    expect(describeWindows(weeknights, en)).toBe('Weeknights, Monday–Friday 18:00 – 08:00');
    expect(describeWindows(eveningsWeekends, en)).toBe('Evenings and weekends, Monday–Thursday 18:00 – 09:00; Friday 18:00 – Monday 09:00');
    expect(describeWindows([], en)).toBe('All the time');
    expect(describeWindows([1, 2, 3, 4, 5].map((d) => ({ fromDay: d, fromTime: '09:00', toDay: d, toTime: '17:00' })), en)).toBe('Weekdays, Monday–Friday 09:00 – 17:00');
    expect(describeWindows([{ fromDay: 3, fromTime: '12:00', toDay: 5, toTime: '12:00' }], en)).toBe('Set hours, Wednesday 12:00 – Friday 12:00');
    expect(windowKind([{ fromDay: 6, fromTime: '08:00', toDay: 7, toTime: '20:00' }])).toBe('weekends');
  });

  it('in Turkish, Polish and Persian, with weekday names and digits from Intl', () => {
    expect(describeWindows(weekend, words('tr'))).toBe('Hafta sonları, Cumartesi 08:00 – Pazartesi 08:00');
    expect(describeWindows(weeknights, words('pl'))).toBe('Noce w dni robocze, poniedziałek–piątek 18:00 – 08:00');
    expect(describeWindows(weekend, words('fa'))).toBe('آخر هفته‌ها، شنبه ۰۸:۰۰ – دوشنبه ۰۸:۰۰');
    expect(describeWindows(weeknights, words('fa'))).toBe('شب‌های روزهای کاری، دوشنبه–جمعه ۱۸:۰۰ – ۰۸:۰۰');
  });
});

describe('the turns a swap offers', () => {
  const block = (person: string, start: string, end: string, overrideId: number | null = null): ScheduleBlock => ({
    rotationId: 1,
    rotation: 'R',
    personId: person.length,
    person,
    start,
    end,
    startUtc: Date.parse(start) / 1000,
    endUtc: Date.parse(end) / 1000,
    layer: overrideId === null ? 'Daily' : 'override',
    overrideId,
  });
  it('are whole turns that have not begun: no past or running turn, none cut by the range or an override', () => {
    const blocks = [
      block('Anna', '2026-11-27T09:00:00+01:00', '2026-11-28T09:00:00+01:00'),
      block('Piotr', '2026-11-28T09:00:00+01:00', '2026-11-29T09:00:00+01:00'),
      block('Anna', '2026-11-29T09:00:00+01:00', '2026-11-30T09:00:00+01:00'),
      block('Piotr', '2026-11-30T09:00:00+01:00', '2026-11-30T20:00:00+01:00'),
      block('Ewa', '2026-11-30T20:00:00+01:00', '2026-12-01T02:00:00+01:00', 7),
      block('Piotr', '2026-12-01T02:00:00+01:00', '2026-12-01T09:00:00+01:00'),
      block('Anna', '2026-12-01T09:00:00+01:00', '2026-12-02T09:00:00+01:00'),
      block('Piotr', '2026-12-02T09:00:00+01:00', '2026-12-03T00:00:00+01:00'),
    ];
    const now = Date.parse('2026-11-28T12:00:00+01:00');
    expect(swappableTurns(blocks, now, '2026-12-03').map((b) => `${b.person} ${b.start.slice(5, 16)}`)).toEqual(['Anna 11-29T09:00', 'Anna 12-01T09:00']);
  });
});
