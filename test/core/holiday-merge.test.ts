import { describe, expect, it } from 'vitest';
import { absenceAmount, workdayTest } from '../../core/absence';
import { shiftCost } from '../../core/cost';
import { parseHolidayCsv, parseHolidayIcs } from '../../core/holiday-import';
import { anyHoliday, holidayDays, mergeHolidays, type HolidayAdjustment } from '../../core/holiday-merge';
import { isEstimated, publicHolidays } from '../../core/holidays';
import { TeamRules } from '../../core/team-rules';
import { zoneClock } from '../../core/zone-clock';

const PUBLIC = [
  { day: '2026-03-20', name: 'Eid al-Fitr', estimated: true },
  { day: '2026-03-21', name: 'Nowruz', estimated: false },
  { day: '2026-05-01', name: 'Labour Day', estimated: false },
];
let nextId = 1;
const adj = (day: string, kind: HolidayAdjustment['kind'], name = '', half = false): HolidayAdjustment => ({ id: nextId++, day, kind, name, half });

describe('merging the public list with a team’s adjustments', () => {
  it('keeps the public days as they are when the team changed nothing', () => {
    expect(mergeHolidays(PUBLIC, [])).toEqual(PUBLIC.map((p) => ({ ...p, source: 'public', half: false, removed: false })));
  });

  it('adds team days, marks removed and half public days, and orders by day with the public entry first', () => {
    const merged = mergeHolidays(PUBLIC, [adj('2026-03-21', 'add', 'Eid (announced)'), adj('2026-03-20', 'remove'), adj('2026-05-01', 'half'), adj('2026-01-02', 'add', 'Bridge', true)]);
    expect(merged.map((h) => `${h.day} ${h.source} ${h.name}${h.half ? ' half' : ''}${h.removed ? ' removed' : ''}${h.estimated ? ' estimated' : ''}`)).toEqual([
      '2026-01-02 team Bridge half',
      '2026-03-20 public Eid al-Fitr removed estimated',
      '2026-03-21 public Nowruz',
      '2026-03-21 team Eid (announced)',
      '2026-05-01 public Labour Day half',
    ]);
    const days = holidayDays(merged);
    // Removed days are no holiday; a day that is whole by one entry is whole whatever the other says.
    expect([...days.full].sort()).toEqual(['2026-03-21']);
    expect([...days.half].sort()).toEqual(['2026-01-02', '2026-05-01']);
    expect([...anyHoliday(days)].sort()).toEqual(['2026-01-02', '2026-03-21', '2026-05-01']);
  });

  it('an adjustment of a day the source no longer lists (a corrected date) is ignored, except the team’s own days', () => {
    const merged = mergeHolidays(PUBLIC.slice(1), [adj('2026-03-20', 'remove'), adj('2026-03-20', 'half')]);
    expect(merged.map((h) => h.day)).toEqual(['2026-03-21', '2026-05-01']);
  });
});

describe('estimated holidays', () => {
  it('are the Iranian holidays of the Islamic months, which date-holidays computes and Iran announces by sighting', () => {
    expect(isEstimated('IR', '1 Shawwal')).toBe(true);
    expect(isEstimated('IR', '20 Safar')).toBe(true);
    expect(isEstimated('IR', '1 Farvardin')).toBe(false);
    // Türkiye's Diyanet publishes its calendar years ahead: not an estimate there.
    expect(isEstimated('TR', '1 Shawwal')).toBe(false);
    const ir = publicHolidays('IR', '', 'Asia/Tehran', '2026-08-01', '2026-08-31');
    expect(ir.map((h) => [h.day, h.estimated])).toEqual([
      ['2026-08-03', true],
      ['2026-08-11', true],
      ['2026-08-13', true],
      ['2026-08-21', true],
      ['2026-08-30', true],
    ]);
  });
});

describe('what a half holiday does', () => {
  const clock = zoneClock('Europe/Warsaw');
  const rules = TeamRules.parse({});
  const at = (day: string, hhmm: string) => clock.at(day, hhmm);

  it('costs: the holiday premium from noon on, the morning at the usual rate', () => {
    const shift = { startUtc: at('2026-11-10', '07:00'), endUtc: at('2026-11-10', '15:00'), breakMinutes: 0 };
    const none = shiftCost(shift, 100, rules, clock, new Set());
    const whole = shiftCost(shift, 100, rules, clock, new Set(['2026-11-10']));
    const half = shiftCost(shift, 100, rules, clock, new Set(), new Set(['2026-11-10']));
    expect([none.cost, whole.cost, half.cost]).toEqual([800, 1600, 500 + 600]);
    expect(half.holidayMinutes).toBe(180);
    // An evening shift is all after noon: the whole premium.
    const late = { startUtc: at('2026-11-10', '14:00'), endUtc: at('2026-11-10', '22:00'), breakMinutes: 0 };
    expect(shiftCost(late, 100, rules, clock, new Set(), new Set(['2026-11-10'])).holidayMinutes).toBe(480);
  });

  it('leave: half a day on a half holiday; the day is still a working day', () => {
    const isWorkday = workdayTest(clock, [6, 7], new Set(['2026-11-11']), new Set(['2026-11-10']));
    expect(['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-14'].map((d) => [isWorkday(d), isWorkday.share(d)])).toEqual([
      [true, 1],
      [true, 0.5],
      [false, 0],
      [false, 0],
    ]);
    expect(absenceAmount({ start: '2026-11-09', end: '2026-11-13', hours: null }, 'days', 8, isWorkday, clock)).toBe(3.5);
    expect(absenceAmount({ start: '2026-11-09', end: '2026-11-13', hours: null }, 'hours', 8, isWorkday, clock)).toBe(28);
  });
});

describe('reading holiday files', () => {
  it('CSV: with or without a header, comma, semicolon or tab, half marks in several spellings', () => {
    expect(parseHolidayCsv('2026-12-31,Sylwester,half\n2026-12-24,Wigilia\n')).toEqual([
      { line: 1, day: '2026-12-31', name: 'Sylwester', half: true },
      { line: 2, day: '2026-12-24', name: 'Wigilia', half: false },
    ]);
    expect(parseHolidayCsv('\uFEFFday;name;half\r\n2026-10-28;Cumhuriyet Bayramı arifesi;1\r\n').map((r) => [r.day, r.half])).toEqual([['2026-10-28', true]]);
    expect(parseHolidayCsv('day\tname\n2026-03-19\tروز شرکت\n').map((r) => r.name)).toEqual(['روز شرکت']);
  });

  it('CSV: every bad line named, with its column', () => {
    let lines: unknown;
    try {
      parseHolidayCsv('day,name\n2026-13-01,X\n2026-12-01,,\n2026-12-02,Y,perhaps\n2026-12-03,Z,,extra\n');
    } catch (err) {
      lines = (err as { lines?: unknown }).lines;
    }
    expect(lines).toEqual([
      { line: 2, column: 'day', message: '"2026-13-01" is not a date (YYYY-MM-DD)' },
      { line: 3, column: 'name', message: 'The holiday has no name' },
      { line: 4, column: 'half', message: '"perhaps" is not a half-day mark (leave it empty, or write half)' },
      { line: 5, message: 'Too many columns: expected day,name[,half]' },
    ]);
    expect(() => parseHolidayCsv('day,name\n')).toThrow(/no holidays/);
  });

  it('ICS: all-day events over their days (DTEND exclusive), one day without DTEND; timed events refused', () => {
    const ics = 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260320\nDTEND;VALUE=DATE:20260322\nSUMMARY:Eid al-Fitr\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART:20260403\nSUMMARY:Bridge\nEND:VEVENT\nEND:VCALENDAR\n';
    expect(parseHolidayIcs(ics).map((r) => `${r.line} ${r.day} ${r.name}`)).toEqual(['2 2026-03-20 Eid al-Fitr', '2 2026-03-21 Eid al-Fitr', '7 2026-04-03 Bridge']);
    expect(() => parseHolidayIcs('BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260320\nDTEND;VALUE=DATE:20260320\nSUMMARY:X\nEND:VEVENT\nEND:VCALENDAR')).toThrow(/Line 4: DTEND is not after DTSTART/);
    expect(() => parseHolidayIcs('BEGIN:VCALENDAR\nEND:VCALENDAR')).toThrow(/no all-day events/);
  });
});
