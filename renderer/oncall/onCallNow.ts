import type { ScheduleBlock } from '../../core/oncall';

/**
 * Who is on call at `nowMs` in one rotation's blocks (time order) and who comes next.
 * `until` is the block where the current person's stretch ends: a turn that goes straight on
 * in another layer is still the same person on call. `next` is the first later turn of
 * someone else, after that stretch.
 */
export function nowAndNext(blocks: readonly ScheduleBlock[], nowMs: number): { current: ScheduleBlock | null; until: ScheduleBlock | null; next: ScheduleBlock | null } {
  const nowS = nowMs / 1000;
  const current = blocks.find((b) => b.startUtc <= nowS && b.endUtc > nowS) ?? null;
  let until = current;
  for (const b of blocks) if (until && b.startUtc === until.endUtc && b.personId === until.personId) until = b;
  const next = blocks.find((b) => b.startUtc >= (until?.endUtc ?? nowS) && b.startUtc > nowS && b.personId !== current?.personId) ?? null;
  return { current, until, next };
}
