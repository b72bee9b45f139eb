import type { BuiltModel, Candidate, FixedShift, ScheduleInput } from './types';

/** Maps keyed by person (or unit) and day, which every stage of drafting looks things up in. */

export const key2 = (a: number | string, b: number | string) => `${a}|${b}`;

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function fixedIndex(input: ScheduleInput): Map<string, FixedShift[]> {
  const out = new Map<string, FixedShift[]>();
  for (const f of input.fixed) push(out, key2(f.personId, f.day), f);
  return out;
}

export function candidatesByPersonDay(built: BuiltModel): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  for (const c of built.candidates) push(out, key2(c.personId, c.day), c);
  return out;
}
