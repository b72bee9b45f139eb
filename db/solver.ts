import loadHighs, { type Highs } from 'highs';
import { toArrays, type LinearModel } from '../core/linear-model';

/**
 * HiGHS (WebAssembly) behind one function. The module loads once, on first
 * use; a solve blocks its thread, so callers that must stay responsive run it
 * in a worker.
 */

let loading: Promise<Highs> | null = null;
export function highsInstance(): Promise<Highs> {
  loading ??= loadHighs();
  return loading;
}

export interface SolveOptions {
  timeLimitSeconds: number;
  /** Stop when the incumbent is provably within this fraction of the optimum. */
  relativeGap?: number;
  /** Called from the solver's MIP log and on each better solution: the best objective so far and the bound. */
  onProgress?(p: { objective: number | null; bound: number | null; gap: number | null }): void;
  /** Polled during the MIP search; true stops it, keeping the best solution found. */
  shouldStop?(): boolean;
  /**
   * A small cut pool: for the search's small models, where HiGHS's default pool makes each root
   * node half again as slow (measured on a week of 50 people: 1.4 s → 0.9 s) for no better answer.
   */
  smallCutPool?: boolean;
  /** A starting solution: values of some columns (HiGHS completes the rest). */
  start?: { indices: number[]; values: number[] };
}

export interface SolveResult {
  /** optimal, time limit, interrupted, infeasible… as HiGHS names it. */
  status: 'optimal' | 'limit' | 'infeasible' | 'error';
  colValue: Float64Array | null;
  objective: number | null;
  /** The proven bound on the objective (for a MIP, the dual bound). */
  bound: number | null;
}

// The search solves one model many times with other column bounds: its rows are laid out once.
const laidOut = new WeakMap<LinearModel['rows'], ReturnType<typeof toArrays>>();

export function solveModel(highs: Highs, m: LinearModel, options: SolveOptions): SolveResult {
  let arrays = laidOut.get(m.rows);
  if (!arrays || arrays.starts.length !== m.rows.length + 1) {
    arrays = toArrays(m);
    laidOut.set(m.rows, arrays);
  }
  const { starts, indices, values } = arrays;
  const inf = (x: number) => (x === Number.POSITIVE_INFINITY ? highs.infinity : x === Number.NEGATIVE_INFINITY ? -highs.infinity : x);
  const isMip = m.integer.some(Boolean);
  const model = highs.createModel({
    numCols: m.numCols,
    numRows: m.rows.length,
    colCost: m.colCost,
    colLower: m.colLower.map(inf),
    colUpper: m.colUpper.map(inf),
    rowLower: m.rowLower.map(inf),
    rowUpper: m.rowUpper.map(inf),
    matrix: { format: 'csr', numRows: m.rows.length, numCols: m.numCols, starts, indices, values },
    ...(isMip ? { integrality: Int32Array.from(m.integer, (b) => (b ? highs.constants.variableType.integer : highs.constants.variableType.continuous)) } : {}),
  });
  try {
    model.options.set({ output_flag: false, time_limit: options.timeLimitSeconds, ...(isMip ? { mip_rel_gap: options.relativeGap ?? 0.001 } : {}), ...(options.smallCutPool ? { mip_pool_soft_limit: 100 } : {}) });
    if (options.start && options.start.indices.length) model.setSolution({ indices: Int32Array.from(options.start.indices), values: Float64Array.from(options.start.values) });
    const report = (data: { objective_function_value?: number; mip_primal_bound?: number; mip_dual_bound?: number; mip_gap?: number }) =>
      options.onProgress?.({ objective: finite(data.mip_primal_bound ?? data.objective_function_value), bound: finite(data.mip_dual_bound), gap: finite(data.mip_gap) });
    const { callbackType } = highs.constants;
    let run: ReturnType<typeof model.run>;
    try {
      run = model.run({
        [callbackType.mipImprovingSolution]: (event) => {
          report(event.data);
          return undefined;
        },
        [callbackType.mipLogging]: (event) => {
          report(event.data);
          return undefined;
        },
        [callbackType.mipInterrupt]: (event) => {
          if (options.shouldStop?.()) event.interrupt();
          return undefined;
        },
      });
    } catch {
      // HiGHS refused the model or failed inside: no solution, and the caller falls back on what it has.
      return { status: 'error', colValue: null, objective: null, bound: null };
    }
    const s = highs.constants.modelStatus;
    const status = run.modelStatus;
    const solved = status === s.optimal ? 'optimal' : status === s.infeasible ? 'infeasible' : status === s.timeLimit || status === s.interrupted || status === s.solutionLimit || status === s.iterationLimit ? 'limit' : 'error';
    const hasSolution = solved === 'optimal' || (solved === 'limit' && Number(model.info.get('primal_solution_status')) === 2);
    return {
      status: solved,
      colValue: hasSolution ? model.getSolution().colValue : null,
      objective: hasSolution ? model.getObjectiveValue() : null,
      bound: isMip ? finite(Number(model.info.get('mip_dual_bound'))) : solved === 'optimal' ? model.getObjectiveValue() : null,
    };
  } finally {
    model.dispose();
  }
}

function finite(x: number | undefined | null): number | null {
  return x === undefined || x === null || !Number.isFinite(x) || Math.abs(x) >= 1e30 ? null : x;
}
