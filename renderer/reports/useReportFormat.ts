import { monthKeyStart } from '../../core/calendar';
import type { Team } from '../../core/team';
import { useFormat } from '../format';

/** The reports' number words: money in the team's currency, counts, percentages, months and days for chart axes. */
export function useReportFormat(team: Team) {
  const fmt = useFormat();
  const percent = new Intl.NumberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    fmt,
    percent,
    money: (x: number) => fmt.money(x, team.currency),
    count: (x: unknown) => fmt.number(Number(x)),
    percentTick: (x: unknown) => percent.format(Number(x) / 100),
    // Cost months are the screen calendar's months ("1405-09" on a Solar Hijri screen), named by their first day.
    monthName: (period: unknown) => {
      const first = monthKeyStart(String(period), fmt.calendar);
      return first ? fmt.month(first) : String(period);
    },
    dayName: (day: unknown) => fmt.dayMonth(String(day)),
  };
}
