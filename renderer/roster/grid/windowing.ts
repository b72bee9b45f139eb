/**
 * Row windowing for the rota grid, as pure arithmetic: which people rows to put in the page, and
 * how tall the empty rows standing in for the others are. A team of 1 000 has 10 000 cells; only
 * the rows in view (and a few either side) are rendered, the rest keep their height as spacers,
 * so the scrollbar, scrolling and the page's length stay as if every row were there.
 */

/** What of the rows' band is on screen: from `top` (px below the first row's top edge) for `height` px. */
export interface View {
  top: number;
  height: number;
}

/** The rows to render: `first` to `last`, both included (empty when last < first). */
export interface RowRange {
  first: number;
  last: number;
}

/** A run of rendered rows, or a spacer standing in for `count` rows left out. */
export type Segment = { kind: 'rows'; first: number; last: number } | { kind: 'gap'; count: number };

/** Rows rendered beyond each edge of the view, so a scroll of a few rows never shows a blank. */
export const OVERSCAN = 8;

/**
 * The rows that meet the view, widened by `overscan` either side, for `rows` rows of about
 * `rowHeight` px. A view wholly above or below the rows still gives the rows nearest to it, so
 * the grid never renders empty while it has people.
 */
export function rowRange(view: View, rows: number, rowHeight: number, overscan = OVERSCAN): RowRange {
  if (rows <= 0) return { first: 0, last: -1 };
  const h = rowHeight > 0 ? rowHeight : 1;
  const clamp = (i: number) => Math.max(0, Math.min(rows - 1, i));
  const first = clamp(Math.floor(view.top / h) - overscan);
  const last = clamp(Math.ceil((view.top + Math.max(0, view.height)) / h) - 1 + overscan);
  return { first, last: Math.max(first, last) };
}

/**
 * The grid's body in order: the range's rows, plus rows that must exist whatever is in view (the
 * focused row: it holds the one cell in the tab order, and the keyboard is put on it), with
 * spacers for what lies between. Rows out of 0…rows-1 are ignored.
 */
export function rowSegments(range: RowRange, pinned: readonly number[], rows: number): Segment[] {
  const runs: [number, number][] = [];
  if (range.last >= range.first) runs.push([Math.max(0, range.first), Math.min(rows - 1, range.last)]);
  for (const r of pinned) if (Number.isInteger(r) && r >= 0 && r < rows) runs.push([r, r]);
  runs.sort((a, b) => a[0] - b[0]);
  // Overlapping or touching runs become one, so no spacer of zero rows is ever made.
  const merged: [number, number][] = [];
  for (const [a, b] of runs) {
    const prev = merged.at(-1);
    if (prev && a <= prev[1] + 1) prev[1] = Math.max(prev[1], b);
    else if (b >= a) merged.push([a, b]);
  }
  const out: Segment[] = [];
  let next = 0;
  for (const [a, b] of merged) {
    if (a > next) out.push({ kind: 'gap', count: a - next });
    out.push({ kind: 'rows', first: a, last: b });
    next = b + 1;
  }
  if (rows > next) out.push({ kind: 'gap', count: rows - next });
  return out;
}

/**
 * How many rows PageUp and PageDown move: the rows that fit in the view, less one so the row
 * left behind stays in sight; never fewer than one.
 */
export function pageRows(viewHeight: number, rowHeight: number): number {
  if (!(rowHeight > 0) || !(viewHeight > 0)) return 1;
  return Math.max(1, Math.floor(viewHeight / rowHeight) - 1);
}
