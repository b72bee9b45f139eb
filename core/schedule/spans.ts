import type { ScheduleInput, ShiftSpan } from './types';

/** What a shift works and is paid, and what a set of shifts covers against the requirement. */

/** The share of [from, to) a shift works: its overlap, less its break spread over the shift. */
export function workShare(span: ShiftSpan, from: number, to: number): number {
  const overlap = Math.max(0, Math.min(span.endUtc, to) - Math.max(span.startUtc, from));
  if (overlap === 0) return 0;
  const working = 1 - (span.breakMinutes * 60) / (span.endUtc - span.startUtc);
  return (overlap * Math.max(0, working)) / (to - from);
}

export const paidHours = (s: ShiftSpan) => Math.max(0, (s.endUtc - s.startUtc) / 3600 - s.breakMinutes / 60);

export interface CoverageGap {
  channel: string;
  interval: number;
  short: number;
  over: number;
}

/** Under- and over-staffing per channel and interval of a set of shifts (fixed ones included), recomputed exactly. */
export function coverageGaps(input: ScheduleInput, shifts: readonly (ShiftSpan & { skill: string | null; day: string })[]): CoverageGap[] {
  const step = input.intervalMinutes * 60;
  const out: CoverageGap[] = [];
  for (const ch of input.channels) {
    const req = input.requirement.get(ch) ?? [];
    const mine = shifts.filter((s) => s.skill === ch);
    input.intervals.forEach((from, i) => {
      const have = mine.reduce((a, s) => a + workShare(s, from, from + step), 0);
      const need = req[i] ?? 0;
      out.push({ channel: ch, interval: i, short: Math.max(0, need - have), over: Math.max(0, have - need) });
    });
  }
  return out;
}
