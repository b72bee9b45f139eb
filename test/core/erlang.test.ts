import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, evaluateAgents, requiredAgents, scheduledHeadcount, workloadAgents } from '../../core/erlang';

const example = { calls: 100, intervalMinutes: 30, ahtSeconds: 180, targetServiceLevel: 0.8, targetSeconds: 20 };

describe('Erlang B and C', () => {
  it('matches the Erlang B table: 10 Erlangs on 10 lines block 21.46 %, 2 Erlangs on 5 lines 3.67 %', () => {
    // Any Erlang B traffic table, e.g. the one in ITU-T E.521 / "Erlang (unit)" on Wikipedia.
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
    expect(erlangB(5, 2)).toBeCloseTo(0.0367, 4);
    expect(erlangB(0, 3)).toBe(1);
  });

  it('reproduces the published worked example: 100 calls in 30 min, AHT 180 s, 80 % in 20 s → 14 agents, SL 0.88835', () => {
    // Call Centre Helper, "Erlang C Formula – Made Simple with an Easy Worked Example"
    // (callcentrehelper.com/erlang-c-formula-example-121281.htm): traffic 10 Erlangs;
    // 13 agents give 79.6 %, 14 give 88.8 % with a 17.4 % chance of waiting and an ASA of 7.8 s.
    expect(evaluateAgents(example, 13).serviceLevel).toBeCloseTo(0.79559, 5);
    const r = requiredAgents(example);
    expect(r.traffic).toBe(10);
    expect(r.agents).toBe(14);
    expect(r.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(r.probWait).toBeCloseTo(0.17413, 5);
    expect(r.asa).toBeCloseTo(7.84, 2);
    expect(r.occupancy).toBeCloseTo(10 / 14, 10);
    // Shrinkage of 30 %: 14 / 0.7 = 20 to schedule; a 70 % occupancy cap needs 15 on the phones.
    expect(requiredAgents({ ...example, shrinkage: 0.3 }).scheduled).toBe(20);
    expect(requiredAgents({ ...example, maxOccupancy: 0.7 }).agents).toBe(15);
    expect(scheduledHeadcount(10, 0.2)).toBe(13);
    expect(scheduledHeadcount(8, 0.2)).toBe(10);
  });

  it('service level rises and the chance of waiting falls with every agent added (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 30, max: 900 }), fc.integer({ min: 1, max: 60 }), (calls, aht, extra) => {
        const input = { ...example, calls, ahtSeconds: aht };
        const base = Math.floor((calls * aht) / 1800) + 1;
        const a = evaluateAgents(input, base + extra);
        const b = evaluateAgents(input, base + extra + 1);
        return b.serviceLevel >= a.serviceLevel - 1e-12 && b.probWait <= a.probWait + 1e-12 && b.asa <= a.asa + 1e-9;
      }),
      { numRuns: 300 },
    );
  });

  it('gives finite answers at 5 000 Erlangs, and none of the limits break', () => {
    const big = requiredAgents({ ...example, calls: 50_000 });
    expect(big.traffic).toBe(5000);
    expect(Number.isFinite(big.serviceLevel) && Number.isFinite(big.asa)).toBe(true);
    expect(big.agents).toBeGreaterThan(5000);
    expect(big.agents).toBeLessThan(5100);
    expect(erlangC(5000, 5000)).toBe(1);
    expect(erlangC(6000, 5000)).toBeGreaterThan(0);
    expect(requiredAgents({ ...example, calls: 0 })).toMatchObject({ agents: 0, scheduled: 0, serviceLevel: 1 });
  });
});

describe('Erlang A (abandonment)', () => {
  it('becomes Erlang C as patience grows without bound', () => {
    const a = evaluateAgents({ ...example, patienceSeconds: 1e9 }, 14);
    expect(a.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(a.probWait).toBeCloseTo(0.17413, 5);
    expect(a.abandonRate).toBeLessThan(1e-6);
  });

  it('with impatient callers waits are shorter, fewer agents meet the target, and more agents lose fewer callers', () => {
    const input = { ...example, patienceSeconds: 120 };
    for (const n of [8, 10, 12, 14]) expect(evaluateAgents(input, n).serviceLevel).toBeGreaterThanOrEqual(evaluateAgents(example, n).serviceLevel);
    const r = requiredAgents(input);
    expect(r.agents).toBeLessThanOrEqual(14);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
    // One fewer misses the service level or loses more than the 5 % of callers a channel allows by default.
    const less = evaluateAgents(input, r.agents - 1);
    expect(less.serviceLevel < 0.8 || (less.abandonRate ?? 0) > 0.05).toBe(true);
    const rates = [9, 10, 11, 12, 13].map((n) => evaluateAgents(input, n).abandonRate ?? 1);
    expect(rates).toEqual([...rates].sort((x, y) => y - x));
    // Overload is finite too: the queue settles where abandonment balances the excess.
    const over = evaluateAgents(input, 5);
    expect(over.occupancy).toBeLessThanOrEqual(1);
    expect(over.abandonRate).toBeGreaterThan(0.3);
  });
});

describe('workload (email)', () => {
  it('spreads the work over the response target, backlog included, within the occupancy cap', () => {
    // 60 emails of 5 minutes in an hour = 5 h of work; a 4-hour target spreads it over 4 h: 1.25 agents at 85 % → 2.
    expect(workloadAgents({ volume: 60, intervalMinutes: 60, handleSeconds: 300, responseMinutes: 240 })).toEqual({ workloadHours: 5, agents: 2, scheduled: 2 });
    // A 30-minute target inside an hour's interval: the hour itself is the window (5 / 0.85 → 6).
    expect(workloadAgents({ volume: 60, intervalMinutes: 60, handleSeconds: 300, responseMinutes: 30 }).agents).toBe(6);
    expect(workloadAgents({ volume: 60, intervalMinutes: 60, handleSeconds: 300, responseMinutes: 240, backlog: 96, shrinkage: 0.25 })).toEqual({ workloadHours: 13, agents: 4, scheduled: 6 });
    expect(workloadAgents({ volume: 0, intervalMinutes: 30, handleSeconds: 300, responseMinutes: 240 }).agents).toBe(0);
  });
});
