import { parseCsv } from './csv';
import { importError } from './people-import';
import type { LineProblem } from './errors';
import { isPlainDate, Temporal } from './time';

/**
 * Reading a team's own days from a file: a CSV of `day,name[,half]` (a header
 * line naming those columns is optional) or an iCalendar file's all-day events
 * (a decree's days as a calendar app exports them). Every bad line is named and
 * the whole file refused, so an import never half happens.
 */

export interface ImportedHoliday {
  line: number;
  day: string;
  name: string;
  half: boolean;
}

export const MAX_HOLIDAY_IMPORT_DAYS = 1000;
/** Names as the planner stores them (the table's CHECK). */
export const HOLIDAY_NAME_MAX = 80;

const HALF_YES = new Set(['1', 'true', 'yes', 'half', 'y', 'x', '½', '0.5', '0,5']);
const HALF_NO = new Set(['', '0', 'false', 'no', 'n', 'full']);

function checkName(name: string, line: number, problems: LineProblem[]): string {
  const n = name.trim();
  if (n === '') problems.push({ line, column: 'name', message: 'The holiday has no name' });
  else if (n.length > HOLIDAY_NAME_MAX) problems.push({ line, column: 'name', message: `The name is longer than ${HOLIDAY_NAME_MAX} characters` });
  return n;
}

/** `day,name[,half]`, comma or semicolon separated (Excel in tr-TR and pl-PL writes semicolons). */
export function parseHolidayCsv(text: string): ImportedHoliday[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const records = parseCsv(text, delimiter);
  const problems: LineProblem[] = [];
  const out: ImportedHoliday[] = [];
  const head = records[0]?.fields.map((f) => f.trim().toLowerCase());
  const body = head && head[0] === 'day' ? records.slice(1) : records;
  if (head && head[0] === 'day' && head[1] !== 'name') problems.push({ line: records[0]?.line ?? 1, column: 'name', message: 'The second column must be name (day,name,half)' });
  if (body.length === 0) throw importError([{ line: 1, message: 'The file has no holidays: expected lines of day,name[,half], for example 2026-03-20,Company day' }]);
  if (body.length > MAX_HOLIDAY_IMPORT_DAYS) throw importError([{ line: body[MAX_HOLIDAY_IMPORT_DAYS]?.line ?? 1, message: `At most ${MAX_HOLIDAY_IMPORT_DAYS} days can be imported at once` }]);
  for (const rec of body) {
    const [dayText = '', name = '', halfText = '', ...rest] = rec.fields;
    const day = dayText.trim();
    if (rest.some((f) => f.trim() !== '')) problems.push({ line: rec.line, message: 'Too many columns: expected day,name[,half]' });
    if (!isPlainDate(day)) problems.push({ line: rec.line, column: 'day', message: `"${day}" is not a date (YYYY-MM-DD)` });
    const cleanName = checkName(name, rec.line, problems);
    const h = halfText.trim().toLowerCase();
    if (!HALF_YES.has(h) && !HALF_NO.has(h)) problems.push({ line: rec.line, column: 'half', message: `"${halfText.trim()}" is not a half-day mark (leave it empty, or write half)` });
    out.push({ line: rec.line, day, name: cleanName, half: HALF_YES.has(h) });
  }
  if (problems.length) throw importError(problems);
  return out;
}

/** RFC 5545 TEXT value: unescapes \\, \; \, and \n. */
function unescapeText(s: string): string {
  return s.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? ' ' : c));
}

/** 20260320 → 2026-03-20, or null. */
function dateOf(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  return isPlainDate(day) ? day : null;
}

/**
 * All-day VEVENTs (DTSTART;VALUE=DATE): each day from DTSTART up to the exclusive
 * DTEND (one day without DTEND), named by SUMMARY. Timed events are refused:
 * a holiday is a whole local day. Half days are not expressed in iCalendar.
 */
export function parseHolidayIcs(text: string): ImportedHoliday[] {
  // Unfold: a line starting with a space or tab continues the previous one (RFC 5545 3.1).
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lines: { line: number; text: string }[] = [];
  raw.forEach((t, i) => {
    const last = lines.at(-1);
    if ((t.startsWith(' ') || t.startsWith('\t')) && last) last.text += t.slice(1);
    else lines.push({ line: i + 1, text: t });
  });
  if (!lines.some((l) => l.text.trim().toUpperCase() === 'BEGIN:VCALENDAR')) {
    throw importError([{ line: 1, message: 'This is not an iCalendar file (no BEGIN:VCALENDAR)' }]);
  }
  const problems: LineProblem[] = [];
  const out: ImportedHoliday[] = [];
  let event: { line: number; start: string | null; end: string | null; summary: string; startLine: number; endLine: number } | null = null;
  for (const { line, text: t } of lines) {
    const colon = t.indexOf(':');
    const head = (colon < 0 ? t : t.slice(0, colon)).toUpperCase();
    const value = colon < 0 ? '' : t.slice(colon + 1);
    const [prop = '', ...params] = head.split(';');
    if (prop === 'BEGIN' && value.toUpperCase() === 'VEVENT') {
      event = { line, start: null, end: null, summary: '', startLine: line, endLine: line };
      continue;
    }
    if (!event) continue;
    if (prop === 'DTSTART' || prop === 'DTEND') {
      const allDay = params.includes('VALUE=DATE') || /^\d{8}$/.test(value.trim());
      const day = allDay ? dateOf(value) : null;
      if (!day) problems.push({ line, column: prop.toLowerCase(), message: allDay ? `"${value.trim()}" is not a date` : `${prop} ${value.trim()} has a time: only all-day events are holidays` });
      if (prop === 'DTSTART') {
        event.start = day;
        event.startLine = line;
      } else {
        event.end = day;
        event.endLine = line;
      }
    } else if (prop === 'SUMMARY') {
      event.summary = unescapeText(value);
    } else if (prop === 'END' && value.toUpperCase() === 'VEVENT') {
      const ev = event;
      event = null;
      if (ev.start === null) {
        if (!problems.some((p) => p.line === ev.startLine && p.line !== ev.line)) problems.push({ line: ev.line, column: 'dtstart', message: 'The event has no all-day DTSTART' });
        continue;
      }
      const name = checkName(ev.summary, ev.line, problems);
      const first = Temporal.PlainDate.from(ev.start);
      const endExclusive = ev.end ? Temporal.PlainDate.from(ev.end) : first.add({ days: 1 });
      if (Temporal.PlainDate.compare(endExclusive, first) <= 0) {
        problems.push({ line: ev.endLine, column: 'dtend', message: 'DTEND is not after DTSTART' });
        continue;
      }
      if (first.until(endExclusive).days > 31) {
        problems.push({ line: ev.endLine, column: 'dtend', message: 'The event lasts more than 31 days' });
        continue;
      }
      for (let d = first; Temporal.PlainDate.compare(d, endExclusive) < 0; d = d.add({ days: 1 })) out.push({ line: ev.line, day: d.toString(), name, half: false });
    }
  }
  if (out.length === 0 && problems.length === 0) problems.push({ line: 1, message: 'The calendar has no all-day events' });
  if (out.length > MAX_HOLIDAY_IMPORT_DAYS) problems.push({ line: out[MAX_HOLIDAY_IMPORT_DAYS]?.line ?? 1, message: `At most ${MAX_HOLIDAY_IMPORT_DAYS} days can be imported at once` });
  if (problems.length) throw importError(problems);
  return out;
}
