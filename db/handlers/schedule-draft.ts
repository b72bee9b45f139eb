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
  fairnessLoad,
  NAMING_ORDERS,
  spreadFairly,
  startSpreadMinutes,
  steadyStarts,
  greedyAssignment,
  paidHours,
  UNDER_WEIGHT,
  type BuiltModel,
  type Candidate,
  type CoverageGap,
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
import { ruleViolations } from './shift-reads';
import type { DraftProgress } from '../schedule-jobs';
import * as shifts from '../sql/shifts';
import { solveModel } from '../solver';
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

/** Steadying start times gets at least this long even when the solver used up the time limit. */
const STEADY_MIN_SECONDS = 1;

/**
 * The draft: first a bound on what any rule-abiding roster can reach, proven on the grouped
 * model (less the draft's own contract slack, it is the lower bound reported); then the grouped
 * model with every goal, started from a greedy draft; its counts are turned into named people;
 * when that loses coverage a per-person model polishes it in the time left. Last, people who
 * work the same days swap shifts for steadier start times, which keeps coverage exactly.
 * Every figure of the draft is measured on its final shifts. Reads only.
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

  report('bound');
  const boundModel = buildScheduleModel(input, { boundOnly: true, grouped: true });
  const bound = shouldStop() ? null : solveModel(hooks.highs, boundModel.model, { timeLimitSeconds: Math.max(0.5, timeLimitSeconds / 3), relativeGap: 1e-4, shouldStop, onProgress: () => report('bound') });

  report('draft');
  const grouped = buildScheduleModel(input, { grouped: true });
  const perPersonOnly = grouped.units.every((u) => u.members.length === 1);
  const perPerson = perPersonOnly ? grouped : buildScheduleModel(input);
  // The bound model prices contract slack too, so its bound is not one on under-staffing alone:
  // with a contract nobody can meet it was ten agent-hours per missing contract hour above any
  // draft (issue 15). Less the slack of the roster it is compared with, it bounds the
  // under-staffing of every roster missing contracts no more than that one, that one included.
  // The slack is priced per person (the grouped rows' slack is never more), so it cannot grow
  // under steadyStarts, which moves no one's week further off their contract.
  const boundFor = (picks: readonly Candidate[]): number => {
    if (bound?.bound === null || bound?.bound === undefined) return 0;
    const counts = countsIn(perPerson, picks);
    const slack = contractSlackCost(perPerson, (col) => counts.get(col) ?? 0);
    // HiGHS proves its bound within its tolerances: never above what a roster achieved.
    return Math.min(underOf(picks), Math.max(0, (bound.bound - slack) / UNDER_WEIGHT));
  };
  const greedy = greedyAssignment(input, perPerson);
  const chosenOf = (built: BuiltModel, cols: ReadonlySet<number>) => built.candidates.filter((c) => cols.has(c.col));
  let picked = chosenOf(perPerson, greedy);
  bestUnder = underOf(picked);
  lowerBound = boundFor(picked);
  let solverDraft = false;
  const solved = shouldStop() ? null : solveModel(hooks.highs, grouped.model, { timeLimitSeconds: Math.max(0.5, left() * 0.7), relativeGap: 0.002, shouldStop, start: startFor(grouped, perPerson, greedy), onProgress: () => report('draft') });
  if (solved?.colValue) {
    report('people');
    const values = solved.colValue;
    // Each way of naming people is quick: keep the one that loses least coverage, then is fairest.
    const namings = perPersonOnly
      ? [chosenOf(grouped, new Set(grouped.candidates.filter((c) => (values[c.col] ?? 0) > 0.5).map((c) => c.col)))]
      : NAMING_ORDERS.map((how) => chosenOf(perPerson, disaggregate(input, grouped, values, perPerson, how)));
    const scored = namings.map((picks) => ({ picks, under: underOf(picks), fairness: fairnessLoad(input, picks) })).sort((a, b) => Math.round(a.under * 100) - Math.round(b.under * 100) || a.fairness - b.fairness);
    // Then people of a group swap whole weeks where that evens out weekends, nights and holidays.
    const named = perPersonOnly ? (scored[0]?.picks ?? []) : chosenOf(perPerson, spreadFairly(input, grouped.units, perPerson, new Set((scored[0]?.picks ?? []).map((c) => c.col))));
    const groupUnder = underOf(grouped.candidates.flatMap((c) => Array.from({ length: Math.round(values[c.col] ?? 0) }, () => c)));
    const namedUnder = scored[0]?.under ?? Number.POSITIVE_INFINITY;
    if (namedUnder <= bestUnder + 1e-6) {
      picked = named;
      bestUnder = namedUnder;
      lowerBound = boundFor(picked);
      solverDraft = true;
    }
    // Naming people lost coverage the counts had: a per-person model, started from the best so far.
    if (!perPersonOnly && namedUnder > groupUnder + 0.01 && left() > 2 && !shouldStop()) {
      report('polish');
      const start = new Set(picked.map((c) => c.col));
      const polished = solveModel(hooks.highs, perPerson.model, { timeLimitSeconds: left(), relativeGap: 0.002, shouldStop, start: startFor(perPerson, perPerson, start), onProgress: () => report('polish') });
      if (polished.colValue) {
        const v = polished.colValue;
        const mine = perPerson.candidates.filter((c) => (v[c.col] ?? 0) > 0.5);
        const under = underOf(mine);
        if (under <= bestUnder + 1e-6) {
          picked = mine;
          bestUnder = under;
          lowerBound = boundFor(picked);
          solverDraft = true;
        }
      }
    }
  }
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

interface Picked {
  runId: string;
  from: string;
  to: string;
  picked: readonly Candidate[];
  locked: readonly shifts.ShiftRow[];
  /** Agent-hours, never above the draft's own under-staffing. */
  lowerBound: number;
  /** Cancelled, and whether the draft came from the solver (or is the greedy one). */
  stopped: boolean;
  solverDraft: boolean;
  withoutHistory: string[];
  seconds: number;
}

/** The draft measured as it is: coverage recomputed, the real rule check, the preferences it could not keep, before and after per day. */
function draftReport(ctx: ServiceContext, team: Team, input: ScheduleInput, clock: ZoneClock, d: Picked): Draft {
  const { db } = ctx;
  const { from, to, picked: chosen } = d;
  const stepHours = input.intervalMinutes / 60;
  const templates = new Map(input.templates.map((t) => [t.id, t]));
  const names = new Map(input.people.map((p) => [p.id, p.name]));
  const gaps = coverageGaps(input, [...chosen.map((c) => ({ ...c.span, skill: c.skill, day: c.day })), ...d.locked]);
  const under = gaps.filter((g) => g.short > 0.01);
  const now = shifts.listShifts(db, team.id, from, to);
  // The same check as the rota's, with the draft in place of the range's unlocked shifts.
  let nextId = -1;
  const violations = ruleViolations(ctx, team, from, to, {
    clock,
    revise: (stored) => [
      ...stored.filter((s) => s.day < from || s.day > to || s.locked),
      ...chosen.map((c) => ({ id: nextId--, personId: c.personId, day: c.day, startUtc: c.span.startUtc, endUtc: c.span.endUtc, breakMinutes: c.span.breakMinutes, skill: c.skill })),
    ],
  });
  const perDay = (list: readonly CoverageGap[]) => {
    const out = new Map<string, { day: string; channel: string; underAgentHours: number; overAgentHours: number }>();
    for (const g of list) {
      const day = clock.dayOf(input.intervals[g.interval] ?? 0);
      const key = `${day}|${g.channel}`;
      const row = out.get(key) ?? { day, channel: g.channel, underAgentHours: 0, overAgentHours: 0 };
      row.underAgentHours += g.short * stepHours;
      row.overAgentHours += g.over * stepHours;
      out.set(key, row);
    }
    return [...out.values()].filter((r) => r.day >= from && r.day <= to).map((r) => ({ ...r, underAgentHours: round2(r.underAgentHours), overAgentHours: round2(r.overAgentHours) }));
  };
  // Start times per person (locked shifts included): the widest weekly spread, in hours.
  const spreads = [...startSpreadMinutes(input, [...chosen.map((c) => ({ personId: c.personId, day: c.day, startUtc: c.span.startUtc })), ...d.locked])]
    .map(([personId, minutes]) => ({ personId, person: names.get(personId) ?? '', hours: round2(minutes / 60) }))
    .sort((x, y) => y.hours - x.hours || x.person.localeCompare(y.person));
  // Both figures from this one roster and bound, rounded as shown; the bound never above.
  const underStaffedAgentHours = round2(gaps.reduce((s, g) => s + g.short, 0) * stepHours);
  const lowerBoundAgentHours = Math.min(underStaffedAgentHours, round2(d.lowerBound));
  const proven = lowerBoundAgentHours === underStaffedAgentHours;
  const status: Draft['summary']['status'] = d.stopped ? 'stopped' : proven ? (violations.length === 0 ? 'optimal' : 'broken_rules') : d.solverDraft ? 'limit' : 'greedy';
  return {
    runId: d.runId,
    from,
    to,
    summary: {
      shifts: chosen.length,
      underStaffedIntervals: under.length,
      underStaffedAgentHours,
      overStaffedAgentHours: round2(gaps.reduce((s, g) => s + g.over, 0) * stepHours),
      lowerBoundAgentHours,
      violations: violations.length,
      seconds: round2(d.seconds),
      status,
      startSpreadMeanHours: spreads.length ? round2(spreads.reduce((s, x) => s + x.hours, 0) / spreads.length) : 0,
      startSpreadMaxHours: spreads[0]?.hours ?? 0,
    },
    startSpread: spreads,
    draft: chosen
      .map((c) => ({ personId: c.personId, person: names.get(c.personId) ?? '', day: c.day, templateId: c.templateId, code: templates.get(c.templateId)?.code ?? '', start: clock.hhmm(c.span.startUtc), end: clock.hhmm(c.span.endUtc), paidHours: round2(paidHours(c.span)) }))
      .sort((x, y) => x.day.localeCompare(y.day) || x.person.localeCompare(y.person)),
    underStaffed: groupGaps(input, under, clock).map((g) => ({ channel: g.channel, day: g.day, from: g.from, to: g.to, agentHours: g.agentHours, ...reasonFor(input, g, chosen, clock) })),
    unmetPreferences: chosen.filter((c) => c.preferNot).map((c) => ({ personId: c.personId, person: names.get(c.personId) ?? '', day: c.day, code: templates.get(c.templateId)?.code ?? '' })),
    violations,
    withoutHistory: d.withoutHistory,
    coverage: { before: perDay(coverageGaps(input, now)), after: perDay(gaps) },
  };
}

interface GapGroup {
  channel: string;
  day: string;
  from: string;
  to: string;
  agentHours: number;
  first: number;
  last: number;
}

/** Consecutive short intervals of a channel, as local time ranges. */
function groupGaps(input: ScheduleInput, under: readonly { channel: string; interval: number; short: number }[], clock: ZoneClock): GapGroup[] {
  const step = input.intervalMinutes * 60;
  const out: GapGroup[] = [];
  for (const g of [...under].sort((x, y) => x.channel.localeCompare(y.channel) || x.interval - y.interval)) {
    const start = input.intervals[g.interval] ?? 0;
    const last = out.at(-1);
    if (last && last.channel === g.channel && last.last === g.interval - 1 && clock.dayOf(start) === last.day) {
      last.last = g.interval;
      last.to = clock.hhmm(start + step);
      last.agentHours = Math.round((last.agentHours + (g.short * input.intervalMinutes) / 60) * 100) / 100;
    } else {
      out.push({ channel: g.channel, day: clock.dayOf(start), from: clock.hhmm(start), to: clock.hhmm(start + step), agentHours: Math.round(((g.short * input.intervalMinutes) / 60) * 100) / 100, first: g.interval, last: g.interval });
    }
  }
  return out;
}

export type ShortReason = 'no_template' | 'no_skill' | 'nobody_free' | 'all_rostered' | 'rules';

/** Why a stretch stays short: a code the UI words in the lead's language, and the same in English. */
function reasonFor(input: ScheduleInput, g: GapGroup, chosen: readonly { personId: number; day: string }[], clock: ZoneClock): { reasonCode: ShortReason; count: number; reason: string } {
  const step = input.intervalMinutes * 60;
  const from = input.intervals[g.first] ?? 0;
  const to = (input.intervals[g.last] ?? 0) + step;
  const when = `${g.day} ${g.from}–${g.to}`;
  const covering = input.templates.filter((t) => t.skill === g.channel && [t.span(g.day), t.span(clock.addDays(g.day, -1))].some((x) => x && x.startUtc < to && x.endUtc > from));
  if (covering.length === 0) return { reasonCode: 'no_template', count: 0, reason: `no shift template for ${g.channel} covers ${when}` };
  const skilled = input.people.filter((p) => p.skills.includes(g.channel));
  if (skilled.length === 0) return { reasonCode: 'no_skill', count: 0, reason: `nobody has the ${g.channel} skill` };
  const free = skilled.filter((p) => covering.some((t) => p.choice(g.day, t.id) !== 'no'));
  if (free.length === 0) return { reasonCode: 'nobody_free', count: 0, reason: `no one with ${g.channel} skill is free on ${when} (leave, employment or "cannot" preferences)` };
  const idle = free.filter((p) => !chosen.some((c) => c.personId === p.id && c.day === g.day));
  if (idle.length === 0) return { reasonCode: 'all_rostered', count: free.length, reason: `everyone with ${g.channel} skill who is free on ${g.day} is already rostered that day` };
  return { reasonCode: 'rules', count: idle.length, reason: `the ${idle.length} free ${idle.length === 1 ? 'person' : 'people'} with ${g.channel} skill would break the rest, weekly-hours, consecutive-days or contract rules` };
}
