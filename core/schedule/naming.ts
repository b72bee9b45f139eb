import { fairnessCategories } from './fairness';
import { candidatesByPersonDay, key2, push } from './lookup';
import { Residual, RosterPlan, shortOf, topUpContracts } from './roster-plan';
import type { BuiltModel, Candidate, ScheduleInput, SchedulePerson } from './types';

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
