import { Temporal } from './time';
import { z } from 'zod';
import { DEFAULT_MAX_ABANDON_RATE, evaluateAgents, requiredAgents, workloadAgents } from './erlang';
import type { ForecastPoint } from './forecast';
import { localTime } from './shift';

/**
 * Staffing against the forecast, per channel and interval: what the targets
 * require (Erlang C/A for live channels, workload for email) against the agents
 * the rota has on that channel then (breaks and leave taken out), and what
 * service level that rota predicts.
 */

export const StaffingSettings = z.object({
  channel: z.string(),
  model: z.enum(['erlang', 'workload']),
  /** Service-level target as a fraction, within targetSeconds. */
  targetServiceLevel: z.number(),
  targetSeconds: z.number(),
  /** null: the average from the channel's history (or 300 s without any). */
  ahtSeconds: z.number().nullable(),
  /** What the history says the AHT is, for the form to show. */
  ahtFromHistory: z.number().nullable(),
  shrinkage: z.number(),
  maxOccupancy: z.number(),
  /** Erlang A when set. */
  patienceSeconds: z.number().nullable(),
  /** Erlang A: the highest share of offered callers the requirement lets hang up. */
  maxAbandonRate: z.number(),
  /** Erlang A: callers hanging up within this many seconds of waiting are not counted as offered. */
  shortAbandonSeconds: z.number(),
  /** Workload model: the response-time target. */
  responseMinutes: z.number(),
});
export type StaffingSettings = z.infer<typeof StaffingSettings>;

export const StaffingSettingsInput = z.strictObject({
  teamId: z.number().int().positive(),
  channel: z.string().max(32),
  model: z.enum(['erlang', 'workload']),
  targetServiceLevel: z.number().gt(0, 'Above 0').lt(1, 'A fraction below 1, such as 0.8 for 80 %'),
  targetSeconds: z.number().int().min(0).max(86_400),
  ahtSeconds: z.number().gt(0).max(86_400).nullable(),
  shrinkage: z.number().min(0).lt(1, 'A fraction below 1, such as 0.3 for 30 %'),
  maxOccupancy: z.number().gt(0).max(1),
  patienceSeconds: z.number().gt(0).max(86_400).nullable(),
  // Defaults so that a caller written before these existed still saves (and gets what a new channel gets).
  maxAbandonRate: z.number().gt(0, 'Above 0').max(1, 'A fraction up to 1, such as 0.05 for 5 %').default(DEFAULT_MAX_ABANDON_RATE),
  shortAbandonSeconds: z.number().int().min(0).max(86_400).default(0),
  responseMinutes: z.number().int().min(1).max(100_000),
});

export const DEFAULT_AHT_SECONDS = 300;

export function defaultSettings(channel: string): Omit<StaffingSettings, 'ahtFromHistory'> {
  const email = /mail/.test(channel);
  return { channel, model: email ? 'workload' : 'erlang', targetServiceLevel: 0.8, targetSeconds: email ? 0 : 20, ahtSeconds: null, shrinkage: 0.3, maxOccupancy: 0.85, patienceSeconds: null, maxAbandonRate: DEFAULT_MAX_ABANDON_RATE, shortAbandonSeconds: 0, responseMinutes: 240 };
}

export const Adjustment = z.object({
  id: z.number(),
  channel: z.string(),
  day: z.string(),
  /** null: the whole day. */
  timeLocal: z.string().nullable(),
  kind: z.enum(['percent', 'absolute']),
  value: z.number(),
  note: z.string(),
});
export type Adjustment = z.infer<typeof Adjustment>;

export const AdjustmentInput = z.strictObject({
  teamId: z.number().int().positive(),
  channel: z.string().max(32),
  day: z.string(),
  timeLocal: localTime.nullable().default(null),
  kind: z.enum(['percent', 'absolute']),
  value: z.number().min(-1_000_000).max(1_000_000),
  note: z.string().max(500).default(''),
});

/**
 * The lead's adjustments on top of the model: a day's percentage scales each of its
 * intervals, a day's absolute number is spread like the day's own shape (evenly if
 * the model expects nothing), an interval's change applies to that interval. Never below 0.
 */
export function applyAdjustments(points: readonly (ForecastPoint & { day: string; time: string })[], adjustments: readonly Adjustment[]): number[] {
  const out = points.map((p) => p.volume);
  for (const a of adjustments) {
    const idx = points.map((p, i) => (p.day === a.day && (a.timeLocal === null || p.time === a.timeLocal) ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) continue;
    if (a.kind === 'percent') {
      for (const i of idx) out[i] = (out[i] ?? 0) * (1 + a.value / 100);
    } else {
      const base = idx.reduce((s, i) => s + (out[i] ?? 0), 0);
      for (const i of idx) out[i] = (out[i] ?? 0) + (base > 0 ? (a.value * (out[i] ?? 0)) / base : a.value / idx.length);
    }
  }
  return out.map((v) => Math.max(0, Math.round(v * 100) / 100));
}

export const CoverageInterval = z.object({
  start: z.string(),
  channel: z.string(),
  /** Forecast contacts in the interval (adjustments included). */
  volume: z.number(),
  ahtSeconds: z.number(),
  /** Offered load in Erlangs (live channels) or work hours per hour (workload). */
  traffic: z.number(),
  /** Agents needed on the channel then. */
  required: z.number(),
  /** With shrinkage: what to put on the rota. */
  scheduledRequired: z.number(),
  /** Live channels: the service level (answered in time over offered) the requirement itself gives. */
  requiredServiceLevel: z.number().nullable(),
  /** Erlang A: the share of callers who hang up with the requirement (at most the channel's maximum). */
  requiredAbandonRate: z.number().nullable(),
  /** Set when the requirement is below the offered load in Erlangs: it holds only because callers hang up. */
  belowLoadReason: z.enum(['abandonment']).nullable(),
  /** Agents on shift with the channel's skill, breaks and leave taken out (may be fractional). */
  onShift: z.number(),
  serviceLevel: z.number().nullable(),
  /** Erlang A: the share of callers predicted to hang up with the agents on shift. */
  abandonRate: z.number().nullable(),
  asa: z.number().nullable(),
  occupancy: z.number().nullable(),
  status: z.enum(['under', 'ok', 'over']),
  /** Whether the channel is open then (its opening hours and holidays); closed: nothing required, no service to predict. */
  open: z.boolean(),
});
export type CoverageInterval = z.infer<typeof CoverageInterval>;

export const CoverageDay = z.object({
  day: z.string(),
  channel: z.string(),
  /** Forecast contacts while the channel is open. */
  volume: z.number(),
  /** Forecast contacts while it is closed: reported, not staffed. */
  outsideHoursVolume: z.number(),
  /** Volume-weighted over the day's open intervals. */
  serviceLevel: z.number().nullable(),
  abandonRate: z.number().nullable(),
  asa: z.number().nullable(),
  occupancy: z.number().nullable(),
  underIntervals: z.number(),
  /**
   * Agent-hours needed while open: each open interval's `required` times its length. Without
   * shrinkage, as `status` compares it: the agents on shift already have their breaks and leave taken out.
   */
  requiredHours: z.number(),
  /** Agent-hours on shift while open (`onShift` times the interval's length). */
  onShiftHours: z.number(),
  /** Agent-hours short while open: per interval what `onShift` lacks of `required`, summed (surplus in one interval does not make up for another). */
  shortHours: z.number(),
});
export type CoverageDay = z.infer<typeof CoverageDay>;

/** Whether an interval is short, right, or has clearly more people than it needs. */
export function coverageStatus(onShift: number, required: number): 'under' | 'ok' | 'over' {
  if (onShift + 1e-9 < required) return 'under';
  return onShift - required >= Math.max(2, 0.25 * required) ? 'over' : 'ok';
}

/** Contacts the forecast puts outside opening hours, per channel over the range asked for. */
export const OutsideHours = z.object({ channel: z.string(), contacts: z.number(), intervals: z.number() });
export type OutsideHours = z.infer<typeof OutsideHours>;

/**
 * An interval while the channel is closed: the forecast's contacts are still shown (the UI says how
 * many fall outside opening hours), but nobody is required and no service level is predicted.
 */
export function closedCoverage(volume: number, ahtSeconds: number, onShift: number): Omit<CoverageInterval, 'start' | 'channel'> {
  return { volume, ahtSeconds, traffic: 0, required: 0, scheduledRequired: 0, requiredServiceLevel: null, requiredAbandonRate: null, belowLoadReason: null, onShift: Math.round(onShift * 100) / 100, serviceLevel: null, abandonRate: null, asa: null, occupancy: null, status: coverageStatus(onShift, 0), open: false };
}

/** Requirement and prediction for one interval of one channel while it is open. */
export function intervalCoverage(settings: Omit<StaffingSettings, 'ahtFromHistory'>, ahtSeconds: number, intervalMinutes: number, volume: number, onShift: number): Omit<CoverageInterval, 'start' | 'channel'> {
  const round = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 10_000) / 10_000);
  if (settings.model === 'workload') {
    const w = workloadAgents({ volume, intervalMinutes, handleSeconds: ahtSeconds, responseMinutes: settings.responseMinutes, shrinkage: settings.shrinkage, maxOccupancy: settings.maxOccupancy });
    const traffic = (volume * ahtSeconds) / (intervalMinutes * 60);
    return {
      volume,
      ahtSeconds,
      traffic: round(traffic) ?? 0,
      required: w.agents,
      scheduledRequired: w.scheduled,
      requiredServiceLevel: null,
      requiredAbandonRate: null,
      belowLoadReason: null,
      onShift: Math.round(onShift * 100) / 100,
      serviceLevel: null,
      abandonRate: null,
      asa: null,
      occupancy: onShift > 0 ? round(Math.min(1, traffic / onShift)) : null,
      status: coverageStatus(onShift, w.agents),
      open: true,
    };
  }
  const input = {
    calls: volume,
    intervalMinutes,
    ahtSeconds,
    targetServiceLevel: settings.targetServiceLevel,
    targetSeconds: settings.targetSeconds,
    shrinkage: settings.shrinkage,
    maxOccupancy: settings.maxOccupancy,
    patienceSeconds: settings.patienceSeconds,
    maxAbandonRate: settings.maxAbandonRate,
    shortAbandonSeconds: settings.shortAbandonSeconds,
  };
  const need = requiredAgents(input);
  const agents = Math.floor(onShift + 1e-9);
  const now = volume > 0 ? evaluateAgents(input, agents) : null;
  return {
    volume,
    ahtSeconds,
    traffic: round(need.traffic) ?? 0,
    required: need.agents,
    scheduledRequired: need.scheduled,
    requiredServiceLevel: volume > 0 ? round(need.serviceLevel) : null,
    requiredAbandonRate: volume > 0 ? round(need.abandonRate ?? null) : null,
    belowLoadReason: need.belowLoadReason ?? null,
    onShift: Math.round(onShift * 100) / 100,
    serviceLevel: now ? round(now.serviceLevel) : null,
    abandonRate: now ? round(now.abandonRate ?? null) : null,
    asa: now ? round(now.asa) : null,
    occupancy: now && agents > 0 ? round(Math.min(1, now.occupancy)) : null,
    status: coverageStatus(onShift, need.agents),
    open: true,
  };
}

/** Volume-weighted day figures from its intervals, and its agent-hours; contacts while closed are counted apart. */
export function dayCoverage(day: string, channel: string, all: readonly CoverageInterval[], intervalMinutes: number): CoverageDay {
  const intervals = all.filter((x) => x.open);
  const volume = intervals.reduce((s, x) => s + x.volume, 0);
  const outside = all.reduce((s, x) => s + (x.open ? 0 : x.volume), 0);
  const weighted = (pick: (x: CoverageInterval) => number | null) => {
    let sum = 0;
    let weight = 0;
    for (const x of intervals) {
      const v = pick(x);
      if (v === null || !Number.isFinite(v) || x.volume <= 0) continue;
      sum += v * x.volume;
      weight += x.volume;
    }
    return weight > 0 ? Math.round((sum / weight) * 10_000) / 10_000 : null;
  };
  // Every interval of a day is `intervalMinutes` long, also on a clock change (the day has fewer or more of them).
  const hoursOf = (agents: (x: CoverageInterval) => number) => Math.round(intervals.reduce((s, x) => s + agents(x), 0) * (intervalMinutes / 60) * 100) / 100;
  return {
    day,
    channel,
    volume: Math.round(volume * 100) / 100,
    outsideHoursVolume: Math.round(outside * 100) / 100,
    serviceLevel: weighted((x) => x.serviceLevel),
    abandonRate: weighted((x) => x.abandonRate),
    asa: weighted((x) => x.asa),
    occupancy: weighted((x) => x.occupancy),
    underIntervals: intervals.filter((x) => x.status === 'under').length,
    requiredHours: hoursOf((x) => x.required),
    onShiftHours: hoursOf((x) => x.onShift),
    shortHours: hoursOf((x) => Math.max(0, x.required - x.onShift)),
  };
}

/** Agents on a channel during [from, to): each shift counts for the share of the interval it covers, less its breaks. */
export function agentsOnShift(
  shifts: readonly { startUtc: number; endUtc: number; breakMinutes: number; breaks: readonly { startUtc: number; endUtc: number }[] }[],
  from: number,
  to: number,
): number {
  let agents = 0;
  for (const s of shifts) {
    const overlap = Math.max(0, Math.min(s.endUtc, to) - Math.max(s.startUtc, from));
    if (overlap <= 0) continue;
    let away = 0;
    if (s.breaks.length) {
      for (const b of s.breaks) away += Math.max(0, Math.min(b.endUtc, to) - Math.max(b.startUtc, from));
    } else if (s.breakMinutes > 0) {
      // An unplaced break is somewhere in the shift: spread it over the shift.
      away = (overlap * s.breakMinutes * 60) / (s.endUtc - s.startUtc);
    }
    agents += Math.max(0, overlap - away) / (to - from);
  }
  return agents;
}

/**
 * agentsOnShift for each interval [start, start + intervalSeconds) of `startsUtc` (ascending): each
 * interval asks only the shifts that reach into it, in their given order, so the sum is the same
 * as asking all of them, without a week's intervals each reading every shift of the channel.
 */
export function agentsPerInterval(
  shifts: readonly { startUtc: number; endUtc: number; breakMinutes: number; breaks: readonly { startUtc: number; endUtc: number }[] }[],
  startsUtc: readonly number[],
  intervalSeconds: number,
): number[] {
  const reaching = startsUtc.map((): (typeof shifts)[number][] => []);
  for (const s of shifts) {
    // The first interval that ends after the shift starts, then on while intervals start before it ends.
    let lo = 0;
    let hi = startsUtc.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((startsUtc[mid] ?? 0) + intervalSeconds > s.startUtc) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < startsUtc.length && (startsUtc[i] ?? 0) < s.endUtc; i += 1) reaching[i]?.push(s);
  }
  return startsUtc.map((from, i) => agentsOnShift(reaching[i] ?? [], from, from + intervalSeconds));
}

/** Coverage is worked out for at most this many days per call (the intraday model is per interval). */
export const COVERAGE_MAX_DAYS = 14;

/** Days [from, to] as consecutive stretches of at most `COVERAGE_MAX_DAYS`, for reading a longer range. */
export function coverageChunks(from: string, to: string): { from: string; to: string }[] {
  const end = Temporal.PlainDate.from(to);
  const out: { from: string; to: string }[] = [];
  for (let d = Temporal.PlainDate.from(from); Temporal.PlainDate.compare(d, end) <= 0; d = d.add({ days: COVERAGE_MAX_DAYS })) {
    const last = d.add({ days: COVERAGE_MAX_DAYS - 1 });
    out.push({ from: d.toString(), to: (Temporal.PlainDate.compare(last, end) > 0 ? end : last).toString() });
  }
  return out;
}
