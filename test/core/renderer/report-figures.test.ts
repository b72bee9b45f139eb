import { describe, expect, it } from 'vitest';
import type { CostRow } from '../../../core/contract';
import type { CoverageDay } from '../../../core/staffing';
import { accuracyByChannel, hoursPerPerson, nameAxisWidth, peopleChartHeight, serviceDays, standbyByPerson, teamCosts } from '../../../renderer/reports/reportFigures';

const row = (period: string, personId: number | null, personName: string, paidMinutes: number, expectedMinutes: number, cost = 0, standby = 0): CostRow => ({ period, personId, personName, paidMinutes, expectedMinutes, cost, standby });
const day = (d: string, channel: string, serviceLevel: number | null): CoverageDay => ({ day: d, channel, volume: 0, outsideHoursVolume: 0, serviceLevel, abandonRate: null, asa: null, occupancy: null, underIntervals: 0, requiredHours: 0, onShiftHours: 0, shortHours: 0 });

describe('report figures', () => {
  const weeks = [row('2026-11-02', 1, 'Anna', 2400, 2400, 900, 50), row('2026-11-09', 1, 'Anna', 2130, 2400, 800, 25), row('2026-11-02', 2, 'Reza', 600, 1200, 300), row('2026-11-02', null, '', 3000, 3600, 1200)];

  it('sums each person’s paid and contract hours over the weeks, to a tenth of an hour, in first-seen order', () => {
    expect(hoursPerPerson(weeks.filter((r) => r.personId !== null))).toEqual([
      { name: 'Anna', paid: 75.5, contract: 80 },
      { name: 'Reza', paid: 10, contract: 20 },
    ]);
  });

  it('sums each person’s standby allowance; the team’s own rows are its cost per period', () => {
    expect([...standbyByPerson(weeks.filter((r) => r.personId !== null))]).toEqual([
      [1, 75],
      [2, 0],
    ]);
    expect(teamCosts(weeks)).toEqual([{ period: '2026-11-02', cost: 1200 }]);
  });

  it('service level per day and channel in percent, a channel without one left out of that day', () => {
    expect(serviceDays([day('2026-11-02', 'phone', 0.8234), day('2026-11-02', 'chat', null), day('2026-11-03', 'chat', 1)])).toEqual([
      { day: '2026-11-02', phone: 82.3 },
      { day: '2026-11-03', chat: 100 },
    ]);
  });

  it('forecast error per channel and method in percent, every team channel a point', () => {
    const accuracy = [
      { channel: 'phone', method: 'seasonal-naive' as const, wape: 0.1234, bias: 0, weeks: 4, chosen: true },
      { channel: 'phone', method: 'weekday-profile' as const, wape: 0.2, bias: 0, weeks: 4, chosen: false },
    ];
    expect(accuracyByChannel(['phone', 'email'], accuracy)).toEqual([{ channel: 'phone', 'seasonal-naive': 12.3, 'weekday-profile': 20 }, { channel: 'email' }]);
  });

  it('charts by person grow with the people and bars, and the name axis fits the longest name within reason', () => {
    expect(peopleChartHeight(0, 2)).toBe(160);
    expect(peopleChartHeight(10, 2)).toBe(40 + 10 * 28);
    expect(nameAxisWidth(['Al'])).toBe(84);
    expect(nameAxisWidth(['Agnieszka Kowalska'])).toBe(20 + 8 * 18);
    expect(nameAxisWidth(['x'.repeat(80)])).toBe(260);
  });
});
