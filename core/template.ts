import { z } from 'zod';
import { PERSON_PALETTE } from './person';
import { minutesOfDay } from './shift';
import { id } from './validators';

/**
 * A shift template: a code the lead types into the rota (E, L, N), local start
 * and end (end before start means the shift crosses midnight) and the channel
 * it staffs.
 */
export const ShiftTemplate = z.object({
  id,
  teamId: id,
  code: z.string(),
  name: z.string(),
  startLocal: z.string(),
  endLocal: z.string(),
  breakMinutes: z.number(),
  color: z.string(),
  skill: z.string().nullable(),
});
export type ShiftTemplate = z.infer<typeof ShiftTemplate>;

/**
 * Outside these lengths a template is more likely a typo (15:00 → 14:30 is 23.5 h) than a
 * real shift, so saving one needs `confirmLength`.
 */
export const MIN_TEMPLATE_MINUTES = 60;
export const MAX_TEMPLATE_MINUTES = 16 * 60;


/**
 * A template's length on the wall clock: an end at or before the start is the next day
 * (so 08:00 → 08:00 is 24 h). DST nights differ by an hour; the check is about typos.
 */
export function templateMinutes(startLocal: string, endLocal: string): number {
  const diff = minutesOfDay(endLocal) - minutesOfDay(startLocal);
  return diff > 0 ? diff : diff + 24 * 60;
}

export function unusualLength(startLocal: string, endLocal: string): boolean {
  const m = templateMinutes(startLocal, endLocal);
  return m < MIN_TEMPLATE_MINUTES || m > MAX_TEMPLATE_MINUTES;
}

/** A new template's colour: the palette's first not yet used by the team's templates, so codes stay apart on the rota. */
export function nextTemplateColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return PERSON_PALETTE.find((c) => !taken.has(c)) ?? PERSON_PALETTE[used.length % PERSON_PALETTE.length] ?? '#1f77b4';
}

/** Fields a shift copies from its template when it is made: a change to these can be carried to shifts already planned. */
export const COPIED_TO_SHIFTS = ['startLocal', 'endLocal', 'breakMinutes', 'skill'] as const;
