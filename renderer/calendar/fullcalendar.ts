import faLocale from '@fullcalendar/react/locales/fa';
import enGbLocale from '@fullcalendar/react/locales/en-gb';
import plLocale from '@fullcalendar/react/locales/pl';
import trLocale from '@fullcalendar/react/locales/tr';
import classicTheme from '@fullcalendar/react/themes/classic';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import type { Language } from '../../core/contract';
import type { Team } from '../../core/team';
import { Temporal } from '../../core/time';

const LOCALES = { en: enGbLocale, tr: trLocale, pl: plLocale, fa: faLocale };
const FIRST_DAY = { mon: 1, sat: 6, sun: 0 } as const;

/** What every FullCalendar of ours shares: the theme, the team's zone and week, the UI language and direction. */
export function calendarBase(team: Team, uiLanguage: string) {
  const language: Language = (['en', 'tr', 'pl', 'fa'] as const).find((l) => l === uiLanguage) ?? 'en';
  return {
    theme: classicTheme,
    timeZone: team.timeZone,
    locale: LOCALES[language],
    direction: language === 'fa' ? ('rtl' as const) : ('ltr' as const),
    firstDay: FIRST_DAY[team.weekStart],
    headerToolbar: { start: 'prev,next today', center: 'title', end: '' },
    height: 'auto' as const,
  };
}

/** The team-local days FullCalendar shows: it hands over instants, with an exclusive end. */
export function visibleDays(start: Date, end: Date, timeZone: string): { from: string; to: string } {
  const day = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
  return { from: day(start), to: day(new Date(end.getTime() - 1)) };
}
