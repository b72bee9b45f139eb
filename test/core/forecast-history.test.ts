import { describe, expect, it } from 'vitest';
import { HistoryGrid, toHistory, type VolumeInterval } from '../../core/forecast-history';
import { zoneClock } from '../../core/zone-clock';

/**
 * Forty days of mixed history in Kolkata (UTC+05:30): hourly rows on the UTC hour start at
 * hh:30 local, so the one at 23:30 reaches past midnight into the next day, plus 15- and 30-minute rows.
 */
const kolkata = zoneClock('Asia/Kolkata');
const FIRST = '2026-03-01';
function rows(): VolumeInterval[] {
  const out: VolumeInterval[] = [];
  for (let d = 0; d < 40; d += 1) {
    const day = kolkata.addDays(FIRST, d);
    // A quiet day now and then: a day with no rows at all.
    if (d % 11 === 5) continue;
    for (let h = 0; h < 24; h += 1) out.push({ startUtc: kolkata.at(day, `${String(h).padStart(2, '0')}:30`), intervalMinutes: 60, volume: ((d * 7 + h * 3) % 17) + 0.3 });
    out.push({ startUtc: kolkata.at(day, '09:15'), intervalMinutes: 15, volume: 2.5 + (d % 3) });
    out.push({ startUtc: kolkata.at(day, '12:00'), intervalMinutes: 30, volume: 4 });
  }
  return out.sort((a, b) => a.startUtc - b.startUtc);
}

/** The rows starting on local days [from, to], as a store would read them from the file. */
const between = (all: readonly VolumeInterval[], from: string, to: string) => all.filter((r) => kolkata.dayOf(r.startUtc) >= from && kolkata.dayOf(r.startUtc) <= to);

describe('the history grid', () => {
  it('grown a few days at a time at either end, and trimmed, lays any window of loaded days exactly as laying its rows afresh', () => {
    const all = rows();
    for (const minutes of [15, 30, 60]) {
      const grid = new HistoryGrid(kolkata, minutes);
      const load = (from: string, to: string) => grid.load(from, to, between(all, from, to));
      const check = (from: string, to: string, until: string | null) => {
        const fresh = toHistory(between(all, from, to), kolkata, minutes, until);
        expect(grid.history(from, to, until)).toEqual(fresh);
        expect(fresh.days.length).toBeGreaterThan(0);
      };
      load('2026-03-10', '2026-03-20');
      check('2026-03-10', '2026-03-20', '2026-03-20');
      load('2026-03-21', '2026-03-27');
      check('2026-03-12', '2026-03-27', '2026-03-27');
      load('2026-03-03', '2026-03-09');
      check('2026-03-03', '2026-03-27', null);
      // The day after a quiet day (6 March has no rows) starts a history with the night's spill left out.
      check('2026-03-07', '2026-03-25', '2026-03-26');
      grid.keep('2026-03-14', '2026-03-22');
      expect(grid.loadedDays).toBe(9);
      check('2026-03-14', '2026-03-22', '2026-03-22');
      load('2026-03-23', '2026-04-05');
      load('2026-03-05', '2026-03-13');
      check('2026-03-05', '2026-04-05', '2026-04-05');
      check('2026-03-18', '2026-03-30', '2026-04-02');
    }
  });

  it('a stored hour that crosses midnight puts its second half on the next local day', () => {
    const h = toHistory([{ startUtc: kolkata.at('2026-03-01', '23:30'), intervalMinutes: 60, volume: 8 }], kolkata, 30, '2026-03-02');
    expect(h.days).toEqual(['2026-03-01', '2026-03-02']);
    expect(h.volumes[0]?.[47]).toBe(4);
    expect(h.volumes[1]?.[0]).toBe(4);
  });
});
