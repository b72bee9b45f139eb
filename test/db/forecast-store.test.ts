import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { forecastStore } from '../../db/handlers/forecast-store';
import { coverageOf } from '../../db/handlers/staffing';
import { makeContext } from '../../db/make-context';
import { insertVolumes } from '../../db/sql/volume';
import type { Service } from '../../db/service';
import { FIXED_NOW, freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';

/**
 * Forecasts kept until their inputs change (db/handlers/forecast-store.ts): after each change to
 * an input, the next answers of a service that kept forecasts equal those of a service opened
 * fresh on the same file, which has nothing kept.
 */
const WEEK = { from: '2026-11-23', to: '2026-11-29' };
const NEXT = { from: '2026-11-30', to: '2026-12-06' };

const coverage = (s: Service, teamId: number, week: typeof WEEK, intervalMinutes: 15 | 30 | 60 = 30) => s.run('coverage.range', { teamId, channel: null, ...week, intervalMinutes });

/** Everything the store's forecasts feed: coverage of two weeks, the methods' accuracy, the recent handle time. */
function answers(s: Service, teamId: number) {
  return {
    week: coverage(s, teamId, WEEK),
    next: coverage(s, teamId, NEXT),
    accuracy: s.run('forecast.accuracy', { teamId, from: WEEK.from }),
    forecast: s.run('forecast.run', { teamId, channel: 'phone', from: WEEK.from, weeks: 2, intervalMinutes: 60 }),
    settings: s.run('staffing.settings', { teamId, before: WEEK.from }),
  };
}

/** The demo's answers, a change made on the service that keeps them, and its answers after it against a fresh service's. */
function changeAndCompare(change: (s: Service, teamId: number) => void): { before: ReturnType<typeof answers>; after: ReturnType<typeof answers> } {
  const file = tempFile();
  const s = freshService(file);
  const teamId = s.run('demo.create', {}).id;
  const before = answers(s, teamId);
  expect(forecastStore(s.planner.db).held.forecasts).toBeGreaterThan(0);
  change(s, teamId);
  const after = answers(s, teamId);
  s.close();
  const fresh = freshService(file);
  expect(after).toEqual(answers(fresh, teamId));
  fresh.close();
  return { before, after };
}

/** A busy Tuesday morning on the phones last week: the history the forecast learns from. */
const busyHistory = 'interval_start,channel,volume,aht_seconds\n2026-11-17T10:00,phone,400,600\n2026-11-17T10:30,phone,380,600\n';

describe('kept forecasts', () => {
  it('another week reuses the channel history already read, adding only its own days; the same week is answered from the store', () => {
    const s = freshService();
    const teamId = s.run('demo.create', {}).id;
    const store = forecastStore(s.planner.db);
    coverage(s, teamId, WEEK);
    // Three channels: three forecasts and three grids of the year before the week.
    expect(store.held).toMatchObject({ forecasts: 3, grids: 3, gridDays: 3 * 371 });
    coverage(s, teamId, NEXT);
    expect(store.held).toMatchObject({ forecasts: 6, grids: 3, gridDays: 3 * 378 });
    expect(coverage(s, teamId, WEEK).withoutHistory).toEqual([]);
    expect(store.held.forecasts).toBe(6);
    s.close();
  });

  it('a history import changes the next answer, and undoing it brings the first back', () => {
    const imported = changeAndCompare((s, teamId) => s.run('volume.import', { teamId, csv: busyHistory }));
    expect(imported.after.week).not.toEqual(imported.before.week);
    expect(imported.after.settings).not.toEqual(imported.before.settings);
    const undone = changeAndCompare((s, teamId) => {
      s.run('volume.import', { teamId, csv: busyHistory });
      answers(s, teamId);
      s.run('history.undo', {});
    });
    expect(undone.after).toEqual(undone.before);
  });

  it('an adjustment of the forecast changes the next answer', () => {
    const { before, after } = changeAndCompare((s, teamId) => s.run('forecast.adjust', { teamId, channel: 'phone', day: '2026-11-24', timeLocal: null, kind: 'percent', value: 50, note: 'Campaign' }));
    expect(after.week).not.toEqual(before.week);
    expect(after.forecast).not.toEqual(before.forecast);
  });

  it('a staffing setting the requirement uses changes the next answer', () => {
    const { before, after } = changeAndCompare((s, teamId) => {
      const phone = s.run('staffing.settings', { teamId, before: WEEK.from }).find((x) => x.channel === 'phone');
      if (!phone) throw new Error('the demo has phones');
      const { ahtFromHistory: _measured, ...settings } = phone;
      s.run('staffing.setSettings', { ...settings, teamId, ahtSeconds: 1200 });
    });
    expect(after.week).not.toEqual(before.week);
  });

  it('a holiday of the team changes the next answer', () => {
    const { before, after } = changeAndCompare((s, teamId) => s.run('holiday.add', { teamId, day: '2026-11-25', name: 'Şirket günü' }));
    expect(after.week).not.toEqual(before.week);
  });

  it('history written and then rolled back leaves no forecast of it behind', () => {
    const { before, after } = changeAndCompare((s, teamId) => {
      const { db } = s.planner;
      const { context } = makeContext(db, () => FIXED_NOW, 'test');
      const team = context.requireTeam(teamId);
      const start = Date.parse('2026-11-17T07:00:00Z') / 1000;
      expect(() =>
        db.transaction(() => {
          insertVolumes(db, teamId, [{ channel: 'phone', startUtc: start, intervalMinutes: 30, volume: 900, ahtSeconds: 600 }]);
          // Read inside the transaction, so the store sees (and may keep) what is about to be taken back.
          coverageOf(context, team, null, WEEK.from, WEEK.to, 30);
          throw new Error('rolled back');
        })(),
      ).toThrow('rolled back');
    });
    expect(after).toEqual(before);
  });

  it('history another connection wrote to the file changes the next answer', () => {
    const { before, after } = changeAndCompare((s, teamId) => {
      const other = new Database(s.planner.filePath);
      other.prepare('INSERT INTO volume_interval (team_id, channel, start_utc, interval_minutes, volume, aht_seconds) VALUES (?, ?, ?, 30, 700, 600) ON CONFLICT (team_id, channel, start_utc) DO UPDATE SET volume = excluded.volume').run(teamId, 'phone', Date.parse('2026-11-18T08:00:00Z') / 1000);
      other.close();
    });
    expect(after.week).not.toEqual(before.week);
  });

  it('keeps a bounded number of forecasts and grids however many weeks, teams and intervals are read', () => {
    const s = freshService();
    const teams = [s.run('demo.create', {}).id, s.run('demo.create', {}).id];
    const store = forecastStore(s.planner.db);
    const monday = new Date('2026-11-23T00:00:00Z');
    for (const teamId of teams) {
      for (const minutes of [15, 30, 60] as const) {
        for (let w = 0; w < 10; w += 1) {
          const from = new Date(monday.getTime() + w * 7 * 86_400_000).toISOString().slice(0, 10);
          const to = new Date(monday.getTime() + (w * 7 + 6) * 86_400_000).toISOString().slice(0, 10);
          coverage(s, teamId, { from, to }, minutes);
        }
      }
    }
    const held = store.held;
    expect(held.forecasts).toBe(48);
    expect(held.grids).toBe(12);
    expect(held.handleTimes).toBeLessThanOrEqual(48);
    expect(held.gridDays).toBeLessThanOrEqual(12 * 800);
    s.close();
  });
});
