import { toHistory, type History, type VolumeInterval } from './forecast-history';
import type { ZoneClock } from './zone-clock';

export { toHistory, type History } from './forecast-history';

/**
 * Ticket-volume forecasts per channel at 15, 30 or 60-minute intervals.
 *
 * - seasonal-naive: each interval as the same local weekday and time one week
 *   earlier (the last week of history repeated): the baseline.
 * - weekday-profile: daily totals per weekday (the mean of the last weeks'
 *   same weekday) times that weekday's intraday profile (each interval's share
 *   of the day, by local time of day).
 * - trend-profile: the same with a linear trend in the daily level, fitted
 *   with the weekday factors (y_d ≈ (a + b·t_d) · s_weekday).
 * Both profile methods leave public holidays out of what they learn and scale a
 * forecast holiday by how holidays compared with normal days in the history
 * (or, with none in it, like the quietest weekday).
 * `auto` picks the method with the lowest WAPE in a rolling-origin backtest:
 * from each of the last weeks of history, forecast the next week from what
 * came before, and compare.
 */

export const FORECAST_METHODS = ['seasonal-naive', 'weekday-profile', 'trend-profile'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

export interface ForecastPoint {
  startUtc: number;
  volume: number;
}

export interface Accuracy {
  method: ForecastMethod;
  /** Weighted absolute percentage error: Σ|forecast − actual| / Σ actual. */
  wape: number;
  /** Σ(forecast − actual) / Σ actual: above 0 forecasts too much. */
  bias: number;
  /** Weeks of history forecast in the backtest. */
  weeks: number;
}

const slotsPerDay = (intervalMinutes: number) => (24 * 60) / intervalMinutes;

interface Model {
  /** Forecast volumes per interval for a local day. */
  day(day: string): number[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function seasonalNaive(h: History, clock: ZoneClock): Model {
  const lastWeek = h.days.slice(-7);
  const byWeekday = new Map(lastWeek.map((d, i) => [clock.weekday(d), h.volumes[h.volumes.length - lastWeek.length + i] ?? []]));
  return { day: (day) => [...(byWeekday.get(clock.weekday(day)) ?? new Array<number>(slotsPerDay(h.intervalMinutes)).fill(0))] };
}

function profileModel(h: History, clock: ZoneClock, holidays: ReadonlySet<string>, withTrend: boolean): Model {
  const slots = slotsPerDay(h.intervalMinutes);
  const totals = h.volumes.map(sum);
  const normal = h.days.map((d, i) => ({ d, i, w: clock.weekday(d), y: totals[i] ?? 0 })).filter((x) => !holidays.has(x.d));
  const weeksBack = 6;
  // Intraday profile per weekday from its last few normal days (wall-clock time of day).
  const profile = new Map<number, number[]>();
  for (let w = 1; w <= 7; w += 1) {
    const recent = normal.filter((x) => x.w === w).slice(-weeksBack);
    const acc = new Array<number>(slots).fill(0);
    for (const x of recent) (h.volumes[x.i] ?? []).forEach((v, s) => (acc[s] = (acc[s] ?? 0) + v));
    const total = sum(acc);
    profile.set(w, total > 0 ? acc.map((v) => v / total) : new Array<number>(slots).fill(1 / slots));
  }
  // Daily level: (a + b·t) · s_w, fitted by alternating weekday factors and a least-squares line.
  const mean = normal.length ? sum(normal.map((x) => x.y)) / normal.length : 0;
  const factor = new Map<number, number>();
  for (let w = 1; w <= 7; w += 1) {
    const ys = normal.filter((x) => x.w === w).map((x) => x.y);
    factor.set(w, mean > 0 && ys.length ? sum(ys) / ys.length / mean : 0);
  }
  let a = mean;
  let b = 0;
  if (withTrend && normal.length >= 14) {
    for (let round = 0; round < 3; round += 1) {
      const pts = normal.filter((x) => (factor.get(x.w) ?? 0) > 0.05).map((x) => ({ t: x.i, v: x.y / (factor.get(x.w) ?? 1) }));
      const tm = sum(pts.map((p) => p.t)) / pts.length;
      const vm = sum(pts.map((p) => p.v)) / pts.length;
      const sxx = sum(pts.map((p) => (p.t - tm) ** 2));
      b = sxx > 0 ? sum(pts.map((p) => (p.t - tm) * (p.v - vm))) / sxx : 0;
      a = vm - b * tm;
      for (let w = 1; w <= 7; w += 1) {
        const ratios = normal.filter((x) => x.w === w).map((x) => x.y / Math.max(1e-9, a + b * x.i));
        factor.set(w, ratios.length ? sum(ratios) / ratios.length : 0);
      }
    }
  } else {
    // Without a trend the level is the mean of the most recent weeks (old weeks say less).
    const recent = normal.slice(-weeksBack * 7);
    const m = recent.length ? sum(recent.map((x) => x.y)) / recent.length : 0;
    for (let w = 1; w <= 7; w += 1) {
      const ys = recent.filter((x) => x.w === w).map((x) => x.y);
      factor.set(w, m > 0 && ys.length ? sum(ys) / ys.length / m : 0);
    }
    a = m;
  }
  const expected = (i: number, w: number) => Math.max(0, (a + b * i) * (factor.get(w) ?? 0));
  // Holidays: how they compared with what a normal day would have been; else like the quietest weekday.
  const past = h.days.map((d, i) => ({ d, i })).filter((x) => holidays.has(x.d));
  const ratios = past.map((x) => (totals[x.i] ?? 0) / Math.max(1e-9, expected(x.i, clock.weekday(x.d)))).filter(Number.isFinite);
  const positive = [...factor.values()].filter((f) => f > 0);
  const quietest = positive.length ? Math.min(...positive) / Math.max(...positive) : 0;
  const holidayRatio = ratios.length ? Math.min(2, sum(ratios) / ratios.length) : quietest;
  const firstDay = h.days[0] ?? '';
  const dayIndex = (day: string) => {
    // Days since the first history day (calendar days, DST-proof).
    const [y1, m1, d1] = firstDay.split('-').map(Number) as [number, number, number];
    const [y2, m2, d2] = day.split('-').map(Number) as [number, number, number];
    return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
  };
  return {
    day: (day) => {
      const w = clock.weekday(day);
      let total = expected(dayIndex(day), w);
      if (holidays.has(day)) total *= holidayRatio;
      // A holiday's shape: the quietest weekday's profile is closest to a day off.
      const shapeDay = holidays.has(day) ? ([...factor.entries()].filter(([, f]) => f > 0).sort((x, y) => x[1] - y[1])[0]?.[0] ?? w) : w;
      return (profile.get(shapeDay) ?? []).map((p) => p * total);
    },
  };
}

function fit(method: ForecastMethod, h: History, clock: ZoneClock, holidays: ReadonlySet<string>): Model {
  if (method === 'seasonal-naive') return seasonalNaive(h, clock);
  return profileModel(h, clock, holidays, method === 'trend-profile');
}

/** Forecast volumes per interval, for local days [from, from + days). */
export function forecast(method: ForecastMethod, h: History, clock: ZoneClock, holidays: ReadonlySet<string>, from: string, days: number): ForecastPoint[] {
  const model = fit(method, h, clock, holidays);
  const out: ForecastPoint[] = [];
  const slots = slotsPerDay(h.intervalMinutes);
  for (let k = 0; k < days; k += 1) {
    const day = clock.addDays(from, k);
    const values = model.day(day);
    const seen = new Set<number>();
    for (let s = 0; s < slots; s += 1) {
      const minutes = s * h.intervalMinutes;
      const at = clock.reach(day, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
      // A wall-clock time the spring change skips lands on the jump: keep one interval per instant.
      if (seen.has(at) || clock.dayOf(at) !== day) continue;
      seen.add(at);
      out.push({ startUtc: at, volume: Math.round((values[s] ?? 0) * 100) / 100 });
    }
  }
  return out;
}

/**
 * Rolling-origin backtest: from each of the last `origins` week starts (with at
 * least two weeks before it), fit on what came before and forecast the week after.
 */
export function backtest(h: History, clock: ZoneClock, holidays: ReadonlySet<string>, origins = 4): Accuracy[] {
  const weeks = Math.floor(h.days.length / 7);
  const usable = Math.min(origins, weeks - 2);
  if (usable < 1) return [];
  return FORECAST_METHODS.map((method) => {
    let absErr = 0;
    let err = 0;
    let actual = 0;
    for (let o = usable; o >= 1; o -= 1) {
      const cut = h.days.length - o * 7;
      const train: History = { days: h.days.slice(0, cut), volumes: h.volumes.slice(0, cut), intervalMinutes: h.intervalMinutes };
      const model = fit(method, train, clock, holidays);
      for (let k = cut; k < cut + 7; k += 1) {
        const predicted = model.day(h.days[k] ?? '');
        (h.volumes[k] ?? []).forEach((y, s) => {
          const f = predicted[s] ?? 0;
          absErr += Math.abs(f - y);
          err += f - y;
          actual += y;
        });
      }
    }
    const round = (x: number) => Math.round(x * 10_000) / 10_000;
    return { method, wape: actual > 0 ? round(absErr / actual) : 0, bias: actual > 0 ? round(err / actual) : 0, weeks: usable };
  });
}

/** The method `auto` means: the lowest backtest WAPE; the seasonal baseline when there is too little history to test. */
export function chooseMethod(accuracy: readonly Accuracy[]): ForecastMethod {
  const best = [...accuracy].sort((x, y) => x.wape - y.wape)[0];
  return best?.method ?? 'seasonal-naive';
}

export interface ForecastReport {
  /** The method used (what `auto` chose). */
  method: ForecastMethod;
  accuracy: Accuracy[];
  points: ForecastPoint[];
}

/**
 * The whole forecast step on stored or imported interval rows: lay them on the
 * grid, backtest every method, pick (or take the asked-for) method, forecast
 * `weeks` weeks from the local day `from`. The history used is what lies before `from`.
 */
export function forecastReport(
  rows: readonly VolumeInterval[],
  clock: ZoneClock,
  holidays: ReadonlySet<string>,
  options: { from: string; weeks: number; intervalMinutes: number; method: ForecastMethod | 'auto' },
): ForecastReport {
  const before = clock.dayStart(options.from);
  const h = toHistory(
    rows.filter((r) => r.startUtc < before),
    clock,
    options.intervalMinutes,
    clock.addDays(options.from, -1),
  );
  return forecastFromHistory(h, clock, holidays, options);
}

/** The forecast step on history already laid on the grid (see forecastReport): what a store of history grids calls. */
export function forecastFromHistory(h: History, clock: ZoneClock, holidays: ReadonlySet<string>, options: { from: string; weeks: number; method: ForecastMethod | 'auto' }): ForecastReport {
  if (h.days.length < 7) {
    throw new ForecastError(`A forecast needs at least one week of history before ${options.from}; there ${h.days.length === 1 ? 'is 1 day' : `are ${h.days.length} days`}`);
  }
  const accuracy = backtest(h, clock, holidays);
  const method = options.method === 'auto' ? chooseMethod(accuracy) : options.method;
  return { method, accuracy, points: forecast(method, h, clock, holidays, options.from, options.weeks * 7) };
}

/** Too little history for the asked forecast: the caller turns it into its own error shape. */
export class ForecastError extends Error {}
