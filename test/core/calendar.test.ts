import { describe, expect, it } from 'vitest';
import { addMonths, monthKey, monthKeyStart, calendarDateText, calendarLocale, daysInMonth, defaultCalendar, fromCalendar, latinDigits, monthStart, parseCalendarDate, toCalendar, yearRange } from '../../core/calendar';

describe('Solar Hijri through Intl', () => {
  it('names the fixed days of the issue', () => {
    expect(toCalendar('2026-11-28', 'persian')).toEqual({ year: 1405, month: 9, day: 7 });
    expect(fromCalendar('persian', { year: 1405, month: 9, day: 7 })).toBe('2026-11-28');
    // Nowruz 1405
    expect(fromCalendar('persian', { year: 1405, month: 1, day: 1 })).toBe('2026-03-21');
    expect(toCalendar('2026-03-20', 'persian')).toEqual({ year: 1404, month: 12, day: 29 });
  });

  it('goes there and back for every day of seventy years', () => {
    let mismatches = 0;
    for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2060, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (fromCalendar('persian', toCalendar(iso, 'persian')) !== iso) mismatches += 1;
    }
    expect(mismatches).toBe(0);
  });

  it('refuses days that do not exist', () => {
    expect(fromCalendar('persian', { year: 1404, month: 12, day: 30 })).toBeNull(); // 1404 is not leap
    expect(fromCalendar('persian', { year: 1403, month: 12, day: 30 })).toBe('2025-03-20'); // 1403 is
    expect(fromCalendar('persian', { year: 1405, month: 7, day: 31 })).toBeNull();
    expect(fromCalendar('gregorian', { year: 2026, month: 2, day: 30 })).toBeNull();
  });

  it('lays out months and years', () => {
    expect(monthStart('2026-11-28', 'persian')).toBe('2026-11-22'); // 1 Azar
    expect(daysInMonth('2026-11-28', 'persian')).toBe(30);
    expect(daysInMonth('2026-05-01', 'persian')).toBe(31); // Ordibehesht
    expect(addMonths('2026-11-28', 'persian', 4)).toBe('2027-03-21');
    expect(addMonths('2026-11-28', 'persian', -9)).toBe('2026-02-20'); // 1 Esfand 1404
    expect(yearRange('2026-11-28', 'persian')).toEqual({ from: '2026-03-21', to: '2027-03-20' });
    expect(monthStart('2026-11-28', 'gregorian')).toBe('2026-11-01');
    expect(monthKey('2026-11-28', 'persian')).toBe('1405-09');
    expect(monthKey('2026-11-21', 'persian')).toBe('1405-08');
    expect(monthKey('2026-11-28', 'gregorian')).toBe('2026-11');
    expect(monthKeyStart('1405-09', 'persian')).toBe('2026-11-22');
    expect(monthKeyStart('2026-11', 'gregorian')).toBe('2026-11-01');
  });

  it('reads what a person types, in either digits', () => {
    expect(parseCalendarDate('۱۴۰۵/۰۹/۰۷', 'persian')).toBe('2026-11-28');
    expect(parseCalendarDate('1405-9-7', 'persian')).toBe('2026-11-28');
    expect(parseCalendarDate('٢٠٢٦/١١/٢٨', 'gregorian')).toBe('2026-11-28');
    expect(parseCalendarDate('1405/13/01', 'persian')).toBeNull();
    // Day first with the year last, as tr, pl and en-GB write dates.
    expect(parseCalendarDate('28.11.2026', 'gregorian')).toBe('2026-11-28');
    expect(parseCalendarDate('28/11/2026', 'gregorian')).toBe('2026-11-28');
    expect(parseCalendarDate('07/09/1405', 'persian')).toBe('2026-11-28');
    expect(parseCalendarDate('11/28/2026', 'gregorian')).toBeNull(); // no 28th month
    expect(parseCalendarDate('28.11.26', 'gregorian')).toBeNull(); // a two-digit year is ambiguous
    expect(parseCalendarDate('yesterday', 'persian')).toBeNull();
    expect(calendarDateText('2026-11-28', 'persian')).toBe('1405/09/07');
    expect(latinDigits('۱۲٫۵ ساعت')).toBe('12.5 ساعت');
  });

  it('picks the calendar and the Intl locale', () => {
    expect(defaultCalendar('fa')).toBe('persian');
    expect(defaultCalendar('tr')).toBe('gregorian');
    expect(calendarLocale('fa-IR', 'gregorian')).toBe('fa-IR-u-ca-gregory');
    const f = new Intl.DateTimeFormat(calendarLocale('fa-IR', 'persian'), { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const text = f.format(new Date(Date.UTC(2026, 10, 28)));
    expect(text).toContain('آذر');
    expect(text).toContain('۱۴۰۵');
  });
});
