import type { CoverageInterval } from '../../core/staffing';

/** A plain date `days` days after `iso` ("2026-11-23" + 6 → "2026-11-29"); negative goes back. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Where an interval ends: where the next one begins (a clock change makes a day 23 or 25 hours
 * long); the last one of the range ends `intervalMinutes` after its start, on the same wall clock.
 */
export function intervalEnd(x: CoverageInterval, all: readonly CoverageInterval[], intervalMinutes: number): string {
  const next = all[all.indexOf(x) + 1];
  if (next) return next.start;
  const m = Number(x.start.slice(11, 13)) * 60 + Number(x.start.slice(14, 16)) + intervalMinutes;
  return `${x.start.slice(0, 11)}${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Whether the channel is closed all of a day: it has intervals that day and none is open. */
export function closedAllDay(intervals: readonly CoverageInterval[], day: string): boolean {
  const of = intervals.filter((x) => x.start.slice(0, 10) === day);
  return of.length > 0 && of.every((x) => !x.open);
}

/**
 * The forecast's closed stretches, as runs of consecutive closed points by their labels (what
 * the chart's x axis is keyed by). A point the coverage does not know is taken as open.
 */
export function closedRuns(points: readonly { start: string }[], openByStart: ReadonlyMap<string, boolean>, label: (start: string) => string): { from: string; to: string }[] {
  const runs: { from: string; to: string }[] = [];
  let run: { from: string; to: string } | null = null;
  for (const p of points) {
    if (openByStart.get(p.start) === false) {
      if (run) run.to = label(p.start);
      else runs.push((run = { from: label(p.start), to: label(p.start) }));
    } else run = null;
  }
  return runs;
}
