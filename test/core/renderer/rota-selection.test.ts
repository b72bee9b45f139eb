import { describe, expect, it } from 'vitest';
import type { Shift } from '../../../core/shift';
import { cellKey } from '../../../renderer/roster/cells';
import { clipCount, clipText, copyBlock, pasteEntries, valueOf, type Clip } from '../../../renderer/roster/grid/clipboard';
import { clampPos, inRect, rectEntries, selectionRect } from '../../../renderer/roster/grid/selection';

const people = [{ id: 11 }, { id: 12 }, { id: 13 }];
const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

function shift(personId: number, day: string, fields: Partial<Shift> = {}): Shift {
  return {
    id: personId * 100 + days.indexOf(day),
    teamId: 1,
    personId,
    day,
    startUtc: 0,
    endUtc: 0,
    start: '',
    end: '',
    startLocal: '08:00',
    endLocal: '16:30',
    templateId: 1,
    code: 'E',
    breakMinutes: 30,
    paidMinutes: 480,
    skill: null,
    locked: false,
    note: '',
    activities: [],
    ...fields,
  };
}

describe('rota grid selection', () => {
  it('keeps a place on the grid: the people shown, the seven days', () => {
    expect(clampPos({ row: -1, col: -1 }, 3)).toEqual({ row: 0, col: 0 });
    expect(clampPos({ row: 3, col: 7 }, 3)).toEqual({ row: 2, col: 6 });
    expect(clampPos({ row: 1, col: 4 }, 3)).toEqual({ row: 1, col: 4 });
  });

  it('the selection is the block between focus and anchor, whichever corner each is', () => {
    const rect = { top: 0, bottom: 2, left: 1, right: 4 };
    expect(selectionRect({ row: 2, col: 4 }, { row: 0, col: 1 })).toEqual(rect);
    expect(selectionRect({ row: 0, col: 1 }, { row: 2, col: 4 })).toEqual(rect);
    expect(selectionRect({ row: 0, col: 4 }, { row: 2, col: 1 })).toEqual(rect);
    expect(selectionRect({ row: 1, col: 1 }, { row: 1, col: 1 })).toEqual({ top: 1, bottom: 1, left: 1, right: 1 });
  });

  it('a cell is in the selection when inside it or on its edge', () => {
    const rect = selectionRect({ row: 0, col: 1 }, { row: 1, col: 2 });
    expect([inRect(rect, 0, 1), inRect(rect, 1, 2), inRect(rect, 0, 2)]).toEqual([true, true, true]);
    expect([inRect(rect, 2, 1), inRect(rect, 0, 0), inRect(rect, 0, 3)]).toEqual([false, false, false]);
  });

  it('sets every selected cell, row by row, leaving out places past the people or days shown', () => {
    expect(rectEntries({ top: 1, bottom: 2, left: 5, right: 6 }, people, days, { code: 'L' })).toEqual([
      { personId: 12, day: '2026-11-28', value: { code: 'L' } },
      { personId: 12, day: '2026-11-29', value: { code: 'L' } },
      { personId: 13, day: '2026-11-28', value: { code: 'L' } },
      { personId: 13, day: '2026-11-29', value: { code: 'L' } },
    ]);
    expect(rectEntries({ top: 2, bottom: 4, left: 6, right: 8 }, people, days, null)).toEqual([{ personId: 13, day: '2026-11-29', value: null }]);
  });
});

describe('rota grid clipboard', () => {
  it('a cell’s value is its first shift: by code, or by times when it has none; an empty cell is null', () => {
    expect(valueOf([])).toBeNull();
    expect(valueOf([shift(11, days[0] ?? ''), shift(11, days[0] ?? '', { code: 'L' })])).toEqual({ code: 'E' });
    expect(valueOf([shift(11, days[0] ?? '', { code: null, startLocal: '09:00', endLocal: '12:00', breakMinutes: 0, skill: 'chat' })])).toEqual({
      startLocal: '09:00',
      endLocal: '12:00',
      breakMinutes: 0,
      skill: 'chat',
    });
  });

  it('copies the selection as a block of values, and as tab-separated text for a spreadsheet', () => {
    const byCell = new Map<string, Shift[]>([
      [cellKey(11, '2026-11-23'), [shift(11, '2026-11-23')]],
      [cellKey(12, '2026-11-24'), [shift(12, '2026-11-24', { code: null, startLocal: '10:00', endLocal: '14:00' })]],
    ]);
    const block = copyBlock({ top: 0, bottom: 1, left: 0, right: 1 }, people, days, byCell);
    expect(block).toEqual([
      [{ code: 'E' }, null],
      [null, { startLocal: '10:00', endLocal: '14:00', breakMinutes: 30, skill: null }],
    ]);
    expect(clipCount(block)).toBe(4);
    expect(clipText(block)).toBe('E\t\n\t10:00-14:00');
    expect(clipCount([])).toBe(0);
  });

  it('one copied cell fills the whole selection', () => {
    expect(pasteEntries([[{ code: 'N' }]], { top: 0, bottom: 1, left: 2, right: 3 }, people, days)).toEqual([
      { personId: 11, day: '2026-11-25', value: { code: 'N' } },
      { personId: 11, day: '2026-11-26', value: { code: 'N' } },
      { personId: 12, day: '2026-11-25', value: { code: 'N' } },
      { personId: 12, day: '2026-11-26', value: { code: 'N' } },
    ]);
    // A copied empty cell empties the selection.
    expect(pasteEntries([[null]], { top: 2, bottom: 2, left: 6, right: 6 }, people, days)).toEqual([{ personId: 13, day: '2026-11-29', value: null }]);
  });

  it('a block lands at the selection’s top start corner, whatever the selection’s size, cut off at the grid’s edges', () => {
    const block: Clip = [
      [{ code: 'E' }, null],
      [{ code: 'L' }, { code: 'D' }],
    ];
    expect(pasteEntries(block, { top: 1, bottom: 1, left: 0, right: 0 }, people, days)).toEqual([
      { personId: 12, day: '2026-11-23', value: { code: 'E' } },
      { personId: 12, day: '2026-11-24', value: null },
      { personId: 13, day: '2026-11-23', value: { code: 'L' } },
      { personId: 13, day: '2026-11-24', value: { code: 'D' } },
    ]);
    expect(pasteEntries(block, { top: 2, bottom: 2, left: 6, right: 6 }, people, days)).toEqual([{ personId: 13, day: '2026-11-29', value: { code: 'E' } }]);
  });
});
