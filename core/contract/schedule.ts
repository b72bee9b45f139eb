import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { Violation } from '../rules';
import { id, plainDate } from '../validators';
import { type MethodSpec } from './inputs';

/** The contract's methods for auto-scheduling: a draft roster from the forecast (in this thread or as a job), and accepting one. */

const DraftRequest = z.strictObject({
  teamId: id,
  from: plainDate,
  to: plainDate,
  timeLimitSeconds: z.number().min(1).max(600).default(30),
  intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).default(30),
});
const DayCoverage = z.object({ day: z.string(), channel: z.string(), underAgentHours: z.number(), overAgentHours: z.number() });
/**
 * One run's draft: every figure is of these shifts, over [from, to], from the run `runId`
 * (a job's id when started with schedule.start), so a reader can check it has the draft it asked for.
 */
const Draft = z.object({
  runId: z.string(),
  from: z.string(),
  to: z.string(),
  summary: z.object({
    shifts: z.number(),
    underStaffedIntervals: z.number(),
    underStaffedAgentHours: z.number(),
    overStaffedAgentHours: z.number(),
    /**
     * The least under-staffing any roster can reach that keeps the working-time rules and misses
     * contract hours no more than this draft does; never above underStaffedAgentHours.
     */
    lowerBoundAgentHours: z.number(),
    violations: z.number(),
    seconds: z.number(),
    /**
     * optimal: proven best (under-staffing equals the lower bound) and no rule broken;
     * broken_rules: under-staffing equals the lower bound but the draft breaks rules (see violations);
     * limit: solver's draft, not proven best (time ran out, or naming people lost coverage);
     * stopped: cancelled; greedy: no solver draft in time.
     */
    status: z.enum(['optimal', 'broken_rules', 'limit', 'stopped', 'greedy']),
    /** Start times: per person the widest weekly spread (latest local start less earliest), averaged over the people with shifts, and the widest. */
    startSpreadMeanHours: z.number(),
    startSpreadMaxHours: z.number(),
  }),
  /** Per person with shifts in the draft: how far apart their start times are within a week, at most (hours), widest first. */
  startSpread: z.array(z.object({ personId: z.number(), person: z.string(), hours: z.number() })),
  draft: z.array(z.object({ personId: z.number(), person: z.string(), day: z.string(), templateId: z.number(), code: z.string(), start: z.string(), end: z.string(), paidHours: z.number() })),
  underStaffed: z.array(
    z.object({
      channel: z.string(),
      day: z.string(),
      from: z.string(),
      to: z.string(),
      agentHours: z.number(),
      /** Why, as a code for the UI (with the number of people it concerns) and in English for the CLI. */
      reasonCode: z.enum(['no_template', 'no_skill', 'nobody_free', 'all_rostered', 'rules']),
      count: z.number(),
      reason: z.string(),
    }),
  ),
  unmetPreferences: z.array(z.object({ personId: z.number(), person: z.string(), day: z.string(), code: z.string() })),
  violations: z.array(Violation),
  withoutHistory: z.array(z.string()),
  /** Per day and channel, the roster as it is now and the draft. */
  coverage: z.object({ before: z.array(DayCoverage), after: z.array(DayCoverage) }),
});
export type Draft = z.output<typeof Draft>;
export type DraftRequest = z.output<typeof DraftRequest>;

export const scheduleMethods = {
  /**
   * A draft roster for local days [from, to] from the team's templates, meeting the forecast
   * requirement within every rule (HiGHS, a mixed-integer model). With dryRun false it replaces
   * the range's unlocked shifts in one undoable step. In this call's thread: the CLI's door; the
   * app starts a job instead. Needs the async door (the solver loads first).
   */
  'schedule.generate': { input: DraftRequest.extend({ dryRun: z.boolean().default(true) }), output: Draft.extend({ written: z.boolean() }), undo: 'Generate schedule' },
  /** Starts drafting in a worker thread; poll schedule.status, stop with schedule.cancel. */
  'schedule.start': { input: DraftRequest, output: z.object({ jobId: z.string() }), undo: null },
  'schedule.status': {
    input: z.strictObject({ jobId: z.string().max(64) }),
    output: z.object({
      state: z.enum(['running', 'done', 'failed']),
      phase: z.enum(['starting', 'bound', 'draft', 'people', 'polish', 'report']),
      /** 0…1 of the time limit (or of the work, when it ends early). */
      fraction: z.number(),
      elapsedSeconds: z.number(),
      /** The lower bound once proven, and the best draft's under-staffing so far. */
      lowerBoundAgentHours: z.number().nullable(),
      underStaffedAgentHours: z.number().nullable(),
      draft: Draft.nullable(),
      error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
    }),
    undo: null,
  },
  /** Stops a job; it finishes with the best draft found so far. */
  'schedule.cancel': { input: z.strictObject({ jobId: z.string().max(64) }), output: z.object({ stopped: z.boolean() }), undo: null },
  /** Accepts a draft: the range's unlocked shifts are replaced by these, in one undoable step. */
  'schedule.apply': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate, shifts: z.array(z.strictObject({ personId: id, day: plainDate, templateId: id })).max(20_000) }),
    output: z.object({ removed: z.number(), created: z.number(), violations: z.number() }),
    undo: 'Accept the generated schedule',
  },
} as const satisfies Record<string, MethodSpec>;
