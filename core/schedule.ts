import { addCol, addRow, emptyModel, type LinearModel, type Term } from './linear-model';
import { standbyClash } from './rules';
import type { TeamRules } from './team-rules';

/**
 * Auto-scheduling as a mixed-integer model: x[p,d,t] = 1 when person p works
 * template t on day d. Coverage rows per channel and interval meet the
 * requirement with under- and over-staffing slack; every working-time rule
 * the rota is checked against is a constraint (one shift a day, the daily
 * rest between days — DST included, as real instants —, weekly hours,
 * consecutive days), contract hours within tolerance (with a heavily priced
 * slack so a thin team still gets a draft, reported as a violation), skills,
 * leave, employment and "cannot" preferences remove variables, locked shifts
 * are constants. The objective: under-staffing first (100 per agent-hour),
 * then over-staffing (1), "prefer not" (2 each) and the highest number of
 * weekend days, nights and holidays per person (3 each: spreads them).
 */

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

export const UNDER_WEIGHT = 100;
const OVER_WEIGHT = 1;
const PREFER_NOT_WEIGHT = 2;
const FAIRNESS_WEIGHT = 3;
// Above anything an extra hour could win (it covers at most one agent-hour): used only when nothing else fits.
const CONTRACT_SLACK_WEIGHT = 1000;

/** The share of [from, to) a shift works: its overlap, less its break spread over the shift. */
export function workShare(span: ShiftSpan, from: number, to: number): number {
  const overlap = Math.max(0, Math.min(span.endUtc, to) - Math.max(span.startUtc, from));
  if (overlap === 0) return 0;
  const working = 1 - (span.breakMinutes * 60) / (span.endUtc - span.startUtc);
  return (overlap * Math.max(0, working)) / (to - from);
}

export const paidHours = (s: ShiftSpan) => Math.max(0, (s.endUtc - s.startUtc) / 3600 - s.breakMinutes / 60);

const key2 = (a: number | string, b: number | string) => `${a}|${b}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function fixedIndex(input: ScheduleInput): Map<string, FixedShift[]> {
  const out = new Map<string, FixedShift[]>();
  for (const f of input.fixed) push(out, key2(f.personId, f.day), f);
  return out;
}

/** One unit per person, or people grouped when they are interchangeable (see Unit). */
export function scheduleUnits(input: ScheduleInput, grouped: boolean): Unit[] {
  if (!grouped) return input.people.map((p) => ({ members: [p] }));
  const weeks = [...new Set(input.days.map((d) => input.weekOf(d)))];
  const groups = new Map<string, SchedulePerson[]>();
  for (const p of input.people) {
    const signature = JSON.stringify([
      [...p.skills].sort(),
      weeks.map((w) => p.contract(w)),
      input.days.map((d) => input.templates.map((t) => p.choice(d, t.id)).join()),
      input.fixed.filter((f) => f.personId === p.id).map((f) => [f.day, f.startUtc, f.endUtc, f.breakMinutes, f.skill]),
      input.standby.filter((b) => b.personId === p.id).map((b) => [b.startUtc, b.endUtc]),
    ]);
    push(groups, signature, p);
  }
  return [...groups.values()].map((members) => ({ members }));
}

export interface BuildOptions {
  /** Only under-staffing and contract slack cost: see buildScheduleModel and contractSlackCost for what its bound proves. */
  boundOnly?: boolean;
  /** Interchangeable people as one unit (see Unit). */
  grouped?: boolean;
}

/**
 * Builds the model. With `boundOnly`, only under-staffing and contract slack
 * cost. Its proven bound is not a bound on under-staffing alone: a contract
 * that cannot be met (on call or on leave all week, say) forces slack at
 * CONTRACT_SLACK_WEIGHT, ten times an agent-hour. Less the contract slack of
 * a given roster (contractSlackCost), ÷ UNDER_WEIGHT, it bounds the
 * under-staffing (agent-hours) of every roster that keeps the other rules and
 * misses contracts no more than that one.
 */
export function buildScheduleModel(input: ScheduleInput, options: BuildOptions = {}): BuiltModel {
  const boundOnly = options.boundOnly ?? false;
  const m = emptyModel();
  const units = scheduleUnits(input, options.grouped ?? false);
  const hoursPerInterval = input.intervalMinutes / 60;
  const step = input.intervalMinutes * 60;
  const inRange = new Set(input.days);
  const candidates: Candidate[] = [];
  const fixedByPersonDay = fixedIndex(input);

  units.forEach((unit, u) => {
    const p = unit.members[0];
    if (!p) return;
    const size = unit.members.length;
    const standby = input.standby.filter((b) => b.personId === p.id);
    for (const day of input.days) {
      if (fixedByPersonDay.has(key2(p.id, day))) continue;
      for (const t of input.templates) {
        if (t.skill !== null && !p.skills.includes(t.skill)) continue;
        const choice = p.choice(day, t.id);
        if (choice === 'no') continue;
        const span = t.span(day);
        if (!span || standby.some((b) => standbyClash(span, b, input.rules.minRestHours))) continue;
        const preferNot = choice === 'prefer_not';
        const col = addCol(m, boundOnly ? 0 : preferNot ? PREFER_NOT_WEIGHT : 0, 0, size, true);
        candidates.push({ col, unit: u, personId: p.id, day, templateId: t.id, skill: t.skill, span, preferNot });
      }
    }
  });
  const byUnitDay = new Map<string, Candidate[]>();
  for (const c of candidates) push(byUnitDay, key2(c.unit, c.day), c);

  // Coverage: Σ share·x + under − over = requirement − what fixed shifts already cover.
  const under = new Map<string, number[]>();
  const first = input.intervals[0] ?? 0;
  const intervalIndex = (t: number) => Math.floor((t - first) / step);
  const coverTerms = new Map<string, Term[]>();
  const fixedCover = new Map<string, number>();
  const spread = (span: ShiftSpan, add: (i: number, share: number) => void) => {
    for (let i = Math.max(0, intervalIndex(span.startUtc)); i < input.intervals.length && (input.intervals[i] ?? 0) < span.endUtc; i += 1) {
      const from = input.intervals[i] ?? 0;
      const share = workShare(span, from, from + step);
      if (share > 0) add(i, share);
    }
  };
  for (const c of candidates) {
    if (c.skill === null) continue;
    spread(c.span, (i, share) => push(coverTerms, key2(c.skill ?? '', i), { col: c.col, coef: share }));
  }
  for (const f of input.fixed) {
    if (f.skill === null || !inRange.has(f.day)) continue;
    spread(f, (i, share) => fixedCover.set(key2(f.skill ?? '', i), (fixedCover.get(key2(f.skill ?? '', i)) ?? 0) + share));
  }
  for (const ch of input.channels) {
    const req = input.requirement.get(ch) ?? [];
    const cols: number[] = [];
    input.intervals.forEach((_, i) => {
      const u = addCol(m, UNDER_WEIGHT * hoursPerInterval, 0, Number.POSITIVE_INFINITY, false);
      const o = addCol(m, boundOnly ? 0 : OVER_WEIGHT * hoursPerInterval, 0, Number.POSITIVE_INFINITY, false);
      cols.push(u);
      const need = (req[i] ?? 0) - (fixedCover.get(key2(ch, i)) ?? 0);
      addRow(m, [...(coverTerms.get(key2(ch, i)) ?? []), { col: u, coef: 1 }, { col: o, coef: -1 }], need, need);
    });
    under.set(ch, cols);
  }

  // Every per-person row below, summed over a unit's members: the right-hand sides scale by its size.
  const rules = input.rules;
  const restSeconds = rules.minRestHours * 3600;
  const contractSlack: BuiltModel['contractSlack'] = [];
  const contractRows: ContractRow[] = [];
  const flows = new Map<string, FlowArc[]>();
  units.forEach((unit, u) => {
    const p = unit.members[0];
    if (!p) return;
    const size = unit.members.length;
    const vars = (day: string) => byUnitDay.get(key2(u, day)) ?? [];
    const fixed = (day: string) => fixedByPersonDay.get(key2(p.id, day)) ?? [];
    // One shift a day.
    for (const day of input.days) addRow(m, vars(day).map((c) => ({ col: c.col, coef: 1 })), 0, size);
    // Daily rest between consecutive days, on real instants; fixed shifts rule out what clashes with them.
    const span0 = input.addDays(input.days[0] ?? '', -1);
    const clash = (a: ShiftSpan, b: ShiftSpan) => b.startUtc - a.endUtc < restSeconds;
    for (let d = span0; d <= (input.days.at(-1) ?? ''); d = input.addDays(d, 1)) {
      const next = input.addDays(d, 1);
      for (const a of vars(d)) if (fixed(next).some((b) => clash(a.span, b))) m.colUpper[a.col] = 0;
      for (const a of fixed(d)) for (const b of vars(next)) if (clash(a, b.span)) m.colUpper[b.col] = 0;
      if (size > 1 && inRange.has(d) && inRange.has(next) && !fixed(d).length && !fixed(next).length) {
        // A group's days as a flow: f[a→b] members go from a (a template, or off) today to b tomorrow,
        // only along arcs that keep the rest. Exact for a group, where pairwise rows are not:
        // they would let the members who worked late be the ones who start early.
        const today = vars(d);
        const tomorrow = vars(next);
        const offToday = addCol(m, 0, 0, size, false);
        const offTomorrow = addCol(m, 0, 0, size, false);
        const from = [...today.map((c) => ({ col: c.col, span: c.span as ShiftSpan | null })), { col: offToday, span: null }];
        const to = [...tomorrow.map((c) => ({ col: c.col, span: c.span as ShiftSpan | null })), { col: offTomorrow, span: null }];
        addRow(m, from.map((x) => ({ col: x.col, coef: 1 })), size, size);
        addRow(m, to.map((x) => ({ col: x.col, coef: 1 })), size, size);
        const arcs = from.flatMap((a) => to.filter((b) => !(a.span && b.span && clash(a.span, b.span))).map((b) => ({ a: a.col, b: b.col, col: addCol(m, 0, 0, size, false) })));
        for (const a of from) addRow(m, [{ col: a.col, coef: -1 }, ...arcs.filter((x) => x.a === a.col).map((x) => ({ col: x.col, coef: 1 }))], 0, 0);
        for (const b of to) addRow(m, [{ col: b.col, coef: -1 }, ...arcs.filter((x) => x.b === b.col).map((x) => ({ col: x.col, coef: 1 }))], 0, 0);
        const candidate = (col: number) => (col === offToday || col === offTomorrow ? -1 : col);
        flows.set(key2(u, next), arcs.map((x) => ({ from: candidate(x.a), to: candidate(x.b), col: x.col })));
        continue;
      }
      for (const a of vars(d)) {
        const later = vars(next).filter((b) => clash(a.span, b.span));
        if (later.length) addRow(m, [{ col: a.col, coef: 1 }, ...later.map((b) => ({ col: b.col, coef: 1 }))], 0, size);
      }
    }
    // Weekly hours, and contract hours in weeks wholly in the range.
    const weeks = new Set(input.days.map((d) => input.weekOf(d)));
    for (const w of weeks) {
      const weekDays = Array.from({ length: 7 }, (_, i) => input.addDays(w, i));
      const terms = weekDays.flatMap((d) => vars(d).map((c) => ({ col: c.col, coef: paidHours(c.span) })));
      const fixedHours = weekDays.reduce((s, d) => s + fixed(d).reduce((a, f) => a + paidHours(f), 0), 0);
      addRow(m, terms, Number.NEGATIVE_INFINITY, size * (rules.maxWeeklyHours - fixedHours));
      // Hours come in whole shifts: with shifts of minPaid to maxPaid hours, a person's hour band is a
      // band of shift counts. Summed over a group these rows stop it from spreading a fractional
      // extra shift over its members, and they tighten the per-person relaxation too.
      // (No candidates that week — all leave, say — means no count rows.)
      const paid = terms.map((t) => t.coef);
      const minPaid = paid.length ? Math.min(...paid) : 0;
      const maxPaid = paid.length ? Math.max(...paid) : 0;
      const count = terms.map((t) => ({ col: t.col, coef: 1 }));
      if (minPaid > 0) addRow(m, count, Number.NEGATIVE_INFINITY, size * Math.floor((rules.maxWeeklyHours - fixedHours) / minPaid + 1e-9));
      const band = weekDays.every((d) => inRange.has(d)) ? p.contract(w) : null;
      if (band) {
        const short = addCol(m, CONTRACT_SLACK_WEIGHT, 0, Number.POSITIVE_INFINITY, false);
        const long = addCol(m, CONTRACT_SLACK_WEIGHT, 0, Number.POSITIVE_INFINITY, false);
        contractSlack.push({ col: short, personId: p.id, week: w }, { col: long, personId: p.id, week: w });
        addRow(m, [...terms, { col: short, coef: 1 }, { col: long, coef: -1 }], size * (band.min - fixedHours), size * (band.max - fixedHours));
        contractRows.push({ terms, lower: size * (band.min - fixedHours), upper: size * (band.max - fixedHours), costBelow: CONTRACT_SLACK_WEIGHT, costAbove: CONTRACT_SLACK_WEIGHT });
        if (minPaid > 0) {
          // The same slack, priced per missing shift, keeps a week that cannot meet its band solvable.
          const fewer = addCol(m, CONTRACT_SLACK_WEIGHT * maxPaid, 0, Number.POSITIVE_INFINITY, false);
          const more = addCol(m, CONTRACT_SLACK_WEIGHT * minPaid, 0, Number.POSITIVE_INFINITY, false);
          contractSlack.push({ col: fewer, personId: p.id, week: w }, { col: more, personId: p.id, week: w });
          const least = Math.max(0, Math.ceil((band.min - fixedHours) / maxPaid - 1e-9));
          const most = Math.max(0, Math.floor((band.max - fixedHours) / minPaid + 1e-9));
          addRow(m, [...count, { col: fewer, coef: 1 }, { col: more, coef: -1 }], size * least, size * most);
          contractRows.push({ terms: count, lower: size * least, upper: size * most, costBelow: CONTRACT_SLACK_WEIGHT * maxPaid, costAbove: CONTRACT_SLACK_WEIGHT * minPaid });
        }
      }
    }
    // Consecutive working days: every window one longer than the limit has a day off.
    const limit = rules.maxConsecutiveDays;
    for (let start = input.addDays(input.days[0] ?? '', -limit); start <= (input.days.at(-1) ?? ''); start = input.addDays(start, 1)) {
      const window = Array.from({ length: limit + 1 }, (_, i) => input.addDays(start, i));
      if (!window.some((d) => inRange.has(d))) continue;
      const fixedDays = window.filter((d) => fixed(d).length > 0).length;
      addRow(m, window.flatMap((d) => vars(d).map((c) => ({ col: c.col, coef: 1 }))), Number.NEGATIVE_INFINITY, size * (limit - fixedDays));
    }
  });

  // Fairness: the most weekend days, nights and holidays anyone gets (a unit's average) is kept low.
  if (!boundOnly) {
    for (const inCategory of fairnessCategories(input)) {
      const mine = candidates.filter(inCategory);
      if (mine.length === 0) continue;
      const most = addCol(m, FAIRNESS_WEIGHT, 0, Number.POSITIVE_INFINITY, false);
      const perUnit = new Map<number, Candidate[]>();
      for (const c of mine) push(perUnit, c.unit, c);
      for (const [u, list] of perUnit) addRow(m, [...list.map((c) => ({ col: c.col, coef: 1 })), { col: most, coef: -(units[u]?.members.length ?? 1) }], Number.NEGATIVE_INFINITY, 0);
    }
  }
  return { model: m, units, candidates, under, contractSlack, contractRows, flows };
}

/**
 * What the model's contract slack costs for a roster given as counts per candidate column:
 * the least slack its rows allow. The bound model's objective is UNDER_WEIGHT × under-staffing
 * plus this, so (its proven bound − this) ÷ UNDER_WEIGHT bounds the under-staffing of any
 * roster that misses contracts no more than the one given.
 */
export function contractSlackCost(built: BuiltModel, count: (col: number) => number): number {
  let cost = 0;
  for (const row of built.contractRows) {
    const value = row.terms.reduce((s, t) => s + t.coef * count(t.col), 0);
    cost += row.costBelow * Math.max(0, row.lower - value) + row.costAbove * Math.max(0, value - row.upper);
  }
  return cost;
}

/** A roster given as people's picks, as counts in `target`'s columns (per unit, day and template). */
export function countsIn(target: BuiltModel, picked: readonly Pick<Candidate, 'personId' | 'day' | 'templateId'>[]): Map<number, number> {
  const unitOf = new Map<number, number>();
  target.units.forEach((u, i) => u.members.forEach((p) => unitOf.set(p.id, i)));
  const colOf = new Map(target.candidates.map((c) => [key2(key2(c.unit, c.day), c.templateId), c.col]));
  const out = new Map<number, number>();
  for (const c of picked) {
    const col = colOf.get(key2(key2(unitOf.get(c.personId) ?? -1, c.day), c.templateId));
    if (col !== undefined) out.set(col, (out.get(col) ?? 0) + 1);
  }
  return out;
}

/** What fairness spreads: weekend days, night shifts and public holidays. */
function fairnessCategories(input: ScheduleInput): ((c: Pick<Candidate, 'day' | 'span'>) => boolean)[] {
  return [(c) => input.rules.weekendDays.includes(input.weekday(c.day)), (c) => input.isNight(c.span), (c) => input.holidays.has(c.day)];
}

export interface CoverageGap {
  channel: string;
  interval: number;
  short: number;
  over: number;
}

/** Under- and over-staffing per channel and interval of a set of shifts (fixed ones included), recomputed exactly. */
export function coverageGaps(input: ScheduleInput, shifts: readonly (ShiftSpan & { skill: string | null; day: string })[]): CoverageGap[] {
  const step = input.intervalMinutes * 60;
  const out: CoverageGap[] = [];
  for (const ch of input.channels) {
    const req = input.requirement.get(ch) ?? [];
    const mine = shifts.filter((s) => s.skill === ch);
    input.intervals.forEach((from, i) => {
      const have = mine.reduce((a, s) => a + workShare(s, from, from + step), 0);
      const need = req[i] ?? 0;
      out.push({ channel: ch, interval: i, short: Math.max(0, need - have), over: Math.max(0, have - need) });
    });
  }
  return out;
}

/**
 * A roster being built by hand, person by person: who works what on which day
 * (fixed shifts included), and whether one more shift keeps every rule the
 * model has: one a day, rest on both sides, consecutive days, weekly hours and
 * the contract's upper band.
 */
class RosterPlan {
  private readonly byPerson = new Map<number, Map<string, ShiftSpan>>();
  readonly picked = new Set<number>();
  private readonly restSeconds: number;

  constructor(private readonly input: ScheduleInput) {
    this.restSeconds = input.rules.minRestHours * 3600;
    for (const f of input.fixed) this.day(f.personId).set(f.day, f);
  }

  private day(personId: number): Map<string, ShiftSpan> {
    let m = this.byPerson.get(personId);
    if (!m) {
      m = new Map();
      this.byPerson.set(personId, m);
    }
    return m;
  }

  works(personId: number, day: string): boolean {
    return this.day(personId).has(day);
  }

  weekHours(personId: number, week: string): number {
    let h = 0;
    for (let i = 0; i < 7; i += 1) {
      const s = this.day(personId).get(this.input.addDays(week, i));
      if (s) h += paidHours(s);
    }
    return h;
  }

  allows(person: SchedulePerson, c: Candidate): boolean {
    const mine = this.day(person.id);
    if (mine.has(c.day)) return false;
    const { addDays } = this.input;
    const before = mine.get(addDays(c.day, -1));
    if (before && c.span.startUtc - before.endUtc < this.restSeconds) return false;
    const after = mine.get(addDays(c.day, 1));
    if (after && after.startUtc - c.span.endUtc < this.restSeconds) return false;
    let run = 1;
    for (let d = addDays(c.day, -1); mine.has(d); d = addDays(d, -1)) run += 1;
    for (let d = addDays(c.day, 1); mine.has(d); d = addDays(d, 1)) run += 1;
    if (run > this.input.rules.maxConsecutiveDays) return false;
    const week = this.input.weekOf(c.day);
    const hours = this.weekHours(person.id, week) + paidHours(c.span);
    const band = person.contract(week);
    return hours <= this.input.rules.maxWeeklyHours + 1e-9 && (!band || hours <= band.max + 1e-9);
  }

  take(personId: number, c: Candidate): void {
    this.day(personId).set(c.day, c.span);
  }
}

/** What is still missing per channel and interval, updated as shifts are placed. */
class Residual {
  private readonly need: Map<string, number[]>;
  private readonly step: number;
  private readonly first: number;

  constructor(private readonly input: ScheduleInput) {
    this.step = input.intervalMinutes * 60;
    this.first = input.intervals[0] ?? 0;
    this.need = new Map(input.channels.map((c) => [c, [...(input.requirement.get(c) ?? [])]]));
    for (const f of input.fixed) this.place(f.skill, f);
  }

  private each(span: ShiftSpan, visit: (i: number, share: number) => void): void {
    for (let i = Math.max(0, Math.floor((span.startUtc - this.first) / this.step)); i < this.input.intervals.length && this.first + i * this.step < span.endUtc; i += 1) {
      const share = workShare(span, this.first + i * this.step, this.first + (i + 1) * this.step);
      if (share > 0) visit(i, share);
    }
  }

  /** Agent-intervals of what is still missing that the shift would cover. */
  gain(skill: string | null, span: ShiftSpan): number {
    const r = skill ? this.need.get(skill) : undefined;
    if (!r) return 0;
    let g = 0;
    this.each(span, (i, share) => {
      g += Math.min(Math.max(0, r[i] ?? 0), share);
    });
    return g;
  }

  place(skill: string | null, span: ShiftSpan): void {
    const r = skill ? this.need.get(skill) : undefined;
    if (r) this.each(span, (i, share) => (r[i] = (r[i] ?? 0) - share));
  }
}

function candidatesByPersonDay(built: BuiltModel): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  for (const c of built.candidates) push(out, key2(c.personId, c.day), c);
  return out;
}

/** Of a person's options, the one the rules allow that covers most of what is missing ("would rather not" counts a little less). */
function bestOption(options: readonly Candidate[], p: SchedulePerson, plan: RosterPlan, residual: Residual): { c: Candidate; g: number } | undefined {
  return options
    .filter((c) => plan.allows(p, c))
    .map((c) => ({ c, g: residual.gain(c.skill, c.span) - (c.preferNot ? 0.5 : 0) }))
    .sort((x, y) => y.g - x.g)[0];
}

/** Hours a person still needs in a week to reach the contract's lower band (−∞ without a contract). */
function shortOf(plan: RosterPlan, p: SchedulePerson, week: string): number {
  const band = p.contract(week);
  return band ? band.min - plan.weekHours(p.id, week) : Number.NEGATIVE_INFINITY;
}

/**
 * Tops up people below their contract: each such week gets the allowed shift
 * that covers most of what is still missing, until the band is reached or
 * nothing fits.
 */
function topUpContracts(input: ScheduleInput, plan: RosterPlan, residual: Residual, options: Map<string, Candidate[]>): void {
  const weeks = [...new Set(input.days.map((d) => input.weekOf(d)))];
  const inRange = new Set(input.days);
  for (const p of input.people) {
    for (const week of weeks) {
      const days = Array.from({ length: 7 }, (_, i) => input.addDays(week, i));
      if (!days.every((d) => inRange.has(d))) continue;
      while (shortOf(plan, p, week) > 1e-9) {
        const best = bestOption(days.flatMap((d) => options.get(key2(p.id, d)) ?? []), p, plan, residual);
        if (!best) break;
        plan.take(p.id, best.c);
        plan.picked.add(best.c.col);
        residual.place(best.c.skill, best.c.span);
      }
    }
  }
}

/**
 * A quick draft without a solver (to fall back on): day by day, people furthest
 * behind their contract first, each takes the allowed template that covers the
 * most of what is still missing, or the best one when the contract needs the
 * hours; then anyone still short of their contract is topped up.
 */
export function greedyAssignment(input: ScheduleInput, built: BuiltModel): Set<number> {
  const plan = new RosterPlan(input);
  const residual = new Residual(input);
  const options = candidatesByPersonDay(built);
  for (const day of input.days) {
    const week = input.weekOf(day);
    const daysLeft = input.days.filter((d) => d > day && input.weekOf(d) === week).length;
    const order = [...input.people].sort((a, b) => shortOf(plan, b, week) - shortOf(plan, a, week));
    for (const p of order) {
      const best = bestOption(options.get(key2(p.id, day)) ?? [], p, plan, residual);
      // Needed for the contract: what is still missing would not fit in the days left otherwise.
      const needed = shortOf(plan, p, week) > daysLeft * 8 - 1e-9;
      if (best && (best.g > 0.25 || needed)) {
        plan.take(p.id, best.c);
        plan.picked.add(best.c.col);
        residual.place(best.c.skill, best.c.span);
      }
    }
  }
  topUpContracts(input, plan, residual, options);
  return plan.picked;
}

/**
 * Turns a grouped model's counts (how many of a group work template t on day d)
 * into named people in the per-person model. Day by day, a group's members
 * follow the model's flow: those who worked a yesterday go where its arcs from
 * a lead, so the rest between days holds as the model planned it. Among those
 * who could go, the ones furthest behind their contract go first, and weekend,
 * night and holiday shifts go to whoever has had fewest. Counts the flow does
 * not place (the first day, rounding, a rule the group sum let through) are
 * filled by anyone the rules allow; then contracts are topped up.
 */
/**
 * Evens out weekends, nights and holidays without touching coverage: two people of
 * the same group (same skills, contract, choices) may swap whole weeks, which keeps
 * every count, every contract week and leave as they were; a swap is made when it
 * lowers the sum of squares of their weekend, night and holiday counts and the
 * rest and days-in-a-row rules still hold across the week's edges.
 */
export function spreadFairly(input: ScheduleInput, units: readonly Unit[], perPerson: BuiltModel, picked: ReadonlySet<number>): Set<number> {
  const options = candidatesByPersonDay(perPerson);
  const categories = fairnessCategories(input);
  const rest = input.rules.minRestHours * 3600;
  const limit = input.rules.maxConsecutiveDays;
  const fixed = fixedIndex(input);
  const plan = new Map<number, Map<string, Candidate>>();
  for (const c of perPerson.candidates) {
    if (!picked.has(c.col)) continue;
    const mine = plan.get(c.personId) ?? new Map<string, Candidate>();
    mine.set(c.day, c);
    plan.set(c.personId, mine);
  }
  const weeks = [...new Set(input.days.map((d) => input.weekOf(d)))];
  const daysOf = (w: string) => input.days.filter((d) => input.weekOf(d) === w);
  const spanOn = (personId: number, day: string): ShiftSpan | undefined => plan.get(personId)?.get(day)?.span ?? fixed.get(key2(personId, day))?.[0];
  const counts = (personId: number, days: readonly string[]) =>
    categories.map((inCategory) => days.reduce((n, d) => {
      const c = plan.get(personId)?.get(d);
      return n + (c && inCategory(c) ? 1 : 0);
    }, 0));
  // The rules that look across a week's edge, checked at both edges.
  const edgesHold = (personId: number, w: readonly string[]) => {
    for (const [a, b] of [[input.addDays(w[0] ?? '', -1), w[0] ?? ''], [w.at(-1) ?? '', input.addDays(w.at(-1) ?? '', 1)]] as const) {
      const x = spanOn(personId, a);
      const y = spanOn(personId, b);
      if (x && y && y.startUtc - x.endUtc < rest) return false;
      let run = 0;
      for (let d = input.addDays(a, -limit); d <= input.addDays(b, limit); d = input.addDays(d, 1)) {
        run = spanOn(personId, d) ? run + 1 : 0;
        if (run > limit) return false;
      }
    }
    return true;
  };
  const swap = (a: number, b: number, days: readonly string[]): boolean => {
    const pa = plan.get(a) ?? new Map<string, Candidate>();
    const pb = plan.get(b) ?? new Map<string, Candidate>();
    const moved: [Map<string, Candidate>, Map<string, Candidate>, number][] = [[pa, pb, b], [pb, pa, a]];
    const next = moved.map(([from, , to]) => days.flatMap((d) => {
      const c = from.get(d);
      if (!c) return [];
      const mine = (options.get(key2(to, d)) ?? []).find((x) => x.templateId === c.templateId);
      return mine ? [mine] : [null];
    }));
    if (next.some((list) => list.includes(null))) return false;
    for (const d of days) {
      pa.delete(d);
      pb.delete(d);
    }
    for (const c of next[0] ?? []) if (c) pb.set(c.day, c);
    for (const c of next[1] ?? []) if (c) pa.set(c.day, c);
    plan.set(a, pa);
    plan.set(b, pb);
    return true;
  };
  const sq = (xs: readonly number[]) => xs.reduce((s, x) => s + x * x, 0);
  for (let round = 0; round < 20; round += 1) {
    let improved = false;
    for (const unit of units) {
      if (unit.members.length < 2) continue;
      for (const w of weeks) {
        const days = daysOf(w);
        for (const [i, A] of unit.members.entries()) {
          for (const B of unit.members.slice(i + 1)) {
            const totalA = counts(A.id, input.days);
            const totalB = counts(B.id, input.days);
            const weekA = counts(A.id, days);
            const weekB = counts(B.id, days);
            const afterA = totalA.map((x, k) => x - (weekA[k] ?? 0) + (weekB[k] ?? 0));
            const afterB = totalB.map((x, k) => x - (weekB[k] ?? 0) + (weekA[k] ?? 0));
            if (sq(afterA) + sq(afterB) >= sq(totalA) + sq(totalB)) continue;
            if (!swap(A.id, B.id, days)) continue;
            if (edgesHold(A.id, days) && edgesHold(B.id, days)) improved = true;
            else swap(A.id, B.id, days);
          }
        }
      }
    }
    if (!improved) break;
  }
  return new Set([...plan.values()].flatMap((m) => [...m.values()].map((c) => c.col)));
}

/** The most weekend days, nights and holidays any one person has, summed: what the model's fairness term counts. */
export function fairnessLoad(input: ScheduleInput, picked: readonly Candidate[]): number {
  const categories = fairnessCategories(input);
  return categories.reduce((sum, inCategory) => {
    const per = new Map<number, number>();
    for (const c of picked) if (inCategory(c)) per.set(c.personId, (per.get(c.personId) ?? 0) + 1);
    return sum + Math.max(0, ...per.values());
  }, 0);
}

export interface NamingOrder {
  /** Follow the group's flow between days (or fill each day afresh). */
  followFlow: boolean;
  /** Hand ordinary shifts to whoever has had most weekends, nights and holidays, to keep the others free for the next. */
  saveForFairness: boolean;
}

/** The ways of naming people `draftSchedule` tries; each is quick, and which does best depends on the team. */
export const NAMING_ORDERS: readonly NamingOrder[] = [
  { followFlow: true, saveForFairness: true },
  { followFlow: false, saveForFairness: true },
  { followFlow: true, saveForFairness: false },
  { followFlow: false, saveForFairness: false },
];

export function disaggregate(input: ScheduleInput, grouped: BuiltModel, counts: ArrayLike<number>, perPerson: BuiltModel, how: NamingOrder = NAMING_ORDERS[0] ?? { followFlow: true, saveForFairness: true }): Set<number> {
  const plan = new RosterPlan(input);
  const residual = new Residual(input);
  const options = candidatesByPersonDay(perPerson);
  const share = new Map<number, number[]>();
  const categories = fairnessCategories(input);
  const byCol = new Map(grouped.candidates.map((c) => [c.col, c]));
  const byUnitDay = new Map<string, Candidate[]>();
  for (const c of grouped.candidates) if (Math.round(counts[c.col] ?? 0) > 0) push(byUnitDay, key2(c.unit, c.day), c);
  // Which of the group's candidates each person worked yesterday (−1: off).
  let state = new Map<number, number>();
  for (const day of input.days) {
    const week = input.weekOf(day);
    const daysLeft = input.days.filter((d) => d >= day && input.weekOf(d) === week).length;
    const today = new Map<number, number>();
    grouped.units.forEach((unit, u) => {
      const own = (p: SchedulePerson, g: Candidate) => (options.get(key2(p.id, day)) ?? []).find((c) => c.templateId === g.templateId);
      const free = (p: SchedulePerson, g: Candidate) => {
        const c = own(p, g);
        return !today.has(p.id) && c !== undefined && plan.allows(p, c);
      };
      const urgency = (p: SchedulePerson) => shortOf(plan, p, week) / daysLeft;
      const order = (people: readonly SchedulePerson[], g: Candidate) => {
        const kinds = categories.map((inCategory) => inCategory(g));
        // Weekend, night and holiday shifts go to whoever has had fewest; other shifts to whoever has
        // had most, so the ones with fewest are still free (and short of hours) when the next comes.
        const load = (p: SchedulePerson) => kinds.reduce((s, k, i) => s + (k ? 1 : how.saveForFairness ? -1 : 0) * (share.get(p.id)?.[i] ?? 0), 0);
        return [...people].sort((a, b) => urgency(b) - urgency(a) || load(a) - load(b));
      };
      const taken = new Map<number, number>();
      const give = (p: SchedulePerson, g: Candidate) => {
        const c = own(p, g);
        if (!c) return;
        plan.take(p.id, c);
        plan.picked.add(c.col);
        residual.place(c.skill, c.span);
        today.set(p.id, g.col);
        taken.set(g.col, (taken.get(g.col) ?? 0) + 1);
        const mine = share.get(p.id) ?? [0, 0, 0];
        categories.forEach((inCategory, i) => (mine[i] = (mine[i] ?? 0) + (inCategory(g) ? 1 : 0)));
        share.set(p.id, mine);
      };
      const arcs = how.followFlow ? grouped.flows.get(key2(u, day)) : undefined;
      if (arcs) {
        const pool = new Map<number, SchedulePerson[]>();
        for (const p of unit.members) push(pool, state.get(p.id) ?? -1, p);
        for (const arc of arcs) {
          const g = byCol.get(arc.to);
          const n = Math.round(counts[arc.col] ?? 0);
          if (!g || n <= 0) continue;
          for (const p of order((pool.get(arc.from) ?? []).filter((x) => free(x, g)), g).slice(0, n)) give(p, g);
        }
      }
      const wanted = byUnitDay.get(key2(u, day)) ?? [];
      const eligible = (g: Candidate) => unit.members.filter((p) => free(p, g));
      for (const g of [...wanted].sort((a, b) => eligible(a).length - eligible(b).length)) {
        const left = Math.round(counts[g.col] ?? 0) - (taken.get(g.col) ?? 0);
        if (left > 0) for (const p of order(eligible(g), g).slice(0, left)) give(p, g);
      }
    });
    state = today;
  }
  topUpContracts(input, plan, residual, options);
  return plan.picked;
}

/**
 * Each person's spread of start times: per week of the range, the latest local start time
 * less the earliest on the days they work (minutes), and of those weeks the widest.
 * People with no shift are left out.
 */
export function startSpreadMinutes(input: ScheduleInput, shifts: readonly { personId: number; day: string; startUtc: number }[]): Map<number, number> {
  const byPersonWeek = new Map<string, { personId: number; lo: number; hi: number }>();
  for (const x of shifts) {
    const key = key2(x.personId, input.weekOf(x.day));
    const m = input.startMinutes(x.startUtc);
    const row = byPersonWeek.get(key);
    if (row) {
      row.lo = Math.min(row.lo, m);
      row.hi = Math.max(row.hi, m);
    } else byPersonWeek.set(key, { personId: x.personId, lo: m, hi: m });
  }
  const out = new Map<number, number>();
  for (const r of byPersonWeek.values()) out.set(r.personId, Math.max(out.get(r.personId) ?? 0, r.hi - r.lo));
  return out;
}

/**
 * Steadier start times at no cost in coverage: two people exchange what they work on some
 * days of a week — their shifts on a run of days they both work, or a day only one of them
 * works for a later one only the other works — so every day keeps the same templates and
 * with them exactly the same coverage and over-staffing, and each keeps their number of
 * shifts: coverage first, stability second, by construction rather than by a weight. An
 * exchange is made only when neither person's start-time spread that week gets wider and
 * together they get steadier (narrower spreads, or the same with smaller day-to-day jumps),
 * and when it keeps every rule (rest, days in a row, weekly hours, no contract week further
 * off its band), adds no "prefer not" and no unevenness in weekends, nights or holidays.
 * Locked shifts stay. Stops early when `shouldStop` says so, with what it has.
 */
export function steadyStarts(input: ScheduleInput, perPerson: BuiltModel, picked: readonly Candidate[], shouldStop: () => boolean = () => false): Candidate[] {
  const rest = input.rules.minRestHours * 3600;
  const people = new Map(input.people.map((p) => [p.id, p]));
  // Each person's options by day and template, and their plan by day: nested maps, since this runs for every pair of people.
  const options = new Map<number, Map<string, Map<number, Candidate>>>();
  for (const c of perPerson.candidates) {
    let mine = options.get(c.personId);
    if (!mine) options.set(c.personId, (mine = new Map()));
    let day = mine.get(c.day);
    if (!day) mine.set(c.day, (day = new Map()));
    day.set(c.templateId, c);
  }
  const plan = new Map<number, Map<string, Candidate>>();
  for (const c of picked) {
    let mine = plan.get(c.personId);
    if (!mine) plan.set(c.personId, (mine = new Map()));
    mine.set(c.day, c);
  }
  const fixed = new Map<number, Map<string, ShiftSpan>>();
  for (const f of input.fixed) {
    let mine = fixed.get(f.personId);
    if (!mine) fixed.set(f.personId, (mine = new Map()));
    mine.set(f.day, f);
  }
  const at = (personId: number, day: string) => plan.get(personId)?.get(day);
  const spanOn = (personId: number, day: string): ShiftSpan | undefined => at(personId, day)?.span ?? fixed.get(personId)?.get(day);
  const minutes = new Map<number, number>();
  const startOf = (span: ShiftSpan) => {
    let m = minutes.get(span.startUtc);
    if (m === undefined) minutes.set(span.startUtc, (m = input.startMinutes(span.startUtc)));
    return m;
  };
  const weeks = new Map<string, string[]>();
  for (const d of input.days) push(weeks, input.weekOf(d), d);
  /** Start minutes on each day of a week in the range (null: off), locked shifts included. */
  const startsIn = (personId: number, days: readonly string[]) =>
    days.map((d) => {
      const span = spanOn(personId, d);
      return span ? startOf(span) : null;
    });
  /** [spread, jumps]: latest less earliest start, and the sum of day-to-day changes (minutes). */
  const score = (starts: readonly (number | null)[]): [number, number] => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    let jumps = 0;
    let last: number | null = null;
    for (const m of starts) {
      if (m === null) continue;
      if (m < lo) lo = m;
      if (m > hi) hi = m;
      if (last !== null) jumps += Math.abs(m - last);
      last = m;
    }
    return [hi >= lo ? hi - lo : 0, jumps];
  };
  const weekHours = (personId: number, week: string) => {
    let h = 0;
    for (let i = 0; i < 7; i += 1) {
      const span = spanOn(personId, input.addDays(week, i));
      if (span) h += paidHours(span);
    }
    return h;
  };
  const offBand = (personId: number, week: string, hours: number) => {
    const band = people.get(personId)?.contract(week);
    return band ? Math.max(0, band.min - hours, hours - band.max) : 0;
  };
  const restHolds = (personId: number, days: readonly string[]) =>
    days.every((d) => {
      const span = spanOn(personId, d);
      if (!span) return true;
      const before = spanOn(personId, input.addDays(d, -1));
      const after = spanOn(personId, input.addDays(d, 1));
      return (!before || span.startUtc - before.endUtc >= rest) && (!after || after.startUtc - span.endUtc >= rest);
    });
  // Weekend days, nights and holidays per person over the range: a swap may only even them out.
  const categories = fairnessCategories(input);
  const loads = new Map<number, number[]>();
  const loadOf = (personId: number) => {
    let l = loads.get(personId);
    if (!l) loads.set(personId, (l = categories.map(() => 0)));
    return l;
  };
  for (const c of picked) categories.forEach((inCategory, k) => (loadOf(c.personId)[k] = (loadOf(c.personId)[k] ?? 0) + (inCategory(c) ? 1 : 0)));
  const locked = (personId: number, day: string) => fixed.get(personId)?.has(day) === true;
  const runHolds = (personId: number, days: readonly string[]) =>
    days.every((d) => {
      if (!spanOn(personId, d)) return true;
      let run = 1;
      for (let x = input.addDays(d, -1); spanOn(personId, x); x = input.addDays(x, -1)) run += 1;
      for (let x = input.addDays(d, 1); spanOn(personId, x); x = input.addDays(x, 1)) run += 1;
      return run <= input.rules.maxConsecutiveDays;
    });
  /** Whether each can take the other's shift on every day of `days` (skills, leave, preferences, standby); no locked shift moves. */
  const canExchange = (a: number, b: number, days: readonly string[]) =>
    days.every((d) => {
      const ca = at(a, d);
      const cb = at(b, d);
      return !locked(a, d) && !locked(b, d) && (!cb || options.get(a)?.get(d)?.has(cb.templateId) === true) && (!ca || options.get(b)?.get(d)?.has(ca.templateId) === true);
    });
  const put = (personId: number, day: string, c: Candidate | undefined) => {
    let mine = plan.get(personId);
    if (!mine) plan.set(personId, (mine = new Map()));
    if (c) mine.set(day, c);
    else mine.delete(day);
  };
  /** Exchanges what a and b work (or not) on `days`; its own inverse. */
  const exchange = (a: number, b: number, days: readonly string[]) => {
    for (const d of days) {
      const ca = at(a, d);
      const cb = at(b, d);
      put(a, d, cb && options.get(a)?.get(d)?.get(cb.templateId));
      put(b, d, ca && options.get(b)?.get(d)?.get(ca.templateId));
    }
  };
  const loadsAfter = (personId: number, days: readonly string[], was: readonly (Candidate | undefined)[]) =>
    categories.map((inCategory, k) => days.reduce((n, d, i) => {
      const before = was[i];
      const now = at(personId, d);
      return n - (before && inCategory(before) ? 1 : 0) + (now && inCategory(now) ? 1 : 0);
    }, loadOf(personId)[k] ?? 0));
  /**
   * Exchanges what a and b work on weekDays[idx] when that is steadier (judged on start times
   * alone first: cheap) and keeps every rule. Each keeps their number of shifts in the week
   * (the callers pick such days), so no contract's count of shifts moves.
   */
  const trySwap = (a: number, b: number, week: string, weekDays: readonly string[], startsA: readonly (number | null)[], startsB: readonly (number | null)[], idx: readonly number[]): boolean => {
    const [spreadA, jumpsA] = score(startsA);
    const [spreadB, jumpsB] = score(startsB);
    const nextA = [...startsA];
    const nextB = [...startsB];
    for (const k of idx) {
      nextA[k] = startsB[k] ?? null;
      nextB[k] = startsA[k] ?? null;
    }
    const [spreadA2, jumpsA2] = score(nextA);
    const [spreadB2, jumpsB2] = score(nextB);
    const steadier = spreadA2 <= spreadA && spreadB2 <= spreadB && (spreadA2 + spreadB2 < spreadA + spreadB || (spreadA2 + spreadB2 === spreadA + spreadB && jumpsA2 + jumpsB2 < jumpsA + jumpsB));
    if (!steadier) return false;
    const days = idx.map((k) => weekDays[k] ?? '');
    if (!canExchange(a, b, days)) return false;
    const wasA = days.map((d) => at(a, d));
    const wasB = days.map((d) => at(b, d));
    const hoursA = weekHours(a, week);
    const hoursB = weekHours(b, week);
    exchange(a, b, days);
    const hoursHold = ([[a, hoursA], [b, hoursB]] as const).every(([p, h]) => {
      const h2 = weekHours(p, week);
      return h2 <= input.rules.maxWeeklyHours + 1e-9 && offBand(p, week, h2) <= offBand(p, week, h) + 1e-9;
    });
    const loadA = loadsAfter(a, days, wasA);
    const loadB = loadsAfter(b, days, wasB);
    const fair = categories.every((_, k) => (loadA[k] ?? 0) ** 2 + (loadB[k] ?? 0) ** 2 <= (loadOf(a)[k] ?? 0) ** 2 + (loadOf(b)[k] ?? 0) ** 2);
    const preferNot = (cs: readonly (Candidate | undefined)[]) => cs.filter((c) => c?.preferNot).length;
    const nowA = days.map((d) => at(a, d));
    const nowB = days.map((d) => at(b, d));
    if (hoursHold && fair && preferNot([...nowA, ...nowB]) <= preferNot([...wasA, ...wasB]) && restHolds(a, days) && restHolds(b, days) && runHolds(a, days) && runHolds(b, days)) {
      loads.set(a, loadA);
      loads.set(b, loadB);
      return true;
    }
    exchange(a, b, days);
    return false;
  };
  const everyone = input.people.map((p) => p.id).filter((id) => plan.has(id));
  for (let round = 0; round < 20; round += 1) {
    let improved = false;
    for (const [week, weekDays] of weeks) {
      const starts = new Map(everyone.map((p) => [p, startsIn(p, weekDays)]));
      const swapped = (a: number, b: number) => {
        starts.set(a, startsIn(a, weekDays));
        starts.set(b, startsIn(b, weekDays));
        improved = true;
      };
      for (const [k, a] of everyone.entries()) {
        if (shouldStop()) return [...plan.values()].flatMap((m) => [...m.values()]);
        for (const b of everyone.slice(k + 1)) {
          for (let i = 0; i < weekDays.length; i += 1) {
            const A = starts.get(a) ?? [];
            const B = starts.get(b) ?? [];
            if (A[i] === B[i]) continue;
            const works = (x: readonly (number | null)[], day: number) => (x[day] ?? null) !== null;
            if (works(A, i) && works(B, i)) {
              // Both work from day i: their shifts on a run of days, one day first, then longer.
              for (let n = 1; i + n <= weekDays.length && works(A, i + n - 1) && works(B, i + n - 1); n += 1) {
                if (trySwap(a, b, week, weekDays, A, B, Array.from({ length: n }, (_, x) => i + x))) {
                  swapped(a, b);
                  break;
                }
              }
              continue;
            }
            // One of them works day i: trade it for a later day when only the other works, so each keeps their number of shifts.
            for (let j = i + 1; j < weekDays.length; j += 1) {
              if (works(A, j) === works(B, i) && works(B, j) === works(A, i) && trySwap(a, b, week, weekDays, A, B, [i, j])) {
                swapped(a, b);
                break;
              }
            }
          }
        }
      }
    }
    if (!improved) break;
  }
  return [...plan.values()].flatMap((m) => [...m.values()]);
}
