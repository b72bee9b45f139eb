import { addCol, addRow, emptyModel, type Term } from '../linear-model';
import { standbyClash } from '../rules';
import { fairnessCategories, fairnessLoad } from './fairness';
import { fixedIndex, key2, push } from './lookup';
import { coverageGaps, paidHours, workShare } from './spans';
import type { BuiltModel, Candidate, ContractRow, FlowArc, SchedulePerson, ScheduleInput, ShiftSpan, Unit } from './types';

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

export const UNDER_WEIGHT = 100;
const OVER_WEIGHT = 1;
const PREFER_NOT_WEIGHT = 2;
const FAIRNESS_WEIGHT = 3;
// Above anything an extra hour could win (it covers at most one agent-hour): used only when nothing else fits.
const CONTRACT_SLACK_WEIGHT = 1000;

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

/** A roster's cost in the per-person model, and the part of it that is missed contract hours. */
export interface RosterCost {
  total: number;
  contractSlack: number;
}

/**
 * What a roster of named people costs in the per-person model's objective, computed from the
 * roster itself: under- and over-staffing (the range's locked shifts included), "prefer not"
 * shifts, the most weekend days, nights and holidays anyone has, and contract slack.
 */
export function rosterCost(input: ScheduleInput, built: BuiltModel, picked: readonly Candidate[]): RosterCost {
  const inRange = new Set(input.days);
  const cover = [...picked.map((c) => ({ ...c.span, skill: c.skill, day: c.day })), ...input.fixed.filter((f) => inRange.has(f.day))];
  const hoursPerInterval = input.intervalMinutes / 60;
  const gaps = coverageGaps(input, cover).reduce((s, g) => s + UNDER_WEIGHT * g.short + OVER_WEIGHT * g.over, 0) * hoursPerInterval;
  const counts = countsIn(built, picked);
  const contractSlack = contractSlackCost(built, (col) => counts.get(col) ?? 0);
  return { total: gaps + PREFER_NOT_WEIGHT * picked.filter((c) => c.preferNot).length + FAIRNESS_WEIGHT * fairnessLoad(input, picked) + contractSlack, contractSlack };
}

/**
 * Whether roster cost `a` is better than `b`: fewer missed contract hours first, then the whole
 * objective. The model prices a missed contract hour at ten agent-hours of coverage, so a solve
 * cut short can hand back a roster that buys coverage with a broken contract; the lead would
 * see a rule broken, so drafting never takes one over a roster that keeps more contracts.
 */
export function cheaper(a: RosterCost, b: RosterCost): boolean {
  if (Math.abs(a.contractSlack - b.contractSlack) > 1e-6) return a.contractSlack < b.contractSlack;
  return a.total < b.total - 1e-6;
}
