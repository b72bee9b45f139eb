import { fairnessCategories } from './fairness';
import { key2, push } from './lookup';
import { paidHours } from './spans';
import type { BuiltModel, Candidate, ScheduleInput, ShiftSpan } from './types';

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
