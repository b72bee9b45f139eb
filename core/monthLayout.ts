import { addMonths, daysInMonth, monthStart, toCalendar, type CalendarSystem } from './calendar';
import { startOfWeek, Temporal, type WeekStart } from './time';

/**
 * A calendar month laid out as a wall calendar: weeks as rows of seven, each row starting on
 * the team's first weekday, the month's days in place and null where a row reaches into the
 * month before or after. Only the month's own days are cells, so a title in one calendar can
 * never sit above days of another month (or another calendar's month).
 */
export interface MonthLayout {
  /** The month's first day (ISO). */
  first: string;
  /** The month's last day (ISO). */
  last: string;
  /** The first day of the month before and after (ISO), for navigation. */
  previous: string;
  next: string;
  /** Rows of seven ISO days, null outside the month. */
  weeks: (string | null)[][];
}

/** The month of `iso` in `calendar`, in weeks starting on `weekStart`. */
export function monthLayout(iso: string, calendar: CalendarSystem, weekStart: WeekStart): MonthLayout {
  const first = monthStart(iso, calendar);
  const length = daysInMonth(first, calendar);
  const firstDay = Temporal.PlainDate.from(first);
  const last = firstDay.add({ days: length - 1 });
  const weeks: (string | null)[][] = [];
  for (let row = startOfWeek(firstDay, weekStart); Temporal.PlainDate.compare(row, last) <= 0; row = row.add({ days: 7 })) {
    const week: (string | null)[] = [];
    for (let i = 0; i < 7; i++) {
      const day = row.add({ days: i });
      week.push(Temporal.PlainDate.compare(day, firstDay) >= 0 && Temporal.PlainDate.compare(day, last) <= 0 ? day.toString() : null);
    }
    weeks.push(week);
  }
  return { first, last: last.toString(), previous: addMonths(first, calendar, -1), next: addMonths(first, calendar, 1), weeks };
}

/** The ISO weekdays (1 = Monday) in the order a week starting on `weekStart` shows them. */
export function weekdayOrder(weekStart: WeekStart): number[] {
  const start = weekStart === 'mon' ? 1 : weekStart === 'sat' ? 6 : 7;
  return Array.from({ length: 7 }, (_, i) => ((start - 1 + i) % 7) + 1);
}

/**
 * The same day `months` calendar months away, kept inside the target month (the 31st of a
 * 31-day month moves to the 30th of a 30-day one): what PageUp and PageDown do in a picker.
 */
export function shiftMonths(iso: string, calendar: CalendarSystem, months: number): string {
  const target = addMonths(iso, calendar, months);
  const day = Math.min(toCalendar(iso, calendar).day, daysInMonth(target, calendar));
  return Temporal.PlainDate.from(target).add({ days: day - 1 }).toString();
}
