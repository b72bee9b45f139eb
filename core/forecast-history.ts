import type { ZoneClock } from './zone-clock';

/** The history on a regular grid of local days × intervals (missing intervals are 0). */
export interface History {
  /** Local days, consecutive. */
  days: string[];
  /** volumes[d][i]: interval i (local time of day i × M minutes) of day d. */
  volumes: number[][];
  intervalMinutes: number;
}

export interface VolumeInterval {
  startUtc: number;
  intervalMinutes: number;
  volume: number;
}

/**
 * One local day on the grid. A stored interval longer than the grid's can reach past midnight
 * (an hourly row at 23:30 in a half-hour zone): what it puts on the next day is kept apart
 * (`spillIn` there), because a history that starts on that next day must leave it out.
 */
interface GridDay {
  own: number[];
  spillIn: number[] | null;
  hasRows: boolean;
}

/**
 * Interval volumes laid on local days × intervals of `intervalMinutes`, by local time of day, for
 * a loaded range of days that can grow at either end and be trimmed: a store keeps one per
 * channel and adds a week of rows rather than reading a year again. `history` gives exactly
 * what laying the rows of any range of loaded days would give, in the same arithmetic.
 */
export class HistoryGrid {
  private readonly byDay = new Map<string, GridDay>();
  private range: { first: string; last: string } | null = null;
  private readonly slots: number;

  constructor(
    private readonly clock: ZoneClock,
    readonly intervalMinutes: number,
  ) {
    this.slots = (24 * 60) / intervalMinutes;
  }

  /** The local days whose rows are all in the grid, or null before the first load. */
  get loaded(): { first: string; last: string } | null {
    return this.range;
  }

  /** How many days are loaded: what the memory a grid keeps grows with. */
  get loadedDays(): number {
    if (!this.range) return 0;
    const [a, b] = [this.range.first, this.range.last].map((d) => Date.parse(`${d}T00:00:00Z`)) as [number, number];
    return Math.round((b - a) / 86_400_000) + 1;
  }

  private dayOf(day: string): GridDay {
    let d = this.byDay.get(day);
    if (!d) {
      d = { own: new Array<number>(this.slots).fill(0), spillIn: null, hasRows: false };
      this.byDay.set(day, d);
    }
    return d;
  }

  /**
   * Adds every row starting on local days [first, last], once: the range must start the grid or
   * border its loaded days. A longer stored interval is spread evenly over the shorter ones it holds.
   */
  load(first: string, last: string, rows: readonly VolumeInterval[]): void {
    const { clock, intervalMinutes } = this;
    for (const r of rows) {
      const start = clock.local(r.startUtc);
      const startDay = start.day;
      this.dayOf(startDay).hasRows = true;
      const parts = Math.max(1, r.intervalMinutes / intervalMinutes);
      for (let p = 0; p < parts; p += 1) {
        const at = r.startUtc + p * intervalMinutes * 60;
        const here = p === 0 ? start : clock.local(at);
        const day = here.day;
        const target = this.dayOf(day);
        let row = target.own;
        if (day !== startDay) row = target.spillIn ??= new Array<number>(this.slots).fill(0);
        // Local minutes since midnight (wall clock), so 09:00 is 09:00 on a 23- or 25-hour day too.
        const slot = Math.floor(here.minuteOfDay / intervalMinutes);
        row[slot] = (row[slot] ?? 0) + r.volume / parts;
      }
    }
    this.range = this.range ? { first: first < this.range.first ? first : this.range.first, last: last > this.range.last ? last : this.range.last } : { first, last };
  }

  /** Forgets the loaded days outside [first, last] (within the loaded range), to bound the memory kept. */
  keep(first: string, last: string): void {
    const next = this.clock.addDays(last, 1);
    for (const [day, g] of [...this.byDay]) {
      if (day >= first && day <= last) continue;
      // The day after keeps what the last kept day spilled into it, for when its own rows come back.
      if (day === next && g.spillIn) this.byDay.set(day, { own: new Array<number>(this.slots).fill(0), spillIn: g.spillIn, hasRows: false });
      else this.byDay.delete(day);
    }
    // The first day's spill came from a day now forgotten; loading that day again adds it back.
    const head = this.byDay.get(first);
    if (head) head.spillIn = null;
    this.range = { first, last };
  }

  /** Forgets everything. */
  clear(): void {
    this.byDay.clear();
    this.range = null;
  }

  /**
   * The history the rows starting on loaded days [from, to] make: from the first day with a row to
   * the last, and days after the last up to `untilDay` as real quiet days (a closed weekend), but
   * only within that last week: a history that stopped long ago is not months of zeros.
   */
  history(from: string, to: string, untilDay: string | null): History {
    const { clock, intervalMinutes } = this;
    let first: string | null = null;
    let lastDay: string | null = null;
    for (let d = from; d <= to; d = clock.addDays(d, 1)) {
      if (!this.byDay.get(d)?.hasRows) continue;
      first ??= d;
      lastDay = d;
    }
    if (first === null || lastDay === null) return { days: [], volumes: [], intervalMinutes };
    const end = untilDay && untilDay > lastDay ? (untilDay < clock.addDays(lastDay, 6) ? untilDay : clock.addDays(lastDay, 6)) : lastDay;
    const days: string[] = [];
    const volumes: number[][] = [];
    const afterTo = clock.addDays(to, 1);
    for (let d = first; d <= end; d = clock.addDays(d, 1)) {
      days.push(d);
      const g = this.byDay.get(d);
      // The first day's spill came from a day before the history, and after `to` only its last day's spill belongs to it.
      const spill = d === first || d > afterTo ? null : (g?.spillIn ?? null);
      const own = d > to ? null : (g?.own ?? null);
      const zeros = () => new Array<number>(this.slots).fill(0);
      volumes.push(own && spill ? own.map((v, s) => (spill[s] ?? 0) + v) : own ? [...own] : spill ? zeros().map((v, s) => (spill[s] ?? 0) + v) : zeros());
    }
    return { days, volumes, intervalMinutes };
  }
}

/**
 * Lays interval volumes (any of 15/30/60 minutes) onto local days × intervals of
 * `intervalMinutes`, by local time of day: the rows' own days, up to `untilDay` (see HistoryGrid.history).
 */
export function toHistory(rows: readonly VolumeInterval[], clock: ZoneClock, intervalMinutes: number, untilDay: string | null = null): History {
  if (rows.length === 0) return { days: [], volumes: [], intervalMinutes };
  const first = clock.dayOf(rows.reduce((m, r) => Math.min(m, r.startUtc), Number.POSITIVE_INFINITY));
  const last = clock.dayOf(rows.reduce((m, r) => Math.max(m, r.startUtc), Number.NEGATIVE_INFINITY));
  const grid = new HistoryGrid(clock, intervalMinutes);
  grid.load(first, last, rows);
  return grid.history(first, last, untilDay);
}
