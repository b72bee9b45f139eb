import { key2 } from './lookup';
import { paidHours, workShare } from './spans';
import type { Candidate, ScheduleInput, SchedulePerson, ShiftSpan } from './types';

/** A roster built by hand rather than by the solver (the greedy draft, naming people): what it holds, what is still missing, and topping up contracts. */

/**
 * A roster being built by hand, person by person: who works what on which day
 * (fixed shifts included), and whether one more shift keeps every rule the
 * model has: one a day, rest on both sides, consecutive days, weekly hours and
 * the contract's upper band.
 */
export class RosterPlan {
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
export class Residual {
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

/** Of a person's options, the one the rules allow that covers most of what is missing ("would rather not" counts a little less). */
export function bestOption(options: readonly Candidate[], p: SchedulePerson, plan: RosterPlan, residual: Residual): { c: Candidate; g: number } | undefined {
  return options
    .filter((c) => plan.allows(p, c))
    .map((c) => ({ c, g: residual.gain(c.skill, c.span) - (c.preferNot ? 0.5 : 0) }))
    .sort((x, y) => y.g - x.g)[0];
}

/** Hours a person still needs in a week to reach the contract's lower band (−∞ without a contract). */
export function shortOf(plan: RosterPlan, p: SchedulePerson, week: string): number {
  const band = p.contract(week);
  return band ? band.min - plan.weekHours(p.id, week) : Number.NEGATIVE_INFINITY;
}

/**
 * Tops up people below their contract: each such week gets the allowed shift
 * that covers most of what is still missing, until the band is reached or
 * nothing fits.
 */
export function topUpContracts(input: ScheduleInput, plan: RosterPlan, residual: Residual, options: Map<string, Candidate[]>): void {
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
