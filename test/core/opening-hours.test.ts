import { describe, expect, it } from 'vitest';
import { contract } from '../../core/contract';
import { aroundTheClock, formatOpeningHours, isOpen, parseOpeningHours, weeklyOpenHours, type ChannelHours } from '../../core/opening-hours';
import { closedCoverage, dayCoverage, intervalCoverage, defaultSettings } from '../../core/staffing';

/** Phone: weekdays 08:00–20:00, Saturday 09:00–13:00 and 14:00–17:00, Sunday closed, closed on holidays. */
const phone: ChannelHours = {
  channel: 'phone',
  custom: true,
  weekdays: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    windows:
      weekday <= 5
        ? [{ openLocal: '08:00', closeLocal: '20:00' }]
        : weekday === 6
          ? [
              { openLocal: '09:00', closeLocal: '13:00' },
              { openLocal: '14:00', closeLocal: '17:00' },
            ]
          : [],
  })),
  closedOnHolidays: true,
};

describe('opening hours', () => {
  it('opens an interval that overlaps a window, on its own weekday', () => {
    expect(isOpen(phone, 1, false, '07:30', 30)).toBe(false);
    expect(isOpen(phone, 1, false, '08:00', 30)).toBe(true);
    expect(isOpen(phone, 1, false, '19:30', 30)).toBe(true);
    expect(isOpen(phone, 1, false, '20:00', 30)).toBe(false);
    // An hour from 07:30 is open for its second half: contacts arrive in it.
    expect(isOpen(phone, 1, false, '07:30', 60)).toBe(true);
    // Saturday's lunch gap, Sunday closed all day.
    expect(isOpen(phone, 6, false, '13:00', 30)).toBe(false);
    expect(isOpen(phone, 6, false, '14:00', 30)).toBe(true);
    expect(isOpen(phone, 7, false, '12:00', 30)).toBe(false);
  });

  it('closes on public holidays only when the channel says so', () => {
    expect(isOpen(phone, 2, true, '10:00', 30)).toBe(false);
    expect(isOpen({ ...phone, closedOnHolidays: false }, 2, true, '10:00', 30)).toBe(true);
  });

  it('keeps a channel without hours open around the clock, holidays included', () => {
    const always = aroundTheClock('email');
    for (let weekday = 1; weekday <= 7; weekday += 1) {
      for (const t of ['00:00', '03:15', '23:45']) expect(isOpen(always, weekday, true, t, 15)).toBe(true);
    }
    expect(weeklyOpenHours(always)).toBe(168);
    expect(weeklyOpenHours(phone)).toBe(5 * 12 + 7);
  });

  it('refuses a window that closes before it opens, overlapping windows and a weekday given twice, naming the field', () => {
    const input = contract['staffing.setOpeningHours'].input;
    const base = { teamId: 1, channel: 'phone', closedOnHolidays: true };
    expect(input.safeParse({ ...base, weekdays: [{ weekday: 1, windows: [{ openLocal: '08:00', closeLocal: '24:00' }] }] }).success).toBe(true);
    expect(input.safeParse({ ...base, weekdays: null }).success).toBe(true);

    const backwards = input.safeParse({ ...base, weekdays: [{ weekday: 1, windows: [{ openLocal: '20:00', closeLocal: '08:00' }] }] });
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]).toMatchObject({ path: ['weekdays', 0, 'windows', 0, 'closeLocal'], message: expect.stringMatching(/Closes at 08:00, not after it opens at 20:00/) });

    const empty = input.safeParse({ ...base, weekdays: [{ weekday: 2, windows: [{ openLocal: '09:00', closeLocal: '09:00' }] }] });
    expect(empty.error?.issues[0]?.path).toEqual(['weekdays', 0, 'windows', 0, 'closeLocal']);

    const overlap = input.safeParse({
      ...base,
      weekdays: [
        {
          weekday: 3,
          windows: [
            { openLocal: '08:00', closeLocal: '12:00' },
            { openLocal: '11:00', closeLocal: '15:00' },
          ],
        },
      ],
    });
    expect(overlap.error?.issues[0]).toMatchObject({ path: ['weekdays', 0, 'windows', 1, 'openLocal'], message: '11:00–15:00 overlaps 08:00–12:00 on the same day' });

    const twice = input.safeParse({ ...base, weekdays: [{ weekday: 4, windows: [] }, { weekday: 4, windows: [] }] });
    expect(twice.error?.issues[0]?.path).toEqual(['weekdays', 1, 'weekday']);
    expect(input.safeParse({ ...base, weekdays: [{ weekday: 8, windows: [] }] }).error?.issues[0]?.path).toEqual(['weekdays', 0, 'weekday']);
    expect(input.safeParse({ ...base, weekdays: [{ weekday: 1, windows: [{ openLocal: '24:00', closeLocal: '24:00' }] }] }).error?.issues[0]?.path).toEqual(['weekdays', 0, 'windows', 0, 'openLocal']);
  });

  it('requires nobody in a closed interval and keeps its contacts out of the day’s volume and service level', () => {
    const settings = defaultSettings('phone');
    const open = { start: '2026-11-23T10:00:00+03:00', channel: 'phone', ...intervalCoverage(settings, 300, 30, 20, 3) };
    const closed = { start: '2026-11-23T21:00:00+03:00', channel: 'phone', ...closedCoverage(4, 300, 1) };
    expect(open).toMatchObject({ open: true });
    expect(open.required).toBeGreaterThan(0);
    expect(closed).toMatchObject({ open: false, required: 0, scheduledRequired: 0, serviceLevel: null, status: 'ok', volume: 4 });
    const day = dayCoverage('2026-11-23', 'phone', [open, closed], 30);
    expect(day).toMatchObject({ volume: 20, outsideHoursVolume: 4, underIntervals: open.status === 'under' ? 1 : 0 });
    // Agent-hours count the open half hour only: the closed one needs nobody, and its agent on shift is not counted.
    expect(day.requiredHours).toBeCloseTo(open.required / 2, 2);
    expect(day.onShiftHours).toBe(1.5);
    expect(day.shortHours).toBeCloseTo(Math.max(0, open.required - 3) / 2, 2);
    expect(day.serviceLevel).toBe(open.serviceLevel);
  });

  it('reads and writes the command line’s notation, consecutive days with the same windows joined', () => {
    expect(formatOpeningHours(phone)).toBe('mon-fri 08:00-20:00; sat 09:00-13:00 14:00-17:00 (closed on public holidays)');
    expect(formatOpeningHours(aroundTheClock('email'))).toBe('around the clock');
    const parsed = parseOpeningHours('mon-fri 08:00-20:00; 6 09:00-13:00 14:00-17:00');
    expect(parsed).toEqual({ weekdays: phone.weekdays.filter((d) => d.windows.length) });
    expect(parseOpeningHours('  ')).toEqual({ weekdays: [] });
    expect(parseOpeningHours('fri-mon 08:00-20:00')).toEqual({ error: '"fri-mon" is not a weekday or a range of them, such as mon-fri or 6' });
    expect(parseOpeningHours('mon 8-20')).toEqual({ error: '"8-20" is not a window written HH:MM-HH:MM, such as 08:00-20:00' });
    expect(parseOpeningHours('mon-fri 08:00-20:00; wed 09:00-10:00')).toEqual({ error: 'wed is given twice' });
    expect(parseOpeningHours('sat')).toEqual({ error: '"sat" has no opening times, such as 08:00-20:00' });
  });
});
