/**
 * iCalendar (RFC 5545) writing: what a calendar app needs to import the plan and,
 * on a later import, update it instead of doubling it. Times are written in UTC
 * ("Z"), which every client reads and which needs no VTIMEZONE; the team's local
 * times are in the summary and description, where people read them.
 */

export interface IcsEvent {
  /** Stable across exports: the same shift keeps it, so a re-import updates the event. */
  uid: string;
  /** Raised when the event changes, so clients take the newer one. */
  sequence: number;
  /** Epoch seconds, or a local day for an all-day event. */
  start: number | { day: string };
  end: number | { day: string };
  summary: string;
  description: string;
  categories?: readonly string[];
  location?: string;
}

export interface IcsCalendar {
  /** The calendar's display name (X-WR-CALNAME, which most clients show). */
  name: string;
  events: readonly IcsEvent[];
  /** DTSTAMP of every event: when the file was made (epoch seconds). */
  stampUtc: number;
  productVersion: string;
}

/** TEXT values: backslash, semicolon and comma escaped, newlines as \n (RFC 5545 3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * A content line folded at 75 octets (RFC 5545 3.1): continuation lines begin with one space,
 * which counts toward their 75. Splits only between characters, never inside a UTF-8 sequence
 * (or a surrogate pair), so Turkish and Persian text survives any client.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 20261123T070000Z */
export function utcStamp(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

const dateValue = (day: string) => day.replaceAll('-', '');

function when(name: 'DTSTART' | 'DTEND', t: number | { day: string }): string {
  return typeof t === 'number' ? `${name}:${utcStamp(t)}` : `${name};VALUE=DATE:${dateValue(t.day)}`;
}

function calendarHead(productVersion: string): string[] {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Rosterdesk//Rosterdesk ${escapeText(productVersion)}//EN`, 'CALSCALE:GREGORIAN'];
}

/** The whole file, CRLF line ends, every line folded. */
export function writeCalendar(cal: IcsCalendar): string {
  const lines = [...calendarHead(cal.productVersion), 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(cal.name)}`];
  for (const e of cal.events) lines.push(...eventLines(e, cal.stampUtc));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** One VEVENT's lines, unfolded (the caller folds). */
export function eventLines(e: IcsEvent, stampUtc: number): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(stampUtc)}`,
    `SEQUENCE:${e.sequence}`,
    when('DTSTART', e.start),
    when('DTEND', e.end),
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.categories?.length ? [`CATEGORIES:${e.categories.map(escapeText).join(',')}`] : []),
    // Shifts and on-call block the person's time; leave shows as free for others to see.
    `TRANSP:${typeof e.start === 'number' ? 'OPAQUE' : 'TRANSPARENT'}`,
    'END:VEVENT',
  ];
}

/** A single event as its own calendar object, as CalDAV stores one resource per event. */
export function writeEventResource(e: IcsEvent, stampUtc: number, productVersion: string): string {
  const lines = [...calendarHead(productVersion), ...eventLines(e, stampUtc), 'END:VCALENDAR'];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
