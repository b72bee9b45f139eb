import { z } from 'zod';
import { PLAN_KINDS, type PlanItem } from '../hub-plan';
import { id, plainDate } from '../validators';
import type { MethodSpec } from './inputs';

/** The contract's methods about the department hub: what the planner would publish there. */

const kinds: ReadonlySet<string> = new Set(PLAN_KINDS);

/**
 * An item of the plan as the output check sees it: an object of a known kind with a key. Not the
 * full `PlanItem` schema: on the 5,300 items of 200 people over five weeks that took 38 ms of a
 * 160–410 ms read (this check: under 1 ms), while the handler builds the items typed as `PlanItem`,
 * its test parses every one, and the hub parses them all again when they are published (`PublishBody`).
 */
const PlanItemShape = z.custom<PlanItem>((v) => {
  if (typeof v !== 'object' || v === null) return false;
  const { kind, key } = v as { kind?: unknown; key?: unknown };
  return typeof kind === 'string' && kinds.has(kind) && typeof key === 'string';
}, 'Must be a plan item: an object with a known kind and a key');

export const hubMethods = {
  /**
   * The team's plan for its local days [from, to] as it would be published to a hub (see
   * core/hub/plan.ts and db/handlers/hub-plan.ts): people, shifts, on-call turns and leave in the
   * window; balances per year, coverage per whole week and costs per whole month it touches.
   */
  'hub.plan': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate }),
    output: z.object({ items: z.array(PlanItemShape) }),
    undo: null,
  },
} as const satisfies Record<string, MethodSpec>;
