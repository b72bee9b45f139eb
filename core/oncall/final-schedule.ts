import { zoneClock, type ZoneClock } from '../zone-clock';
import { restrictionWindows, turnIndex, turnStart, type Availability, type OnCallBlock, type OnCallLayer, type OnCallOverride, type Pause } from './layer';
import { assignTurns } from './turns';

/** Who a layer has on call at instant `t`, given its turn assignment. */
function layerAt(layer: OnCallLayer, t: number, clock: ZoneClock, turns: ReadonlyMap<number, number | null>, pauses: readonly Pause[], windows: readonly [number, number][] | null): number | null {
  // `windows`: the layer's restriction windows over the whole range, worked out once (null: no restrictions).
  if (t < turnStart(layer, 0, clock) || (windows !== null && !windows.some(([a, b]) => t >= a && t < b))) return null;
  if (pauses.some((p) => t >= p.startUtc && (p.endUtc === null || t < p.endUtc))) return null;
  return turns.get(turnIndex(layer, t, clock)) ?? null;
}

export interface ScheduleOptions {
  /** Default: everyone can take every turn. */
  available?: Availability;
  pauses?: readonly Pause[];
  /** Whether a turn touches the person's public holiday (for layers that skip holidays). */
  onHoliday?: Availability;
  /** Whether the person is employed for the whole turn; outside it they are not in the round and owe nothing. */
  employed?: Availability;
  /**
   * Turn assignments already worked out per layer id (with the instant they reach), so
   * several schedules in one request do not each replay every turn from the layer's start.
   */
  turnCache?: Map<number, { untilUtc: number; turns: Map<number, number | null> }>;
}

/**
 * The final schedule over [fromUtc, toUtc): overrides first (the latest one
 * wins where they overlap), then the highest layer that has someone.
 */
export function finalSchedule(
  layers: readonly OnCallLayer[],
  overrides: readonly OnCallOverride[],
  fromUtc: number,
  toUtc: number,
  timeZone: string,
  options: ScheduleOptions = {},
): OnCallBlock[] {
  const clock = zoneClock(timeZone);
  const available = options.available ?? (() => true);
  const pauses = options.pauses ?? [];
  const turns = new Map(
    layers.map((l) => {
      const cached = options.turnCache?.get(l.id);
      if (cached && cached.untilUtc >= toUtc) return [l.id, cached.turns];
      const fresh = assignTurns(l, toUtc, clock, available, pauses, options.onHoliday, options.employed);
      options.turnCache?.set(l.id, { untilUtc: toUtc, turns: fresh });
      return [l.id, fresh];
    }),
  );
  const windowsOf = new Map(layers.map((l) => [l.id, l.restrictions.length ? restrictionWindows(l, fromUtc, toUtc, clock) : null]));
  const edges = new Set<number>([fromUtc, toUtc]);
  for (const p of pauses) {
    if (p.startUtc > fromUtc && p.startUtc < toUtc) edges.add(p.startUtc);
    if (p.endUtc !== null && p.endUtc > fromUtc && p.endUtc < toUtc) edges.add(p.endUtc);
  }
  for (const layer of layers) {
    const first = turnStart(layer, 0, clock);
    if (first > fromUtc && first < toUtc) edges.add(first);
    if (layer.participants.length > 0) {
      for (let k = Math.max(0, turnIndex(layer, fromUtc, clock)); ; k += 1) {
        const s = turnStart(layer, k, clock);
        if (s >= toUtc) break;
        if (s > fromUtc) edges.add(s);
      }
    }
    for (const e of (windowsOf.get(layer.id) ?? []).flat()) if (e > fromUtc && e < toUtc) edges.add(e);
  }
  for (const o of overrides) {
    if (o.startUtc > fromUtc && o.startUtc < toUtc) edges.add(o.startUtc);
    if (o.endUtc > fromUtc && o.endUtc < toUtc) edges.add(o.endUtc);
  }
  const points = [...edges].sort((a, b) => a - b);
  const byLevel = [...layers].sort((a, b) => b.level - a.level);
  const out: OnCallBlock[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    // Every edge is in `points`, so who is on call is the same all through [start, end).
    let block: OnCallBlock | null = null;
    const override = overrides.filter((o) => o.startUtc <= start && o.endUtc > start).sort((a, b) => b.id - a.id)[0];
    if (override) block = { personId: override.personId, startUtc: start, endUtc: end, layerId: null, overrideId: override.id };
    else {
      for (const layer of byLevel) {
        const who = layerAt(layer, start, clock, turns.get(layer.id) ?? new Map(), pauses, windowsOf.get(layer.id) ?? null);
        if (who !== null) {
          block = { personId: who, startUtc: start, endUtc: end, layerId: layer.id, overrideId: null };
          break;
        }
      }
    }
    if (!block) continue;
    const last = out.at(-1);
    if (last && last.endUtc === start && last.personId === block.personId && last.layerId === block.layerId && last.overrideId === block.overrideId) last.endUtc = end;
    else out.push(block);
  }
  return out;
}

/**
 * Each layer's own schedule over [fromUtc, toUtc), as if it were alone: who it has on
 * call and when (its turns within its windows), before higher layers and overrides
 * take their part. The timeline shows these rows above the final schedule.
 */
export function layerSchedules(
  layers: readonly OnCallLayer[],
  fromUtc: number,
  toUtc: number,
  timeZone: string,
  options: ScheduleOptions = {},
): Map<number, OnCallBlock[]> {
  // Turns do not depend on the other layers, so the shared turn cache stays valid.
  return new Map(layers.map((l) => [l.id, finalSchedule([l], [], fromUtc, toUtc, timeZone, options)]));
}
