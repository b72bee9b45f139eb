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

/**
 * What every FullCalendar of ours shares: the theme, the team's zone and week, the UI language
 * and direction. `today` is the Today button's word in the UI language, also its name for
 * screen readers (FullCalendar's own hint, "This month", is not what the button shows).
 */
export function calendarBase(team: Team, uiLanguage: string, today: string) {
  const language: Language = (['en', 'tr', 'pl', 'fa'] as const).find((l) => l === uiLanguage) ?? 'en';
  return {
    theme: classicTheme,
    timeZone: team.timeZone,
    locale: LOCALES[language],
    direction: language === 'fa' ? ('rtl' as const) : ('ltr' as const),
    firstDay: FIRST_DAY[team.weekStart],
    headerToolbar: { start: 'prev,next today', center: 'title', end: '' },
    todayText: today,
    todayHint: today,
    height: 'auto' as const,
  };
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
