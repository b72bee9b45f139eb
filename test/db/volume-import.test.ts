import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataHash } from '../helpers/dbhash';
import { freshService } from '../helpers/service';

function team() {
  const s = freshService();
  const t = s.run('team.create', { name: 'Destek', timeZone: 'Europe/Istanbul', country: 'TR' });
  return { s, t };
}
const daily = (s: ReturnType<typeof team>['s'], teamId: number, from: string, to: string) => s.run('volume.daily', { teamId, from, to }).sort((a, b) => a.day.localeCompare(b.day) || a.channel.localeCompare(b.channel));

describe('ticket history import', () => {
  it('reads a Zendesk export ("Created at", "Via"): tickets counted per channel and local day; the same file twice does not double', () => {
    const { s, t } = team();
    const csv = [
      'Id,Subject,Created at,Via,Status',
      '101,"Kartım, bloke",2026-03-02 09:41:07,Phone call (incoming),solved',
      '102,Şifre,2026-03-02 09:52:00,Email,solved',
      '103,İade,2026-03-02 23:59:59,Chat,open',
      '104,Fatura,2026-03-03T00:10:00+03:00,Web form,open',
      '105,Kampanya,2026-03-02T21:30:00Z,Email,open',
    ].join('\n');
    const r = s.run('volume.import', { teamId: t.id, csv });
    expect(r).toEqual({ kind: 'tickets', rows: 5, intervals: 5, channels: ['chat', 'email', 'phone'], from: '2026-03-02', to: '2026-03-03', replaced: 0 });
    const expected = [
      { day: '2026-03-02', channel: 'chat', volume: 1 },
      { day: '2026-03-02', channel: 'email', volume: 1 },
      { day: '2026-03-02', channel: 'phone', volume: 1 },
      // 21:30 UTC is 00:30 in Istanbul: the next day, like the web form at 00:10.
      { day: '2026-03-03', channel: 'email', volume: 2 },
    ];
    expect(daily(s, t.id, '2026-03-01', '2026-03-04')).toEqual(expected);
    expect(s.run('volume.import', { teamId: t.id, csv }).replaced).toBe(5);
    expect(daily(s, t.id, '2026-03-01', '2026-03-04')).toEqual(expected);
  });

  it('reads a Freshdesk export ("Created time", "Source") with --tz, and interval rows with AHT', () => {
    const { s, t } = team();
    s.run('volume.import', { teamId: t.id, timeZone: 'Europe/Warsaw', csv: 'Ticket ID,Created time,Source\n1,2026-03-02 08:10:00,Portal\n2,2026-03-02 08:20:00,Phone\n' });
    // 08:10 in Warsaw is 10:10 in Istanbul: same day either way.
    expect(daily(s, t.id, '2026-03-02', '2026-03-02')).toEqual([
      { day: '2026-03-02', channel: 'email', volume: 1 },
      { day: '2026-03-02', channel: 'phone', volume: 1 },
    ]);
    const r = s.run('volume.import', { teamId: t.id, csv: 'interval_start,channel,volume,aht_seconds\n2026-03-09T09:00,phone,12,240\n2026-03-09T09:30,phone,15,250\n2026-03-09T09:00,chat,"4,5",\n' });
    expect(r).toMatchObject({ kind: 'intervals', rows: 3, intervals: 3, channels: ['chat', 'phone'] });
    expect(daily(s, t.id, '2026-03-09', '2026-03-09')).toEqual([
      { day: '2026-03-09', channel: 'chat', volume: 4.5 },
      { day: '2026-03-09', channel: 'phone', volume: 27 },
    ]);
  });

  it('refuses a broken file whole, naming every bad line, and writes nothing', () => {
    const { s, t } = team();
    s.run('volume.import', { teamId: t.id, csv: 'created_at,channel\n2026-03-02T09:00:00+03:00,phone\n' });
    const hash = dataHash(s.planner.db);
    const bad = ['created_at,channel', '2026-03-02T09:00:00+03:00,phone', '2026-02-30T09:00:00,phone', 'yesterday,chat', '2026-03-02T10:00:00,fax'].join('\n');
    const r = s.call('volume.import', { teamId: t.id, csv: bad });
    expect(r.ok ? [] : r.error.lines?.map((l) => [l.line, l.column])).toEqual([
      [3, 'created_at'],
      [4, 'created_at'],
      [5, 'channel'],
    ]);
    expect(r.ok ? '' : r.error.lines?.[2]?.message).toContain('"fax" is not a channel of the team (phone, chat, email)');
    expect(s.call('volume.import', { teamId: t.id, csv: 'Subject,Status\nx,open\n' })).toMatchObject({ ok: false, error: { code: 'import_invalid' } });
    expect(s.call('volume.import', { teamId: t.id, csv: 'interval_start,channel,volume\n2026-03-09T09:00,phone,1\n2026-03-09T09:20,phone,1\n' })).toMatchObject({ ok: false, error: { code: 'import_invalid' } });
    expect(s.call('volume.import', { teamId: t.id, csv: 'created_at\n2026-03-02T09:00:00+03:00\n', channel: 'fax' })).toMatchObject({ ok: false, error: { code: 'unknown_skill', path: ['channel'] } });
    expect(s.call('volume.import', { teamId: t.id, csv: 'created_at\n2026-03-02T09:00:00\n', timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { path: ['timeZone'] } });
    expect(dataHash(s.planner.db)).toBe(hash);
  });

  it('imports the real bank export: four weeks of calls, Sunday-to-Thursday weeks, handle times as AHT', () => {
    const s = freshService();
    const t = s.run('team.create', { name: 'Bank', timeZone: 'Asia/Jerusalem', weekStart: 'sun', skills: ['phone'] });
    const csv = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/bank/anonymous_bank_1999_02_calls.csv'), 'utf8');
    const r = s.run('volume.import', { teamId: t.id, csv });
    expect(r).toMatchObject({ kind: 'tickets', rows: 33_066, channels: ['phone'], from: '1999-02-01', to: '1999-02-28' });
    const days = daily(s, t.id, '1999-02-01', '1999-02-28');
    expect(days.reduce((a, d) => a + d.volume, 0)).toBe(33_066);
    // Sunday 7 February is a working day there, Saturday 6 February nearly closed.
    const on = (day: string) => days.find((d) => d.day === day)?.volume ?? 0;
    expect(on('1999-02-07')).toBeGreaterThan(on('1999-02-06') * 3);
  });
});

describe('forecast.run', () => {
  it('forecasts a stored channel with the backtest beside it, and says when the history is too short', () => {
    const s = freshService();
    const t = s.run('team.create', { name: 'Bank', timeZone: 'Asia/Jerusalem', weekStart: 'sun', skills: ['phone', 'email'] });
    const csv = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/bank/anonymous_bank_1999_02_calls.csv'), 'utf8');
    s.run('volume.import', { teamId: t.id, csv });
    const r = s.run('forecast.run', { teamId: t.id, channel: 'phone', from: '1999-03-01', weeks: 2, intervalMinutes: 30 });
    expect(r.points).toHaveLength(14 * 48);
    expect(r.points[0]?.start).toBe('1999-03-01T00:00:00+02:00');
    expect(r.accuracy.map((a) => a.method)).toEqual(['seasonal-naive', 'weekday-profile', 'trend-profile']);
    expect(r.method).not.toBe('seasonal-naive');
    const naive = s.run('forecast.run', { teamId: t.id, channel: 'phone', from: '1999-03-01', weeks: 1, intervalMinutes: 60, method: 'seasonal-naive' });
    expect(naive.method).toBe('seasonal-naive');
    // Seasonal naive repeats the last week: Monday 1 March 10:00 is Monday 22 February 10:00.
    const feb22 = s.run('forecast.run', { teamId: t.id, channel: 'phone', from: '1999-02-22', weeks: 1, intervalMinutes: 60, method: 'seasonal-naive' });
    expect(naive.points[10]?.volume).toBeGreaterThan(0);
    expect(feb22.points).toHaveLength(7 * 24);
    expect(s.call('forecast.run', { teamId: t.id, channel: 'email', from: '1999-03-01', weeks: 1, intervalMinutes: 60 })).toMatchObject({ ok: false, error: { code: 'not_enough_history', path: ['from'] } });
    expect(s.call('forecast.run', { teamId: t.id, channel: 'fax', from: '1999-03-01', weeks: 1, intervalMinutes: 60 })).toMatchObject({ ok: false, error: { code: 'unknown_skill' } });
    expect(s.call('forecast.run', { teamId: t.id, channel: 'phone', from: '1999-03-01', weeks: 13, intervalMinutes: 60 })).toMatchObject({ ok: false, error: { path: ['weeks'] } });
    expect(s.dispatch('forecast.run', { teamId: t.id, channel: 'phone', from: '1999-03-01', weeks: 1, intervalMinutes: 20 })).toMatchObject({ ok: false, error: { path: ['intervalMinutes'] } });
  });
});
