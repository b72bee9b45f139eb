import { describe, expect, it } from 'vitest';
import { batched } from '../../hub/pg';

describe('batched', () => {
  it('answers the calls of one turn with one run, each its own value in the order asked', async () => {
    const runs: number[][] = [];
    const double = batched(async (keys: number[]) => {
      runs.push(keys);
      return keys.map((k) => k * 2);
    });
    const first = await Promise.all([double(1), double(2), double(3)]);
    expect(first).toEqual([2, 4, 6]);
    // A call in a later turn starts a batch of its own.
    expect(await double(5)).toBe(10);
    expect(runs).toEqual([[1, 2, 3], [5]]);
  });

  it('splits a burst larger than the batch, and rejects every call of a batch whose run fails', async () => {
    const runs: string[][] = [];
    const read = batched(async (keys: string[]) => {
      runs.push(keys);
      if (keys.includes('bad')) throw new Error('the database refused');
      return keys.map((k) => k.toUpperCase());
    }, 2);
    const answers = await Promise.allSettled([read('a'), read('b'), read('c'), read('bad'), read('e')]);
    expect(runs).toEqual([['a', 'b'], ['c', 'bad'], ['e']]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual(['A', 'B', 'the database refused', 'the database refused', 'E']);
  });
});
