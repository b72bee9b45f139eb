import { useMemo, useState } from 'react';
import type { CoverageInterval } from '../../core/staffing';
import type { Team } from '../../core/team';
import { startOfWeek, todayIn } from '../../core/time';
import { addDays } from './weekMath';

/**
 * What the forecast page shows: a channel, a week, an interval length, the day the interval
 * chart shows and the interval explained below it. `intervals` are the coverage's, once loaded.
 */
export function useForecastView(team: Team) {
  const [channel, setChannel] = useState(team.skills[0] ?? 'phone');
  const [weekStart, setWeekStart] = useState(() => startOfWeek(todayIn(team.timeZone), team.weekStart).toString());
  const [intervalMinutes, setIntervalMinutes] = useState<15 | 30 | 60>(30);
  // The interval explained below the chart, by its start in the view it was picked in (its figures stay current).
  const [picked, setPicked] = useState<{ view: string; start: string } | null>(null);
  // The day the interval chart shows (a week of 30-minute columns would be slivers too thin to click).
  const [pickedDay, setPickedDay] = useState<{ weekStart: string; day: string } | null>(null);
  const weekEnd = useMemo(() => addDays(weekStart, 6), [weekStart]);
  const view = `${channel}|${weekStart}|${intervalMinutes}`;
  const today = todayIn(team.timeZone).toString();
  const shownDay = pickedDay?.weekStart === weekStart ? pickedDay.day : today >= weekStart && today <= weekEnd ? today : weekStart;

  return {
    channel,
    setChannel,
    weekStart,
    weekEnd,
    intervalMinutes,
    setIntervalMinutes,
    shownDay,
    moveWeek: (weeks: number) => setWeekStart(addDays(weekStart, 7 * weeks)),
    /** The picked interval among the coverage's; none once the channel, week or interval length changes. */
    selectedIn: (intervals: readonly CoverageInterval[] | undefined) => (picked?.view === view ? (intervals?.find((x) => x.start === picked.start) ?? null) : null),
    select(x: CoverageInterval | null) {
      setPicked(x ? { view, start: x.start } : null);
      if (x) setPickedDay({ weekStart, day: x.start.slice(0, 10) });
    },
    pickDay(day: string, selected: CoverageInterval | null) {
      setPickedDay({ weekStart, day });
      // The explanation belongs to the chart above it: another day, another interval.
      if (selected?.start.slice(0, 10) !== day) setPicked(null);
    },
  };
}
