import type { Draft } from '../../core/contract';
import type { Shift } from '../../core/shift';
import { cellKey } from './cells';

/** A draft's shift as the grid shows it. */
export type DraftShift = Draft['draft'][number];

/** What accepting a draft does to one cell: unlocked shifts in its range are replaced by the draft's. */
export interface CellChange {
  kind: 'new' | 'changed' | 'removed';
  /** The shifts that go (struck through). */
  before: Shift[];
  /** The shifts that come (outlined). */
  after: DraftShift[];
}

export interface DraftReview {
  /** By cell (person|day), only the cells the draft changes. */
  cells: Map<string, CellChange>;
  /** Per person in the week shown: paid minutes now and after accepting. */
  minutes: Map<number, { before: number; after: number }>;
  counts: { new: number; changed: number; removed: number };
}

const same = (before: Shift[], after: DraftShift[]) =>
  before.length === after.length && before.every((s) => after.some((d) => d.templateId === s.templateId && d.start === s.startLocal && d.end === s.endLocal));

/**
 * The draft against the week on screen, as schedule.apply will write it: within the draft's range
 * every unlocked shift is replaced by the draft's shifts of that person and day; locked ones stay.
 */
export function reviewDraft(draft: Draft, weekDays: readonly string[], people: readonly { id: number; paidMinutes: number }[], shifts: readonly Shift[]): DraftReview {
  const inRange = (day: string) => day >= draft.from && day <= draft.to;
  const days = weekDays.filter(inRange);
  const proposed = new Map<string, DraftShift[]>();
  for (const d of draft.draft) {
    if (!days.includes(d.day)) continue;
    const key = cellKey(d.personId, d.day);
    proposed.set(key, [...(proposed.get(key) ?? []), d]);
  }
  const current = new Map<string, Shift[]>();
  for (const s of shifts) {
    if (s.locked || !days.includes(s.day)) continue;
    const key = cellKey(s.personId, s.day);
    current.set(key, [...(current.get(key) ?? []), s]);
  }
  const cells = new Map<string, CellChange>();
  const counts = { new: 0, changed: 0, removed: 0 };
  const minutes = new Map(people.map((p) => [p.id, { before: p.paidMinutes, after: p.paidMinutes }]));
  for (const key of new Set([...proposed.keys(), ...current.keys()])) {
    const before = current.get(key) ?? [];
    const after = proposed.get(key) ?? [];
    const personId = Number(key.split('|')[0]);
    const m = minutes.get(personId);
    if (m) m.after += after.reduce((sum, d) => sum + d.paidHours * 60, 0) - before.reduce((sum, s) => sum + s.paidMinutes, 0);
    if (same(before, after)) continue;
    const kind = before.length === 0 ? 'new' : after.length === 0 ? 'removed' : 'changed';
    counts[kind] += 1;
    cells.set(key, { kind, before, after });
  }
  return { cells, minutes, counts };
}
