import { candidatesByPersonDay, fixedIndex, key2 } from './lookup';
import type { BuiltModel, Candidate, ScheduleInput, ShiftSpan, Unit } from './types';

/** Weekend days, nights and holidays: what fairness spreads, how a draft evens them out, and the load the model counts. */

/** What fairness spreads: weekend days, night shifts and public holidays. */
export function fairnessCategories(input: ScheduleInput): ((c: Pick<Candidate, 'day' | 'span'>) => boolean)[] {
  return [(c) => input.rules.weekendDays.includes(input.weekday(c.day)), (c) => input.isNight(c.span), (c) => input.holidays.has(c.day)];
}

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
