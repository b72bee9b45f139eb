import { z } from 'zod';
import { FORECAST_METHODS } from '../forecast';
import { ChannelHours, ChannelHoursInput } from '../opening-hours';
import { Adjustment, AdjustmentInput, CoverageDay, CoverageInterval, OutsideHours, StaffingSettings, StaffingSettingsInput } from '../staffing';
import { id, plainDate, timeZone } from '../validators';
import { IMPORT_MAX_BYTES, importFile, UPLOAD_PIECE_BYTES, type MethodSpec } from './inputs';

/** The contract's methods about demand: ticket history, forecasts and their adjustments, staffing targets, opening hours and coverage. */

export const DailyVolume = z.object({ day: z.string(), channel: z.string(), volume: z.number() });
export type DailyVolume = z.infer<typeof DailyVolume>;

/** Tickets in the team's week starting `weekStart` (a roster day), per channel. */
export const WeeklyVolume = z.object({ weekStart: z.string(), channel: z.string(), volume: z.number() });
export type WeeklyVolume = z.infer<typeof WeeklyVolume>;

export const demandMethods = {
  'volume.daily': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate }),
    output: z.array(DailyVolume),
    undo: null,
  },

  /**
   * Imports ticket history: a help-desk export (one row per ticket) or interval rows. All or
   * nothing. What the file covers replaces what was stored for those channels then, so the same
   * file imported twice leaves the same history. `path` names a file on this machine instead, read
   * a piece at a time (memory holds a piece, not the file); only a service made with `localFiles`
   * (the CLI's) takes it, so a window cannot make the service read a file its user did not choose.
   */
  'volume.import': {
    input: z.strictObject({
      teamId: id,
      ...importFile(IMPORT_MAX_BYTES.tickets),
      path: z.string().min(1).max(4096).optional(),
      /** A file sent earlier in pieces (upload.start, upload.append): read from there a piece at a time. */
      upload: z.uuid().optional(),
      channel: z.string().max(32).nullable().default(null),
      timeZone: timeZone.nullable().default(null),
    }),
    output: z.object({ kind: z.enum(['tickets', 'intervals']), rows: z.number(), intervals: z.number(), channels: z.array(z.string()), from: z.string().nullable(), to: z.string().nullable(), replaced: z.number() }),
    undo: 'Import ticket history',
  },

  /**
   * A file sent in pieces, for an import too big to send whole: `upload.start` with its size,
   * then `upload.append` with each piece and where in the file it goes (`at`, so pieces may arrive in any
   * order; base64, at most UPLOAD_PIECE_BYTES, 64 KB, each), then the
   * import with `upload: id`, which reads it a piece at a time and forgets it. The service keeps
   * the pieces in a file of its own, never in memory; an upload not added to for ten minutes
   * is forgotten.
   */
  'upload.start': {
    input: z.strictObject({ sizeBytes: z.number().int().min(0).max(IMPORT_MAX_BYTES.tickets) }),
    output: z.object({ id: z.uuid() }),
    undo: null,
  },
  'upload.append': {
    input: z.strictObject({ id: z.uuid(), at: z.number().int().min(0).max(IMPORT_MAX_BYTES.tickets), bytes: z.string().max(Math.ceil(UPLOAD_PIECE_BYTES / 3) * 4 + 4) }),
    output: z.object({ receivedBytes: z.number() }),
    undo: null,
  },

  /**
   * Forecast one channel from its stored history: `weeks` weeks from the local day `from` at
   * `intervalMinutes`; `method` auto picks the best by backtest. The accuracy of every method
   * (WAPE, bias) comes with it, the seasonal-naive baseline included.
   */
  'forecast.run': {
    input: z.strictObject({
      teamId: id,
      channel: z.string().max(32),
      from: plainDate,
      weeks: z.number().int().min(1).max(12),
      intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]),
      method: z.enum(['auto', ...FORECAST_METHODS]).default('auto'),
    }),
    output: z.object({
      method: z.enum(FORECAST_METHODS),
      accuracy: z.array(z.object({ method: z.enum(FORECAST_METHODS), wape: z.number(), bias: z.number(), weeks: z.number() })),
      /** `model`: the method's output; `volume`: with the lead's adjustments. */
      points: z.array(z.object({ start: z.string(), model: z.number(), volume: z.number() })),
    }),
    undo: null,
  },
  /**
   * Each channel's backtest on the history before `from` (hourly, one week ahead): every method's
   * error, and which one the forecast would choose. Channels without enough history are left out.
   */
  'forecast.accuracy': {
    input: z.strictObject({ teamId: id, from: plainDate }),
    output: z.array(z.object({ channel: z.string(), method: z.enum(FORECAST_METHODS), wape: z.number(), bias: z.number(), weeks: z.number(), chosen: z.boolean() })),
    undo: null,
  },
  /** Changes a forecast day (timeLocal null) or interval by a percentage or a number of contacts; kept apart from the model. */
  'forecast.adjust': { input: AdjustmentInput.extend({ day: plainDate }), output: Adjustment, undo: 'Adjust forecast' },
  'forecast.adjustments': { input: z.strictObject({ teamId: id, channel: z.string().max(32), from: plainDate, to: plainDate }), output: z.array(Adjustment), undo: null },
  'forecast.deleteAdjustment': { input: z.strictObject({ id }), output: z.object({ id }), undo: 'Remove forecast adjustment' },
  /** Staffing targets of every channel (defaults where none were set), with the AHT of the 8 weeks of history before `before`. */
  'staffing.settings': { input: z.strictObject({ teamId: id, before: plainDate }), output: z.array(StaffingSettings), undo: null },
  'staffing.setSettings': { input: StaffingSettingsInput, output: StaffingSettings, undo: 'Edit staffing targets' },
  /** Opening hours of every channel of the team (around the clock where none were set). */
  'staffing.openingHours': { input: z.strictObject({ teamId: id }), output: z.array(ChannelHours), undo: null },
  /** Replaces one channel's opening hours: windows per ISO weekday (a weekday left out is closed; null: around the clock). */
  'staffing.setOpeningHours': { input: ChannelHoursInput, output: ChannelHours, undo: 'Edit opening hours' },
  /**
   * Requirement against the rota per interval for local days [from, to] (at most two weeks), one
   * channel or all: forecast (adjusted), agents needed, agents on shift, predicted service level.
   * Outside a channel's opening hours nothing is required; those contacts are counted in outsideHours.
   */
  'coverage.range': {
    input: z.strictObject({ teamId: id, channel: z.string().max(32).nullable().default(null), from: plainDate, to: plainDate, intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).default(30) }),
    output: z.object({
      intervals: z.array(CoverageInterval),
      days: z.array(CoverageDay),
      withoutHistory: z.array(z.string()),
      /** Per channel, the forecast contacts in the range that fall outside its opening hours (nobody is required then). */
      outsideHours: z.array(OutsideHours),
    }),
    undo: null,
  },

  'volume.weekly': {
    input: z.strictObject({ teamId: id, weeks: z.number().int().min(1).max(520).default(8) }),
    output: z.array(WeeklyVolume),
    undo: null,
  },
} as const satisfies Record<string, MethodSpec>;
