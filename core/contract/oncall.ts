import { z } from 'zod';
import { AllowanceInput, FairnessRow, LayerBlock, LayerInput, localDateTime, Override, Rotation, RotationSaved, ScheduleBlock } from '../oncall';
import { id, label, plainDate } from '../validators';
import { type MethodSpec } from './inputs';

/** The contract's methods about on-call: rotations, overrides and swaps, the schedule, its layers and how fairly it is shared. */

export const oncallMethods = {
  'rotation.list': { input: z.strictObject({ teamId: id }), output: z.array(Rotation), undo: null },
  'rotation.create': {
    input: z.strictObject({ teamId: id, name: label(80), layers: z.array(LayerInput).min(1).max(10), allowance: AllowanceInput.optional() }),
    /** With the rest conflicts its turns cause over the next four weeks. */
    output: RotationSaved,
    undo: 'Add on-call rotation',
  },
  'rotation.update': {
    input: z.strictObject({ id, name: label(80).optional(), layers: z.array(LayerInput).min(1).max(10).optional(), allowance: AllowanceInput.optional() }),
    /** With the rest conflicts its turns cause over the next four weeks. */
    output: RotationSaved,
    undo: 'Edit on-call rotation',
  },
  'rotation.archive': { input: z.strictObject({ id }), output: z.object({ id }), undo: 'Remove on-call rotation' },
  /** Pauses a rotation from now: nobody is on call from it until it is resumed, and its turn order waits. */
  'rotation.pause': { input: z.strictObject({ id }), output: Rotation, undo: 'Pause on-call rotation' },
  'rotation.resume': { input: z.strictObject({ id }), output: Rotation, undo: 'Resume on-call rotation' },
  /** "X covers from … to …": wins over every layer of the rotation. Times are local to the team. */
  'oncall.addOverride': {
    input: z.strictObject({ rotationId: id, personId: id, start: localDateTime, end: localDateTime, note: z.string().max(500).default('') }),
    output: Override,
    undo: 'Add on-call override',
  },
  /**
   * Exchanges two turns in one step: `a` (on call from aStart to aEnd) takes b's span and
   * `b` takes a's, as two linked overrides. Each must be on call then; times are team-local.
   */
  'oncall.swap': {
    input: z.strictObject({ rotationId: id, a: id, aStart: localDateTime, aEnd: localDateTime, b: id, bStart: localDateTime, bEnd: localDateTime }),
    output: z.array(Override),
    undo: 'Swap on-call turns',
  },
  'oncall.deleteOverride': { input: z.strictObject({ id }), output: z.object({ id }), undo: 'Delete on-call override' },
  'oncall.overrides': { input: z.strictObject({ rotationId: id, from: plainDate, to: plainDate }), output: z.array(Override), undo: null },
  /** The final on-call schedule from the start of `from` to the end of `to` (team-local days), for one rotation or all. */
  'oncall.schedule': {
    input: z.strictObject({ teamId: id, rotationId: id.nullable().default(null), from: plainDate, to: plainDate }),
    output: z.array(ScheduleBlock),
    undo: null,
  },
  /** Each layer's own blocks (before higher layers and overrides) over team-local days [from, to], for one rotation or all. */
  'oncall.layers': {
    input: z.strictObject({ teamId: id, rotationId: id.nullable().default(null), from: plainDate, to: plainDate }),
    output: z.array(LayerBlock),
    undo: null,
  },
  /** On-call load per person over a range (all rotations, or one): hours, nights, weekend days, holidays. */
  'oncall.fairness': {
    input: z.strictObject({ teamId: id, rotationId: id.nullable().default(null), from: plainDate, to: plainDate }),
    output: z.array(FairnessRow),
    undo: null,
  },
} as const satisfies Record<string, MethodSpec>;
