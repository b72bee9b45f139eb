import { describe, expect, it } from 'vitest';
import { weekStartDay, weekStartOfDay } from '../../core/time';

describe('week starts as ISO weekdays', () => {
  it('goes from a week start to its weekday and back, and names no week start for other days', () => {
    for (const start of ['mon', 'sat', 'sun'] as const) expect(weekStartOfDay(weekStartDay(start))).toBe(start);
    expect([2, 3, 4, 5, 0, 8].map(weekStartOfDay)).toEqual([null, null, null, null, null, null]);
  });
});
