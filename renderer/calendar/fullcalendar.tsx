import faLocale from '@fullcalendar/react/locales/fa';
import enGbLocale from '@fullcalendar/react/locales/en-gb';
import plLocale from '@fullcalendar/react/locales/pl';
import trLocale from '@fullcalendar/react/locales/tr';
import classicTheme from '@fullcalendar/react/themes/classic';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import type { Language } from '../../core/contract';
import type { DayHeaderInfo } from '@fullcalendar/react';
import type { Format } from '../format';
import { fullDate } from '../shell/dateText';
import type { Team } from '../../core/team';
import { Temporal } from '../../core/time';

const LOCALES = { en: enGbLocale, tr: trLocale, pl: plLocale, fa: faLocale };
const FIRST_DAY = { mon: 1, sat: 6, sun: 0 } as const;

/** The ISO day a FullCalendar title's date marker names (its fields are the calendar zone's wall time, month from 0). */
function markerDay(marker: { array: number[] }): string {
  const [year = 1970, month = 0, day = 1] = marker.array;
  return Temporal.PlainDate.from({ year, month: month + 1, day }).toString();
}

/**
 * What every FullCalendar of ours shares: the theme, the team's zone and week, the UI language
 * and direction. `today` is the Today button's word in the UI language, also its name for
 * screen readers (FullCalendar's own hint, "This month", is not what the button shows).
 * The title and the day headers are written by our formatters, so a Persian screen reads
 * them in the same calendar (Solar Hijri or Gregorian) and digits as every other date.
 */
export function calendarBase(team: Team, uiLanguage: string, today: string, fmt: Format) {
  const language: Language = (['en', 'tr', 'pl', 'fa'] as const).find((l) => l === uiLanguage) ?? 'en';
  return {
    theme: classicTheme,
    timeZone: team.timeZone,
    // FullCalendar's own texts (a day header's full date for screen readers) through Intl in the screen's calendar.
    locale: { ...LOCALES[language], code: fmt.locale },
    direction: language === 'fa' ? ('rtl' as const) : ('ltr' as const),
    firstDay: FIRST_DAY[team.weekStart],
    headerToolbar: { start: 'prev,next today', center: 'title', end: '' },
    todayText: today,
    todayHint: today,
    height: 'auto' as const,
    // FullCalendar passes the view's first and (for a range) last day.
    titleFormat: (info: { start: { array: number[] }; end?: { array: number[] } | null }) => {
      const first = markerDay(info.start);
      const last = info.end ? markerDay(info.end) : first;
      return first === last ? fullDate(first, fmt) : `${fmt.dayMonth(first)} – ${fmt.day(last)}`;
    },
    dayHeaderContent: (arg: DayHeaderInfo) => {
      const day = dayOfDate(arg.date, team.timeZone);
      // FullCalendar hides this from screen readers and gives them the full date itself.
      return `${fmt.weekday(day)} ${fmt.dayMonth(day)}`;
    },
  };
}

/** The team-local day of an instant FullCalendar hands over. */
export function dayOfDate(date: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** The team-local days FullCalendar shows: it hands over instants, with an exclusive end. */
export function visibleDays(start: Date, end: Date, timeZone: string): { from: string; to: string } {
  const day = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
  return { from: day(start), to: day(new Date(end.getTime() - 1)) };
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever reads better on `background` (#rrggbb): an event's text on a person's or type's colour. */
export function textOn(background: string): '#000000' | '#ffffff' {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return '#000000';
  const l = luminance(background);
  // Contrast against white is 1.05 / (l + 0.05); against black (l + 0.05) / 0.05.
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}
