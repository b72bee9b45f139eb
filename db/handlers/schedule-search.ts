import type { Highs } from 'highs';
import { cheaper, rosterCost, type BuiltModel, type Candidate, type RosterCost, type ScheduleInput } from '../../core/schedule';
import { solveModel } from '../solver';

/**
 * Large-neighbourhood search on the per-person model: a window of days (for a big team, a part
 * of the team over it) is solved again with every other shift fixed as it stands, started from
 * the roster it improves, and the answer kept when it costs less (rosterCost, cheaper). A week of 50
 * people is a small model that HiGHS settles at its root in about a second, where the whole
 * four weeks take ten before the first good answer: on a slow machine this is what gives a
 * good draft early. The result never costs more than the roster it started from.
 */

/** Windows of this many days: a week, so a contract week can be reshaped whole. */
const WINDOW_DAYS = 7;
/** Where each pass starts its windows, in days from the range's first week start: weeks first, then across their edges. */
const OFFSETS = [0, 4, 2, 6, 1, 5, 3];
/** Above this many free shifts a window is split by people, so each model stays quick to solve. */
const MAX_FREE_COLUMNS = 2500;

export interface Neighbourhood {
  days: ReadonlySet<string>;
  /** Only these people's shifts are free (all, when absent). */
  people?: ReadonlySet<number>;
}

/** The windows of pass `pass`: seven days from a pass-dependent offset, split by people when large. */
export function neighbourhoods(input: ScheduleInput, built: BuiltModel, pass: number, maxFreeColumns = MAX_FREE_COLUMNS): Neighbourhood[] {
  const first = input.weekOf(input.days[0] ?? '');
  const offset = OFFSETS[pass % OFFSETS.length] ?? 0;
  const out: Neighbourhood[] = [];
  for (let start = input.addDays(first, offset - WINDOW_DAYS); start <= (input.days.at(-1) ?? ''); start = input.addDays(start, WINDOW_DAYS)) {
    const days = new Set(Array.from({ length: WINDOW_DAYS }, (_, i) => input.addDays(start, i)).filter((d) => input.days.includes(d)));
    if (days.size === 0) continue;
    const free = built.candidates.filter((c) => days.has(c.day));
    const parts = Math.ceil(free.length / maxFreeColumns);
    if (parts <= 1) {
      out.push({ days });
      continue;
    }
    // People dealt round-robin into parts, dealt differently each pass so who meets whom changes.
    const people = [...new Set(free.map((c) => c.personId))].sort((a, b) => a - b);
    const shift = pass % people.length;
    for (let k = 0; k < parts; k += 1) out.push({ days, people: new Set(people.filter((_, i) => (i + shift) % parts === k)) });
  }
  return out;
}

export interface SearchOptions {
  /** Seconds left for the search; it stops between windows, or cuts the last one short, when this reaches 0. */
  secondsLeft(): number;
  shouldStop(): boolean;
  /** After each window that improved the roster. */
  onImproved?(picked: readonly Candidate[], cost: RosterCost): void;
  /** Stop after this many passes (default: until time runs out or `idlePasses` passes in a row change nothing). */
  maxPasses?: number;
  /** How many passes in a row may change nothing before the search stops (default 2). */
  idlePasses?: number;
  /** Which pass to start at (each pass places its windows differently; default 0, the weeks). */
  firstPass?: number;
}

export interface SearchResult {
  picked: Set<number>;
  cost: RosterCost;
  /** Windows solved, and how many of them improved the roster. */
  windows: number;
  improved: number;
}

export function searchNeighbourhoods(highs: Highs, input: ScheduleInput, built: BuiltModel, start: ReadonlySet<number>, options: SearchOptions): SearchResult {
  const chosen = (cols: ReadonlySet<number>) => built.candidates.filter((c) => cols.has(c.col));
  let picked = new Set(start);
  let cost = rosterCost(input, built, chosen(picked));
  let windows = 0;
  let improved = 0;
  let idlePasses = 0;
  const out = () => options.shouldStop() || options.secondsLeft() <= 0.05;
  const first = options.firstPass ?? 0;
  for (let pass = first; pass < first + (options.maxPasses ?? Number.POSITIVE_INFINITY) && idlePasses < (options.idlePasses ?? 2) && !out(); pass += 1) {
    let better = false;
    for (const hood of neighbourhoods(input, built, pass)) {
      if (out()) break;
      const isFree = (c: Candidate) => hood.days.has(c.day) && (!hood.people || hood.people.has(c.personId));
      const colLower = [...built.model.colLower];
      const colUpper = [...built.model.colUpper];
      for (const c of built.candidates) {
        if (isFree(c)) continue;
        const v = picked.has(c.col) ? 1 : 0;
        colLower[c.col] = v;
        colUpper[c.col] = v;
      }
      const solved = solveModel(highs, { ...built.model, colLower, colUpper }, {
        timeLimitSeconds: Math.max(0.05, options.secondsLeft()),
        relativeGap: 0.001,
        smallCutPool: true,
        shouldStop: options.shouldStop,
        start: { indices: built.candidates.map((c) => c.col), values: built.candidates.map((c) => (picked.has(c.col) ? 1 : 0)) },
      });
      windows += 1;
      const values = solved.colValue;
      if (!values) continue;
      const next = new Set(built.candidates.filter((c) => (values[c.col] ?? 0) > 0.5).map((c) => c.col));
      const nextCost = rosterCost(input, built, chosen(next));
      if (cheaper(nextCost, cost)) {
        picked = next;
        cost = nextCost;
        improved += 1;
        better = true;
        options.onImproved?.(chosen(picked), cost);
      }
    }
    idlePasses = better ? 0 : idlePasses + 1;
  }
  return { picked, cost, windows, improved };
}
