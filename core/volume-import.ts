import { csvReader, type CsvRecord } from './csv';
import { decodeStream, type ByteSource, type DecodeOptions } from './text-decode';
import { latinDigits } from './calendar';
import { parseNumberCell } from './spreadsheet-format';
import { UserError, type LineProblem } from './errors';
import { importError } from './people-import';
import { fold } from './text';
import { zoneClock } from './zone-clock';

/**
 * Ticket history from a help-desk export. Two shapes:
 * - one row per ticket with its creation time (Zendesk "Created at", Freshdesk
 *   "Created time", or created_at), optionally a channel column (Zendesk "Via",
 *   Freshdesk "Source", or channel) and a handle time (handle_seconds);
 * - one row per interval: interval_start,channel,volume[,aht_seconds].
 * Tickets are counted into 15-minute intervals. Timestamps without an offset
 * are read in the given zone. Pure: the service stores what this returns.
 */

export const VOLUME_INTERVAL_MINUTES = [15, 30, 60] as const;
const TICKET_INTERVAL_MINUTES = 15;
export const MAX_VOLUME_ROWS = 2_000_000;

const CREATED_HEADERS = ['created at', 'created_at', 'created time', 'created_time', 'creation time', 'created', 'createdat'];
const CHANNEL_HEADERS = ['via', 'source', 'channel'];
const HANDLE_HEADERS = ['handle_seconds', 'handle time', 'handle_time', 'aht_seconds'];

export interface VolumeInterval {
  channel: string;
  startUtc: number;
  intervalMinutes: number;
  volume: number;
  ahtSeconds: number | null;
}

export interface ParsedVolume {
  kind: 'tickets' | 'intervals';
  /** Rows read (tickets or intervals). */
  rows: number;
  intervals: VolumeInterval[];
}

/** Common channel names in help-desk exports, as the team's skills usually name them. */
const CHANNEL_WORDS: [RegExp, string][] = [
  [/phone|call|voice|telefon|tele/, 'phone'],
  [/chat|messag|whatsapp|sohbet|czat/, 'chat'],
  [/mail|web ?form|portal|posta/, 'email'],
];

/** The team channel a value from the export means, or null. */
export function matchChannel(value: string, channels: readonly string[]): string | null {
  const v = fold(value.trim());
  const exact = channels.find((c) => fold(c) === v);
  if (exact) return exact;
  for (const [re, name] of CHANNEL_WORDS) if (re.test(v) && channels.includes(name)) return name;
  return null;
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
/** A Turkish or Polish Excel saves "2026-03-02 09:41" as "2.03.2026 09:41": day first, with dots. */
const DOTTED_STAMP = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[T ](.*)$/;

/** The timestamp as STAMP reads it: Persian digits made Latin, a dotted day-first date made ISO. Only for what STAMP refused. */
function isoStamp(text: string): string {
  const t = /[^\x00-\x7f]/.test(text) ? latinDigits(text) : text;
  const m = DOTTED_STAMP.exec(t);
  return m ? `${m[3] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')} ${m[4] ?? ''}` : t;
}

/** A count or number of seconds: digits alone read at once (a million rows), others as spreadsheets write numbers. */
function numberOf(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : (parseNumberCell(text) ?? Number.NaN);
}

/**
 * Epoch seconds of a timestamp written YYYY-MM-DD HH:MM[:SS] with an optional
 * offset; without one, local time in the zone (an hour's offset is looked up
 * once, so a million rows stay fast). Null when it is not such a timestamp.
 */
export function timestampReader(timeZone: string): (text: string) => number | null {
  const clock = zoneClock(timeZone);
  const hourStart = new Map<string, number>();
  return (text) => {
    const m = STAMP.exec(text.trim()) ?? STAMP.exec(isoStamp(text.trim()));
    if (!m) return null;
    const [, y, mo, d, h, mi, s, off] = m;
    const hour = Number(h);
    const minute = Number(mi);
    const second = Number(s ?? 0);
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || hour > 23 || minute > 59 || second > 59) return null;
    const utcGuess = Date.UTC(Number(y), Number(mo) - 1, Number(d), hour, minute, second);
    if (new Date(utcGuess).getUTCDate() !== Number(d)) return null;
    if (off) {
      if (off === 'Z') return utcGuess / 1000;
      const sign = off.startsWith('-') ? -1 : 1;
      const digits = off.slice(1).replace(':', '');
      return utcGuess / 1000 - sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
    }
    const key = `${y}-${mo}-${d}T${String(hour).padStart(2, '0')}`;
    let start = hourStart.get(key);
    if (start === undefined) {
      start = clock.reach(`${y}-${mo}-${d}`, `${String(hour).padStart(2, '0')}:00`);
      hourStart.set(key, start);
    }
    return start + minute * 60 + second;
  };
}

export interface VolumeImportOptions {
  /** The team's channels (skills). */
  channels: readonly string[];
  /** Every row goes to this channel (the file's channel column, if any, is ignored). */
  channel: string | null;
  /** The zone of timestamps without an offset. */
  timeZone: string;
}

/** Reads a ticket or interval export a record at a time; `finish` answers (or refuses) once the file has ended. */
export interface VolumeReader {
  record(rec: CsvRecord): void;
  finish(): ParsedVolume;
}

interface IntervalRow {
  line: number;
  channel: string;
  startUtc: number;
  volume: number;
  aht: number | null;
}

interface Bucket {
  channel: string;
  startUtc: number;
  volume: number;
  handle: number;
  handled: number;
}

/**
 * Tickets are counted into their 15-minute intervals as they arrive (a year of three channels is
 * about 100 000 buckets, whatever the number of tickets); interval rows are kept, as they are the
 * intervals. Every refusal waits for `finish`, in the order the whole file would meet them: a row
 * count over the limit, then a header without the columns, then the rows' problems.
 */
export function volumeReader(options: VolumeImportOptions): VolumeReader {
  const read = timestampReader(options.timeZone);
  const problems: LineProblem[] = [];
  const needChannel = () => !options.channel && options.channels.length > 1;
  const channelOf = (value: string, line: number): string | null => {
    if (options.channel) return options.channel;
    const c = matchChannel(value, options.channels);
    if (!c) problems.push({ line, column: 'channel', message: `channel: "${value}" is not a channel of the team (${options.channels.join(', ')}); name it with --channel or rename it in the file` });
    return c;
  };
  let header: CsvRecord | null = null;
  let headerError: UserError | null = null;
  let rows = 0;
  let row: (rec: CsvRecord) => void = () => undefined;
  let answer: () => ParsedVolume = () => ({ kind: 'tickets', rows: 0, intervals: [] });

  const intervalRows = (columns: string[], head: CsvRecord, startCol: number) => {
    const channelCol = columns.indexOf('channel');
    const volumeCol = columns.indexOf('volume');
    const ahtCol = columns.indexOf('aht_seconds');
    if (volumeCol < 0) return importError([{ line: head.line, column: 'volume', message: 'Missing column "volume" (interval_start,channel,volume[,aht_seconds])' }]);
    if (channelCol < 0 && needChannel()) return importError([{ line: head.line, column: 'channel', message: 'Missing column "channel"; or name the channel of every row with --channel' }]);
    const kept: IntervalRow[] = [];
    row = (rec) => {
      const get = (i: number) => (i < 0 ? '' : (rec.fields[i] ?? '').trim());
      const startUtc = read(get(startCol));
      if (startUtc === null) problems.push({ line: rec.line, column: 'interval_start', message: `interval_start: "${get(startCol)}" is not a date and time such as 2026-03-02T09:30 or 2026-03-02T09:30:00+03:00` });
      const volume = numberOf(get(volumeCol));
      if (get(volumeCol) === '' || !Number.isFinite(volume) || volume < 0 || volume > 1_000_000) problems.push({ line: rec.line, column: 'volume', message: `volume: "${get(volumeCol)}" is not a number from 0 to 1000000` });
      const ahtText = get(ahtCol);
      const aht = ahtText === '' ? null : numberOf(ahtText);
      if (aht !== null && !(Number.isFinite(aht) && aht > 0 && aht <= 86_400)) problems.push({ line: rec.line, column: 'aht_seconds', message: `aht_seconds: "${ahtText}" is not a number of seconds above 0` });
      const channel = channelCol < 0 ? (options.channel ?? options.channels[0] ?? 'phone') : channelOf(get(channelCol), rec.line);
      if (startUtc !== null && channel) kept.push({ line: rec.line, channel, startUtc, volume, aht });
    };
    answer = () => intervalsOf(head, kept, problems);
    return null;
  };

  const ticketRows = (columns: string[], head: CsvRecord) => {
    const createdCol = columns.findIndex((c) => CREATED_HEADERS.includes(c));
    if (createdCol < 0) {
      return importError([{ line: head.line, message: `Expected a ticket export with a creation time column (${CREATED_HEADERS.slice(0, 3).map((h) => `"${h}"`).join(', ')}) or interval rows (interval_start,channel,volume)` }]);
    }
    const channelCol = columns.findIndex((c) => CHANNEL_HEADERS.includes(c));
    const handleCol = columns.findIndex((c) => HANDLE_HEADERS.includes(c));
    if (channelCol < 0 && needChannel()) return importError([{ line: head.line, column: 'channel', message: 'The file has no channel column ("Via", "Source" or "channel"); name the channel with --channel' }]);
    const step = TICKET_INTERVAL_MINUTES * 60;
    // Per channel, keyed by the interval's number (a small integer): no key string made per ticket.
    const buckets = new Map<string, Map<number, Bucket>>();
    const channelCache = new Map<string, string | null>();
    row = (rec) => {
      const created = (rec.fields[createdCol] ?? '').trim();
      const at = read(created);
      if (at === null) {
        problems.push({ line: rec.line, column: columns[createdCol], message: `${columns[createdCol] ?? 'created'}: "${created}" is not a date and time such as 2026-03-02 09:41:07 or 2026-03-02T09:41:07+03:00` });
        return;
      }
      let channel: string | null;
      if (options.channel || channelCol < 0) channel = options.channel ?? options.channels[0] ?? 'phone';
      else {
        const raw = (rec.fields[channelCol] ?? '').trim();
        if (!channelCache.has(raw)) channelCache.set(raw, matchChannel(raw, options.channels));
        channel = channelCache.get(raw) ?? null;
        if (!channel) channelOf(raw, rec.line);
      }
      if (!channel) return;
      const handleText = handleCol < 0 ? '' : (rec.fields[handleCol] ?? '').trim();
      const handle = handleText === '' ? null : numberOf(handleText);
      if (handle !== null && !(Number.isFinite(handle) && handle >= 0 && handle <= 86_400)) {
        problems.push({ line: rec.line, column: columns[handleCol], message: `${columns[handleCol] ?? 'handle_seconds'}: "${handleText}" is not a number of seconds` });
        return;
      }
      const slot = Math.floor(at / step);
      let mine = buckets.get(channel);
      if (!mine) buckets.set(channel, (mine = new Map()));
      const b = mine.get(slot);
      if (b) b.volume += 1;
      // A handle time of 0 is a ticket nobody handled (an abandoned call): it counts as volume, not in the AHT.
      const handled = handle !== null && handle > 0;
      const bucket = b ?? { channel, startUtc: slot * step, volume: 1, handle: 0, handled: 0 };
      if (!b) mine.set(slot, bucket);
      if (handled) {
        bucket.handle += handle;
        bucket.handled += 1;
      }
    };
    answer = () => ({
      kind: 'tickets',
      rows,
      intervals: [...buckets.values()]
        .flatMap((mine) => [...mine.values()])
        .sort((a, b) => a.startUtc - b.startUtc || a.channel.localeCompare(b.channel))
        .map((b) => ({ channel: b.channel, startUtc: b.startUtc, intervalMinutes: TICKET_INTERVAL_MINUTES, volume: b.volume, ahtSeconds: b.handled ? Math.round((b.handle / b.handled) * 10) / 10 : null })),
    });
    return null;
  };

  return {
    record(rec) {
      if (!header) {
        header = rec;
        const columns = rec.fields.map((f) => f.trim().toLowerCase());
        const startCol = columns.indexOf('interval_start');
        headerError = startCol >= 0 ? intervalRows(columns, rec, startCol) : ticketRows(columns, rec);
        return;
      }
      rows += 1;
      // Past the limit, or after a thousand problems, rows are only counted: the file still has to be read to its end for its syntax.
      if (headerError || rows > MAX_VOLUME_ROWS || problems.length >= 1000) return;
      row(rec);
    },
    finish() {
      if (!header) throw new UserError('empty_file', 'The file is empty: expected a header line (a ticket export with "Created at", or interval_start,channel,volume)');
      if (rows > MAX_VOLUME_ROWS) throw new UserError('too_many_rows', `The file has ${rows} rows; at most ${MAX_VOLUME_ROWS} can be imported at once`);
      if (headerError) throw headerError;
      if (problems.length) throw importError(problems);
      return answer();
    },
  };
}

/** Interval rows as intervals: their length is the smallest step between starts of one channel, and no interval twice. */
function intervalsOf(header: CsvRecord, rows: IntervalRow[], problems: LineProblem[]): ParsedVolume {
  const starts = new Map<string, number[]>();
  for (const r of rows) {
    const list = starts.get(r.channel);
    if (list) list.push(r.startUtc);
    else starts.set(r.channel, [r.startUtc]);
  }
  let stepMinutes = Number.POSITIVE_INFINITY;
  for (const list of starts.values()) {
    const sorted = [...new Set(list)].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i += 1) stepMinutes = Math.min(stepMinutes, ((sorted[i] ?? 0) - (sorted[i - 1] ?? 0)) / 60);
  }
  const intervalMinutes = Number.isFinite(stepMinutes) ? stepMinutes : 60;
  if (!(VOLUME_INTERVAL_MINUTES as readonly number[]).includes(intervalMinutes)) {
    throw importError([{ line: header.line, column: 'interval_start', message: `interval_start: the intervals are ${intervalMinutes} minutes apart; they must be 15, 30 or 60 minutes` }]);
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.channel}|${r.startUtc}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ line: r.line, column: 'interval_start', message: `interval_start: ${r.channel} already has this interval on line ${first}` });
    else seen.set(key, r.line);
  }
  if (problems.length) throw importError(problems);
  return { kind: 'intervals', rows: rows.length, intervals: rows.map((r) => ({ channel: r.channel, startUtc: r.startUtc, intervalMinutes, volume: r.volume, ahtSeconds: r.aht })) };
}

/** A whole text's ticket history (the reader fed the text in one piece). */
export function parseVolumeCsv(text: string, options: VolumeImportOptions): ParsedVolume {
  const reader = volumeReader(options);
  csvReader().read(text, true, reader.record);
  return reader.finish();
}

/**
 * Ticket history from a file read a piece at a time: decoded, parsed and counted as the bytes
 * arrive, so memory holds a piece of the file and the intervals, never the file. The answer and
 * the refusals are parseVolumeCsv's on the decoded text.
 */
export function readVolumeStream(source: ByteSource, decode: DecodeOptions, options: VolumeImportOptions): ParsedVolume {
  let csv = csvReader();
  let volume = volumeReader(options);
  const done: { parsed: ParsedVolume | null } = { parsed: null };
  decodeStream(source, decode, {
    text: (piece) => {
      csv.read(piece, false, volume.record);
    },
    end: () => {
      csv.read('', true, volume.record);
      done.parsed = volume.finish();
    },
    reset: () => {
      csv = csvReader();
      volume = volumeReader(options);
    },
  });
  if (!done.parsed) throw new Error('decodeStream returned without ending its sink');
  return done.parsed;
}
