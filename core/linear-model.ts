/**
 * A small builder for linear and mixed-integer models: named columns with
 * bounds and costs, rows as sparse sums with lower and upper bounds. It knows
 * nothing about any solver; `toArrays` gives the compressed-row arrays HiGHS
 * (or any solver) takes.
 */

export interface Term {
  col: number;
  coef: number;
}

export interface LinearModel {
  numCols: number;
  colCost: number[];
  colLower: number[];
  colUpper: number[];
  integer: boolean[];
  rowLower: number[];
  rowUpper: number[];
  rows: Term[][];
}

export function emptyModel(): LinearModel {
  return { numCols: 0, colCost: [], colLower: [], colUpper: [], integer: [], rowLower: [], rowUpper: [], rows: [] };
}

export function addCol(m: LinearModel, cost: number, lower: number, upper: number, integer: boolean): number {
  m.colCost.push(cost);
  m.colLower.push(lower);
  m.colUpper.push(upper);
  m.integer.push(integer);
  m.numCols += 1;
  return m.numCols - 1;
}

/** Adds lower ≤ Σ coef·x ≤ upper (dropping zero terms); an empty row is skipped. */
export function addRow(m: LinearModel, terms: readonly Term[], lower: number, upper: number): void {
  const kept = terms.filter((t) => t.coef !== 0);
  if (kept.length === 0) return;
  m.rows.push(kept);
  m.rowLower.push(lower);
  m.rowUpper.push(upper);
}

/** The model as compressed sparse rows. */
export function toArrays(m: LinearModel): { starts: Int32Array; indices: Int32Array; values: Float64Array } {
  const nnz = m.rows.reduce((s, r) => s + r.length, 0);
  const starts = new Int32Array(m.rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  m.rows.forEach((row, i) => {
    starts[i] = k;
    // A solver wants each column once per row: merge repeats.
    const merged = new Map<number, number>();
    for (const t of row) merged.set(t.col, (merged.get(t.col) ?? 0) + t.coef);
    for (const [col, coef] of [...merged].sort((a, b) => a[0] - b[0])) {
      indices[k] = col;
      values[k] = coef;
      k += 1;
    }
  });
  starts[m.rows.length] = k;
  return { starts, indices: indices.subarray(0, k), values: values.subarray(0, k) };
}
