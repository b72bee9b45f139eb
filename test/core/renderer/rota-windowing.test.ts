import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pageRows, rowRange, rowSegments, type Segment } from '../../../renderer/roster/grid/windowing';

/** Every row a list of segments renders, and the rows its spacers stand for, in order. */
function expand(segments: Segment[]): { rendered: number[]; total: number } {
  const rendered: number[] = [];
  let total = 0;
  for (const s of segments) {
    if (s.kind === 'gap') total += s.count;
    else {
      for (let r = s.first; r <= s.last; r += 1) rendered.push(r);
      total += s.last - s.first + 1;
    }
  }
  return { rendered, total };
}

describe('rota grid windowing: which rows are in the page', () => {
  it('renders the rows in view and the overscan either side', () => {
    // 40 px rows, 400 px of view from 2 000 px down: rows 50–59 in view, 8 more each side.
    expect(rowRange({ top: 2000, height: 400 }, 1000, 40)).toEqual({ first: 42, last: 67 });
    expect(rowRange({ top: 2000, height: 400 }, 1000, 40, 0)).toEqual({ first: 50, last: 59 });
    // A row half in view counts.
    expect(rowRange({ top: 2020, height: 400 }, 1000, 40, 0)).toEqual({ first: 50, last: 60 });
  });

  it('stays within the rows at the top and the bottom, and a view off the rows keeps the nearest', () => {
    expect(rowRange({ top: -300, height: 500 }, 1000, 40)).toEqual({ first: 0, last: 12 });
    expect(rowRange({ top: 39_900, height: 500 }, 1000, 40)).toEqual({ first: 989, last: 999 });
    // Scrolled far past (the grid above the window): the last rows, not nothing.
    expect(rowRange({ top: 90_000, height: 500 }, 1000, 40)).toEqual({ first: 999, last: 999 });
    // Below the window (view above the rows): the first.
    expect(rowRange({ top: -5000, height: 500 }, 1000, 40)).toEqual({ first: 0, last: 0 });
  });

  it('a small team is all in the page; no team, no rows', () => {
    expect(rowRange({ top: 0, height: 900 }, 14, 40)).toEqual({ first: 0, last: 13 });
    expect(rowRange({ top: 0, height: 900 }, 0, 40)).toEqual({ first: 0, last: -1 });
    // A height not measured yet (0) does not divide by zero.
    expect(rowRange({ top: 0, height: 900 }, 5, 0)).toEqual({ first: 0, last: 4 });
  });

  it('spacers stand for the rows left out, and a pinned row far off is rendered between them', () => {
    expect(rowSegments({ first: 10, last: 19 }, [], 100)).toEqual([
      { kind: 'gap', count: 10 },
      { kind: 'rows', first: 10, last: 19 },
      { kind: 'gap', count: 80 },
    ]);
    expect(rowSegments({ first: 10, last: 19 }, [70], 100)).toEqual([
      { kind: 'gap', count: 10 },
      { kind: 'rows', first: 10, last: 19 },
      { kind: 'gap', count: 50 },
      { kind: 'rows', first: 70, last: 70 },
      { kind: 'gap', count: 29 },
    ]);
    // Next to the range or inside it, the pinned row joins it: no spacer of no rows.
    expect(rowSegments({ first: 10, last: 19 }, [20, 15], 100)).toEqual([
      { kind: 'gap', count: 10 },
      { kind: 'rows', first: 10, last: 20 },
      { kind: 'gap', count: 79 },
    ]);
    expect(rowSegments({ first: 0, last: 13 }, [0], 14)).toEqual([{ kind: 'rows', first: 0, last: 13 }]);
    expect(rowSegments({ first: 0, last: -1 }, [0], 0)).toEqual([]);
  });

  it('whatever the view and pinned rows, the segments account for every row once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: -3000, max: 90_000 }), fc.integer({ min: 0, max: 2000 }), fc.array(fc.integer({ min: -5, max: 2100 }), { maxLength: 3 }), (rows, top, height, pinned) => {
        const range = rowRange({ top, height }, rows, 40);
        const segments = rowSegments(range, pinned, rows);
        const { rendered, total } = expand(segments);
        expect(total).toBe(rows);
        expect(rendered).toEqual([...new Set(rendered)].sort((a, b) => a - b));
        for (const p of pinned) if (p >= 0 && p < rows) expect(rendered).toContain(p);
        // Never two spacers or two runs of rows side by side.
        segments.forEach((s, i) => expect(s.kind).not.toBe(segments[i + 1]?.kind));
        // The window never grows with the team: the view's rows, overscan and the pinned ones.
        expect(rendered.length).toBeLessThanOrEqual(Math.ceil(height / 40) + 1 + 16 + pinned.length);
      }),
    );
  });

  it('PageDown moves what fits in the view, less one row, and at least one', () => {
    expect(pageRows(600, 40)).toBe(14);
    expect(pageRows(30, 40)).toBe(1);
    expect(pageRows(0, 40)).toBe(1);
    expect(pageRows(600, 0)).toBe(1);
  });
});
