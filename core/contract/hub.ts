import { z } from 'zod';
import { PLAN_KINDS, type PlanItem } from '../hub-plan';
import { email, id, plainDate } from '../validators';
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

const HubLink = z.object({
  teamId: z.number(),
  url: z.string(),
  email: z.string(),
  hubTeamId: z.number(),
  hubTeamName: z.string(),
  /** The hub's version of the team's plan after this app's last publish, or null before one. */
  lastVersion: z.number().nullable(),
  lastPublishedAt: z.string().nullable(),
  /** Decisions made here that the next publish carries to the hub. */
  decisionsToSend: z.number(),
  /** Requests pulled and still waiting for the lead (leave ones are on the Absences page). */
  waiting: z.number(),
});
export type HubLink = z.output<typeof HubLink>;

const HubPreview = z.object({
  baseVersion: z.number(),
  counts: z.object({ added: z.number(), changed: z.number(), removed: z.number(), unchanged: z.number(), decisions: z.number() }),
  /** Per kind of item (shift, person, …): how many are added, changed and removed. */
  byKind: z.array(z.object({ kind: z.string(), added: z.number(), changed: z.number(), removed: z.number() })),
});
export type HubPreview = z.output<typeof HubPreview>;

/** An on-call turn of a swap asked on the hub: its team-local start and end (YYYY-MM-DDTHH:MM) and who holds it in the plan now. */
const SwapTurn = z.object({ start: z.string(), end: z.string(), personId: z.number() });

const HubPending = z.object({
  id: z.number(),
  kind: z.enum(['leave', 'preferences', 'swap']),
  personId: z.number().nullable(),
  personName: z.string(),
  state: z.enum(['pending', 'withdrawn']),
  decision: z.enum(['approved', 'declined']).nullable(),
  /** What was asked, in words the UI composes: the leave's days, the preferences, the turn offered. */
  body: z.record(z.string(), z.unknown()),
  takerName: z.string().nullable(),
  absenceId: z.number().nullable(),
  createdAt: z.string(),
  /**
   * A swap still waiting for the lead, as the plan has it now (null for other requests and decided
   * ones): the rotation, the turn offered and the one given in return with their team-local spans
   * (null when the plan has no turn starting there any more), the colleague who took it, and why
   * approving would be refused (`blocked`), so the window says so before the lead tries.
   */
  swap: z
    .object({
      rotationId: z.number().nullable(),
      turn: SwapTurn.nullable(),
      takerId: z.number().nullable(),
      inReturn: SwapTurn.nullable(),
      blocked: z.enum(['not_taken', 'turn_not_theirs', 'return_not_theirs']).nullable(),
    })
    .nullable(),
});
export type HubPending = z.output<typeof HubPending>;

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
  /** The team's link to a hub, or null when it has none. */
  'hub.status': { input: z.strictObject({ teamId: id }), output: HubLink.nullable(), undo: null },
  /**
   * Signs in to a hub as its lead (the password is sent once; the hub's session token is kept
   * with the passwords, not in the file) and links the team to the hub team the account leads
   * (`hubTeamId`, which may be left out when the account leads one). Async door only.
   */
  'hub.connect': {
    input: z.strictObject({ teamId: id, url: z.url({ protocol: /^https?$/ }).max(2000), email, password: z.string().min(1).max(512), hubTeamId: id.nullable().default(null) }),
    output: z.object({ link: HubLink.nullable(), teams: z.array(z.object({ id: z.number(), name: z.string() })) }),
    undo: null,
  },
  'hub.disconnect': { input: z.strictObject({ teamId: id }), output: z.object({ teamId: z.number() }), undo: null },
  /** What a publish of local days [from, to] would send: the diff against what the hub holds now. Async door only. */
  'hub.preview': { input: z.strictObject({ teamId: id, from: plainDate, to: plainDate }), output: HubPreview, undo: null },
  /**
   * Publishes the diff shown by a preview at `baseVersion`, with the decisions made since the last
   * publish. Refused (hub_refused) if the hub's plan changed since that preview. Async door only.
   */
  'hub.publish': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate, baseVersion: z.number().int().min(0) }),
    output: z.object({ version: z.number(), upserts: z.number(), deletes: z.number(), decisions: z.number() }),
    undo: null,
  },
  /**
   * Pulls the requests changed on the hub since the last pull: leave becomes an absence asked for
   * (the Absences page's requests), a withdrawn one is cancelled; preferences and on-call swaps wait
   * in `hub.requests` for the lead's decision. Async door only.
   */
  'hub.sync': {
    // `pulled` is the hub's answer: the method's first step always fills it (whatever a caller sent), and the sync door refuses the method.
    input: z.strictObject({ teamId: id, pulled: z.array(z.unknown()).max(100_000).default([]) }),
    output: z.object({ received: z.number(), leave: z.number(), withdrawn: z.number() }),
    undo: 'Pull hub requests',
  },
  /** Requests pulled from the hub, newest first: those waiting for a decision, then the rest. */
  'hub.requests': { input: z.strictObject({ teamId: id }), output: z.array(HubPending), undo: null },
  /**
   * The lead's decision on a pulled preferences or swap request: approving sets the person's
   * preferences, or makes the on-call swap; either way the decision goes back with the next publish.
   * Leave is decided on the Absences page, as any request.
   */
  'hub.decide': { input: z.strictObject({ teamId: id, id, decision: z.enum(['approved', 'declined']) }), output: HubPending, undo: 'Decide hub request' },
} as const satisfies Record<string, MethodSpec>;
