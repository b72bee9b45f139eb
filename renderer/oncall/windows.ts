import type { Restriction } from '../../core/oncall';

/**
 * A layer's restriction windows said in words, for the editor and the timeline:
 * "Weekends, Saturday 08:00 – Monday 08:00", "Weeknights, Monday–Friday 18:00 – 08:00".
 * Pure: the caller gives the words of the UI language (weekday names through Intl).
 */

/** What sort of hours a set of windows is, for the word in front. */
export type WindowKind = 'always' | 'weeknights' | 'weekends' | 'eveningsWeekends' | 'weekdays' | 'custom';

export interface WindowWords {
  /** The ISO weekday (1 = Monday) by its full name in the UI language. */
  weekday(iso: number): string;
  /** A local time "HH:MM" as the UI language writes it. */
  time(hhmm: string): string;
  kind(kind: WindowKind): string;
  /** Joins the kind and the windows: "Weekends, Saturday 08:00 – Monday 08:00". */
  sentence(kind: string, windows: string): string;
  /** Between the windows of one layer. */
  separator: string;
}

/** How many days a window spans from its start day to its end day (7: a whole week round). */
function spanDays(r: Restriction): number {
  const days = (r.toDay - r.fromDay + 7) % 7;
  return days === 0 && r.toTime <= r.fromTime ? 7 : days;
}

const isNight = (r: Restriction) => r.fromDay <= 5 && spanDays(r) === 1 && r.fromTime >= '12:00' && r.toTime <= '12:00';
/** Starts on Friday evening or at the weekend and ends by Monday noon. */
const isWeekend = (r: Restriction) => {
  const starts = r.fromDay === 6 || r.fromDay === 7 || (r.fromDay === 5 && r.fromTime >= '12:00');
  const ends = r.toDay === 6 || r.toDay === 7 || (r.toDay === 1 && r.toTime <= '12:00');
  return starts && ends && spanDays(r) <= 3;
};
const isDaytime = (r: Restriction) => r.fromDay <= 5 && spanDays(r) === 0;

export function windowKind(restrictions: readonly Restriction[]): WindowKind {
  if (restrictions.length === 0) return 'always';
  if (restrictions.every(isNight)) return 'weeknights';
  if (restrictions.every(isWeekend)) return 'weekends';
  if (restrictions.every((r) => isNight(r) || isWeekend(r))) return 'eveningsWeekends';
  if (restrictions.every(isDaytime)) return 'weekdays';
  return 'custom';
}

/**
 * The windows as phrases. Windows with the same hours on consecutive days that end on the
 * day they start or the next morning read as one: "Monday–Friday 18:00 – 08:00". Any other
 * window names both ends: "Saturday 08:00 – Monday 08:00".
 */
export function windowPhrases(restrictions: readonly Restriction[], words: Pick<WindowWords, 'weekday' | 'time'>): string[] {
  const sorted = [...restrictions].sort((a, b) => a.fromDay - b.fromDay || a.fromTime.localeCompare(b.fromTime));
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const r = sorted[i] as Restriction;
    const span = spanDays(r);
    let j = i + 1;
    if (span <= 1) {
      while (j < sorted.length) {
        const n = sorted[j] as Restriction;
        const prev = sorted[j - 1] as Restriction;
        if (n.fromDay !== prev.fromDay + 1 || n.fromTime !== r.fromTime || n.toTime !== r.toTime || spanDays(n) !== span) break;
        j += 1;
      }
    }
    const last = sorted[j - 1] as Restriction;
    const hours = `${words.time(r.fromTime)} – ${words.time(r.toTime)}`;
    if (j - i > 1) out.push(`${words.weekday(r.fromDay)}–${words.weekday(last.fromDay)} ${hours}`);
    else if (span === 0) out.push(`${words.weekday(r.fromDay)} ${hours}`);
    else out.push(`${words.weekday(r.fromDay)} ${words.time(r.fromTime)} – ${words.weekday(r.toDay)} ${words.time(r.toTime)}`);
    i = j;
  }
  return out;
}

/** "Weekends, Saturday 08:00 – Monday 08:00"; "All the time" when the layer has no windows. */
export function describeWindows(restrictions: readonly Restriction[], words: WindowWords): string {
  const kind = windowKind(restrictions);
  if (kind === 'always') return words.kind('always');
  return words.sentence(words.kind(kind), windowPhrases(restrictions, words).join(words.separator));
}

/** The keys `intlWindowWords` looks up, under "oncall." in the locale files. */
const KIND_KEYS: Record<WindowKind, string> = {
  always: 'oncall.always',
  weeknights: 'oncall.kindWeeknights',
  weekends: 'oncall.kindWeekends',
  eveningsWeekends: 'oncall.kindEveningsWeekends',
  weekdays: 'oncall.kindWeekdays',
  custom: 'oncall.kindCustom',
};

/** Full weekday names through Intl: 23 November 2026 was a Monday. */
export function weekdayName(locale: string): (iso: number) => string {
  const f = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return (iso) => f.format(new Date(Date.UTC(2026, 10, 22 + iso)));
}

/**
 * The words of a UI language for `describeWindows`: Intl for days, the screen's clock (format.ts's
 * wallClock, fmt.clock) for times, the locale file for the rest.
 */
export function intlWindowWords(locale: string, clock: (hhmm: string) => string, translate: (key: string, values?: Record<string, string>) => string): WindowWords {
  return {
    weekday: weekdayName(locale),
    time: clock,
    kind: (k) => translate(KIND_KEYS[k]),
    sentence: (kind, windows) => translate('oncall.windowSentence', { kind, windows }),
    separator: translate('oncall.windowSeparator'),
  };
}
