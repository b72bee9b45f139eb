import { describe, expect, it } from 'vitest';
import { agentsOnShift, agentsPerInterval } from '../../core/staffing';

describe('agents per interval', () => {
  it('is agentsOnShift of every interval, to the last bit: shifts overnight, with placed and unplaced breaks, in any order', () => {
    const day = 1_795_478_400;
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const shifts = Array.from({ length: 400 }, (_, i) => {
      const startUtc = day - 6 * 3600 + next(40 * 4) * 900 + (i % 3) * 60;
      const endUtc = startUtc + (4 + next(7)) * 3600;
      const placed = i % 4 === 0 ? [{ startUtc: startUtc + 2 * 3600, endUtc: startUtc + 2 * 3600 + 1800 }] : [];
      return { startUtc, endUtc, breakMinutes: i % 4 === 1 ? 0 : 30, breaks: placed };
    });
    for (const seconds of [900, 1800, 3600]) {
      // A day and a half of intervals, one left out as on the spring clock change.
      const starts = Array.from({ length: (36 * 3600) / seconds }, (_, k) => day + k * seconds).filter((_, k) => k !== 5);
      expect(agentsPerInterval(shifts, starts, seconds)).toEqual(starts.map((t) => agentsOnShift(shifts, t, t + seconds)));
    }
  });
});
