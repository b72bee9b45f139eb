import { z } from 'zod';
import { Violation } from '../rules';
import { localTime } from '../shift';
import { Restriction, TurnUnit } from './layer';

/** Rotations, overrides and schedule blocks as the API carries them. */

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
