import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandPattern, parseCycle } from '../../core/pattern';
import { Temporal } from '../../core/time';

describe('rotating patterns', () => {
  it('reads a cycle as a lead writes it', () => {
    expect(parseCycle('E E L L N N - -')).toEqual(['E', 'E', 'L', 'L', 'N', 'N', '-', '-']);
    expect(parseCycle(' E,E;L  -\n-')).toEqual(['E', 'E', 'L', '-', '-']);
  });

  it('expands with an offset into the cycle', () => {
    const days = expandPattern(['E', 'L', '-'], Temporal.PlainDate.from('2026-11-23'), 5, 1);
    expect(days).toEqual([
      { day: '2026-11-23', code: 'L' },
      { day: '2026-11-24', code: null },
      { day: '2026-11-25', code: 'E' },
      { day: '2026-11-26', code: 'L' },
      { day: '2026-11-27', code: null },
    ]);
  });

  it('a stagger of one day through an N-day cycle puts each step on someone every day (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('E', 'L', 'N', '-'), { minLength: 1, maxLength: 14 }), fc.integer({ min: 1, max: 60 }), (cycle, days) => {
        const start = Temporal.PlainDate.from('2026-01-01');
        const people = cycle.map((_, i) => expandPattern(cycle, start, days, i));
        for (let d = 0; d < days; d += 1) {
          const today = people.map((p) => p[d]?.code ?? '-').sort();
          expect(today).toEqual([...cycle].map((c) => (c === '-' ? '-' : c)).sort());
        }
      }),
    );
  });
});
