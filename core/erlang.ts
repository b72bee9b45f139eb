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
  /** Erlang A: the highest share of offered callers who may hang up (DEFAULT_MAX_ABANDON_RATE when not given). */
  maxAbandonRate?: number;
  /** Erlang A: callers who hang up within this many seconds of waiting are not counted as offered (0: all are). */
  shortAbandonSeconds?: number;
}

export interface StaffingResult {
  /** Offered load in Erlangs: calls × AHT / interval. */
  traffic: number;
  /** Agents on the phones (before shrinkage). */
  agents: number;
  /** Agents to schedule: ceil(agents / (1 − shrinkage)). */
  scheduled: number;
  /**
   * Answered within targetSeconds over offered contacts. With a patience a caller
   * who hangs up is missed (short abandons, when set, are not counted as offered).
   */
  serviceLevel: number;
  /** Probability an arriving contact has to wait. */
  probWait: number;
  /** Average speed of answer (mean wait of all contacts), seconds. */
  asa: number;
  occupancy: number;
  /** Erlang A only: the fraction of offered callers who hang up while waiting (short abandons, when set, left out). */
  abandonRate?: number;
  /**
   * A requirement below the offered load in Erlangs only holds because callers
   * hang up (the carried load is what fits): said, never silent.
   */
  belowLoadReason?: 'abandonment';
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

/** The highest share of callers a channel may lose to hang-ups when nothing else is set. */
export const DEFAULT_MAX_ABANDON_RATE = 0.05;

/**
 * Erlang A from its birth–death chain: arrivals λ, service μ each for up to n
 * in service, abandonment θ each for those queueing. The stationary
 * distribution is built by ratios (scaled, never overflowing) and cut where
 * the terms vanish.
 *
 * The service level is answered within the target over all offered contacts:
 * a caller who hangs up counts as missed, whenever they hang up. A caller who
 * finds k − 1 ahead (all agents busy) moves up at rate nμ + (ahead)·θ and hangs
 * up at rate θ of their own; they are answered within T when they reach an
 * agent before both T and their own patience run out. That small chain
 * (position, answered, gone) is evaluated by uniformisation for every k at
 * once. Callers who hang up within `shortAbandonSeconds` of waiting are taken
 * out of the offered contacts (numerator and denominator) when it is set.
 */
function erlangAMetrics(n: number, a: number, ahtSeconds: number, targetSeconds: number, patienceSeconds: number, shortAbandonSeconds: number) {
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
  // Position k = j − n + 1 for a caller who finds j ≥ n in the system.
  const maxPosition = pi.length - n;
  const within = taggedCaller(n * mu, theta, maxPosition, targetSeconds);
  const short = shortAbandonSeconds > 0 ? taggedCaller(n * mu, theta, maxPosition, shortAbandonSeconds).gone : null;
  let answeredInTime = 0;
  let abandoned = 0;
  let shortAbandoned = 0;
  for (let j = 0; j < pi.length; j += 1) {
    const p = pi[j] ?? 0;
    if (j < n) {
      answeredInTime += p;
      continue;
    }
    const k = j - n + 1;
    answeredInTime += p * (within.answered[k] ?? 0);
    // Reached an agent at all: the product of nμ + iθ over nμ + (i + 1)θ telescopes to nμ / (nμ + kθ).
    abandoned += p * (1 - (n * mu) / (n * mu + k * theta));
    if (short) shortAbandoned += p * (short[k] ?? 0);
  }
  const counted = 1 - shortAbandoned;
  return {
    serviceLevel: Math.min(1, Math.max(0, answeredInTime / counted)),
    probWait,
    // Little's law on the queue: mean wait of all arrivals.
    asa: queueMean / lambda,
    occupancy: busy / n,
    abandonRate: Math.min(1, Math.max(0, (abandoned - shortAbandoned) / counted)),
  };
}

/**
 * One caller in the queue of M/M/n+M, from position k (1 = next): the chance to
 * have reached an agent (`answered[k]`) and to have hung up (`gone[k]`) within
 * `horizonSeconds`. From position k they move up at rate nμ + (k − 1)θ (an agent
 * frees, or someone ahead hangs up) and hang up at θ. Uniformised at the
 * fastest rate: the chance of each outcome within m jumps, weighted by the
 * Poisson chance of m jumps in the horizon.
 */
function taggedCaller(serveRate: number, theta: number, maxPosition: number, horizonSeconds: number): { answered: number[]; gone: number[] } {
  const uniform = serveRate + maxPosition * theta;
  const mean = uniform * horizonSeconds;
  const size = maxPosition + 1;
  let answered = Array.from({ length: size }, (_, k): number => (k === 0 ? 1 : 0));
  let gone = new Array<number>(size).fill(0);
  const answeredBy = new Array<number>(size).fill(0);
  const goneBy = new Array<number>(size).fill(0);
  let logPoisson = -mean;
  const jumps = Math.ceil(mean + 10 * Math.sqrt(mean) + 20);
  const hangUp = theta / uniform;
  for (let m = 0; m <= jumps; m += 1) {
    const poisson = Math.exp(logPoisson);
    for (let k = 1; k < size; k += 1) {
      answeredBy[k] = (answeredBy[k] ?? 0) + poisson * (answered[k] ?? 0);
      goneBy[k] = (goneBy[k] ?? 0) + poisson * (gone[k] ?? 0);
    }
    // One more jump, by the first step from k: up a place, hang up, or nothing happens.
    const nextAnswered = answered.slice();
    const nextGone = gone.slice();
    for (let k = 1; k < size; k += 1) {
      const up = (serveRate + (k - 1) * theta) / uniform;
      const stay = 1 - up - hangUp;
      nextAnswered[k] = up * (answered[k - 1] ?? 0) + stay * (answered[k] ?? 0);
      nextGone[k] = up * (gone[k - 1] ?? 0) + hangUp + stay * (gone[k] ?? 0);
    }
    answered = nextAnswered;
    gone = nextGone;
    logPoisson += Math.log(mean) - Math.log(m + 1);
  }
  answeredBy[0] = 1;
  return { answered: answeredBy, gone: goneBy };
}

/** Traffic in Erlangs of `calls` contacts of `ahtSeconds` each over the interval. */
export function trafficErlangs(calls: number, ahtSeconds: number, intervalMinutes: number): number {
  return (calls * ahtSeconds) / (intervalMinutes * 60);
}

function hasPatience(input: StaffingInput): input is StaffingInput & { patienceSeconds: number } {
  return input.patienceSeconds !== null && input.patienceSeconds !== undefined && input.patienceSeconds > 0;
}

/** Service level, waiting and occupancy with exactly `agents` agents on the phones. */
export function evaluateAgents(input: StaffingInput, agents: number): StaffingResult {
  const traffic = trafficErlangs(input.calls, input.ahtSeconds, input.intervalMinutes);
  const metrics = hasPatience(input)
    ? erlangAMetrics(agents, traffic, input.ahtSeconds, input.targetSeconds, input.patienceSeconds, input.shortAbandonSeconds ?? 0)
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
 * occupancy at or under the cap, and with a patience also keeps hang-ups at or
 * under the channel's maximum. Zero contacts need zero agents.
 */
export function requiredAgents(input: StaffingInput): StaffingResult {
  const traffic = trafficErlangs(input.calls, input.ahtSeconds, input.intervalMinutes);
  if (traffic <= 0) return evaluateAgents(input, 0);
  const maxOccupancy = input.maxOccupancy ?? 1;
  if (hasPatience(input)) return requiredErlangA(input, traffic, maxOccupancy);
  const meets = (r: StaffingResult) => r.serviceLevel >= input.targetServiceLevel && r.occupancy <= maxOccupancy + 1e-12;
  // Erlang C: walk up from the least that can keep up, one B-recursion step per agent.
  let n = Math.max(1, Math.floor(traffic) + 1, Math.ceil(traffic / maxOccupancy - 1e-9));
  let b = erlangB(n, traffic);
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
    if (meets(r)) return r;
    n += 1;
    b = (traffic * b) / (n + traffic * b);
  }
}

/**
 * Erlang A: service level rises, and hang-ups and occupancy fall, with every
 * agent added, so the answer is bracketed and bisected. The bracket starts
 * where the targets can first be met at all: agents carry at most n Erlangs,
 * so the answered share is at most n / a and the lost share at least 1 − n / a
 * (loosened by the short abandons taken out). Below that the chain is long and
 * slow to evaluate, and nothing there can meet the targets.
 */
function requiredErlangA(input: StaffingInput & { patienceSeconds: number }, traffic: number, maxOccupancy: number): StaffingResult {
  const maxAbandonRate = input.maxAbandonRate ?? DEFAULT_MAX_ABANDON_RATE;
  const meets = (r: StaffingResult) => r.serviceLevel >= input.targetServiceLevel && r.occupancy <= maxOccupancy + 1e-12 && (r.abandonRate ?? 0) <= maxAbandonRate + 1e-12;
  const staying = Math.exp(-(input.shortAbandonSeconds ?? 0) / input.patienceSeconds);
  let lo = Math.max(0, Math.ceil(traffic * Math.max(input.targetServiceLevel * staying, staying - maxAbandonRate)) - 1);
  let step = Math.max(1, Math.ceil(Math.sqrt(traffic)));
  let hi = Math.max(lo + 1, Math.ceil(traffic));
  let best = evaluateAgents(input, hi);
  while (!meets(best)) {
    lo = hi;
    hi += step;
    step *= 2;
    best = evaluateAgents(input, hi);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const r = evaluateAgents(input, mid);
    if (meets(r)) {
      hi = mid;
      best = r;
    } else lo = mid;
  }
  return best.agents < traffic ? { ...best, belowLoadReason: 'abandonment' } : best;
}

/** The reason a requirement is below the offered load, in words (the CLI's; the app says it in the user's language). */
export function describeBelowLoad(r: StaffingResult, maxAbandonRate: number): string | null {
  if (r.belowLoadReason !== 'abandonment') return null;
  const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
  return `${r.agents} agents for ${Math.round(r.traffic * 100) / 100} Erlangs: fewer agents than the offered load keep up only because ${pct(r.abandonRate ?? 0)} of callers hang up (the channel allows up to ${pct(maxAbandonRate)})`;
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
