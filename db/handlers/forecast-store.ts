import type { ForecastPoint, ForecastReport } from '../../core/forecast';
import { HistoryGrid, type History } from '../../core/forecast-history';
import type { Team } from '../../core/team';
import { zoneClock } from '../../core/zone-clock';
import type { Db } from '../open';
import { volumesBetween } from '../sql/volume';
import { tableVersions, type VersionOf } from '../table-versions';

/**
 * Forecasts kept until their inputs change. A week's coverage on a five-year file read a year of
 * 15-minute history per channel and fitted every model again on each call; the forecast depends
 * only on the history (volume_interval), the team (its zone, country and channels) and its
 * holidays (team_holiday), so a forecast is kept under their data version (db/table-versions.ts)
 * and any change to them empties the store. Adjustments, staffing settings and opening hours are
 * cheap to read and are applied afresh on every call, never kept; so is the handle time of the
 * history's last eight weeks, which the staffing settings show beside their own.
 *
 * Each channel's history grid is kept too, so the next week's forecast adds a week of rows to
 * it instead of reading the year again. Both are bounded: at most MAX_FORECASTS forecasts and
 * MAX_GRIDS grids and as many handle times as forecasts (the least recently used go first), each grid at most MAX_GRID_DAYS days.
 */
const MAX_FORECASTS = 48;
const MAX_GRIDS = 12;
const MAX_GRID_DAYS = 800;
const INPUTS = ['volume_interval', 'team', 'team_holiday'] as const;

/** A model forecast as kept: the report and its points placed on the team's local days and times. */
export interface KeptForecast {
  report: ForecastReport;
  located: readonly (ForecastPoint & { day: string; time: string })[];
}

export interface ForecastStore {
  /** The forecast kept under `key` for the current data version, or `make`'s (kept, unless it throws). */
  forecast(key: string, make: () => KeptForecast): KeptForecast;
  /** The volume-weighted handle time of a channel's recent history kept under `key`, or `make`'s. */
  historyAht(key: string, make: () => number | null): number | null;
  /** The history the channel's rows starting on local days [from, to] make, laid at `intervalMinutes` (see HistoryGrid.history). */
  history(team: Team, channel: string, from: string, to: string, intervalMinutes: number, untilDay: string): History;
  /** What the store holds now, for tests of its bounds. */
  readonly held: { forecasts: number; handleTimes: number; grids: number; gridDays: number };
}

/** Takes `key` out and puts it back last, so the map's first entry is the least recently used. */
function touch<V>(map: Map<string, V>, key: string, value: V, max: number): V {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as string);
  return value;
}

function makeStore(db: Db, versionOf: VersionOf | null): ForecastStore {
  const forecasts = new Map<string, KeptForecast>();
  const grids = new Map<string, HistoryGrid>();
  const handleTimes = new Map<string, number | null>();
  let version = '';
  /** Empties the store when an input changed since it was filled. */
  const current = () => {
    if (!versionOf) return;
    const now = versionOf();
    if (now === version) return;
    forecasts.clear();
    grids.clear();
    handleTimes.clear();
    version = now;
  };
  /** Brings the channel's grid to hold local days [from, to]: adds the days missing at either end, or starts over. */
  const gridFor = (team: Team, channel: string, from: string, to: string, intervalMinutes: number): HistoryGrid => {
    const clock = zoneClock(team.timeZone);
    const key = `${team.id}|${channel}|${intervalMinutes}`;
    const grid = grids.get(key) ?? new HistoryGrid(clock, intervalMinutes);
    const load = (first: string, last: string) => grid.load(first, last, volumesBetween(db, team.id, clock.dayStart(first), clock.dayStart(clock.addDays(last, 1)), channel));
    const held = grid.loaded;
    if (!held || to < clock.addDays(held.first, -1) || from > clock.addDays(held.last, 1)) {
      grid.clear();
      load(from, to);
    } else {
      if (from < held.first) load(from, clock.addDays(held.first, -1));
      if (to > held.last) load(clock.addDays(held.last, 1), to);
      const now = grid.loaded;
      if (now && clock.addDays(now.first, MAX_GRID_DAYS) <= now.last) grid.keep(from, to);
    }
    return versionOf ? touch(grids, key, grid, MAX_GRIDS) : grid;
  };
  return {
    forecast(key, make) {
      current();
      const kept = forecasts.get(key);
      if (kept) return touch(forecasts, key, kept, MAX_FORECASTS);
      const value = make();
      return versionOf ? touch(forecasts, key, value, MAX_FORECASTS) : value;
    },
    historyAht(key, make) {
      current();
      if (handleTimes.has(key)) return touch(handleTimes, key, handleTimes.get(key) ?? null, MAX_FORECASTS);
      const value = make();
      return versionOf ? touch(handleTimes, key, value, MAX_FORECASTS) : value;
    },
    history(team, channel, from, to, intervalMinutes, untilDay) {
      current();
      return gridFor(team, channel, from, to, intervalMinutes).history(from, to, untilDay);
    },
    get held() {
      return { forecasts: forecasts.size, handleTimes: handleTimes.size, grids: grids.size, gridDays: [...grids.values()].reduce((n, g) => n + g.loadedDays, 0) };
    },
  };
}

const stores = new WeakMap<Db, ForecastStore>();

/**
 * The connection's forecast store. The service makes it when it starts (staffingHandlers), outside
 * any transaction; one asked for inside a transaction first (a worker's read) keeps nothing.
 */
export function forecastStore(db: Db): ForecastStore {
  const kept = stores.get(db);
  if (kept) return kept;
  const versionOf = tableVersions(db, INPUTS);
  const store = makeStore(db, versionOf);
  if (versionOf) stores.set(db, store);
  return store;
}
