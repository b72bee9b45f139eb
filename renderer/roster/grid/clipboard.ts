import type { CellValue, Shift } from '../../../core/shift';
import { cellKey } from '../cells';
import { rectEntries, type CellEntry, type Rect } from './selection';

/** A copied block of cells, rows of values (null: an empty cell). */
export type Clip = (CellValue | null)[][];

/** What a cell holds, as a value that can be put into another cell: its first shift, by code when it has one. */
export function valueOf(shifts: readonly Shift[]): CellValue | null {
  const s = shifts[0];
  if (!s) return null;
  return s.code ? { code: s.code } : { startLocal: s.startLocal, endLocal: s.endLocal, breakMinutes: s.breakMinutes, skill: s.skill };
}

/** The selection's cells as a block to paste elsewhere. */
export function copyBlock(rect: Rect, people: readonly { id: number }[], days: readonly string[], shiftsByCell: ReadonlyMap<string, Shift[]>): Clip {
  const block: Clip = [];
  for (let r = rect.top; r <= rect.bottom; r += 1) {
    const row: (CellValue | null)[] = [];
    for (let c = rect.left; c <= rect.right; c += 1) row.push(valueOf(shiftsByCell.get(cellKey(people[r]?.id ?? 0, days[c] ?? '')) ?? []));
    block.push(row);
  }
  return block;
}

/** A block as text, tab-separated codes (times where a shift has no code), so the rota pastes into a spreadsheet. */
export function clipText(block: Clip): string {
  return block.map((r) => r.map((v) => (v && 'code' in v ? v.code : v ? `${v.startLocal}-${v.endLocal}` : '')).join('\t')).join('\n');
}

/** How many cells a block holds (its rows are equally long). */
export function clipCount(block: Clip): number {
  return block.length * (block[0]?.length ?? 0);
}

/**
 * What pasting a block writes: a single copied cell fills the whole selection; a larger block lands
 * with its first cell at the selection's top start corner, cut off where the people or days end.
 */
export function pasteEntries(block: Clip, rect: Rect, people: readonly { id: number }[], days: readonly string[]): CellEntry[] {
  const single = block.length === 1 && block[0]?.length === 1;
  if (single) return rectEntries(rect, people, days, block[0]?.[0] ?? null);
  const entries: CellEntry[] = [];
  block.forEach((row, dr) =>
    row.forEach((value, dc) => {
      const person = people[rect.top + dr];
      const day = days[rect.left + dc];
      if (person && day) entries.push({ personId: person.id, day, value });
    }),
  );
  return entries;
}
