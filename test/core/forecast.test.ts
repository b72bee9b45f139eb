import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtest, chooseMethod, forecast, forecastReport, toHistory } from '../../core/forecast';
import { seededRandom } from '../../core/random';
import { parseVolumeCsv } from '../../core/volume-import';
import { zoneClock } from '../../core/zone-clock';

const clock = zoneClock('Europe/Istanbul');
const HOURLY = [0, 0, 0, 0, 0, 0, 1, 3, 7, 10, 11, 10, 8, 9, 10, 9, 7, 5, 4, 3, 2, 1, 0.5, 0.2];
const WEEKDAY = [0, 1.2, 1.1, 1.0, 1.0, 0.9, 0.5, 0.35];

/** Hourly interval rows: a weekly and daily pattern, a 2 % weekly growth, Poisson-like noise. */
function synthetic(days: number, start = '2026-01-05', holidays: Set<string> = new Set()) {
  const random = seededRandom(7);
  const rows: { startUtc: number; intervalMinutes: number; volume: number }[] = [];
  for (let d = 0; d < days; d += 1) {
    const day = clock.addDays(start, d);
    const level = 400 * (1 + 0.02 * (d / 7)) * (WEEKDAY[clock.weekday(day)] ?? 1) * (holidays.has(day) ? 0.3 : 1);
    const total = HOURLY.reduce((a, b) => a + b, 0);
    HOURLY.forEach((share, h) => {
      const mean = (level * share) / total;
      rows.push({ startUtc: clock.at(day, `${String(h).padStart(2, '0')}:00`), intervalMinutes: 60, volume: Math.max(0, Math.round(mean + (random() - 0.5) * 2 * Math.sqrt(mean))) });
    });
  }
  return rows;
}

const wape = (f: readonly { startUtc: number; volume: number }[], actual: readonly { startUtc: number; volume: number }[]) => {
  const byAt = new Map(actual.map((a) => [a.startUtc, a.volume]));
  let err = 0;
  let sum = 0;
  for (const p of f) {
    const y = byAt.get(p.startUtc) ?? 0;
    err += Math.abs(p.volume - y);
    sum += y;
  }
  return err / sum;
};

describe('forecast', () => {
  it('beats seasonal naive on a seasonal series with a trend, and auto picks a better method by backtest', () => {
    const all = synthetic(70);
    const cut = clock.dayStart('2026-02-23');
    const history = all.filter((r) => r.startUtc < cut);
    const future = all.filter((r) => r.startUtc >= cut);
    const h = toHistory(history, clock, 60);
    const naive = forecast('seasonal-naive', h, clock, new Set(), '2026-02-23', 14);
    const trend = forecast('trend-profile', h, clock, new Set(), '2026-02-23', 14);
    expect(naive).toHaveLength(14 * 24);
    expect(wape(trend, future)).toBeLessThan(wape(naive, future) * 0.8);
    const accuracy = backtest(h, clock, new Set());
    expect(accuracy.map((a) => a.method)).toEqual(['seasonal-naive', 'weekday-profile', 'trend-profile']);
    expect(chooseMethod(accuracy)).not.toBe('seasonal-naive');
  });

  it('beats seasonal naive on the real bank data (Sunday–Thursday weeks), in the rolling-origin backtest', () => {
    const csv = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/bank/anonymous_bank_1999_02_calls.csv'), 'utf8');
    const bank = zoneClock('Asia/Jerusalem');
    const rows = parseVolumeCsv(csv, { channels: ['phone'], channel: null, timeZone: 'Asia/Jerusalem' }).intervals;
    for (const minutes of [30, 60] as const) {
      const report = forecastReport(rows, bank, new Set(), { from: '1999-03-01', weeks: 1, intervalMinutes: minutes, method: 'auto' });
      const naive = report.accuracy.find((a) => a.method === 'seasonal-naive');
      const chosen = report.accuracy.find((a) => a.method === report.method);
      expect(report.method).not.toBe('seasonal-naive');
      expect(chosen?.wape ?? 1).toBeLessThan((naive?.wape ?? 0) * 0.9);
      // Friday afternoon and Saturday are nearly closed: the forecast knows it.
      const day = (d: string) => report.points.filter((p) => bank.dayOf(p.startUtc) === d).reduce((a, p) => a + p.volume, 0);
      expect(day('1999-03-06')).toBeLessThan(day('1999-03-07') / 3);
    }
  });

  it('learns from holidays in the history and expects a public holiday to be quiet', () => {
    const holidays = new Set(['2026-01-14', '2026-02-04', '2026-03-04']);
    const all = synthetic(70, '2026-01-05', holidays);
    const report = forecastReport(all, clock, holidays, { from: '2026-03-02', weeks: 1, intervalMinutes: 60, method: 'weekday-profile' });
    const day = (d: string) => report.points.filter((p) => clock.dayOf(p.startUtc) === d).reduce((a, p) => a + p.volume, 0);
    // Wednesday 4 March is a holiday, Thursday the 5th a normal weekday.
    expect(day('2026-03-04')).toBeLessThan(day('2026-03-05') * 0.5);
    expect(day('2026-03-04')).toBeGreaterThan(0);
  });

  it('gives one interval per instant across a clock change: 23 hours on the spring day in Warsaw', () => {
    const warsaw = zoneClock('Europe/Warsaw');
    const rows = Array.from({ length: 21 * 24 }, (_, i) => ({ startUtc: warsaw.dayStart('2026-03-02') + i * 3600, intervalMinutes: 60, volume: 5 }));
    const points = forecast('weekday-profile', toHistory(rows, warsaw, 60), warsaw, new Set(), '2026-03-29', 1);
    expect(points).toHaveLength(23);
    expect(new Set(points.map((p) => p.startUtc)).size).toBe(23);
    expect(() => forecastReport(rows.slice(0, 100), warsaw, new Set(), { from: '2026-03-06', weeks: 1, intervalMinutes: 60, method: 'auto' })).toThrow(/at least one week of history/);
  });
});
