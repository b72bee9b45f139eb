import { useTranslation } from 'react-i18next';
import type { Language } from '../core/contract';
import { FORMAT_LOCALE } from './i18n/index';

/** Numbers, money and dates through Intl in the UI language, never by hand. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = FORMAT_LOCALE[(i18n.language as Language) in FORMAT_LOCALE ? (i18n.language as Language) : 'en'];
  return {
    locale,
    number: (n: number, digits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n),
    money: (n: number, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(n),
    /** A roster day (YYYY-MM-DD) as a calendar date, with no time-zone shift. */
    day: (iso: string, style: 'short' | 'long' = 'short') => {
      const [y, m, d] = iso.split('-').map(Number);
      const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
      return new Intl.DateTimeFormat(locale, style === 'long' ? { dateStyle: 'long', timeZone: 'UTC' } : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
    },
  };
}
