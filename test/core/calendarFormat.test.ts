import { describe, expect, it } from 'vitest';
import { calendarDateFormat } from '../../core/calendarFormat';

describe('calendarDateFormat', () => {
  const day = new Date('2026-11-28T00:00:00Z');
  it('writes a Solar Hijri date in Persian in the order Persian is written, not CLDR’s year-first pattern', () => {
    expect(calendarDateFormat('fa-IR', 'persian', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })(day)).toBe('شنبه ۷ آذر ۱۴۰۵');
    expect(calendarDateFormat('fa-IR', 'persian', { month: 'long', year: 'numeric' })(day)).toBe('آذر ۱۴۰۵');
    expect(calendarDateFormat('fa-IR', 'persian', { day: 'numeric', month: 'short', year: 'numeric' })(day)).toBe('۷ آذر ۱۴۰۵');
    // Nowruz 1405.
    expect(calendarDateFormat('fa-IR', 'persian', { day: 'numeric', month: 'long', year: 'numeric' })(new Date('2026-03-21T00:00:00Z'))).toBe('۱ فروردین ۱۴۰۵');
  });
  it('leaves Gregorian dates to Intl', () => {
    expect(calendarDateFormat('fa-IR', 'gregorian', { month: 'long', year: 'numeric' })(day)).toBe('نوامبر ۲۰۲۶');
    expect(calendarDateFormat('en-GB', 'gregorian', { dateStyle: 'full' })(day)).toBe('Saturday, 28 November 2026');
  });
});
