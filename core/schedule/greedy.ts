import { candidatesByPersonDay, key2 } from './lookup';
import { bestOption, Residual, RosterPlan, shortOf, topUpContracts } from './roster-plan';
import type { BuiltModel, ScheduleInput } from './types';

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
