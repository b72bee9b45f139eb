import { z } from 'zod';
import { localTime } from '../shift';
import type { ZoneClock } from '../zone-clock';

/** A layer of a rotation and what its schedule is made of: turns, restriction windows, pauses, overrides and blocks. */

export const TurnUnit = z.enum(['hours', 'days', 'weeks']);

/** A weekly window: from (weekday, time) to (weekday, time); it wraps past Sunday when it ends before it starts. */
export const Restriction = z.strictObject({
  fromDay: z.number().int().min(1).max(7),
  fromTime: localTime,
  toDay: z.number().int().min(1).max(7),
  toTime: localTime,
});
export type Restriction = z.infer<typeof Restriction>;

export interface OnCallLayer {
  id: number;
  name: string;
  /** Higher wins where layers overlap. */
  level: number;
  participants: readonly number[];
  turnUnit: 'hours' | 'days' | 'weeks';
  turnLength: number;
  /** Local date and time the first turn starts; day and week turns hand off at this time of day. */
  startDay: string;
  handoffTime: string;
  /** Empty: the layer covers all the time. */
  restrictions: readonly Restriction[];
  /** Pass over someone whose public holiday falls in a turn, when someone else can take it. */
  skipHolidays?: boolean;
}

/** Whether a person can take a whole turn (employment, and approved absences once they exist). */
export type Availability = (personId: number, startUtc: number, endUtc: number) => boolean;

/** A paused stretch of a rotation: nobody is on call and the turn order waits. */
export interface Pause {
  startUtc: number;
  /** null: paused until further notice. */
  endUtc: number | null;
}

export interface OnCallOverride {
  id: number;
  personId: number;
  startUtc: number;
  endUtc: number;
}

export interface OnCallBlock {
  personId: number;
  startUtc: number;
  endUtc: number;
  /** The layer's id, or null for an override. */
  layerId: number | null;
  overrideId: number | null;
}

/** The start instant of turn `k` of a layer (k may be negative for turns before the start). */
export function turnStart(layer: OnCallLayer, k: number, clock: ZoneClock): number {
  const origin = clock.at(layer.startDay, layer.handoffTime);
  if (layer.turnUnit === 'hours') return origin + k * layer.turnLength * 3600;
  const days = k * layer.turnLength * (layer.turnUnit === 'weeks' ? 7 : 1);
  return clock.at(clock.addDays(layer.startDay, days), layer.handoffTime);
}

/** The turn index that contains instant `t` (exact, also across DST). */
export function turnIndex(layer: OnCallLayer, t: number, clock: ZoneClock): number {
  const origin = clock.at(layer.startDay, layer.handoffTime);
  const approxSeconds = layer.turnLength * (layer.turnUnit === 'hours' ? 3600 : layer.turnUnit === 'days' ? 86400 : 7 * 86400);
  let k = Math.floor((t - origin) / approxSeconds);
  // Calendar turns differ from the estimate by at most an hour per DST change: step to the exact one.
  while (turnStart(layer, k, clock) > t) k -= 1;
  while (turnStart(layer, k + 1, clock) <= t) k += 1;
  return k;
}

/**
 * The restriction windows of a layer as instants, for every occurrence that can
 * touch [from, to). A window opens when the local clock first reaches its start
 * time (see ZoneClock.reach) and closes likewise, so DST gaps and repeats never
 * leave a window half-open.
 */
export function restrictionWindows(layer: OnCallLayer, from: number, to: number, clock: ZoneClock): [number, number][] {
  const out: [number, number][] = [];
  // A window lasts at most a week: start looking eight days back.
  for (let d = clock.addDays(clock.dayOf(from), -8); clock.dayStart(d) < to; d = clock.addDays(d, 1)) {
    const wd = clock.weekday(d);
    for (const r of layer.restrictions) {
      if (r.fromDay !== wd) continue;
      let days = (r.toDay - r.fromDay + 7) % 7;
      if (days === 0 && r.toTime <= r.fromTime) days = 7;
      const start = clock.reach(d, r.fromTime);
      const end = clock.reach(clock.addDays(d, days), r.toTime);
      if (end > from && start < to && end > start) out.push([start, end]);
    }
  }
  return out;
}
