import type { ScheduleBlock } from '../../core/oncall';

/**
 * The turns a swap can exchange: whole turns that have not begun. A block the range cuts
 * (at its end) or an override cuts (on either side) is only part of a turn, so it is left out.
 */
export function swappableTurns(blocks: readonly ScheduleBlock[], nowMs: number, lastDay: string): ScheduleBlock[] {
  const overrides = blocks.filter((b) => b.overrideId !== null);
  return blocks.filter(
    (b) =>
      b.overrideId === null &&
      b.startUtc * 1000 > nowMs &&
      !b.end.startsWith(`${lastDay}T00:00`) &&
      !overrides.some((o) => o.endUtc === b.startUtc || o.startUtc === b.endUtc),
  );
}
