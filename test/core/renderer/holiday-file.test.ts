import { describe, expect, it } from 'vitest';
import { holidayFileFormat } from '../../../renderer/team/holidayFile';

describe('holiday file format', () => {
  it('an .ics name is iCalendar whatever it starts with', () => {
    expect(holidayFileFormat('tatil.ICS', '2026-03-20,x')).toBe('ics');
  });

  it('otherwise the first bytes decide: BEGIN:VCALENDAR (after a byte order mark or blank lines) is iCalendar', () => {
    expect(holidayFileFormat('holidays.txt', 'BEGIN:VCALENDAR\r\nVERSION:2.0')).toBe('ics');
    expect(holidayFileFormat('holidays', '\uFEFFbegin:vcalendar')).toBe('ics');
    expect(holidayFileFormat('holidays', '\r\n  BEGIN:VCALENDAR')).toBe('ics');
  });

  it('anything else is CSV', () => {
    expect(holidayFileFormat('holidays.csv', '2026-03-20,Company day,half')).toBe('csv');
    expect(holidayFileFormat('holidays.csv', '')).toBe('csv');
    expect(holidayFileFormat('calendar.ics.csv', 'day,name')).toBe('csv');
  });
});
