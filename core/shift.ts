import { z } from 'zod';
import type { Temporal } from './time';
import { zoneClock, type ZoneClock } from './zone-clock';
import { id, plainDate } from './validators';

/**
 * A shift belongs to a roster day (a PlainDate in the team's zone) and has start
 * and end instants. Local times that name the end at or before the start end on
 * the next day. Paid time is the real elapsed time minus the unpaid break, so a
 * 22:00–06:00 night over the spring change is 7 h, over the autumn change 9 h.
 */

export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const localTime = z.string().regex(LOCAL_TIME, 'Must be a time written HH:MM, such as 07:00 or 22:30');

export interface ShiftSpan {
  startUtc: number;
  endUtc: number;
}

/** The instants of a shift on a roster day; an end at or before the start is on the next day. */
export function clockSpan(clock: ZoneClock, day: string, startLocal: string, endLocal: string): ShiftSpan {
  return { startUtc: clock.at(day, startLocal), endUtc: clock.at(endLocal <= startLocal ? clock.addDays(day, 1) : day, endLocal) };
}

export function shiftSpan(day: Temporal.PlainDate, startLocal: string, endLocal: string, timeZone: string): ShiftSpan {
  return clockSpan(zoneClock(timeZone), day.toString(), startLocal, endLocal);
}

export function paidMinutes(span: ShiftSpan, breakMinutes: number): number {
  return Math.max(0, Math.round((span.endUtc - span.startUtc) / 60) - breakMinutes);
}


export const ACTIVITY_KINDS = ['break', 'meeting', 'training'] as const;
export const ActivityKind = z.enum(ACTIVITY_KINDS);

export const Activity = z.object({ kind: ActivityKind, start: z.string(), end: z.string(), startLocal: z.string(), endLocal: z.string() });
export type Activity = z.infer<typeof Activity>;

export const Shift = z.object({
  id,
  teamId: id,
  personId: id,
  day: z.string(),
  startUtc: z.number(),
  endUtc: z.number(),
  /** ISO 8601 with the team's offset, for calendars and exports. */
  start: z.string(),
  end: z.string(),
  startLocal: z.string(),
  endLocal: z.string(),
  templateId: z.number().nullable(),
  code: z.string().nullable(),
  breakMinutes: z.number(),
  paidMinutes: z.number(),
  skill: z.string().nullable(),
  locked: z.boolean(),
  note: z.string(),
  /** Breaks, meetings and trainings placed inside the shift, in time order. */
  activities: z.array(Activity),
});
export type Shift = z.infer<typeof Shift>;

export const ShiftTemplateFields = {
  code: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}]{1,6}$/u, 'A code is 1–6 letters or digits, such as E, L, N or N2'),
  name: z.string().trim().min(1, 'Must not be empty').max(80),
  startLocal: localTime,
  endLocal: localTime,
  breakMinutes: z.number().int().min(0).max(240),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Must be a colour written #RRGGBB'),
  skill: z.string().nullable(),
};

/** What one rota cell can be set to: a template by code, or custom local times. */
export const CellValue = z.union([
  z.strictObject({ code: ShiftTemplateFields.code }),
  z.strictObject({ startLocal: localTime, endLocal: localTime, breakMinutes: z.number().int().min(0).max(240).default(0), skill: z.string().nullable().default(null) }),
]);
export type CellValue = z.input<typeof CellValue>;

export const Cell = z.strictObject({ personId: id, day: plainDate });
export type Cell = z.infer<typeof Cell>;

/** Minutes since midnight of a local "HH:MM" (24:00 is 1440). */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** How a typed shift code is matched to a template's: case-insensitive, Turkish-aware (i → İ), as the service matches it. */
export function codeKey(code: string): string {
  return code.trim().toLocaleUpperCase('tr');
}
