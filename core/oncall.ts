import { z } from 'zod';
import { Violation } from './rules';
import { localTime } from './shift';
import { zoneClock, type ZoneClock } from './zone-clock';

/**
 * On-call schedules, PagerDuty-style. A rotation has layers; a layer has an
 * ordered list of participants who take turns of a fixed length (hours, days or
 * weeks) from a start, handing off at a local time (and weekday, for weekly
 * turns). Restrictions limit when a layer covers (e.g. weekdays 18:00–09:00
 * and whole weekends); outside them the layer has nobody. Higher layers win
 * where they cover; overrides win over all. The final schedule for a range is a
 * list of non-overlapping blocks; nobody is on call in the gaps.
 *
 * Day and week turns follow the local clock: a daily 09:00 handoff stays at
 * 09:00 across a DST change, so that turn lasts 23 or 25 hours.
 */

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

/** True when instant `t` is inside one of the layer's restriction windows (or it has none). */
export function inRestrictions(layer: OnCallLayer, t: number, clock: ZoneClock): boolean {
  if (layer.restrictions.length === 0) return true;
  return restrictionWindows(layer, t, t + 1, clock).some(([a, b]) => t >= a && t < b);
}


/**
 * Who takes each turn of a layer, from its first turn up to the one that holds
 * `untilUtc`. Turns go round the participants in order; someone not employed
 * for a turn is simply not in the round. When the person whose turn it is
 * cannot take it (`available` false, e.g. on leave, or on a public holiday in
 * a layer that skips them), the next one in order who can takes it and is owed
 * a turn: the skipped person takes the covering person's next turn they can,
 * so totals stay fair however long the leave. A holiday only passes someone
 * over when somebody else can take the turn. Turns that start while the
 * rotation is paused go to nobody and the order waits, so it resumes where it
 * left off. With everyone always available this is turn k → participant k mod n.
 */
export function assignTurns(
  layer: OnCallLayer,
  untilUtc: number,
  clock: ZoneClock,
  available: Availability,
  pauses: readonly Pause[],
  onHoliday: Availability = () => false,
  employed: Availability = () => true,
): Map<number, number | null> {
  const out = new Map<number, number | null>();
  const last = turnIndex(layer, untilUtc, clock);
  const order = layer.participants;
  const n = order.length;
  /** owed.get(a).get(b): turns a owes b, who covered for a. */
  const owed = new Map<number, Map<number, number>>();
  const debt = (a: number, b: number) => owed.get(a)?.get(b) ?? 0;
  const addDebt = (a: number, b: number, by: number) => {
    const m = owed.get(a) ?? new Map<number, number>();
    m.set(b, (m.get(b) ?? 0) + by);
    owed.set(a, m);
  };
  let next = 0;
  for (let k = 0; k <= last; k += 1) {
    const start = turnStart(layer, k, clock);
    const end = turnStart(layer, k + 1, clock);
    if (n === 0 || pauses.some((p) => start >= p.startUtc && (p.endUtc === null || start < p.endUtc))) {
      out.set(k, null);
      continue;
    }
    // The person whose turn it is: the next in order who is employed then.
    let ownerAt = -1;
    for (let j = 0; j < n; j += 1) {
      const i = (next + j) % n;
      if (employed(order[i] as number, start, end)) {
        ownerAt = i;
        break;
      }
    }
    if (ownerAt < 0) {
      out.set(k, null);
      continue;
    }
    next = (ownerAt + 1) % n;
    const owner = order[ownerAt] as number;
    const free = (p: number) => employed(p, start, end) && available(p, start, end);
    const rested = (p: number) => free(p) && !(layer.skipHolidays && onHoliday(p, start, end));
    const inOrder = (test: (p: number) => boolean) => {
      for (let j = 1; j < n; j += 1) {
        const p = order[(ownerAt + j) % n] as number;
        if (p !== owner && test(p)) return p;
      }
      return null;
    };
    // Someone who owes the owner a turn repays it first.
    const debtor = inOrder((p) => debt(p, owner) > 0 && rested(p));
    let who: number | null;
    if (debtor !== null) {
      who = debtor;
      addDebt(debtor, owner, -1);
    } else if (rested(owner)) {
      who = owner;
    } else {
      who = inOrder(rested) ?? (free(owner) ? owner : inOrder(free));
      if (who !== null && who !== owner) addDebt(owner, who, 1);
    }
    // An empty turn takes nothing from anyone: the order waits, as in a pause.
    if (who === null) next = ownerAt;
    out.set(k, who);
  }
  return out;
}

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


/** A layer as the lead defines it. Layers are listed from the base up: a later layer wins where it covers. */
export const LayerInput = z.strictObject({
  name: z.string().trim().min(1).max(80),
  participants: z.array(z.number().int().positive()).min(1, 'A layer needs at least one person').max(200),
  turnUnit: TurnUnit,
  turnLength: z.number().int().min(1).max(168),
  startDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Must be a date written YYYY-MM-DD'),
  handoffTime: localTime,
  restrictions: z.array(Restriction).max(14).default([]),
  skipHolidays: z.boolean().default(false),
});
export type LayerInput = z.input<typeof LayerInput>;

export const Rotation = z.object({
  id: z.number(),
  teamId: z.number(),
  name: z.string(),
  /** Since when the rotation is paused (ISO 8601), or null when it runs. */
  pausedSince: z.string().nullable(),
  allowance: z.object({ perHour: z.number(), perDay: z.number(), holidayMultiplier: z.number() }),
  layers: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      level: z.number(),
      participants: z.array(z.number()),
      turnUnit: TurnUnit,
      turnLength: z.number(),
      startDay: z.string(),
      handoffTime: z.string(),
      restrictions: z.array(Restriction),
      skipHolidays: z.boolean(),
    }),
  ),
});
export type Rotation = z.infer<typeof Rotation>;

/**
 * A saved rotation, with the rest conflicts its turns cause over the coming weeks:
 * `oncall_rest` violations of the rule check naming it (people whose shifts leave
 * too little rest around their standby).
 */
export const RotationSaved = Rotation.extend({ conflicts: z.array(Violation) });
export type RotationSaved = z.infer<typeof RotationSaved>;

/** How many days ahead of today a saved rotation's rest conflicts are looked for. */
export const CONFLICT_DAYS = 28;

/** Who is on call from when to when: ISO 8601 instants with the team's offset, and the same as epoch seconds. */
const PersonSpan = z.object({
  personId: z.number(),
  person: z.string(),
  start: z.string(),
  end: z.string(),
  /** The same instants as epoch seconds (unambiguous in the repeated hour of a clock change). */
  startUtc: z.number(),
  endUtc: z.number(),
});
export type PersonSpan = z.infer<typeof PersonSpan>;

/** One block of a layer's own schedule (before higher layers and overrides). */
export const LayerBlock = z.object({
  rotationId: z.number(),
  layerId: z.number(),
  layer: z.string(),
  ...PersonSpan.shape,
});
export type LayerBlock = z.infer<typeof LayerBlock>;

/** One block of the final schedule. */
export const ScheduleBlock = z.object({
  rotationId: z.number(),
  rotation: z.string(),
  ...PersonSpan.shape,
  /** The layer's name, or "override". */
  layer: z.string(),
  overrideId: z.number().nullable(),
});
export type ScheduleBlock = z.infer<typeof ScheduleBlock>;

export const Override = z.object({
  id: z.number(),
  rotationId: z.number(),
  personId: z.number(),
  start: z.string(),
  end: z.string(),
  note: z.string(),
  /** Shared by the two halves of a swap; null for a plain override. */
  swapId: z.number().nullable(),
});
export type Override = z.infer<typeof Override>;

/** A local date and time in the team's zone, as typed: 2026-11-23T18:00. */
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'Must be a date and time written YYYY-MM-DDTHH:MM');

export const FairnessRow = z.object({
  personId: z.number(),
  person: z.string(),
  hours: z.number(),
  /** Nights on call: local days on whose 03:00 the person was on call. */
  nights: z.number(),
  /** Weekend days (by the team's weekend) with any on-call time. */
  weekendDays: z.number(),
  /** Public holidays with any on-call time. */
  holidays: z.number(),
});
export type FairnessRow = z.infer<typeof FairnessRow>;

/**
 * How the on-call load was shared over a range: hours, nights, weekend days and
 * public holidays per person, so the lead can see the spread and rebalance.
 */
export function fairness(
  blocks: readonly { personId: number; startUtc: number; endUtc: number }[],
  people: ReadonlyMap<number, string>,
  clock: ZoneClock,
  weekendDays: readonly number[],
  holidays: ReadonlySet<string>,
): FairnessRow[] {
  const rows = new Map<number, { seconds: number; nights: Set<string>; weekend: Set<string>; holiday: Set<string> }>();
  for (const b of blocks) {
    const row = rows.get(b.personId) ?? { seconds: 0, nights: new Set(), weekend: new Set(), holiday: new Set() };
    row.seconds += b.endUtc - b.startUtc;
    for (let d = clock.dayOf(b.startUtc); clock.dayStart(d) < b.endUtc; d = clock.addDays(d, 1)) {
      const night = clock.reach(d, '03:00');
      if (night >= b.startUtc && night < b.endUtc) row.nights.add(d);
      if (weekendDays.includes(clock.weekday(d))) row.weekend.add(d);
      if (holidays.has(d)) row.holiday.add(d);
    }
    rows.set(b.personId, row);
  }
  return [...people.keys()]
    .map((personId) => {
      const r = rows.get(personId);
      return {
        personId,
        person: people.get(personId) ?? String(personId),
        hours: Math.round(((r?.seconds ?? 0) / 3600) * 100) / 100,
        nights: r?.nights.size ?? 0,
        weekendDays: r?.weekend.size ?? 0,
        holidays: r?.holiday.size ?? 0,
      };
    })
    .sort((a, b) => b.hours - a.hours || a.person.localeCompare(b.person));
}

export interface Allowance {
  perHour: number;
  perDay: number;
  holidayMultiplier: number;
}

export const AllowanceInput = z.strictObject({
  perHour: z.number().min(0).max(100_000),
  perDay: z.number().min(0).max(100_000),
  holidayMultiplier: z.number().min(1).max(10),
});

/**
 * Standby pay per person and local day: each on-call hour at `perHour`, each
 * day with any on-call time at `perDay`, both times `holidayMultiplier` on a
 * public holiday. Per day, so reports can sum it by week or month.
 */
export function standbyPay(
  blocks: readonly { personId: number; startUtc: number; endUtc: number }[],
  allowance: Allowance,
  clock: ZoneClock,
  holidays: ReadonlySet<string>,
): { personId: number; day: string; amount: number }[] {
  const seconds = new Map<string, number>();
  for (const b of blocks) {
    for (let d = clock.dayOf(b.startUtc); clock.dayStart(d) < b.endUtc; d = clock.addDays(d, 1)) {
      const part = Math.min(b.endUtc, clock.dayStart(clock.addDays(d, 1))) - Math.max(b.startUtc, clock.dayStart(d));
      if (part <= 0) continue;
      const key = `${b.personId}|${d}`;
      seconds.set(key, (seconds.get(key) ?? 0) + part);
    }
  }
  return [...seconds].map(([key, s]) => {
    const [person, day] = key.split('|') as [string, string];
    const factor = holidays.has(day) ? allowance.holidayMultiplier : 1;
    return { personId: Number(person), day, amount: ((s / 3600) * allowance.perHour + allowance.perDay) * factor };
  });
}
