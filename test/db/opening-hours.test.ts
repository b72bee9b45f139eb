import { describe, expect, it } from 'vitest';
import { zoneClock } from '../../core/zone-clock';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import { requirementOf } from '../../db/handlers/staffing';
import { FIXED_NOW, freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';

/**
 * Opening hours on the demo desk (history up to Saturday 21 November 2026). Each test sets the
 * hours it needs, so it does not depend on the hours the demo ships with.
 */
const WEEKDAYS_8_TO_20 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, windows: [{ openLocal: '08:00', closeLocal: '20:00' }] }));

function demo(file = tempFile()) {
  const s = freshService(file);
  const t = s.run('demo.create', {});
  for (const channel of t.skills) s.run('staffing.setOpeningHours', { teamId: t.id, channel, weekdays: null, closedOnHolidays: false });
  return { s, t, file };
}

const hhmm = (start: string) => start.slice(11, 16);

describe('channel opening hours', () => {
  it('are around the clock until set, and then stored per weekday with the holiday choice', () => {
    const { s, t, file } = demo();
    expect(s.run('staffing.openingHours', { teamId: t.id }).map((h) => [h.channel, h.custom, h.weekdays.length, h.weekdays[0]?.windows])).toEqual([
      ['phone', false, 7, [{ openLocal: '00:00', closeLocal: '24:00' }]],
      ['chat', false, 7, [{ openLocal: '00:00', closeLocal: '24:00' }]],
      ['email', false, 7, [{ openLocal: '00:00', closeLocal: '24:00' }]],
    ]);
    const set = s.run('staffing.setOpeningHours', {
      teamId: t.id,
      channel: 'phone',
      weekdays: [
        ...WEEKDAYS_8_TO_20,
        {
          weekday: 6,
          windows: [
            { openLocal: '14:00', closeLocal: '17:00' },
            { openLocal: '09:00', closeLocal: '13:00' },
          ],
        },
      ],
      closedOnHolidays: true,
    });
    expect(set).toMatchObject({ channel: 'phone', custom: true, closedOnHolidays: true });
    expect(set.weekdays.map((d) => d.windows.map((w) => `${w.openLocal}-${w.closeLocal}`).join(' '))).toEqual([
      '08:00-20:00',
      '08:00-20:00',
      '08:00-20:00',
      '08:00-20:00',
      '08:00-20:00',
      '09:00-13:00 14:00-17:00',
      '',
    ]);
    s.close();
    // In the file, across sessions; undo puts the old hours back.
    const again = createService(openPlanner(file), { appVersion: 'test', now: () => FIXED_NOW });
    expect(again.run('staffing.openingHours', { teamId: t.id })[0]).toEqual(set);
    again.run('staffing.setOpeningHours', { teamId: t.id, channel: 'phone', weekdays: [], closedOnHolidays: false });
    expect(again.run('staffing.openingHours', { teamId: t.id })[0]?.weekdays.every((d) => d.windows.length === 0)).toBe(true);
    again.run('history.undo', {});
    expect(again.run('staffing.openingHours', { teamId: t.id })[0]).toEqual(set);
    again.close();
  });

  it('refuses bad hours with an error naming the field, and writes nothing', () => {
    const { s, t } = demo();
    const before = s.run('staffing.openingHours', { teamId: t.id });
    expect(s.call('staffing.setOpeningHours', { teamId: t.id, channel: 'phone', weekdays: [{ weekday: 2, windows: [{ openLocal: '18:00', closeLocal: '09:00' }] }], closedOnHolidays: false })).toMatchObject({
      ok: false,
      error: { code: 'closes_before_opening', path: ['weekdays', 0, 'windows', 0, 'closeLocal'] },
    });
    expect(s.call('staffing.setOpeningHours', { teamId: t.id, channel: 'phone', weekdays: [{ weekday: 2, windows: [{ openLocal: '8:00', closeLocal: '09:00' }] }] })).toMatchObject({
      ok: false,
      error: { path: ['weekdays', 0, 'windows', 0, 'openLocal'] },
    });
    expect(s.call('staffing.setOpeningHours', { teamId: t.id, channel: 'fax', weekdays: null })).toMatchObject({ ok: false, error: { code: 'unknown_skill', path: ['channel'] } });
    expect(s.run('staffing.openingHours', { teamId: t.id })).toEqual(before);
    // The table's own checks hold even against SQL that skips the service.
    expect(() => s.planner.db.prepare("INSERT INTO channel_hours_window (team_id, channel, weekday, open_local, close_local) VALUES (?, 'phone', 1, '20:00', '08:00')").run(t.id)).toThrow(/CHECK|FOREIGN KEY/);
  });

  it('require nobody outside opening hours, and count the forecast contacts that fall there', () => {
    const { s, t } = demo();
    const around = s.run('coverage.range', { teamId: t.id, channel: 'phone', from: '2026-11-23', to: '2026-11-29' });
    expect(around.intervals.every((x) => x.open)).toBe(true);
    expect(around.outsideHours).toEqual([{ channel: 'phone', contacts: 0, intervals: 0 }]);

    s.run('staffing.setOpeningHours', { teamId: t.id, channel: 'phone', weekdays: WEEKDAYS_8_TO_20, closedOnHolidays: true });
    const c = s.run('coverage.range', { teamId: t.id, channel: 'phone', from: '2026-11-23', to: '2026-11-29' });
    const closed = c.intervals.filter((x) => !x.open);
    // Weekdays: 24 of 48 half-hours open (08:00–20:00); the weekend closed.
    expect(c.intervals).toHaveLength(7 * 48);
    expect(closed).toHaveLength(5 * 24 + 2 * 48);
    expect(closed.every((x) => x.required === 0 && x.scheduledRequired === 0 && x.serviceLevel === null && x.status !== 'under')).toBe(true);
    const mondayClosed = closed.filter((x) => x.start.startsWith('2026-11-23')).map((x) => hhmm(x.start));
    expect(mondayClosed).toContain('07:30');
    expect(mondayClosed).toContain('20:00');
    expect(mondayClosed).not.toContain('08:00');
    expect(mondayClosed).not.toContain('19:30');
    // The forecast itself is unchanged: the contacts are still there, shown and counted.
    expect(c.intervals.map((x) => x.volume)).toEqual(around.intervals.map((x) => x.volume));
    const outside = closed.reduce((a, x) => a + x.volume, 0);
    expect(outside).toBeGreaterThan(10);
    expect(c.outsideHours).toEqual([{ channel: 'phone', contacts: Math.round(outside * 100) / 100, intervals: closed.length }]);
    const monday = c.days.find((d) => d.day === '2026-11-23');
    const mondayAll = c.intervals.filter((x) => x.start.startsWith('2026-11-23')).reduce((a, x) => a + x.volume, 0);
    expect((monday?.volume ?? 0) + (monday?.outsideHoursVolume ?? 0)).toBeCloseTo(mondayAll, 1);
    expect(monday?.outsideHoursVolume).toBeGreaterThan(0);
    // Sunday is closed: no service level to predict, nothing short.
    expect(c.days.find((d) => d.day === '2026-11-29')).toMatchObject({ volume: 0, serviceLevel: null, underIntervals: 0 });
    // Inside the hours the requirement is what it was.
    const at = (r: typeof c, start: string) => r.intervals.find((x) => x.start.startsWith(start));
    expect(at(c, '2026-11-23T10:00')?.required).toBe(at(around, '2026-11-23T10:00')?.required);
    expect(at(around, '2026-11-23T06:00')?.required).toBeGreaterThan(0);
    expect(at(c, '2026-11-23T06:00')?.required).toBe(0);
  });

  it('close on public holidays only for channels that say so', () => {
    const { s, t } = demo();
    // 29 October is Republic Day in Türkiye, a Thursday.
    expect(s.run('holiday.list', { teamId: t.id, from: '2026-10-29', to: '2026-10-29' })).toHaveLength(1);
    s.run('staffing.setOpeningHours', { teamId: t.id, channel: 'phone', weekdays: WEEKDAYS_8_TO_20, closedOnHolidays: true });
    s.run('staffing.setOpeningHours', { teamId: t.id, channel: 'chat', weekdays: WEEKDAYS_8_TO_20, closedOnHolidays: false });
    const c = s.run('coverage.range', { teamId: t.id, channel: null, from: '2026-10-29', to: '2026-10-30' });
    const open = (channel: string, start: string) => c.intervals.find((x) => x.channel === channel && x.start.startsWith(start))?.open;
    expect(open('phone', '2026-10-29T10:00')).toBe(false);
    expect(open('chat', '2026-10-29T10:00')).toBe(true);
    expect(open('phone', '2026-10-30T10:00')).toBe(true);
    expect(open('email', '2026-10-29T03:00')).toBe(true);
  });

  it('give the scheduler a requirement of zero outside opening hours', () => {
    const { s, t } = demo();
    const team = s.run('team.list', {}).find((x) => x.id === t.id);
    if (!team) throw new Error('no demo team');
    const clock = zoneClock(team.timeZone);
    const before = requirementOf(s.planner.db, team, '2026-11-23', '2026-11-24', 30);
    s.run('staffing.setOpeningHours', { teamId: t.id, channel: 'phone', weekdays: WEEKDAYS_8_TO_20, closedOnHolidays: true });
    const after = requirementOf(s.planner.db, team, '2026-11-23', '2026-11-24', 30);
    expect(after.intervals).toEqual(before.intervals);
    const phone = after.byChannel.get('phone') ?? [];
    after.intervals.forEach((start, i) => {
      const time = clock.hhmm(start);
      if (time < '08:00' || time >= '20:00') expect(phone[i]).toBe(0);
      else expect(phone[i]).toBe(before.byChannel.get('phone')?.[i]);
    });
    expect(before.byChannel.get('phone')?.some((r, i) => r > 0 && clock.hhmm(after.intervals[i] ?? 0) < '08:00')).toBe(true);
    // Other channels keep their around-the-clock requirement.
    expect(after.byChannel.get('chat')).toEqual(before.byChannel.get('chat'));
  });
});
