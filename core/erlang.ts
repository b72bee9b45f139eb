/**
 * Staffing models per interval: Erlang C (M/M/n) from the Erlang B recursion,
 * Erlang A (M/M/n+M: callers abandon after an exponential patience), and a
 * workload model for asynchronous channels such as email. Units are in names.
 *
 * The Erlang B recursion B(k) = a·B(k−1) / (k + a·B(k−1)) never forms a factorial
 * or a power, so it stays finite and accurate for any number of agents.
 */

export interface StaffingInput {
  /** Contacts arriving in the interval. */
  calls: number;
  intervalMinutes: number;
  ahtSeconds: number;
  /** Service-level target as a fraction (0.8 = 80 % answered within targetSeconds). */
  targetServiceLevel: number;
  targetSeconds: number;
  /** Fraction of paid time not on contacts (breaks, training, absence): 0 ≤ x < 1. */
  shrinkage?: number;
  /** Highest acceptable occupancy (fraction); required agents never push it above. */
  maxOccupancy?: number;
  /** Mean patience before abandoning; given, the model is Erlang A. */
  patienceSeconds?: number | null;
}

export interface StaffingResult {
  /** Offered load in Erlangs: calls × AHT / interval. */
  traffic: number;
  /** Agents on the phones (before shrinkage). */
  agents: number;
  /** Agents to schedule: ceil(agents / (1 − shrinkage)). */
  scheduled: number;
  serviceLevel: number;
  /** Probability an arriving contact has to wait. */
  probWait: number;
  /** Average speed of answer (mean wait of all contacts), seconds. */
  asa: number;
  occupancy: number;
  /** Erlang A only: the fraction of callers who hang up while waiting. */
  abandonRate?: number;
}

/** Erlang B blocking probability for n servers and a Erlangs. */
export function erlangB(n: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= n; k += 1) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: the probability of waiting with n agents and a Erlangs (1 when n ≤ a: the queue never empties). */
export function erlangC(n: number, a: number): number {
  if (a <= 0) return 0;
  if (n <= a) return 1;
  const b = erlangB(n, a);
  return (n * b) / (n - a * (1 - b));
}

function erlangCMetrics(n: number, a: number, ahtSeconds: number, targetSeconds: number) {
  if (a <= 0) return { serviceLevel: 1, probWait: 0, asa: 0, occupancy: 0 };
  const probWait = erlangC(n, a);
  // Fewer agents than Erlangs: the queue grows without end.
  if (n <= a) return { serviceLevel: 0, probWait: 1, asa: Number.POSITIVE_INFINITY, occupancy: 1 };
  return {
    serviceLevel: 1 - probWait * Math.exp((-(n - a) * targetSeconds) / ahtSeconds),
    probWait,
    asa: (probWait * ahtSeconds) / (n - a),
    occupancy: a / n,
  };
}

/**
 * Erlang A from its birth–death chain: arrivals λ, service μ each for up to n
 * in service, abandonment θ each for those queueing. The stationary
 * distribution is built by ratios (scaled, never overflowing) and cut where
 * the terms vanish. The service level is the share of arrivals whose offered
 * wait (the time until an agent would take them) is within the target: a
 * caller who finds k ahead waits through k + 1 queue departures, each at rate
 * nμ + (queue ahead)·θ, evaluated by uniformisation.
 */
function erlangAMetrics(n: number, a: number, ahtSeconds: number, targetSeconds: number, patienceSeconds: number) {
  if (a <= 0) return { serviceLevel: 1, probWait: 0, asa: 0, occupancy: 0, abandonRate: 0 };
  const mu = 1 / ahtSeconds;
  const lambda = a * mu;
  const theta = 1 / patienceSeconds;
  // log π_j up to a constant, by ratios (no factorial, no overflow at thousands of Erlangs),
  // cut once past n the terms are 35 e-folds (≈ 1e-15) under the largest.
  const lp: number[] = [0];
  let top = 0;
  for (let j = 1; ; j += 1) {
    const death = Math.min(j, n) * mu + Math.max(0, j - n) * theta;
    const next = (lp[j - 1] ?? 0) + Math.log(lambda) - Math.log(death);
    lp.push(next);
    top = Math.max(top, next);
    if (j > n && next < top - 35) break;
  }
  const weights = lp.map((x) => Math.exp(x - top));
  const total = weights.reduce((s, x) => s + x, 0);
  const pi = weights.map((x) => x / total);
  let probWait = 0;
  let queueMean = 0;
  let busy = 0;
  pi.forEach((x, j) => {
    if (j >= n) probWait += x;
    queueMean += Math.max(0, j - n) * x;
    busy += Math.min(j, n) * x;
  });
  // Offered waits: a caller finding j ≥ n in the system needs j − n + 1 queue departures.
  const maxQueue = pi.length - n;
  const rate = (ahead: number) => n * mu + ahead * theta;
  const uniform = rate(maxQueue);
  const mean = uniform * targetSeconds;
  // g[k]: P(still waiting after m jumps | k departures still needed); summed against Poisson(m; mean).
  let g: number[] = Array.from({ length: maxQueue + 1 }, (_, k) => (k === 0 ? 0 : 1));
  const stillWaiting = new Array<number>(maxQueue + 1).fill(0);
  let logPoisson = -mean;
  const jumps = Math.ceil(mean + 10 * Math.sqrt(mean) + 20);
  for (let m = 0; m <= jumps; m += 1) {
    const poisson = Math.exp(logPoisson);
    for (let k = 1; k <= maxQueue; k += 1) stillWaiting[k] = (stillWaiting[k] ?? 0) + poisson * (g[k] ?? 0);
    const nextG = g.slice();
    for (let k = 1; k <= maxQueue; k += 1) {
      const move = rate(k - 1) / uniform;
      nextG[k] = move * (g[k - 1] ?? 0) + (1 - move) * (g[k] ?? 0);
    }
    g = nextG;
    logPoisson += Math.log(mean) - Math.log(m + 1);
  }
  let late = 0;
  for (let j = n; j < pi.length; j += 1) late += (pi[j] ?? 0) * (stillWaiting[j - n + 1] ?? 1);
  return {
    serviceLevel: Math.min(1, Math.max(0, 1 - late)),
    probWait,
    // Little's law on the queue: mean wait of all arrivals.
    asa: queueMean / lambda,
    occupancy: busy / n,
    abandonRate: (theta * queueMean) / lambda,
  };
}

/** Traffic in Erlangs of `calls` contacts of `ahtSeconds` each over the interval. */
export function trafficErlangs(calls: number, ahtSeconds: number, intervalMinutes: number): number {
  return (calls * ahtSeconds) / (intervalMinutes * 60);
}

/** Service level, waiting and occupancy with exactly `agents` agents on the phones. */
export function evaluateAgents(input: StaffingInput, agents: number): StaffingResult {
  const traffic = trafficErlangs(input.calls, input.ahtSeconds, input.intervalMinutes);
  const metrics =
    input.patienceSeconds !== null && input.patienceSeconds !== undefined && input.patienceSeconds > 0
      ? erlangAMetrics(agents, traffic, input.ahtSeconds, input.targetSeconds, input.patienceSeconds)
      : erlangCMetrics(agents, traffic, input.ahtSeconds, input.targetSeconds);
  return { traffic, agents, scheduled: scheduledHeadcount(agents, input.shrinkage ?? 0), ...metrics };
}

/** Agents to put on the rota for `agents` on the phones: ceil(N / (1 − shrinkage)). */
export function scheduledHeadcount(agents: number, shrinkage: number): number {
  // The epsilon keeps 10 / (1 − 0.2) = 12.5 from becoming 12.500000000000002 → 13 by float noise alone.
  return agents <= 0 ? 0 : Math.ceil(agents / (1 - shrinkage) - 1e-9);
}

/**
 * The smallest number of agents that meets the service-level target and keeps
 * occupancy at or under the cap. Zero contacts need zero agents.
 */
export function requiredAgents(input: StaffingInput): StaffingResult {
  const traffic = trafficErlangs(input.calls, input.ahtSeconds, input.intervalMinutes);
  if (traffic <= 0) return evaluateAgents(input, 0);
  const maxOccupancy = input.maxOccupancy ?? 1;
  const meets = (r: StaffingResult) => r.serviceLevel >= input.targetServiceLevel && r.occupancy <= maxOccupancy + 1e-12;
  // Erlang C: walk up from the least that can keep up, one B-recursion step per agent.
  let n = Math.max(1, Math.floor(traffic) + 1, Math.ceil(traffic / maxOccupancy - 1e-9));
  let b = erlangB(n, traffic);
  let upper: StaffingResult;
  for (;;) {
    const c = (n * b) / (n - traffic * (1 - b));
    const r: StaffingResult = {
      traffic,
      agents: n,
      scheduled: scheduledHeadcount(n, input.shrinkage ?? 0),
      serviceLevel: 1 - c * Math.exp((-(n - traffic) * input.targetSeconds) / input.ahtSeconds),
      probWait: c,
      asa: (c * input.ahtSeconds) / (n - traffic),
      occupancy: traffic / n,
    };
    if (meets(r)) {
      upper = r;
      break;
    }
    n += 1;
    b = (traffic * b) / (n + traffic * b);
  }
  if (input.patienceSeconds === null || input.patienceSeconds === undefined || input.patienceSeconds <= 0) return upper;
  // Erlang A: abandonment only shortens waits, so the Erlang C answer is an upper bound;
  // both service level and occupancy are monotone in agents, so bisect below it. (Fewer
  // agents than Erlangs can meet a waiting target when enough callers give up: the
  // abandon rate in the answer says what that costs.)
  let lo = 0;
  let hi = upper.agents;
  let best = evaluateAgents(input, hi);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const r = evaluateAgents(input, mid);
    if (meets(r)) {
      hi = mid;
      best = r;
    } else lo = mid;
  }
  return best;
}

export interface WorkloadInput {
  /** Items (emails) arriving in the interval. */
  volume: number;
  intervalMinutes: number;
  handleSeconds: number;
  /** Items already waiting at the start of the interval. */
  backlog?: number;
  /** The response-time target: work must be done within this many minutes of arriving. */
  responseMinutes: number;
  shrinkage?: number;
  maxOccupancy?: number;
}

/**
 * Asynchronous channels: nobody waits on the line, so the work (volume ×
 * handle time, plus the backlog) only has to be done within the response
 * target: it is spread over that window (or the interval, if the target is
 * shorter), within the occupancy cap.
 */
export function workloadAgents(input: WorkloadInput): { workloadHours: number; agents: number; scheduled: number } {
  const maxOccupancy = input.maxOccupancy ?? 0.85;
  const workSeconds = (input.volume + (input.backlog ?? 0)) * input.handleSeconds;
  const windowSeconds = Math.max(input.intervalMinutes, input.responseMinutes) * 60;
  const agents = workSeconds === 0 ? 0 : Math.ceil(workSeconds / windowSeconds / maxOccupancy - 1e-9);
  return { workloadHours: workSeconds / 3600, agents, scheduled: scheduledHeadcount(agents, input.shrinkage ?? 0) };
}
