import type { LinearModel, Term } from '../linear-model';
import type { TeamRules } from '../team-rules';

/** What auto-scheduling works on (the team's templates, people, requirement and rules) and the model it builds. */

export interface ShiftSpan {
  startUtc: number;
  endUtc: number;
  breakMinutes: number;
}

export interface ScheduleTemplate {
  id: number;
  code: string;
  skill: string | null;
  /** The template placed on a day: real instants (DST-aware), or null when it cannot be. */
  span(day: string): ShiftSpan | null;
}

export type DayChoice = 'yes' | 'prefer_not' | 'no';

export interface SchedulePerson {
  id: number;
  name: string;
  skills: readonly string[];
  /** Whether the person can take template t on day d (employment, leave, preferences). */
  choice(day: string, templateId: number): DayChoice;
  /** Paid-hours band per week start for weeks wholly in the range, or null when there is no contract. */
  contract(weekStart: string): { min: number; max: number } | null;
}

/** A shift that is not the solver's to change: locked in the range, or outside it but near enough to matter. */
export interface FixedShift extends ShiftSpan {
  personId: number;
  day: string;
  skill: string | null;
}

export interface ScheduleInput {
  days: readonly string[];
  /** Interval starts over the range, `intervalMinutes` apart. */
  intervals: readonly number[];
  intervalMinutes: number;
  channels: readonly string[];
  /** Agents needed per channel, one number per interval. */
  requirement: ReadonlyMap<string, readonly number[]>;
  templates: readonly ScheduleTemplate[];
  people: readonly SchedulePerson[];
  fixed: readonly FixedShift[];
  /** On-call standby that counts for the daily rest: no shift may come within the rest of it. */
  standby: readonly { personId: number; startUtc: number; endUtc: number }[];
  rules: TeamRules;
  weekOf(day: string): string;
  addDays(day: string, n: number): string;
  weekday(day: string): number;
  holidays: ReadonlySet<string>;
  /** Whether a span counts as a night shift (for fairness). */
  isNight(span: ShiftSpan): boolean;
  /** Minutes after local midnight at which an instant falls, on the team's clock: a shift's start time. */
  startMinutes(startUtc: number): number;
}

export interface Candidate {
  col: number;
  /** The unit (a person, or a group of interchangeable people) it belongs to. */
  unit: number;
  /** The unit's first member: the person, in a model of one person per unit. */
  personId: number;
  day: string;
  templateId: number;
  skill: string | null;
  span: ShiftSpan;
  preferNot: boolean;
}

/**
 * People the model treats as one: the same skills, contract, choices and fixed shifts make
 * them interchangeable, so a group of k gets one count in [0, k] per day and template
 * instead of k yes/no choices. That removes the symmetry that stalls a MIP search, and its
 * rows are sums of the members' rows, so the grouped model is a relaxation of the
 * per-person one: its bound holds for every roster.
 */
export interface Unit {
  members: readonly SchedulePerson[];
}

export interface BuiltModel {
  model: LinearModel;
  units: readonly Unit[];
  candidates: Candidate[];
  /** Column of the under-staffing slack per channel and interval (agents). */
  under: Map<string, number[]>;
  /** Contract slack columns, to report as violations. */
  contractSlack: { col: number; personId: number; week: string }[];
  /** The contract rows with their slack prices, to price a given roster's contract slack as the model does (see contractSlackCost). */
  contractRows: ContractRow[];
  /** A group's flow into each day: how many go from yesterday's candidate `from` to today's `to` (−1: a day off). */
  flows: Map<string, FlowArc[]>;
}

/** lower ≤ Σ coef·count ≤ upper over candidate columns, softened by slack priced per unit below and above. */
export interface ContractRow {
  terms: Term[];
  lower: number;
  upper: number;
  costBelow: number;
  costAbove: number;
}

export interface FlowArc {
  from: number;
  to: number;
  col: number;
}
