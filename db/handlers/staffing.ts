import type { MethodOutput } from '../../core/contract';
import { UserError } from '../../core/errors';
import { ForecastError, forecastFromHistory, type ForecastMethod } from '../../core/forecast';
import { aroundTheClock, isOpen, type ChannelHours, type ChannelHoursInput } from '../../core/opening-hours';
import {
  agentsPerInterval,
  applyAdjustments,
  closedCoverage,
  dayCoverage,
  COVERAGE_MAX_DAYS,
  DEFAULT_AHT_SECONDS,
  defaultSettings,
  intervalCoverage,
  type Adjustment,
  type CoverageInterval,
  type OutsideHours,
  type StaffingSettings,
} from '../../core/staffing';
import type { Team } from '../../core/team';
import { zoneClock, type ZoneClock } from '../../core/zone-clock';
import { uncovered } from './absences';
import type { HandlersOf, ServiceContext } from '../context';
import { teamHolidayDays } from './holidays';
import type { Db } from '../open';
import { dayRange } from '../../core/ranges';
import * as shifts from '../sql/shifts';
import { forecastStore } from './forecast-store';

type StaffingMethods =
  | 'forecast.run'
  | 'forecast.accuracy'
  | 'forecast.adjust'
  | 'forecast.adjustments'
  | 'forecast.deleteAdjustment'
  | 'staffing.settings'
  | 'staffing.setSettings'
  | 'staffing.openingHours'
  | 'staffing.setOpeningHours'
  | 'coverage.range';

interface SettingsRow {
  channel: string;
  model: 'erlang' | 'workload';
  target_sl: number;
  target_seconds: number;
  aht_seconds: number | null;
  shrinkage: number;
  max_occupancy: number;
  patience_seconds: number | null;
  max_abandon_rate: number;
  short_abandon_seconds: number;
  response_minutes: number;
}

function storedSettings(db: Db, teamId: number): Map<string, Omit<StaffingSettings, 'ahtFromHistory'>> {
  const rows = db.prepare('SELECT * FROM channel_staffing WHERE team_id = ?').all(teamId) as SettingsRow[];
  return new Map(
    rows.map((r) => [
      r.channel,
      { channel: r.channel, model: r.model, targetServiceLevel: r.target_sl, targetSeconds: r.target_seconds, ahtSeconds: r.aht_seconds, shrinkage: r.shrinkage, maxOccupancy: r.max_occupancy, patienceSeconds: r.patience_seconds, maxAbandonRate: r.max_abandon_rate, shortAbandonSeconds: r.short_abandon_seconds, responseMinutes: r.response_minutes },
    ]),
  );
}

/** The volume-weighted AHT of a channel's history in [fromUtc, toUtc), or null without handle times. */
function historyAht(db: Db, teamId: number, channel: string, fromUtc: number, toUtc: number): number | null {
  const row = db
    .prepare('SELECT sum(volume * aht_seconds) AS w, sum(volume) AS v FROM volume_interval WHERE team_id = ? AND channel = ? AND start_utc >= ? AND start_utc < ? AND aht_seconds IS NOT NULL')
    .get(teamId, channel, fromUtc, toUtc) as { w: number | null; v: number | null };
  return row.v && row.w ? Math.round((row.w / row.v) * 10) / 10 : null;
}

interface AdjustmentRow {
  id: number;
  channel: string;
  day: string;
  time_local: string | null;
  kind: 'percent' | 'absolute';
  value: number;
  note: string;
}
const toAdjustment = (r: AdjustmentRow): Adjustment => ({ id: r.id, channel: r.channel, day: r.day, timeLocal: r.time_local, kind: r.kind, value: r.value, note: r.note });

function adjustmentsOf(db: Db, teamId: number, channel: string, from: string, to: string): Adjustment[] {
  return (db.prepare('SELECT * FROM forecast_adjustment WHERE team_id = ? AND channel = ? AND day BETWEEN ? AND ? ORDER BY day, time_local, id').all(teamId, channel, from, to) as AdjustmentRow[]).map(toAdjustment);
}

/** A channel's opening hours: around the clock when none were set. */
export function openingHoursOf(db: Db, teamId: number, channel: string): ChannelHours {
  const row = db.prepare('SELECT closed_on_holidays FROM channel_hours WHERE team_id = ? AND channel = ?').get(teamId, channel) as { closed_on_holidays: number } | undefined;
  if (!row) return aroundTheClock(channel);
  const windows = db
    .prepare('SELECT weekday, open_local, close_local FROM channel_hours_window WHERE team_id = ? AND channel = ? ORDER BY weekday, open_local')
    .all(teamId, channel) as { weekday: number; open_local: string; close_local: string }[];
  return {
    channel,
    custom: true,
    weekdays: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, windows: windows.filter((w) => w.weekday === weekday).map((w) => ({ openLocal: w.open_local, closeLocal: w.close_local })) })),
    closedOnHolidays: row.closed_on_holidays === 1,
  };
}

/** Replaces a channel's opening hours; around the clock without holiday closing is no row at all (the default). */
export function setOpeningHours(db: Db, teamId: number, { channel, weekdays, closedOnHolidays }: Pick<ChannelHoursInput, 'channel' | 'weekdays' | 'closedOnHolidays'>): void {
  db.prepare('DELETE FROM channel_hours_window WHERE team_id = ? AND channel = ?').run(teamId, channel);
  db.prepare('DELETE FROM channel_hours WHERE team_id = ? AND channel = ?').run(teamId, channel);
  if (weekdays === null && !closedOnHolidays) return;
  db.prepare('INSERT INTO channel_hours (team_id, channel, closed_on_holidays) VALUES (?, ?, ?)').run(teamId, channel, closedOnHolidays ? 1 : 0);
  const insert = db.prepare('INSERT INTO channel_hours_window (team_id, channel, weekday, open_local, close_local) VALUES (?, ?, ?, ?, ?)');
  for (const d of weekdays ?? aroundTheClock(channel).weekdays) {
    for (const w of d.windows) insert.run(teamId, channel, d.weekday, w.openLocal, w.closeLocal);
  }
}

/**
 * For each interval start, whether the channel is open then: its opening hours on that local day
 * and, when it closes on holidays, the team's adjusted holiday list (whole holidays only).
 */
export function openFlags(db: Db, team: Team, channel: string, clock: ZoneClock, startsUtc: readonly number[], intervalMinutes: number): boolean[] {
  const hours = openingHoursOf(db, team.id, channel);
  if (!hours.custom || startsUtc.length === 0) return startsUtc.map(() => true);
  const first = clock.dayOf(startsUtc[0] ?? 0);
  const last = clock.dayOf(startsUtc.at(-1) ?? 0);
  // Only whole holidays close it: on a half holiday the channel keeps its usual hours.
  const holidays = hours.closedOnHolidays ? teamHolidayDays(db, team, first, last).full : new Set<string>();
  return startsUtc.map((t) => {
    const day = clock.dayOf(t);
    return isOpen(hours, clock.weekday(day), holidays.has(day), clock.hhmm(t), intervalMinutes);
  });
}

/**
 * The forecast of one channel over [from, from + weeks): model output and, apart, the adjusted
 * volume. The model's forecast is kept in the connection's forecast store until the history, the
 * team or its holidays change; the adjustments are applied afresh on every call.
 */
export function forecastOf(db: Db, team: Team, channel: string, from: string, weeks: number, intervalMinutes: 15 | 30 | 60, method: ForecastMethod | 'auto') {
  const clock = zoneClock(team.timeZone);
  const lastDay = clock.addDays(from, weeks * 7);
  const store = forecastStore(db);
  const { report, located } = store.forecast(`${team.id}|${channel}|${from}|${weeks}|${intervalMinutes}|${method}`, () => {
    const historyFrom = clock.addDays(from, -371);
    const before = clock.addDays(from, -1);
    const history = store.history(team, channel, historyFrom, before, intervalMinutes, before);
    // Whole holidays only: a half day's volume is closer to a normal day's than to a day off's.
    const holidays = teamHolidayDays(db, team, historyFrom, lastDay).full;
    let made;
    try {
      made = forecastFromHistory(history, clock, holidays, { from, weeks, method });
    } catch (err) {
      if (err instanceof ForecastError) throw new UserError('not_enough_history', `${err.message} for ${channel}`, ['from']);
      throw err;
    }
    return { report: made, located: made.points.map((p) => ({ ...p, day: clock.dayOf(p.startUtc), time: clock.hhmm(p.startUtc) })) };
  });
  const adjusted = applyAdjustments(located, adjustmentsOf(db, team.id, channel, from, lastDay));
  return { clock, report, located, adjusted };
}

/** A channel's forecast, or null when it has too little history (the caller lists the channel instead). */
function forecastIfHistory(db: Db, team: Team, channel: string, from: string, weeks: number, intervalMinutes: 15 | 30 | 60): ReturnType<typeof forecastOf> | null {
  try {
    return forecastOf(db, team, channel, from, weeks, intervalMinutes, 'auto');
  } catch (err) {
    if (err instanceof UserError && err.code === 'not_enough_history') return null;
    throw err;
  }
}

/** A channel's staffing targets (defaults where none were set) and the AHT of the 8 weeks before `before`. */
export function channelSettings(db: Db, team: Team, channel: string, clock: ZoneClock, before: string): StaffingSettings {
  const stored = storedSettings(db, team.id).get(channel) ?? defaultSettings(channel);
  // Kept with the forecasts: eight weeks of history are read again only when the history changes.
  const ahtFromHistory = forecastStore(db).historyAht(`${team.id}|${channel}|${before}`, () => historyAht(db, team.id, channel, clock.dayStart(clock.addDays(before, -56)), clock.dayStart(before)));
  return { ...stored, ahtFromHistory };
}

/**
 * Agents needed per channel and interval over local days [from, to]: the adjusted forecast through
 * each channel's staffing model. Channels without enough history are left out and named.
 */
export function requirementOf(db: Db, team: Team, from: string, to: string, intervalMinutes: 15 | 30 | 60): { intervals: number[]; byChannel: Map<string, number[]>; withoutHistory: string[] } {
  const clock = zoneClock(team.timeZone);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  const byChannel = new Map<string, number[]>();
  const withoutHistory: string[] = [];
  let intervals: number[] = [];
  for (const c of team.skills) {
    const f = forecastIfHistory(db, team, c, from, Math.ceil(days / 7), intervalMinutes);
    if (!f) {
      withoutHistory.push(c);
      continue;
    }
    const settings = channelSettings(db, team, c, clock, from);
    const aht = settings.ahtSeconds ?? settings.ahtFromHistory ?? DEFAULT_AHT_SECONDS;
    const kept = f.located.map((p, i) => ({ p, v: f.adjusted[i] ?? p.volume })).filter((x) => x.p.day <= to);
    intervals = kept.map((x) => x.p.startUtc);
    // Outside opening hours nobody is needed: those contacts are reported by coverage.range, not staffed.
    const open = openFlags(db, team, c, clock, intervals, intervalMinutes);
    byChannel.set(c, kept.map((x, i) => (open[i] ? intervalCoverage(settings, aht, intervalMinutes, x.v, 0).required : 0)));
  }
  if (intervals.length === 0) {
    // No forecast at all: still a grid, with nothing required.
    for (let d = from; d <= to; d = clock.addDays(d, 1)) {
      for (let t = clock.dayStart(d); t < clock.dayStart(clock.addDays(d, 1)); t += intervalMinutes * 60) intervals.push(t);
    }
  }
  return { intervals, byChannel, withoutHistory };
}

/** Refuses a channel the team does not have. */
function requireChannel(team: Team, channel: string): void {
  if (!team.skills.includes(channel)) throw new UserError('unknown_skill', `"${channel}" is not a channel of ${team.name} (${team.skills.join(', ')})`, ['channel']);
}

/** Each forecasting method's backtest per channel from `from`: the Forecast page's table and the accuracy report's. */
export function forecastAccuracy(db: Db, team: Team, from: string): MethodOutput<'forecast.accuracy'> {
  dayRange(from, from, ['from']);
  return team.skills.flatMap((channel) => {
    try {
      const { report } = forecastOf(db, team, channel, from, 1, 60, 'auto');
      return report.accuracy.map((a) => ({ channel, ...a, chosen: a.method === report.method }));
    } catch (err) {
      // Not enough history for this channel: it has no accuracy to show.
      if (err instanceof UserError) return [];
      throw err;
    }
  });
}

/**
 * Agents on shift against the forecast requirement per interval and day over local days
 * [from, to] (at most two weeks), one channel or all: the coverage chart and the service-level
 * report. Leave takes shifts off; contacts outside opening hours are counted apart.
 */
export function coverageOf(ctx: ServiceContext, team: Team, channel: string | null, from: string, to: string, intervalMinutes: 15 | 30 | 60): MethodOutput<'coverage.range'> {
  const { db } = ctx;
  const { from: a, to: b } = dayRange(from, to);
  if (a.until(b).days > COVERAGE_MAX_DAYS - 1) throw new UserError('too_big', 'Coverage shows at most two weeks at once', ['to']);
  const channels = channel === null ? team.skills : [channel];
  if (channel !== null) requireChannel(team, channel);
  const clock = zoneClock(team.timeZone);
  const days = a.until(b).days + 1;
  // Shifts of the day before too (a night shift reaches into `from`); leave takes shifts off.
  const gone = new Set(uncovered(ctx, team, clock.addDays(from, -1), to).map((u) => u.shift.id));
  // Only the columns coverage reads: a week of a large team is over a thousand shifts.
  const rota = shifts.listCheckedShifts(db, team.id, clock.addDays(from, -1), to).filter((s) => !gone.has(s.id));
  const activities = shifts.activitiesOf(db, rota.map((s) => s.id));
  const intervals: CoverageInterval[] = [];
  const daysOut = [];
  const problems: string[] = [];
  const outsideHours: OutsideHours[] = [];
  for (const c of channels) {
    const forecast = forecastIfHistory(db, team, c, from, Math.ceil(days / 7), intervalMinutes);
    if (!forecast) {
      problems.push(c);
      continue;
    }
    const settings = channelSettings(db, team, c, clock, from);
    const aht = settings.ahtSeconds ?? settings.ahtFromHistory ?? DEFAULT_AHT_SECONDS;
    const mine = rota.filter((s) => s.skill === c).map((s) => ({ ...s, breaks: (activities.get(s.id) ?? []).map((x) => ({ startUtc: x.startUtc, endUtc: x.endUtc })) }));
    const byDay = new Map<string, CoverageInterval[]>();
    const inRange = forecast.located.filter((p) => p.day <= to);
    const open = openFlags(db, team, c, clock, inRange.map((p) => p.startUtc), intervalMinutes);
    let outsideContacts = 0;
    const agents = agentsPerInterval(mine, inRange.map((p) => p.startUtc), intervalMinutes * 60);
    inRange.forEach((p, i) => {
      const onShift = agents[i] ?? 0;
      const volume = forecast.adjusted[i] ?? p.volume;
      const figures = open[i] ? intervalCoverage(settings, aht, intervalMinutes, volume, onShift) : closedCoverage(volume, aht, onShift);
      if (!open[i]) outsideContacts += volume;
      const x: CoverageInterval = { start: clock.iso(p.startUtc), channel: c, ...figures };
      intervals.push(x);
      const today = byDay.get(p.day);
      if (today) today.push(x);
      else byDay.set(p.day, [x]);
    });
    for (const [day, list] of byDay) daysOut.push(dayCoverage(day, c, list, intervalMinutes));
    outsideHours.push({ channel: c, contacts: Math.round(outsideContacts * 100) / 100, intervals: open.filter((o) => !o).length });
  }
  return { intervals, days: daysOut, withoutHistory: problems, outsideHours };
}

/** Handlers for forecasts, their adjustments, staffing targets and coverage. */
export function staffingHandlers(ctx: ServiceContext): HandlersOf<StaffingMethods> {
  const { db } = ctx;
  // Made now, when the service starts outside any transaction, so its change counting can be trusted.
  forecastStore(db);

  const settingsOf = (team: Team, channel: string, clock: ZoneClock, before: string) => channelSettings(db, team, channel, clock, before);

  return {
    'forecast.run': ({ teamId, channel, from, weeks, intervalMinutes, method }) => {
      const team = ctx.requireTeam(teamId);
      requireChannel(team, channel);
      dayRange(from, from, ['from']);
      const { clock, report, adjusted } = forecastOf(db, team, channel, from, weeks, intervalMinutes, method);
      return {
        method: report.method,
        accuracy: report.accuracy,
        points: report.points.map((p, i) => ({ start: clock.iso(p.startUtc), model: p.volume, volume: adjusted[i] ?? p.volume })),
      };
    },
    'forecast.accuracy': ({ teamId, from }) => forecastAccuracy(db, ctx.requireTeam(teamId), from),
    'forecast.adjust': ({ teamId, channel, day, timeLocal, kind, value, note }) => {
      const team = ctx.requireTeam(teamId);
      requireChannel(team, channel);
      dayRange(day, day, ['day']);
      if (kind === 'percent' && value < -100) throw new UserError('too_small', 'A forecast cannot go below zero: at most −100 %', ['value']);
      const id = Number(
        db.prepare('INSERT INTO forecast_adjustment (team_id, channel, day, time_local, kind, value, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(team.id, channel, day, timeLocal, kind, value, note, ctx.stamp()).lastInsertRowid,
      );
      return toAdjustment(db.prepare('SELECT * FROM forecast_adjustment WHERE id = ?').get(id) as AdjustmentRow);
    },
    'forecast.adjustments': ({ teamId, channel, from, to }) => {
      const team = ctx.requireTeam(teamId);
      requireChannel(team, channel);
      dayRange(from, to);
      return adjustmentsOf(db, team.id, channel, from, to);
    },
    'forecast.deleteAdjustment': ({ id }) => {
      if (db.prepare('DELETE FROM forecast_adjustment WHERE id = ?').run(id).changes === 0) throw new UserError('not_found', `There is no forecast adjustment with id ${id}`, ['id']);
      return { id };
    },
    'staffing.settings': ({ teamId, before }) => {
      const team = ctx.requireTeam(teamId);
      const clock = zoneClock(team.timeZone);
      return team.skills.map((c) => settingsOf(team, c, clock, before));
    },
    'staffing.setSettings': ({ teamId, channel, ...values }) => {
      const team = ctx.requireTeam(teamId);
      requireChannel(team, channel);
      db.prepare(
        `INSERT INTO channel_staffing (team_id, channel, model, target_sl, target_seconds, aht_seconds, shrinkage, max_occupancy, patience_seconds, max_abandon_rate, short_abandon_seconds, response_minutes)
         VALUES (@teamId, @channel, @model, @targetServiceLevel, @targetSeconds, @ahtSeconds, @shrinkage, @maxOccupancy, @patienceSeconds, @maxAbandonRate, @shortAbandonSeconds, @responseMinutes)
         ON CONFLICT (team_id, channel) DO UPDATE SET model = excluded.model, target_sl = excluded.target_sl, target_seconds = excluded.target_seconds,
           aht_seconds = excluded.aht_seconds, shrinkage = excluded.shrinkage, max_occupancy = excluded.max_occupancy,
           patience_seconds = excluded.patience_seconds, max_abandon_rate = excluded.max_abandon_rate,
           short_abandon_seconds = excluded.short_abandon_seconds, response_minutes = excluded.response_minutes`,
      ).run({ teamId, channel, ...values });
      const clock = zoneClock(team.timeZone);
      return settingsOf(team, channel, clock, clock.dayOf(Math.floor(ctx.clock().epochMilliseconds / 1000)));
    },
    'staffing.openingHours': ({ teamId }) => {
      const team = ctx.requireTeam(teamId);
      return team.skills.map((c) => openingHoursOf(db, team.id, c));
    },
    'staffing.setOpeningHours': ({ teamId, channel, weekdays, closedOnHolidays }) => {
      const team = ctx.requireTeam(teamId);
      requireChannel(team, channel);
      setOpeningHours(db, team.id, { channel, weekdays, closedOnHolidays });
      return openingHoursOf(db, team.id, channel);
    },
    'coverage.range': ({ teamId, channel, from, to, intervalMinutes }) => coverageOf(ctx, ctx.requireTeam(teamId), channel, from, to, intervalMinutes),
  };
}
