import type { DailyVolume, WeeklyVolume } from '../../core/contract';
import { UserError } from '../../core/errors';
import type { Team } from '../../core/team';
import { epochSeconds, parsePlainDate, startOfWeek, Temporal, todayIn } from '../../core/time';
import { IMPORT_MAX_BYTES } from '../../core/contract';
import { base64Bytes, bufferSource, importText, type TextEncodingChoice } from '../../core/text-decode';
import { parseVolumeCsv, readVolumeStream, type ParsedVolume, type VolumeImportOptions } from '../../core/volume-import';
import { zoneClock } from '../../core/zone-clock';
import type { HandlersOf, ServiceContext } from '../context';
import { fileSource } from '../import-file';
import type { Uploads } from '../uploads';
import type { Db } from '../open';
import { deleteVolumes, insertVolumes, volumesBetween } from '../sql/volume';

/** Ticket totals per local day of the team's zone: day boundaries as instants, then one pass over sorted rows. */
function dailyVolumes(db: Db, team: Team, fromDay: Temporal.PlainDate, toDay: Temporal.PlainDate): DailyVolume[] {
  const bounds: { day: string; end: number }[] = [];
  for (let d = fromDay; Temporal.PlainDate.compare(d, toDay) <= 0; d = d.add({ days: 1 })) {
    bounds.push({ day: d.toString(), end: epochSeconds(d.add({ days: 1 }).toZonedDateTime(team.timeZone).toInstant()) });
  }
  const start = epochSeconds(fromDay.toZonedDateTime(team.timeZone).toInstant());
  const rows = volumesBetween(db, team.id, start, bounds.at(-1)?.end ?? start);
  const totals = new Map<string, DailyVolume>();
  let b = 0;
  for (const r of rows) {
    while (b < bounds.length - 1 && r.startUtc >= (bounds[b]?.end ?? 0)) b += 1;
    const day = bounds[b]?.day ?? fromDay.toString();
    const key = `${day}|${r.channel}`;
    const entry = totals.get(key) ?? { day, channel: r.channel, volume: 0 };
    entry.volume += r.volume;
    totals.set(key, entry);
  }
  return [...totals.values()];
}

/** An import's file as it came: a path or a file sent in pieces (read a piece at a time), bytes (decoded a piece at a time) or text. */
interface VolumeFile {
  csv?: string | undefined;
  bytes?: string | undefined;
  path?: string | undefined;
  upload?: string | undefined;
  encoding: TextEncodingChoice;
}

function parsedVolume(file: VolumeFile, team: Team, options: VolumeImportOptions, localFiles: boolean, uploads: Uploads): ParsedVolume {
  if ([file.csv, file.bytes, file.path, file.upload].filter((x) => x !== undefined).length > 1) throw new UserError('conflict', 'Give the file one way: csv, bytes, path or upload', ['upload']);
  if (file.upload !== undefined) {
    // Forgotten whatever the outcome: a refused file is chosen again, not imported again.
    const sent = uploads.take(file.upload);
    try {
      return readVolumeStream(sent.source, { encoding: file.encoding, locale: team.locale }, options);
    } finally {
      sent.done();
    }
  }
  if (file.path !== undefined) {
    if (!localFiles) throw new UserError('unknown_field', 'This caller cannot name a file by its path; send the file\'s bytes', ['path']);
    return readVolumeStream(fileSource(file.path, IMPORT_MAX_BYTES.tickets), { encoding: file.encoding, locale: team.locale }, options);
  }
  if (file.bytes !== undefined) return readVolumeStream(bufferSource(base64Bytes(file.bytes)), { encoding: file.encoding, locale: team.locale }, options);
  return parseVolumeCsv(importText(file, team.locale), options);
}

/**
 * Ticket history: daily and weekly totals, and the import (which replaces the span it covers,
 * channel by channel). `localFiles`: the caller is on this machine and may name a file to import.
 */
export function volumeHandlers(ctx: ServiceContext, uploads: Uploads, localFiles = false): HandlersOf<'volume.daily' | 'volume.import' | 'volume.weekly' | 'upload.start' | 'upload.append'> {
  const { db, requireTeam } = ctx;
  return {
    'volume.daily': ({ teamId, from, to }) => {
      const team = requireTeam(teamId);
      const fromDay = parsePlainDate(from);
      const toDay = parsePlainDate(to);
      if (!fromDay || !toDay) throw new UserError('invalid_date', 'Dates must be YYYY-MM-DD', ['from']);
      if (Temporal.PlainDate.compare(fromDay, toDay) > 0) throw new UserError('reversed_range', 'The range ends before it starts', ['to']);
      if (fromDay.until(toDay).days > 3660) throw new UserError('too_big', 'At most ten years at once', ['to']);
      return dailyVolumes(db, team, fromDay, toDay);
    },
    'upload.start': ({ sizeBytes }) => ({ id: uploads.start(sizeBytes) }),
    'upload.append': ({ id, at, bytes }) => ({ receivedBytes: uploads.append(id, at, bytes) }),
    'volume.import': ({ teamId, channel, timeZone, ...file }) => {
      const team = requireTeam(teamId);
      if (channel !== null && !team.skills.includes(channel)) {
        throw new UserError('unknown_skill', `"${channel}" is not a channel of ${team.name} (${team.skills.join(', ')})`, ['channel']);
      }
      const parsed = parsedVolume(file, team, { channels: team.skills, channel, timeZone: timeZone ?? team.timeZone }, localFiles, uploads);
      const clock = zoneClock(team.timeZone);
      let replaced = 0;
      const channels = [...new Set(parsed.intervals.map((r) => r.channel))].sort();
      for (const c of channels) {
        const mine = parsed.intervals.filter((r) => r.channel === c);
        const from = mine.reduce((m, r) => Math.min(m, r.startUtc), Number.POSITIVE_INFINITY);
        const to = mine.reduce((m, r) => Math.max(m, r.startUtc + r.intervalMinutes * 60), Number.NEGATIVE_INFINITY);
        replaced += deleteVolumes(db, team.id, c, from, to);
      }
      insertVolumes(db, team.id, parsed.intervals);
      const first = parsed.intervals.reduce((m, r) => Math.min(m, r.startUtc), Number.POSITIVE_INFINITY);
      const last = parsed.intervals.reduce((m, r) => Math.max(m, r.startUtc), Number.NEGATIVE_INFINITY);
      return {
        kind: parsed.kind,
        rows: parsed.rows,
        intervals: parsed.intervals.length,
        channels,
        from: Number.isFinite(first) ? clock.dayOf(first) : null,
        to: Number.isFinite(last) ? clock.dayOf(last) : null,
        replaced,
      };
    },
    'volume.weekly': ({ teamId, weeks }) => {
      const team = requireTeam(teamId);
      const thisWeek = startOfWeek(todayIn(team.timeZone, ctx.clock()), team.weekStart);
      const first = thisWeek.subtract({ weeks: weeks - 1 });
      const totals = new Map<string, WeeklyVolume>();
      for (const d of dailyVolumes(db, team, first, thisWeek.add({ days: 6 }))) {
        const weekStart = startOfWeek(Temporal.PlainDate.from(d.day), team.weekStart).toString();
        const key = `${weekStart}|${d.channel}`;
        const entry = totals.get(key) ?? { weekStart, channel: d.channel, volume: 0 };
        entry.volume += d.volume;
        totals.set(key, entry);
      }
      return [...totals.values()];
    },
  };
}
