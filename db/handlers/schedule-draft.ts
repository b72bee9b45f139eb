import { randomUUID } from 'node:crypto';
import type { Highs } from 'highs';
import type { Draft, DraftRequest } from '../../core/contract';
import { anyHoliday } from '../../core/holiday-merge';
import { teamHolidayDays } from './holidays';
import { shiftCost } from '../../core/cost';
import { expectedContractHours, onLeaveTest } from '../../core/rules';
import {
  buildScheduleModel,
  contractSlackCost,
  countsIn,
  coverageGaps,
  disaggregate,
  NAMING_ORDERS,
  spreadFairly,
  steadyStarts,
  greedyAssignment,
  cheaper,
  rosterCost,
  scheduleUnits,
  UNDER_WEIGHT,
  type BuiltModel,
  type Candidate,
  type DayChoice,
  type FixedShift,
  type ScheduleInput,
  type ShiftSpan,
} from '../../core/schedule';
import { clockSpan, minutesOfDay } from '../../core/shift';
import type { Team } from '../../core/team';
import { zoneClock, type ZoneClock } from '../../core/zone-clock';
import { approvedFullDays } from '../sql/absences';
import { onCallSchedule } from './oncall-schedule';
import type { ServiceContext } from '../context';
import type { Db } from '../open';
import { listPeople } from '../sql/people';
import type { DraftProgress } from '../schedule-jobs';
import * as shifts from '../sql/shifts';
import { solveModel } from '../solver';
import { draftReport } from './schedule-report';
import { searchNeighbourhoods } from './schedule-search';
import { requirementOf } from './staffing';
import { listTemplates } from '../sql/templates';

/**
 * Drafting a schedule: the model's input read from the planner, the solve and its report (who
 * is short where, and why). The handlers (schedule.ts) and the drafting worker both run it.
 */


interface PreferenceRow {
  weekday: number;
  templateId: number | null;
  kind: 'cannot' | 'prefer_not';
}

export function preferencesOf(db: Db, personId: number): PreferenceRow[] {
  return db.prepare('SELECT weekday, template_id AS templateId, kind FROM person_preference WHERE person_id = ? ORDER BY weekday, template_id, kind').all(personId) as PreferenceRow[];
}

export const MAX_DAYS = 62;

/** Everything the model needs, read from the planner for a team and local days [from, to]. */
export function scheduleInput(ctx: ServiceContext, team: Team, from: string, to: string, intervalMinutes: 15 | 30 | 60): { input: ScheduleInput; clock: ZoneClock; withoutHistory: string[]; locked: shifts.ShiftRow[] } {
  const { db } = ctx;
  const clock = zoneClock(team.timeZone);
  const days: string[] = [];
  for (let d = from; d <= to; d = clock.addDays(d, 1)) days.push(d);
  const templates = listTemplates(db, team.id);
  const people = listPeople(db, team.id, '', false);
  const isAway = onLeaveTest(approvedFullDays(db, team.id, from, to));
  // For spreading holiday work fairly a half holiday counts too (its afternoon is a holiday's).
  const holidays = anyHoliday(teamHolidayDays(db, team, from, to));
  const requirement = requirementOf(db, team, from, to, intervalMinutes);
  const around = shifts.listShifts(db, team.id, clock.addDays(from, -7), clock.addDays(to, 7));
  const locked = around.filter((s) => s.day >= from && s.day <= to && s.locked);
  const fixed: FixedShift[] = [...around.filter((s) => s.day < from || s.day > to), ...locked].map((s) => ({ personId: s.personId, day: s.day, startUtc: s.startUtc, endUtc: s.endUtc, breakMinutes: s.breakMinutes, skill: s.skill }));
  const input: ScheduleInput = {
    days,
    intervals: requirement.intervals,
    intervalMinutes,
    channels: team.skills,
    requirement: requirement.byChannel,
    templates: templates.map((t) => ({
      id: t.id,
      code: t.code,
      skill: t.skill,
      span: (day: string): ShiftSpan => ({ ...clockSpan(clock, day, t.startLocal, t.endLocal), breakMinutes: t.breakMinutes }),
    })),
    people: people.map((p) => {
      const prefs = preferencesOf(db, p.id);
      const onLeave = (d: string) => isAway(p.id, d);
      return {
        id: p.id,
        name: p.name,
        skills: p.skills,
        choice: (day: string, templateId: number): DayChoice => {
          if ((p.employmentStart && day < p.employmentStart) || (p.employmentEnd && day > p.employmentEnd) || onLeave(day)) return 'no';
          const wd = clock.weekday(day);
          const mine = prefs.filter((x) => x.weekday === wd && (x.templateId === null || x.templateId === templateId));
          if (mine.some((x) => x.kind === 'cannot')) return 'no';
          return mine.some((x) => x.kind === 'prefer_not') ? 'prefer_not' : 'yes';
        },
        contract: (week: string) => {
          if (p.contractHoursPerWeek <= 0) return null;
          // As the rule check counts it: leave and days outside employment lower what the week should hold.
          const target = expectedContractHours(p, week, team.rules, clock, onLeave).hours;
          return { min: Math.max(0, target - team.rules.contractToleranceHours), max: target + team.rules.contractToleranceHours };
        },
      };
    }),
    fixed,
    standby: team.rules.onCallCountsForRest ? onCallSchedule(ctx, team, null, clock.addDays(from, -1), clock.addDays(to, 1)).map((b) => ({ personId: b.personId, startUtc: b.startUtc, endUtc: b.endUtc })) : [],
    rules: team.rules,
    weekOf: (d) => clock.weekOf(d, team.weekStart),
    addDays: (d, n) => clock.addDays(d, n),
    weekday: (d) => clock.weekday(d),
    holidays,
    // A night shift, for spreading nights fairly: two hours or more in the team's night window, as costs count them.
    isNight: (s) => shiftCost(s, 0, team.rules, clock, holidays).nightMinutes >= 120,
    startMinutes: (t) => minutesOfDay(clock.hhmm(t)),
  };
  return { input, clock, withoutHistory: requirement.withoutHistory, locked };
}

export interface DraftHooks {
  highs: Highs;
  /** Names this run in the draft it returns (a job's id), so a reader can tell its figures from another run's. */
  runId?: string;
  onProgress?(p: DraftProgress): void;
  /** Polled while solving: true stops, and the best draft so far is finished and returned. */
  shouldStop?(): boolean;
  /** Whether to steady people's start times after drafting (default true; false to compare). */
  steadyStarts?: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The whole model is solved to within this fraction of its optimum. */
const WHOLE_MODEL_GAP = 0.002;

/** Steadying start times gets at least this long even when the solver used up the time limit. */
const STEADY_MIN_SECONDS = 1;

/**
 * The draft, built so that a slow machine gets a worse proof, not a worse roster:
 * 1. a greedy draft, then a search that solves one week at a time with the rest fixed
 *    (schedule-search.ts): a good roster within seconds;
 * 2. a bound on what any rule-abiding roster can reach, proven on the grouped model (less the
 *    draft's own contract slack, it is the lower bound reported);
 * 3. the whole grouped model with every goal, started from the best roster so far, its counts
 *    turned into named people;
 * 4. the search again, across the weeks' edges, unless step 3 proved there is nothing worth it;
 * 5. with time to spare, the whole model once more.
 * Each step keeps a new roster only when it keeps more contracts or costs less (cheaper,
 * rosterCost), so the draft is the best one found. Last, people who work the same days swap
 * shifts for steadier start times, which keeps coverage exactly. Every figure of the draft is
 * measured on its final shifts. Reads only.
 */
export function draftSchedule(ctx: ServiceContext, team: Team, request: DraftRequest, hooks: DraftHooks): Draft {
  const { from, to, timeLimitSeconds, intervalMinutes } = request;
  const started = Date.now();
  const deadline = started + timeLimitSeconds * 1000;
  // The solver leaves steadying start times (steadyStarts, last) a little of the time limit.
  const steadySeconds = hooks.steadyStarts === false ? 0 : Math.min(5, Math.max(1, timeLimitSeconds * 0.05));
  const left = () => Math.max(0, (deadline - Date.now()) / 1000 - steadySeconds);
  let stopped = false;
  const shouldStop = () => {
    stopped ||= hooks.shouldStop?.() ?? false;
    return stopped;
  };
  let lowerBound: number | null = null;
  let bestUnder: number | null = null;
  const report = (phase: DraftProgress['phase']) =>
    hooks.onProgress?.({ phase, fraction: Math.min(1, (Date.now() - started) / (timeLimitSeconds * 1000)), lowerBoundAgentHours: lowerBound === null ? null : round2(lowerBound), underStaffedAgentHours: bestUnder === null ? null : round2(bestUnder) });
  const { input, clock, withoutHistory, locked } = scheduleInput(ctx, team, from, to, intervalMinutes);
  const stepHours = intervalMinutes / 60;
  const underOf = (picked: readonly Candidate[]) => coverageGaps(input, [...picked.map((c) => ({ ...c.span, skill: c.skill, day: c.day })), ...locked]).reduce((s, g) => s + g.short, 0) * stepHours;

  report('draft');
  // The per-person model first; the grouped ones are built after the first search, which a
  // slow machine needs most.
  const perPerson = buildScheduleModel(input);
  const chosenOf = (built: BuiltModel, cols: ReadonlySet<number>) => built.candidates.filter((c) => cols.has(c.col));
  let picked = chosenOf(perPerson, greedyAssignment(input, perPerson));
  let cost = rosterCost(input, perPerson, picked);
  let solverDraft = false;
  bestUnder = underOf(picked);
  const keep = (candidate: Candidate[], candidateCost = rosterCost(input, perPerson, candidate)) => {
    if (!cheaper(candidateCost, cost)) return;
    picked = candidate;
    cost = candidateCost;
    bestUnder = underOf(picked);
    solverDraft = true;
  };
  const search = (seconds: number, passes: { firstPass: number; maxPasses?: number; idlePasses?: number }) => {
    const until = Date.now() + seconds * 1000;
    const found = searchNeighbourhoods(hooks.highs, input, perPerson, new Set(picked.map((c) => c.col)), {
      secondsLeft: () => Math.min(left(), (until - Date.now()) / 1000),
      shouldStop,
      ...passes,
      onImproved: (p) => {
        bestUnder = underOf(p);
        report('polish');
      },
    });
    keep(chosenOf(perPerson, found.picked), found.cost);
  };

  // 1. Each week once, from the greedy draft.
  report('polish');
  search(left() * 0.9, { firstPass: 0, maxPasses: 1 });

  // 2. The bound. It prices contract slack too, so it is not a bound on under-staffing alone:
  // with a contract nobody can meet it was ten agent-hours per missing contract hour above any
  // draft (issue 15). Less the slack of the roster it is compared with, it bounds the
  // under-staffing of every roster missing contracts no more than that one, that one included.
  // The slack is priced per person (the grouped rows' slack is never more), so it cannot grow
  // under steadyStarts, which moves no one's week further off their contract.
  report('bound');
  const boundModel = buildScheduleModel(input, { boundOnly: true, grouped: true });
  const bound = shouldStop() ? null : solveModel(hooks.highs, boundModel.model, { timeLimitSeconds: Math.max(0.5, left() * 0.45), relativeGap: 1e-4, shouldStop, onProgress: () => report('bound') });
  const boundFor = (picks: readonly Candidate[]): number => {
    if (bound?.bound === null || bound?.bound === undefined) return 0;
    const counts = countsIn(perPerson, picks);
    const slack = contractSlackCost(perPerson, (col) => counts.get(col) ?? 0);
    // HiGHS proves its bound within its tolerances: never above what a roster achieved.
    return Math.min(underOf(picks), Math.max(0, (bound.bound - slack) / UNDER_WEIGHT));
  };
  lowerBound = boundFor(picked);

  // 3. The whole model, which can move hours between weeks as no window can, and even out
  // weekends where no window sees enough of the range to lower the most anyone has.
  // Nobody interchangeable (leave and preferences differ): the grouped model is the per-person one.
  const perPersonOnly = scheduleUnits(input, true).every((u) => u.members.length === 1);
  const grouped = perPersonOnly ? perPerson : buildScheduleModel(input, { grouped: true });
  /**
   * Solves the whole model from the best roster so far; returns the bound HiGHS proved on its
   * objective. The grouped model is a relaxation of the per-person one, so that bounds what any
   * roster can cost.
   */
  const wholeModel = (seconds: number): number | null => {
    report('draft');
    if (shouldStop() || seconds < 0.5) return null;
    const solved = solveModel(hooks.highs, grouped.model, { timeLimitSeconds: seconds, relativeGap: WHOLE_MODEL_GAP, shouldStop, start: startFor(grouped, perPerson, new Set(picked.map((c) => c.col))), onProgress: () => report('draft') });
    const values = solved.colValue;
    if (!values) return solved.bound;
    report('people');
    if (perPersonOnly) keep(chosenOf(grouped, new Set(grouped.candidates.filter((c) => (values[c.col] ?? 0) > 0.5).map((c) => c.col))));
    else {
      // Each way of naming people is quick: the cheapest, after people of a group swap whole
      // weeks where that evens out weekends, nights and holidays.
      const named = NAMING_ORDERS.map((how) => chosenOf(perPerson, disaggregate(input, grouped, values, perPerson, how)))
        .map((picks) => ({ picks, cost: rosterCost(input, perPerson, picks) }))
        .reduce((a, b) => (cheaper(b.cost, a.cost) ? b : a));
      keep(chosenOf(perPerson, spreadFairly(input, grouped.units, perPerson, new Set(named.picks.map((c) => c.col)))));
    }
    lowerBound = boundFor(picked);
    return solved.bound;
  };
  const objectiveBound = wholeModel(left() * 0.6);
  // Within the gap the solver works to, there is nothing left worth the time.
  const settled = () => objectiveBound !== null && cost.total <= objectiveBound * (1 + WHOLE_MODEL_GAP) + 1e-6;

  // 4. The search again, across the weeks' edges, until the time is up or two passes change
  // nothing (one, when the bound proves the coverage: a big team's pass is many windows).
  const coverageProven = lowerBound !== null && lowerBound >= (bestUnder ?? 0) - 0.005;
  if (!settled()) {
    report('polish');
    search(left(), { firstPass: 1, idlePasses: coverageProven ? 1 : 2 });
  }
  // 5. Time to spare: the whole model again, from there.
  if (!settled() && left() > 2) wholeModel(left());
  lowerBound = boundFor(picked);
  if (hooks.steadyStarts !== false) {
    // Who works which of a day's shifts, once more: steadier start times, the same coverage.
    report('people');
    const until = Math.max(deadline, Date.now() + STEADY_MIN_SECONDS * 1000);
    picked = steadyStarts(input, perPerson, picked, () => shouldStop() || Date.now() > until);
  }
  report('report');
  return draftReport(ctx, team, input, clock, { runId: hooks.runId ?? randomUUID(), from, to, picked, locked, lowerBound: boundFor(picked), stopped, solverDraft, withoutHistory, seconds: (Date.now() - started) / 1000 });
}

/** A starting point for `target` from shifts picked in `source`'s columns: counts per unit, day and template. */
function startFor(target: BuiltModel, source: BuiltModel, picked: ReadonlySet<number>): { indices: number[]; values: number[] } {
  const unitOf = new Map<number, number>();
  target.units.forEach((u, i) => u.members.forEach((p) => unitOf.set(p.id, i)));
  const count = new Map<string, number>();
  for (const c of source.candidates) {
    if (!picked.has(c.col)) continue;
    const key = `${unitOf.get(c.personId)}|${c.day}|${c.templateId}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return { indices: target.candidates.map((c) => c.col), values: target.candidates.map((c) => count.get(`${c.unit}|${c.day}|${c.templateId}`) ?? 0) };
}

