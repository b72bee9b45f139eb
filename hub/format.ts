import { builtinNamer, type BuiltinNamer } from '../core/builtin-names';
import { calendarLocale, defaultCalendar } from '../core/calendar';
import { FORMAT_LOCALE, type Language } from '../core/contract';
import { fillWords } from '../core/text';
import { TRANSLATIONS, type Translation } from '../words/index';

/** The hub pages' words and the way they write days, times and numbers in a reader's language (Persian: Solar Hijri days, Persian digits). */
export interface Words {
  language: Language;
  w: Translation['hub'];
  /** A sentence with its `{{places}}` filled. */
  say(key: keyof Translation['hub'], params?: Readonly<Record<string, string | number>>): string;
  /** "Monday 30 November" for an ISO day. */
  day(iso: string): string;
  /** Digits of a clock time or a number in the language's own digits. */
  digits(text: string): string;
  number(n: number): string;
  /** An instant as day and time, in `timeZone`. */
  instant(iso: string, timeZone: string): string;
  /** A team-local date and time written YYYY-MM-DDTHH:MM, as "Sunday 29 November 20:00" in the reader's calendar. */
  localDateTime(local: string): string;
  /** "Monday" … "Sunday" for ISO weekdays 1 … 7. */
  weekday(isoWeekday: number): string;
  dir: 'rtl' | 'ltr';
  /** "On call · Tier 2" for a rotation; just "On call" when the rotation's name says no more (the demo's "Nöbet" in Turkish). */
  onCall(rotation: string): string;
  /** Rosterdesk's own names (built-in leave types, channels, the demo's rotation) in this language; a lead's own names as typed. */
  names: BuiltinNamer;
}

const made = new Map<Language, Words>();

/** The words of a language, made once: Intl formatters cost more to make than to use, and every page needs them. */
export function wordsFor(language: Language): Words {
  let words = made.get(language);
  if (!words) made.set(language, (words = makeWords(language)));
  return words;
}

function makeWords(language: Language): Words {
  const w = TRANSLATIONS[language].hub;
  const locale = calendarLocale(FORMAT_LOCALE[language], defaultCalendar(language));
  const dayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const numberFormat = new Intl.NumberFormat(FORMAT_LOCALE[language], { maximumFractionDigits: 1 });
  const digit = new Intl.NumberFormat(FORMAT_LOCALE[language], { useGrouping: false });
  const instantFormats = new Map<string, Intl.DateTimeFormat>();
  // 2024-01-01 was a Monday, so day n of January 2024 is ISO weekday n.
  const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const names = builtinNamer(language);
  // Days written once each: a page writes the same few dozen days over and over, and Intl's format is most of a page's cost.
  const daysWritten = new Map<string, string>();
  const day = (iso: string) => {
    let text = daysWritten.get(iso);
    if (text === undefined) {
      if (daysWritten.size >= 10_000) daysWritten.clear();
      daysWritten.set(iso, (text = dayFormat.format(new Date(`${iso}T00:00:00Z`))));
    }
    return text;
  };
  // Letters only, in lower case: "On-call" and "On call" are the same words.
  const plain = (text: string) => text.toLocaleLowerCase(FORMAT_LOCALE[language]).replace(/[^\p{L}]/gu, '');
  const digits = (text: string) => (language === 'fa' ? text.replace(/[0-9]/g, (d) => digit.format(Number(d))) : text);
  return {
    language,
    w,
    // Names placed in a Persian sentence are isolated (FSI … PDI), so a Latin name or a number keeps its own direction.
    say: (key, params = {}) => fillWords(w[key], Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? numberFormat.format(v) : language === 'fa' ? `\u2068${v}\u2069` : v]))),
    day,
    digits,
    number: (n) => numberFormat.format(n),
    instant: (iso, timeZone) => {
      let f = instantFormats.get(timeZone);
      if (!f) instantFormats.set(timeZone, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone, hourCycle: 'h23' })));
      return f.format(new Date(iso));
    },
    localDateTime: (local) => `${day(local.slice(0, 10))} ${digits(local.slice(11, 16))}`,
    weekday: (isoWeekday) => weekdayFormat.format(new Date(Date.UTC(2024, 0, isoWeekday))),
    dir: language === 'fa' ? 'rtl' : 'ltr',
    names,
    onCall: (rotation) => {
      const name = names.rotation(rotation);
      return plain(name) === plain(w.onCallPlain) || name === '' ? w.onCallPlain : fillWords(w.onCall, { rotation: language === 'fa' ? `\u2068${name}\u2069` : name });
    },
  };
}
