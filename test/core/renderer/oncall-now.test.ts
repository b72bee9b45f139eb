import { describe, expect, it } from 'vitest';
import type { RotationSaved, ScheduleBlock } from '../../../core/oncall';
import { nowAndNext } from '../../../renderer/oncall/onCallNow';
import { shortestRestPerDay } from '../../../renderer/oncall/restConflictLines';

const H = 3600;
/** A block of `personId` from hour `from` to hour `to` (epoch seconds from 0; the ISO texts are not read). */
const block = (personId: number, from: number, to: number, layer = 'primary'): ScheduleBlock => ({
  rotationId: 1,
  rotation: 'Primary',
  personId,
  person: `P${personId}`,
  start: `start-${from}`,
  end: `end-${to}`,
  startUtc: from * H,
  endUtc: to * H,
  layer,
  overrideId: null,
});
const at = (hour: number) => hour * H * 1000;

describe('on call now and next', () => {
  const blocks = [block(1, 0, 24), block(2, 24, 48), block(1, 48, 72)];

  it('finds who is on call now and the next turn of someone else', () => {
    expect(nowAndNext(blocks, at(10))).toEqual({ current: blocks[0], until: blocks[0], next: blocks[1] });
    expect(nowAndNext(blocks, at(30))).toEqual({ current: blocks[1], until: blocks[1], next: blocks[2] });
  });

  it('a turn starting right now is current, not next', () => {
    expect(nowAndNext(blocks, at(24)).current).toBe(blocks[1]);
  });

  it('a turn going straight on (another layer, the same person) is one stretch: until is where it ends, next comes after', () => {
    const chained = [block(1, 0, 12), block(1, 12, 24, 'override'), block(1, 24, 36), block(2, 36, 48)];
    expect(nowAndNext(chained, at(5))).toEqual({ current: chained[0], until: chained[2], next: chained[3] });
  });

  it('nobody on call now: no current, and next is the first turn to come', () => {
    const gap = [block(1, 0, 8), block(2, 20, 30)];
    expect(nowAndNext(gap, at(10))).toEqual({ current: null, until: null, next: gap[1] });
  });

  it('nobody next when only the current person has turns ahead', () => {
    const alone = [block(1, 0, 24), block(1, 48, 72)];
    expect(nowAndNext(alone, at(5))).toEqual({ current: alone[0], until: alone[0], next: null });
    expect(nowAndNext([], at(5))).toEqual({ current: null, until: null, next: null });
  });
});

describe('rest conflicts after saving a rotation', () => {
  const conflict = (personId: number, day: string, hours: number): RotationSaved['conflicts'][number] => ({
    rule: 'oncall_rest',
    personId,
    personName: `P${personId}`,
    day,
    message: '',
    params: { hours },
    shiftIds: [],
  });

  it('keeps one line per person and day, the shortest rest, in first-seen order', () => {
    const a = conflict(1, '2026-11-23', 9);
    const b = conflict(2, '2026-11-23', 10);
    const a2 = conflict(1, '2026-11-23', 7);
    const c = conflict(1, '2026-11-24', 8);
    const a3 = conflict(1, '2026-11-23', 8);
    expect(shortestRestPerDay([a, b, a2, c, a3])).toEqual([a2, b, c]);
    expect(shortestRestPerDay([])).toEqual([]);
  });
});
