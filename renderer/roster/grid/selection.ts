import type { CellValue } from '../../../core/shift';

/** A cell of the rota grid by its place: row = person (in the order shown), col = day of the week (0–6). */
export interface Pos {
  row: number;
  col: number;
}

/** The selected block: the rectangle the focused cell and the anchor span, edges included. */
export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** One cell to write, as `shift.setCells` takes it (null empties the cell). */
export interface CellEntry {
  personId: number;
  day: string;
  value: CellValue | null;
}

/** The last column: the grid always shows a team's seven days. */
export const LAST_COL = 6;

/** Keeps a place on the grid: rows of the people shown, the seven day columns. */
export function clampPos(p: Pos, rows: number): Pos {
  return { row: Math.max(0, Math.min(rows - 1, p.row)), col: Math.max(0, Math.min(LAST_COL, p.col)) };
}

export function selectionRect(focus: Pos, anchor: Pos): Rect {
  return {
    top: Math.min(focus.row, anchor.row),
    bottom: Math.max(focus.row, anchor.row),
    left: Math.min(focus.col, anchor.col),
    right: Math.max(focus.col, anchor.col),
  };
}

export function inRect(rect: Rect, row: number, col: number): boolean {
  return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

/** Every cell of the selection set to one value, row by row; places past the people or days shown are left out. */
export function rectEntries(rect: Rect, people: readonly { id: number }[], days: readonly string[], value: CellValue | null): CellEntry[] {
  const out: CellEntry[] = [];
  for (let r = rect.top; r <= rect.bottom; r += 1) {
    const person = people[r];
    if (!person) continue;
    for (let c = rect.left; c <= rect.right; c += 1) {
      const day = days[c];
      if (day) out.push({ personId: person.id, day, value });
    }
  }
  return out;
}
