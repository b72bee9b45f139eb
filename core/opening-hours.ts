import { z } from 'zod';
import { localTime, minutesOfDay } from './shift';
import { id } from './validators';

/**
 * When a channel takes contacts: open windows in the team's local time per ISO
 * weekday, and whether the team's public holidays close it. Phone and chat
 * desks keep hours; e-mail arrives around the clock. A channel nobody set
 * hours for is open around the clock, so files from before opening hours
 * existed staff exactly as they did. Outside the hours nothing is required:
 * the contacts the forecast puts there are counted and shown, not staffed.
 */

/** A window closes at most at midnight ("24:00"); one over midnight is two windows, one on each day. */
const closeTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Must be a time written HH:MM, from 00:01 to 24:00');

export const OpeningWindow = z.object({ openLocal: z.string(), closeLocal: z.string() });
export type OpeningWindow = z.infer<typeof OpeningWindow>;

export const ChannelHours = z.object({
  channel: z.string(),
  /** false: nobody set hours, so the channel is open around the clock. */
  custom: z.boolean(),
  /** ISO weekdays 1 (Monday) to 7 in order, each with its windows sorted; none: closed that day. */
  weekdays: z.array(z.object({ weekday: z.number(), windows: z.array(OpeningWindow) })),
  /** Whether the team's public holidays (its country and region) close the channel all day. */
  closedOnHolidays: z.boolean(),
});
export type ChannelHours = z.infer<typeof ChannelHours>;


export const ChannelHoursInput = z
  .strictObject({
    teamId: id,
    channel: z.string().max(32),
    /** Weekdays with their windows; a weekday left out is closed. null: open around the clock. */
    weekdays: z
      .array(
        z.strictObject({
          weekday: z.number().int().min(1).max(7),
          windows: z.array(z.strictObject({ openLocal: localTime, closeLocal: closeTime })).max(8),
        }),
      )
      .max(7)
      .nullable(),
    closedOnHolidays: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<number>();
    (value.weekdays ?? []).forEach((d, i) => {
      if (seen.has(d.weekday)) ctx.addIssue({ code: 'custom', params: { code: 'duplicate_weekday' }, message: `Weekday ${d.weekday} is given twice`, path: ['weekdays', i, 'weekday'] });
      seen.add(d.weekday);
      d.windows.forEach((w, j) => {
        if (minutesOfDay(w.closeLocal) <= minutesOfDay(w.openLocal)) {
          ctx.addIssue({
            code: 'custom',
            params: { code: 'closes_before_opening' },
            message: `Closes at ${w.closeLocal}, not after it opens at ${w.openLocal}; hours over midnight are two windows, one closing at 24:00 and one opening at 00:00 the next day`,
            path: ['weekdays', i, 'windows', j, 'closeLocal'],
          });
        }
        const clash = d.windows.findIndex((o, k) => k < j && minutesOfDay(o.openLocal) < minutesOfDay(w.closeLocal) && minutesOfDay(w.openLocal) < minutesOfDay(o.closeLocal));
        if (clash >= 0) ctx.addIssue({ code: 'custom', params: { code: 'windows_overlap' }, message: `${w.openLocal}–${w.closeLocal} overlaps ${d.windows[clash]?.openLocal}–${d.windows[clash]?.closeLocal} on the same day`, path: ['weekdays', i, 'windows', j, 'openLocal'] });
      });
    });
  });
export type ChannelHoursInput = z.output<typeof ChannelHoursInput>;

/** Every weekday 00:00–24:00: what a channel without hours has. */
export function aroundTheClock(channel: string): ChannelHours {
  return { channel, custom: false, weekdays: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, windows: [{ openLocal: '00:00', closeLocal: '24:00' }] })), closedOnHolidays: false };
}

/**
 * Whether a channel is open during the interval starting at local `startLocal` (HH:MM) on a day
 * with ISO `weekday`: open when any window overlaps the interval, since contacts arrive in the
 * open part. An interval is judged by its own day, so a window closing at 24:00 ends at midnight.
 */
export function isOpen(hours: ChannelHours, weekday: number, holiday: boolean, startLocal: string, intervalMinutes: number): boolean {
  if (!hours.custom) return true;
  if (holiday && hours.closedOnHolidays) return false;
  const from = minutesOfDay(startLocal);
  const to = from + intervalMinutes;
  const day = hours.weekdays.find((d) => d.weekday === weekday);
  return (day?.windows ?? []).some((w) => minutesOfDay(w.openLocal) < to && from < minutesOfDay(w.closeLocal));
}

/** Open hours in a week (holidays aside), for a summary beside the form. */
export function weeklyOpenHours(hours: ChannelHours): number {
  const minutes = hours.weekdays.reduce((s, d) => s + d.windows.reduce((t, w) => t + minutesOfDay(w.closeLocal) - minutesOfDay(w.openLocal), 0), 0);
  return minutes / 60;
}

/** The weekdays as a lead types them (`mon`…`sun`), ISO weekday 1 first. */
export const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * Opening hours as a lead types them on the command line: `mon-fri 08:00-20:00; sat 09:00-13:00
 * 14:00-17:00`. Days are three-letter English names or ISO numbers (1 = Monday), alone or as a
 * range; a day not named is closed. Only the shape is read here: the service's schema judges the
 * times, so the command line and the app refuse the same hours with the same words.
 */
export function parseOpeningHours(spec: string): { weekdays: NonNullable<ChannelHoursInput['weekdays']> } | { error: string } {
  const dayOf = (token: string): number | null => {
    const name = DAY_NAMES.indexOf(token.toLowerCase() as (typeof DAY_NAMES)[number]);
    if (name >= 0) return name + 1;
    return /^[1-7]$/.test(token) ? Number(token) : null;
  };
  const byDay = new Map<number, { openLocal: string; closeLocal: string }[]>();
  for (const part of spec.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [days = '', ...windows] = part.split(/\s+/);
    const [from = '', to = from] = days.split('-');
    const a = dayOf(from);
    const b = dayOf(to);
    if (a === null || b === null || b < a) return { error: `"${days}" is not a weekday or a range of them, such as mon-fri or 6` };
    if (windows.length === 0) return { error: `"${part}" has no opening times, such as 08:00-20:00` };
    const parsed = [];
    for (const w of windows) {
      const m = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(w);
      if (!m) return { error: `"${w}" is not a window written HH:MM-HH:MM, such as 08:00-20:00` };
      parsed.push({ openLocal: m[1] ?? '', closeLocal: m[2] ?? '' });
    }
    for (let d = a; d <= b; d += 1) {
      if (byDay.has(d)) return { error: `${DAY_NAMES[d - 1]} is given twice` };
      byDay.set(d, parsed);
    }
  }
  return { weekdays: [...byDay].sort(([x], [y]) => x - y).map(([weekday, windows]) => ({ weekday, windows })) };
}

/** One line in the same notation, consecutive days with the same windows joined: `mon-fri 08:00-20:00; sat 09:00-14:00`. */
export function formatOpeningHours(hours: ChannelHours): string {
  if (!hours.custom) return 'around the clock';
  const text = (d: ChannelHours['weekdays'][number] | undefined) => (d?.windows ?? []).map((w) => `${w.openLocal}-${w.closeLocal}`).join(' ');
  const parts: string[] = [];
  let i = 0;
  while (i < hours.weekdays.length) {
    const first = hours.weekdays[i];
    let j = i;
    while (j + 1 < hours.weekdays.length && text(hours.weekdays[j + 1]) === text(first)) j += 1;
    const last = hours.weekdays[j];
    if (first && last && first.windows.length) parts.push(`${DAY_NAMES[first.weekday - 1]}${j > i ? `-${DAY_NAMES[last.weekday - 1]}` : ''} ${text(first)}`);
    i = j + 1;
  }
  return `${parts.length ? parts.join('; ') : 'closed'}${hours.closedOnHolidays ? ' (closed on public holidays)' : ''}`;
}
