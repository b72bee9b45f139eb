import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { intlWindowWords } from './windows';

/**
 * The on-call page's words for times and windows, through Intl in the UI language:
 * a local "HH:MM" as the language writes it (Persian digits in Persian), full weekday
 * names, and a team-local instant ("2026-11-28T08:00:00+03:00") as "Saturday 28 November 08:00".
 */
export function useOnCallFormat() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return useMemo(() => {
    const dayNumber = new Intl.DateTimeFormat(fmt.locale, { day: 'numeric', timeZone: 'UTC' });
    const words = intlWindowWords(fmt.locale, fmt.clock, (key, values) => t(key, values));
    const { time, weekday } = words;
    /** A team-local instant with its offset, by its own local date and time. */
    const moment = (iso: string) => `${fmt.dayLong(iso.slice(0, 10))} ${time(iso.slice(11, 16))}`;
    return {
      fmt,
      time,
      weekday,
      words,
      moment,
      /** "Saturday 28 November 08:00 – Monday 30 November 08:00". */
      span: (start: string, end: string) => `${moment(start)} – ${moment(end)}`,
      dayNumber: (day: string) => {
        const [y, m, d] = day.split('-').map(Number);
        return dayNumber.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
      },
    };
  }, [fmt, t]);
}
