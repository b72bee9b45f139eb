import { calendarDateText, fromCalendar, latinDigits, type CalendarSystem } from './calendar';
import { isPlainDate } from './time';

/**
 * Cells as spreadsheets write and read them in the desk's language. Written: Excel opens a CSV
 * with the list separator and decimal mark of the Windows locale, so a Turkish or Polish Excel
 * needs "1,5" between semicolons, an English one "1.5" between commas; numbers are written with
 * Latin digits and never grouped, so every Excel reads them as numbers. Read: what people's
 * spreadsheets hold — a decimal comma or point, Persian and Arabic-Indic digits, dates
 * YYYY-MM-DD, DD.MM.YYYY, and in a Persian team Solar Hijri YYYY/MM/DD.
 */

export const CSV_SEPARATORS = [',', ';', '\t'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];
export const DECIMAL_MARKS = ['.', ','] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

/** How a CSV file separates fields and writes the fraction of a number. */
export interface CsvDialect {
  separator: CsvSeparator;
  decimal: DecimalMark;
  /** The calendar of date cells: Solar Hijri writes 2026-11-28 as 1405/09/07, which every import reads back. */
  calendar?: CalendarSystem;
}

/**
 * The dialect Excel expects on a Windows set to the language: Turkish and Polish (and the other
 * languages whose decimal mark is a comma) a semicolon and a decimal comma. Persian: a comma and a
 * decimal point with Latin digits. Excel reads neither the Arabic decimal separator (٫) nor
 * Persian digits in a CSV as a number, so Persian-script numbers would become text; Latin digits
 * with a point are what Iranian spreadsheets exchange, and a semicolon stays a choice in the UI and
 * the CLI for a Windows whose list separator is one.
 */
export function csvDialect(language: string): CsvDialect {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === 'fa' || base === 'en' || base === '') return { separator: ',', decimal: '.' };
  // Intl knows each language's decimal mark; a comma there means Excel's list separator is ";".
  const decimalMark = new Intl.NumberFormat(base).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
  return decimalMark === ',' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

/** A separator and decimal mark that cannot be told apart in a cell (both commas) are not a dialect. */
export function dialectProblem(d: CsvDialect): string | null {
  return d.separator === d.decimal ? 'The separator and the decimal mark cannot both be a comma' : null;
}

/**
 * A number as a CSV cell: Latin digits, no grouping, no exponent, the dialect's decimal mark.
 * (String(n) is the shortest exact form; only tiny or huge magnitudes need toFixed.)
 */
export function numberCell(n: number, decimal: DecimalMark): string {
  if (!Number.isFinite(n)) return '';
  let text = String(n);
  if (text.includes('e')) text = Math.abs(n) < 1 ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : BigInt(Math.round(n)).toString();
  return decimal === ',' ? text.replace('.', ',') : text;
}

const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:([., \u00a0\u202f'])\d{3})+(?:([.,])\d+)?$/;

/**
 * A number cell as people's spreadsheets write it: "12.5" or "12,5", Persian or Arabic-Indic
 * digits ("۱۲٫۵"), thousands grouped with a point, comma, space or apostrophe when a different
 * decimal mark follows ("1.234,5", "1,234.5", "1 234,5"). Empty text is null; anything else NaN.
 */
export function parseNumberCell(text: string): number | null {
  let t = text.trim();
  if (t === '') return null;
  if (/[^\x00-\x7f]/.test(t)) t = latinDigits(t).replace(/[\u2212]/g, '-').trim();
  if (PLAIN_NUMBER.test(t)) return Number(t.replace(',', '.'));
  const g = GROUPED_NUMBER.exec(t);
  // "1.234" or "1,234" alone is read above as a decimal; grouping counts only with a different mark after it.
  if (g && g[1] !== undefined && g[2] !== undefined && g[2] !== g[1]) return Number(t.split(g[1]).join('').replace(',', '.'));
  if (g && g[2] === undefined && (g[1] === ' ' || g[1] === '\u00a0' || g[1] === '\u202f' || g[1] === "'")) return Number(t.replace(/[ \u00a0\u202f']/g, ''));
  return Number.NaN;
}

/** How an import reads dates: a Persian team's spreadsheets may write them in the Solar Hijri calendar. */
export interface DateReading {
  /** The team's locale; fa-* reads a year below 1700 as Solar Hijri. */
  locale: string;
}

/** Below this a four-digit year is Solar Hijri (1405 SH is 2026; no roster is of 1700 AD). */
const SOLAR_HIJRI_YEAR_BELOW = 1700;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A text cell as the dialect writes it: an ISO day in the dialect's calendar (1405/09/07), anything else as it is. */
export function textCell(text: string, dialect: CsvDialect): string {
  return dialect.calendar === 'persian' && ISO_DAY.test(text) && isPlainDate(text) ? calendarDateText(text, 'persian') : text;
}

/**
 * The ISO day a date cell names, or null: YYYY-MM-DD (also with "/" or "."), DD.MM.YYYY (the
 * Turkish and Polish way; with dots it is day first everywhere), an Excel date-time whose time is
 * midnight, and YYYY/MM/DD or YYYY-MM-DD with a year below 1700 as Solar Hijri (what a Persian
 * window's export writes, so any team reads it back; the year tells the calendar).
 * DD/MM/YYYY with slashes is not read: an American file writes month first the same way.
 */
export function parseDateCell(text: string): string | null {
  let t = text.trim();
  if (/[^\x00-\x7f]/.test(t)) t = latinDigits(t).trim();
  t = t.replace(/[ T]00:00(?::00)?$/, '');
  if (isPlainDate(t)) {
    if (Number(t.slice(0, 4)) < SOLAR_HIJRI_YEAR_BELOW) return fromCalendar('persian', { year: Number(t.slice(0, 4)), month: Number(t.slice(5, 7)), day: Number(t.slice(8, 10)) });
    return t;
  }
  const ymd = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(t);
  if (ymd) {
    const date = { year: Number(ymd[1]), month: Number(ymd[2]), day: Number(ymd[3]) };
    return fromCalendar(date.year < SOLAR_HIJRI_YEAR_BELOW ? 'persian' : 'gregorian', date);
  }
  const dmy = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (dmy) return fromCalendar('gregorian', { year: Number(dmy[3]), month: Number(dmy[2]), day: Number(dmy[1]) });
  return null;
}

function isPersian(locale: string): boolean {
  return /^fa\b/i.test(locale);
}

/** The date forms an import reads, for its error messages. */
export function dateFormsOf(reading: DateReading): string {
  return isPersian(reading.locale) ? 'YYYY-MM-DD, DD.MM.YYYY or 1405/09/07 (Solar Hijri)' : 'YYYY-MM-DD or DD.MM.YYYY';
}

/**
 * A time cell as HH:MM: "7:00", "07:00:00", Persian digits, or Excel's fraction of a day
 * ("0.3125", "0,3125"). Null when it is none of these.
 */
export function parseTimeCell(text: string): string | null {
  let t = text.trim();
  if (/[^\x00-\x7f]/.test(t)) t = latinDigits(t).trim();
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(t);
  if (m) {
    const hours = Number(m[1]);
    const minutes = Number(m[2]);
    return hours < 24 && minutes < 60 ? `${String(hours).padStart(2, '0')}:${m[2] ?? ''}` : null;
  }
  if (/^0?[.,]\d+$/.test(t)) {
    const minutes = Math.round(Number(t.replace(',', '.')) * 24 * 60) % (24 * 60);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  return null;
}
