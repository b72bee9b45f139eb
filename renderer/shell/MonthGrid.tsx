import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthLayout, weekdayOrder } from '../../core/monthLayout';
import type { WeekStart } from '../../core/time';
import { textOn } from '../calendar/fullcalendar';
import { useFormat } from '../format';
import { dayNumber, fullDate } from './dateText';

/** Something on the month's days: an absence, a shift. Days are ISO, `end` inclusive. */
export interface MonthEvent {
  id: string;
  title: string;
  start: string;
  end: string;
  color: string;
  className?: string | undefined;
}

interface Props {
  /** Any day of the month on screen (ISO). */
  month: string;
  /** Called with the first day of the month to show. */
  onMonth(first: string): void;
  /** Today on the team's clock (ISO). */
  today: string;
  weekStart: WeekStart;
  events: MonthEvent[];
  /** How many events a day shows before a "+n more" button; all when omitted. */
  maxPerDay?: number | undefined;
  /** The day chosen elsewhere on the page, marked in the grid. */
  selected?: string | undefined;
  onDay?(day: string): void;
  onEvent?(id: string): void;
}

/**
 * A month in the screen's calendar, a wall calendar's rows of weeks from the team's first
 * weekday: the Solar Hijri month on a Persian screen, whose days FullCalendar's month view
 * cannot lay out. Only the month's own days have cells, so the title and every day shown
 * are the same month of the same calendar.
 */
export function MonthGrid({ month, onMonth, today, weekStart, events, maxPerDay, selected, onDay, onEvent }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const titleId = useId();
  const [expanded, setExpanded] = useState<string | null>(null);
  const layout = monthLayout(month, fmt.calendar, weekStart);
  const onDayOf = (day: string) => events.filter((e) => e.start <= day && e.end >= day);

  return (
    <div className="month-grid">
      <div className="month-grid-toolbar">
        <span className="inline">
          <button type="button" aria-label={t('dateField.previousMonth')} onClick={() => onMonth(layout.previous)}>
            <span aria-hidden="true" className="flip-rtl">‹</span>
          </button>
          <button type="button" aria-label={t('dateField.nextMonth')} onClick={() => onMonth(layout.next)}>
            <span aria-hidden="true" className="flip-rtl">›</span>
          </button>
          <button type="button" disabled={today >= layout.first && today <= layout.last} onClick={() => onMonth(today)}>
            {t('calendar.today')}
          </button>
        </span>
        <h3 id={titleId} aria-live="polite">
          {fmt.month(layout.first)}
        </h3>
        <span />
      </div>
      <table aria-labelledby={titleId}>
        <thead>
          <tr>
            {weekdayOrder(weekStart).map((d) => (
              <th key={d} scope="col">
                {fmt.isoWeekday(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.weeks.map((week, row) => (
            <tr key={row}>
              {week.map((day, col) => {
                if (day === null) return <td key={col} className="outside" />;
                const all = onDayOf(day);
                const shown = maxPerDay === undefined || expanded === day || all.length <= maxPerDay ? all : all.slice(0, maxPerDay - 1);
                const classes = ['day', day === today ? 'today' : '', day === selected ? 'selected' : ''].filter(Boolean).join(' ');
                return (
                  <td key={day} data-day={day} className={classes}>
                    <button type="button" className="day-number" aria-label={fullDate(day, fmt)} aria-current={day === today ? 'date' : undefined} aria-pressed={onDay ? day === selected : undefined} onClick={() => onDay?.(day)}>
                      {dayNumber(day, fmt)}
                    </button>
                    {shown.length > 0 && (
                      <ul>
                        {shown.map((e) => (
                          <li key={e.id}>
                            <button type="button" dir="auto" title={e.title} className={`chip${e.className ? ` ${e.className}` : ''}`} style={{ backgroundColor: e.color, borderColor: e.color, color: textOn(e.color) }} onClick={() => onEvent?.(e.id)}>
                              {e.title}
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                    {shown.length < all.length && (
                      <button type="button" className="link more" aria-expanded={false} onClick={() => setExpanded(day)}>
                        {t('dateField.more', { n: fmt.number(all.length - shown.length) })}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
