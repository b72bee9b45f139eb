import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import type { Highs } from 'highs';
import { buildScheduleModel, cheaper, greedyAssignment, rosterCost, type BuiltModel, type ScheduleInput } from '../../core/schedule';
import { makeContext } from '../../db/make-context';
import { scheduleInput } from '../../db/handlers/schedule-draft';
import { neighbourhoods, searchNeighbourhoods } from '../../db/handlers/schedule-search';
import { highsInstance, solveModel } from '../../db/solver';
import { personalise, scheduleTeam } from '../bench/schedule';
import { tempFile } from '../helpers/tmp';

/**
 * Issue 19, point 1: the search that gives a slow machine a good draft early. Everything here
 * runs on the real planner file and the real HiGHS: the bench's team, made small.
 */

const now = Temporal.Instant.from('2026-11-22T09:00:00Z');
let highs: Highs;
let input: ScheduleInput;
let perPerson: BuiltModel;
let db: Database.Database;

beforeAll(async () => {
  const file = tempFile();
  const { s, t } = scheduleTeam(file, 14, () => now);
  personalise(s, t.id);
  s.close();
  db = new Database(file, { readonly: true, fileMustExist: true });
  const { context } = makeContext(db, () => now, 'test');
  input = scheduleInput(context, context.requireTeam(t.id), '2026-11-23', '2026-12-06', 30).input;
  perPerson = buildScheduleModel(input);
  highs = await highsInstance();
}, 60_000);
afterAll(() => db.close());

/** The per-person model with every shift fixed as in `cols`: HiGHS's optimum is that roster's cost, or it is infeasible. */
function solveFixed(cols: ReadonlySet<number>) {
  const colLower = [...perPerson.model.colLower];
  const colUpper = [...perPerson.model.colUpper];
  for (const c of perPerson.candidates) colLower[c.col] = colUpper[c.col] = cols.has(c.col) ? 1 : 0;
  return solveModel(highs, { ...perPerson.model, colLower, colUpper }, { timeLimitSeconds: 30 });
}

const chosen = (cols: ReadonlySet<number>) => perPerson.candidates.filter((c) => cols.has(c.col));

describe('large-neighbourhood search', () => {
  it("prices a roster as the model's objective does", () => {
    const greedy = greedyAssignment(input, perPerson);
    const fixed = solveFixed(greedy);
    expect(fixed.status).toBe('optimal');
    const cost = rosterCost(input, perPerson, chosen(greedy));
    expect(cost.total).toBeGreaterThan(0);
    expect(Math.abs(cost.total - (fixed.objective ?? 0))).toBeLessThan(1e-6 * cost.total);
  });

  it('improves the greedy draft week by week, keeps every rule, and never hands back a costlier roster', () => {
    const greedy = greedyAssignment(input, perPerson);
    const start = rosterCost(input, perPerson, chosen(greedy));
    const seen: number[] = [];
    const found = searchNeighbourhoods(highs, input, perPerson, greedy, { secondsLeft: () => 60, shouldStop: () => false, maxPasses: 2, onImproved: (_, cost) => seen.push(cost.total) });
    expect(found.windows).toBeGreaterThanOrEqual(4);
    expect(found.improved).toBeGreaterThan(0);
    expect(found.cost.total).toBeLessThan(start.total);
    // Each kept roster cost less than the one before it.
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);
    // The roster it returns is feasible in the model (every rule is a row) and costs what it says.
    const check = solveFixed(found.picked);
    expect(check.status).toBe('optimal');
    expect(Math.abs((check.objective ?? 0) - found.cost.total)).toBeLessThan(1e-6 * found.cost.total);
    // At most one shift per person and day.
    const days = chosen(found.picked).map((c) => `${c.personId}|${c.day}`);
    expect(new Set(days).size).toBe(days.length);
  });

  it('stops when told, with the roster it had', () => {
    const greedy = greedyAssignment(input, perPerson);
    const found = searchNeighbourhoods(highs, input, perPerson, greedy, { secondsLeft: () => 60, shouldStop: () => true });
    expect(found.windows).toBe(0);
    expect([...found.picked].sort()).toEqual([...greedy].sort());
  });

  it('lays its windows over the weeks first, then across their edges, and splits a big team by people', () => {
    const days = (pass: number) => neighbourhoods(input, perPerson, pass).map((h) => [...h.days]);
    expect(days(0)).toEqual([input.days.slice(0, 7), input.days.slice(7, 14)]);
    expect(days(1)).toEqual([input.days.slice(0, 4), input.days.slice(4, 11), input.days.slice(11, 14)]);
    // With room for only 200 free shifts a window, each week is cut into parts, everyone in exactly one.
    const split = neighbourhoods(input, perPerson, 0, 200);
    const people = new Set(input.people.map((p) => p.id));
    for (const week of [input.days.slice(0, 7), input.days.slice(7, 14)]) {
      const parts = split.filter((h) => [...h.days].join() === week.join());
      expect(parts.length).toBeGreaterThan(1);
      const members = parts.flatMap((h) => [...(h.people ?? [])]);
      expect(members.length).toBe(new Set(members).size);
      for (const id of members) expect(people.has(id)).toBe(true);
      for (const h of parts) expect(perPerson.candidates.filter((c) => h.days.has(c.day) && h.people?.has(c.personId)).length).toBeLessThanOrEqual(200 * 1.5);
    }
  });

  it('prefers a roster that keeps more contracts, then the cheaper one', () => {
    expect(cheaper({ total: 10, contractSlack: 0 }, { total: 5, contractSlack: 0 })).toBe(false);
    expect(cheaper({ total: 5, contractSlack: 0 }, { total: 10, contractSlack: 0 })).toBe(true);
    // Coverage bought with a missed contract hour loses, however much it covers.
    expect(cheaper({ total: 5, contractSlack: 1000 }, { total: 50_000, contractSlack: 0 })).toBe(false);
    expect(cheaper({ total: 50_000, contractSlack: 0 }, { total: 5, contractSlack: 1000 })).toBe(true);
  });
});
