import { z } from 'zod';
import type { PublicHoliday } from './holidays';

/**
 * A team's holidays: the public list of its country with the team's own
 * adjustments on top. The public list is never copied into the planner file, so
 * a newer date-holidays (a corrected lunar date) still reaches every team; what
 * the team stored is only what it changed:
 *
 * - `add`: a day of the team's own (a company day, a bridge day), with a name;
 * - `remove`: a public day that does not apply to the team (hidden, restorable);
 * - `half`: a public day the team keeps only half of.
 *
 * Moving a public day is a `remove` of it plus an `add` of the new day under its
 * name; moving a team day changes its day.
 *
 * A half holiday is a working morning and a free afternoon (from 12:00 local):
 * leave on it uses half a day, the holiday premium applies to work from noon,
 * channels that close on holidays stay open, the forecast learns it as a normal
 * day, and on-call treats it as a holiday (its afternoon and night are free).
 */

export type HolidayAdjustmentKind = 'add' | 'remove' | 'half';

export interface HolidayAdjustment {
  id: number;
  day: string;
  kind: HolidayAdjustmentKind;
  /** The team day's name; '' for `remove` and `half`. */
  name: string;
  /** A team day that is a half day. */
  half: boolean;
}

export const TeamHoliday = z.object({
  day: z.string(),
  name: z.string(),
  source: z.enum(['public', 'team']),
  /** Only the morning is worked. */
  half: z.boolean(),
  /** The source computed the date; the official one is announced later (Iran's lunar holidays). */
  estimated: z.boolean(),
  /** A public day the team took off its list (still shown, so it can be restored). */
  removed: z.boolean(),
});
export type TeamHoliday = z.infer<typeof TeamHoliday>;

/** The public days and the team's adjustments as one list by day; removed public days stay in it, marked. */
export function mergeHolidays(publicDays: readonly PublicHoliday[], adjustments: readonly HolidayAdjustment[]): TeamHoliday[] {
  const removed = new Set(adjustments.filter((a) => a.kind === 'remove').map((a) => a.day));
  const halves = new Set(adjustments.filter((a) => a.kind === 'half').map((a) => a.day));
  const out: TeamHoliday[] = publicDays.map((p) => ({
    day: p.day,
    name: p.name,
    source: 'public',
    half: halves.has(p.day),
    estimated: p.estimated,
    removed: removed.has(p.day),
  }));
  for (const a of adjustments) {
    if (a.kind === 'add') out.push({ day: a.day, name: a.name, source: 'team', half: a.half, estimated: false, removed: false });
  }
  // By day; on one day the public entry first, so a removed public day shows above the team's day replacing it.
  return out.sort((x, y) => (x.day === y.day ? (x.source === 'public' ? -1 : 1) : x.day < y.day ? -1 : 1));
}

/** What the rest of the planner needs: the days off (whole) and the half days, as sets of ISO days. */
export interface HolidayDays {
  /** Whole holidays. */
  full: ReadonlySet<string>;
  /** Half holidays (a working morning). */
  half: ReadonlySet<string>;
}

export function holidayDays(list: readonly TeamHoliday[]): HolidayDays {
  const full = new Set<string>();
  const half = new Set<string>();
  for (const h of list) {
    if (h.removed) continue;
    if (h.half) half.add(h.day);
    else full.add(h.day);
  }
  // A day both whole (one entry) and half (another) is a whole holiday.
  for (const d of full) half.delete(d);
  return { full, half };
}

/** Whole and half holidays together: the days that count as a holiday at all (on-call). */
export function anyHoliday(days: HolidayDays): Set<string> {
  return new Set([...days.full, ...days.half]);
}
