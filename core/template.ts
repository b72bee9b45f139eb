import { z } from 'zod';
import { id } from './validators';

/**
 * A shift template: a code the lead types into the rota (E, L, N), local start
 * and end (end before start means the shift crosses midnight) and the channel
 * it staffs. The shift-planning issue adds editing; the demo needs them now.
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
