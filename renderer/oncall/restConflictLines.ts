import type { RotationSaved } from '../../core/oncall';

/**
 * A saved rotation's rest conflicts, one per person and day, with the day's shortest rest: a
 * night's standby can clash with the shift before and the one after. First seen order is kept.
 */
export function shortestRestPerDay(conflicts: readonly RotationSaved['conflicts'][number][]): RotationSaved['conflicts'][number][] {
  const worst = new Map<string, RotationSaved['conflicts'][number]>();
  for (const v of conflicts) {
    const key = `${v.personId}|${v.day}`;
    const seen = worst.get(key);
    if (!seen || Number(v.params.hours) < Number(seen.params.hours)) worst.set(key, v);
  }
  return [...worst.values()];
}
