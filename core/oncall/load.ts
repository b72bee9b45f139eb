import { z } from 'zod';
import type { ZoneClock } from '../zone-clock';

/** What being on call adds up to per person: how the load was shared (hours, nights, weekends, holidays) and the standby pay it earns. */

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
