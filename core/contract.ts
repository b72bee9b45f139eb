import { CALENDARS } from './calendar';
import { z } from 'zod';
import { Person, PersonCreate, PersonUpdate } from './person';
import { Team, TeamCreate, TeamUpdate } from './team';
import { Absence, AbsenceCreate, AbsenceHistoryLine, AbsenceOutcome, AbsenceStatsRow, AbsenceType, AbsenceTypeFields, AllowanceRow, AllowanceSet, Balance, partDayHours } from './absence';
import { AllowanceInput, FairnessRow, LayerBlock, LayerInput, localDateTime, Override, Rotation, RotationSaved, ScheduleBlock } from './oncall';
import { MAX_CYCLE_DAYS, Pattern, PatternCreate, PatternCycle } from './pattern';
import { Violation } from './rules';
import { ActivityKind, CellValue, localTime, Shift, ShiftTemplateFields } from './shift';
import { ShiftTemplate } from './template';
import { Temporal } from './time';
import { id, label, plainDate, timeZone } from './validators';
import { FORECAST_METHODS } from './forecast';
import { Adjustment, AdjustmentInput, CoverageDay, CoverageInterval, OutsideHours, StaffingSettings, StaffingSettingsInput } from './staffing';
import { ChannelHours, ChannelHoursInput } from './opening-hours';
import { CSV_SEPARATORS, DECIMAL_MARKS, dialectProblem } from './spreadsheet-format';
import { TEXT_ENCODINGS } from './text-decode';
import { TeamHoliday } from './holiday-merge';
import { HOLIDAY_NAME_MAX } from './holiday-import';
import { ERROR_CODES } from './errors';

const HolidaySource = z.enum(['public', 'team']);

/**
 * How a CSV export separates fields and writes decimals; null: the saved UI language's way
 * (else the team locale's), see csvDialect.
 */
const CsvDialectInput = z
  .strictObject({ separator: z.enum(CSV_SEPARATORS), decimal: z.enum(DECIMAL_MARKS) })
  .refine((d) => dialectProblem(d) === null, { message: 'The separator and the decimal mark cannot both be a comma', path: ['decimal'] })
  .nullable()
  .default(null);
/**
 * A file to import, as text (`csv`) or as its bytes (`bytes`, base64: read as the file is, see
 * decodeText; `encoding` names it or is auto). Base64 is a third longer than the bytes.
 */
/** The most an import reads, in bytes, by kind: the API refuses more, and the CLI reads no further. */
export const IMPORT_MAX_BYTES = { people: 10_000_000, absences: 10_000_000, holidays: 2_000_000, roster: 20_000_000, tickets: 200_000_000 } as const;

const importFile = (maxBytes: number) => ({
  csv: z.string().max(maxBytes).optional(),
  bytes: z.string().max(Math.ceil(maxBytes / 3) * 4 + 4).optional(),
  encoding: z.enum(TEXT_ENCODINGS).default('auto'),
});

const Preference = z.object({ weekday: z.number(), templateId: z.number().nullable(), kind: z.enum(['cannot', 'prefer_not']) });
const PreferenceInput = z.strictObject({ weekday: z.number().int().min(1).max(7), templateId: z.number().int().positive().nullable().default(null), kind: z.enum(['cannot', 'prefer_not']) });
const DraftRequest = z.strictObject({
  teamId: id,
  from: plainDate,
  to: plainDate,
  timeLimitSeconds: z.number().min(1).max(600).default(30),
  intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).default(30),
});
const DayCoverage = z.object({ day: z.string(), channel: z.string(), underAgentHours: z.number(), overAgentHours: z.number() });
/**
 * One run's draft: every figure is of these shifts, over [from, to], from the run `runId`
 * (a job's id when started with schedule.start), so a reader can check it has the draft it asked for.
 */
const Draft = z.object({
  runId: z.string(),
  from: z.string(),
  to: z.string(),
  summary: z.object({
    shifts: z.number(),
    underStaffedIntervals: z.number(),
    underStaffedAgentHours: z.number(),
    overStaffedAgentHours: z.number(),
    /**
     * The least under-staffing any roster can reach that keeps the working-time rules and misses
     * contract hours no more than this draft does; never above underStaffedAgentHours.
     */
    lowerBoundAgentHours: z.number(),
    violations: z.number(),
    seconds: z.number(),
    /**
     * optimal: proven best (under-staffing equals the lower bound) and no rule broken;
     * broken_rules: under-staffing equals the lower bound but the draft breaks rules (see violations);
     * limit: solver's draft, not proven best (time ran out, or naming people lost coverage);
     * stopped: cancelled; greedy: no solver draft in time.
     */
    status: z.enum(['optimal', 'broken_rules', 'limit', 'stopped', 'greedy']),
    /** Start times: per person the widest weekly spread (latest local start less earliest), averaged over the people with shifts, and the widest. */
    startSpreadMeanHours: z.number(),
    startSpreadMaxHours: z.number(),
  }),
  /** Per person with shifts in the draft: how far apart their start times are within a week, at most (hours), widest first. */
  startSpread: z.array(z.object({ personId: z.number(), person: z.string(), hours: z.number() })),
  draft: z.array(z.object({ personId: z.number(), person: z.string(), day: z.string(), templateId: z.number(), code: z.string(), start: z.string(), end: z.string(), paidHours: z.number() })),
  underStaffed: z.array(
    z.object({
      channel: z.string(),
      day: z.string(),
      from: z.string(),
      to: z.string(),
      agentHours: z.number(),
      /** Why, as a code for the UI (with the number of people it concerns) and in English for the CLI. */
      reasonCode: z.enum(['no_template', 'no_skill', 'nobody_free', 'all_rostered', 'rules']),
      count: z.number(),
      reason: z.string(),
    }),
  ),
  unmetPreferences: z.array(z.object({ personId: z.number(), person: z.string(), day: z.string(), code: z.string() })),
  violations: z.array(Violation),
  withoutHistory: z.array(z.string()),
  /** Per day and channel, the roster as it is now and the draft. */
  coverage: z.object({ before: z.array(DayCoverage), after: z.array(DayCoverage) }),
});
export type Draft = z.output<typeof Draft>;
const CalDavTarget = z.object({ id: z.number(), teamId: z.number(), url: z.string(), username: z.string(), personId: z.number().nullable(), rotationId: z.number().nullable(), absences: z.boolean() });
export type CalDavTarget = z.output<typeof CalDavTarget>;
export type DraftRequest = z.output<typeof DraftRequest>;

/**
 * An event someone changed on the calendar server since Rosterdesk last published it, left as it
 * is there: `summary` is the plan's (null when the plan no longer has the event), `onForce` what
 * a forced publish does to it (put the plan's version in its place, or delete it).
 */
const ServerChange = z.object({ uid: z.string(), day: z.string(), summary: z.string().nullable(), onForce: z.enum(['replace', 'delete']) });
export type ServerChange = z.output<typeof ServerChange>;

/**
 * The API contract: every method the UI, the CLI and tests can call, with the
 * schema of its input and output. The service implements exactly these; the
 * preload bridge and browser mode only carry them. `undo` names the step a
 * mutating call adds to the undo history (null: reads, or not undoable).
 */

export const LANGUAGES = ['en', 'tr', 'pl', 'fa'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** The calendar dates are shown and typed in; null: the language's own (Solar Hijri for Persian). */
export const CalendarSetting = z.enum(CALENDARS);
export const Settings = z.object({ language: Language.nullable(), calendar: CalendarSetting.nullable() });
export type Settings = z.infer<typeof Settings>;

/** `undoAction` is the method that made the step (the UI translates it); the label is English for the CLI and logs. */
export const HistoryState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
  undoAction: z.string().nullable(),
  redoAction: z.string().nullable(),
});
export type HistoryState = z.infer<typeof HistoryState>;

export const DailyVolume = z.object({ day: z.string(), channel: z.string(), volume: z.number() });
export type DailyVolume = z.infer<typeof DailyVolume>;

/** Everything the weekly rota grid shows, in one read. */
export const RosterWeek = z.object({
  weekStart: z.string(),
  currency: z.string(),
  /** Each day's holiday name (the team's adjusted list); halfHoliday: only the morning is worked. */
  days: z.array(z.object({ day: z.string(), holiday: z.string().nullable(), halfHoliday: z.boolean() })),
  people: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      color: z.string(),
      skills: z.array(z.string()),
      archived: z.boolean(),
      contractHoursPerWeek: z.number(),
      hourlyRate: z.number(),
      paidMinutes: z.number(),
      /**
       * The paid minutes the contract expects this week: the weekly hours less a working
       * weekday's share per day of approved full-day leave or outside employment (the
       * contract-hours rule's own count). 0 for a week wholly on leave.
       */
      expectedMinutes: z.number(),
      /** Working weekdays of this week on approved full-day leave: why `expectedMinutes` is lower. */
      leaveDays: z.number(),
      /** Working weekdays of this week before the person starts or after they leave. */
      outsideEmploymentDays: z.number(),
      /** Labour cost of the shifts plus standby pay: what the week costs for this person. */
      cost: z.number(),
      /** The on-call standby part of `cost`. */
      standby: z.number(),
    }),
  ),
  shifts: z.array(Shift),
  violations: z.array(Violation),
  /** On-call blocks that start on each day of the week (all rotations), for the grid's marks and footer. */
  onCall: z.array(z.object({ day: z.string(), personId: z.number(), person: z.string(), rotation: z.string(), startLocal: z.string(), endLocal: z.string() })),
  /** Requested and approved absences per person and day of the week: the grid's marks. */
  absences: z.array(z.object({ personId: z.number(), day: z.string(), absenceId: z.number(), typeName: z.string(), color: z.string(), status: z.enum(['requested', 'approved']), hours: z.number().nullable() })),
  /** Shifts on an approved full-day absence: nobody really covers them. */
  uncovered: z.array(z.number()),
  /** People on shift per channel (the template's skill) per day, leaving out uncovered shifts: the grid's footer. */
  coverage: z.array(z.object({ day: z.string(), channel: z.string(), people: z.number() })),
  /** `expectedMinutes`: the people's summed. */
  totals: z.object({ paidMinutes: z.number(), expectedMinutes: z.number(), cost: z.number(), standby: z.number() }),
});
export type RosterWeek = z.infer<typeof RosterWeek>;

/**
 * `cost` includes `standby` (on-call pay). `expectedMinutes`: what the contract expects over the
 * period's days inside the asked range, less approved full-day leave and days outside employment
 * (as the contract-hours rule counts it); for the team, its people's summed.
 */
export const CostRow = z.object({
  period: z.string(),
  personId: z.number().nullable(),
  personName: z.string(),
  paidMinutes: z.number(),
  expectedMinutes: z.number(),
  cost: z.number(),
  standby: z.number(),
});
export type CostRow = z.infer<typeof CostRow>;

/** Tickets in the team's week starting `weekStart` (a roster day), per channel. */
export const WeeklyVolume = z.object({ weekStart: z.string(), channel: z.string(), volume: z.number() });
export type WeeklyVolume = z.infer<typeof WeeklyVolume>;

const empty = z.strictObject({});

/** A calendar month written YYYY-MM. */
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Must be a month written YYYY-MM');

type DaysOrMonth = { from?: string | undefined; to?: string | undefined; month?: string | undefined };

/**
 * The days a statistic or report covers: `from`–`to`, or a calendar `month` that stands for its
 * first and last day. The Absences tab, Reports and the CLI name "November" by its month, so none
 * of them can slip in the days a month grid shows around it.
 */
function daysOf<T extends DaysOrMonth>(v: T, ctx: z.core.$RefinementCtx<T>): Omit<T, keyof DaysOrMonth> & { from: string; to: string } {
  const { from, to, month, ...rest } = v;
  if (month !== undefined) {
    if (from !== undefined || to !== undefined) ctx.addIssue({ code: 'custom', message: 'Give a month, or from and to, not both', path: ['month'], params: { code: 'conflict' } });
    const m = Temporal.PlainYearMonth.from(month);
    return { ...rest, from: m.toPlainDate({ day: 1 }).toString(), to: m.toPlainDate({ day: m.daysInMonth }).toString() };
  }
  if (from === undefined) ctx.addIssue({ code: 'custom', message: 'Give from and to, or a month', path: ['from'], params: { code: 'required' } });
  if (to === undefined) ctx.addIssue({ code: 'custom', message: 'Give from and to, or a month', path: ['to'], params: { code: 'required' } });
  return { ...rest, from: from ?? '', to: to ?? '' };
}
const optionalDays = { from: plainDate.optional(), to: plainDate.optional(), month: yearMonth.optional() };

interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  undo: string | null;
}

export const contract = {
  'app.info': {
    input: empty,
    /** readOnly: why changes cannot be saved (another Rosterdesk has the file, the folder or the disk refuses writing), or null; readOnlyCause names the kind. */
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number(),
      filePath: z.string(),
      readOnly: z.string().nullable(),
      readOnlyCause: z.enum(['in_use', 'asked', 'folder', 'disk_full']).nullable(),
    }),
    undo: null,
  },
  'file.check': {
    input: empty,
    output: z.object({
      file: z.string(),
      schemaVersion: z.number(),
      integrity: z.string(),
      teams: z.array(z.object({ name: z.string(), people: z.number() })),
      problems: z.array(z.string()),
    }),
    undo: null,
  },
  /** The rolling backups beside the planner file, newest first. */
  'file.backups': { input: empty, output: z.array(z.object({ name: z.string(), takenAt: z.string(), bytes: z.number() })), undo: null },
  /** Takes a backup now, into the same folder as the automatic ones. */
  'file.backup': { input: empty, output: z.object({ name: z.string() }), undo: null },
  /**
   * Replaces the plan with one of those backups (by name), in one step that Ctrl+Z does
   * not undo: the plan as it was is backed up first (`safetyCopy`), restore that to go back.
   */
  'file.restore': { input: z.strictObject({ name: z.string().max(64) }), output: z.object({ safetyCopy: z.string() }), undo: null },
  /**
   * A planner that could not be opened because it is damaged: its path, why, and its backups to
   * restore from (the window's refusal screen). Null when a planner is open, as it normally is.
   */
  'file.refusal': {
    input: empty,
    output: z.object({ filePath: z.string(), reason: z.string(), backups: z.array(z.object({ name: z.string(), takenAt: z.string(), bytes: z.number() })) }).nullable(),
    undo: null,
  },
  /** Puts a backup in place of the damaged planner on the refusal screen (kept aside byte for byte as `safetyCopy`) and opens it. */
  'file.restoreDamaged': { input: z.strictObject({ name: z.string().max(64) }), output: z.object({ safetyCopy: z.string() }), undo: null },
  'settings.get': { input: empty, output: Settings, undo: null },
  'settings.set': { input: z.strictObject({ language: Language.optional(), calendar: CalendarSetting.optional() }), output: Settings, undo: null },

  'team.list': { input: empty, output: z.array(Team), undo: null },
  'team.create': { input: TeamCreate, output: Team, undo: 'Create team' },
  'team.update': { input: TeamUpdate, output: Team, undo: 'Edit team' },

  'person.list': {
    input: z.strictObject({
      teamId: id,
      query: z.string().max(200).default(''),
      includeArchived: z.boolean().default(false),
    }),
    output: z.array(Person),
    undo: null,
  },
  'person.get': { input: z.strictObject({ id }), output: Person, undo: null },
  'person.create': { input: PersonCreate, output: Person, undo: 'Add person' },
  'person.update': { input: PersonUpdate, output: Person, undo: 'Edit person' },
  'person.archive': { input: z.strictObject({ id }), output: Person, undo: 'Archive person' },
  'person.restore': { input: z.strictObject({ id }), output: Person, undo: 'Restore person' },
  'person.delete': { input: z.strictObject({ id }), output: z.object({ id }), undo: 'Delete person' },
  'person.import': {
    // 10 MB of CSV is far more than 10 000 people; the cap keeps a hostile payload cheap.
    input: z.strictObject({ teamId: id, ...importFile(IMPORT_MAX_BYTES.people) }),
    output: z.object({ created: z.number() }),
    undo: 'Import people',
  },
  /** The team's people as the people CSV (the columns person.import reads), so a file exported imports back. */
  'person.export': {
    input: z.strictObject({ teamId: id, includeArchived: z.boolean().default(false), csv: CsvDialectInput }),
    output: z.object({ filename: z.string(), mime: z.string(), encoding: z.literal('utf8'), data: z.string(), rows: z.number() }),
    undo: null,
  },

  'template.list': { input: z.strictObject({ teamId: id }), output: z.array(ShiftTemplate), undo: null },
  'template.create': {
    input: z.strictObject({
      teamId: id,
      code: ShiftTemplateFields.code,
      name: ShiftTemplateFields.name,
      startLocal: ShiftTemplateFields.startLocal,
      endLocal: ShiftTemplateFields.endLocal,
      breakMinutes: ShiftTemplateFields.breakMinutes.default(0),
      /** Left out: the first palette colour none of the team's templates uses. */
      color: ShiftTemplateFields.color.optional(),
      skill: ShiftTemplateFields.skill.default(null),
      /** Required to save a template shorter than 1 h or longer than 16 h (usually a typo). */
      confirmLength: z.boolean().default(false),
    }),
    output: ShiftTemplate,
    undo: 'Add shift template',
  },
  'template.update': {
    input: z.strictObject({
      id,
      code: ShiftTemplateFields.code.optional(),
      name: ShiftTemplateFields.name.optional(),
      startLocal: ShiftTemplateFields.startLocal.optional(),
      endLocal: ShiftTemplateFields.endLocal.optional(),
      breakMinutes: ShiftTemplateFields.breakMinutes.optional(),
      color: ShiftTemplateFields.color.optional(),
      skill: ShiftTemplateFields.skill.optional(),
      confirmLength: z.boolean().default(false),
      /**
       * What happens to shifts from today on (team-local) that use the template when its times,
       * break or skill change: keep them as planned, or move them to the new values (same undo step).
       */
      futureShifts: z.enum(['keep', 'update']).default('keep'),
    }),
    /** updatedShifts: how many planned shifts followed the change. */
    output: ShiftTemplate.extend({ updatedShifts: z.number() }),
    undo: 'Edit shift template',
  },
  /** How many shifts from today on (team-local) use a template: what an edit of its times would move. */
  'template.usage': { input: z.strictObject({ id }), output: z.object({ from: z.string(), shifts: z.number() }), undo: null },
  'template.archive': { input: z.strictObject({ id }), output: z.object({ id }), undo: 'Remove shift template' },

  'shift.list': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate }),
    output: z.array(Shift),
    undo: null,
  },
  /** Sets rota cells (a person's roster day) to a template code, custom times, or empty (null). */
  'shift.setCells': {
    input: z.strictObject({
      teamId: id,
      entries: z.array(z.strictObject({ personId: id, day: plainDate, value: CellValue.nullable() })).min(1).max(20_000),
    }),
    output: z.object({ shifts: z.array(Shift), removed: z.number() }),
    undo: 'Edit rota',
  },
  /**
   * Moves or resizes one shift (calendar drag): new start and end instants in epoch seconds,
   * optionally to another person. Its roster day becomes the local date of the new start.
   */
  'shift.update': {
    input: z.strictObject({
      id,
      startUtc: z.number().int().min(0).max(32_503_680_000),
      endUtc: z.number().int().min(0).max(32_503_680_000),
      personId: id.optional(),
      breakMinutes: z.number().int().min(0).max(240).optional(),
      note: z.string().max(500).optional(),
    }),
    output: Shift,
    undo: 'Move shift',
  },
  /**
   * Replaces a shift's activity blocks. Times are local HH:MM inside the shift (a night shift's
   * 02:00 is the next morning's). When breaks are placed, the shift's unpaid break becomes their total.
   */
  'shift.setActivities': {
    input: z.strictObject({
      id,
      activities: z.array(z.strictObject({ kind: ActivityKind, startLocal: localTime, endLocal: localTime })).max(20),
    }),
    output: Shift,
    undo: 'Edit activities',
  },
  'shift.delete': { input: z.strictObject({ id }), output: z.object({ id }), undo: 'Delete shift' },
  'shift.clearRange': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate, personIds: z.array(id).max(5000).nullable().default(null) }),
    output: z.object({ removed: z.number() }),
    undo: 'Clear rota',
  },
  /** Copies one week of the rota to the next `weeks` weeks, replacing what those weeks held for the same people. */
  'shift.copyWeek': {
    input: z.strictObject({ teamId: id, weekStart: plainDate, weeks: z.number().int().min(1).max(52), personIds: z.array(id).max(5000).nullable().default(null) }),
    output: z.object({ created: z.number(), removed: z.number() }),
    undo: 'Copy week',
  },

  'volume.daily': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate }),
    output: z.array(DailyVolume),
    undo: null,
  },

  /**
   * Imports ticket history: a help-desk export (one row per ticket) or interval rows. All or
   * nothing. What the file covers replaces what was stored for those channels then, so the same
   * file imported twice leaves the same history.
   */
  'volume.import': {
    input: z.strictObject({
      teamId: id,
      ...importFile(IMPORT_MAX_BYTES.tickets),
      channel: z.string().max(32).nullable().default(null),
      timeZone: timeZone.nullable().default(null),
    }),
    output: z.object({ kind: z.enum(['tickets', 'intervals']), rows: z.number(), intervals: z.number(), channels: z.array(z.string()), from: z.string().nullable(), to: z.string().nullable(), replaced: z.number() }),
    undo: 'Import ticket history',
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
  /** Changes a forecast day (timeLocal null) or interval by a percentage or a number of contacts; kept apart from the model. */
  /**
   * Each channel's backtest on the history before `from` (hourly, one week ahead): every method's
   * error, and which one the forecast would choose. Channels without enough history are left out.
   */
  'forecast.accuracy': {
    input: z.strictObject({ teamId: id, from: plainDate }),
    output: z.array(z.object({ channel: z.string(), method: z.enum(FORECAST_METHODS), wape: z.number(), bias: z.number(), weeks: z.number(), chosen: z.boolean() })),
    undo: null,
  },
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

  /** Working-time rule violations in a range: the list the Problems panel and `rosterdesk check` show. */
  'pattern.list': { input: z.strictObject({ teamId: id }), output: z.array(Pattern), undo: null },
  'pattern.create': { input: PatternCreate, output: Pattern, undo: 'Add pattern' },
  'pattern.archive': { input: z.strictObject({ id }), output: z.object({ id }), undo: 'Remove pattern' },
  /**
   * Applies a cycle (a saved pattern or one given inline) to people from `start` for `weeks` weeks.
   * Person i starts `offsets[i]` days into the cycle (default: i × stagger). If the range already
   * holds shifts for them and `replace` is false, nothing changes and the answer is the
   * `would_replace` error with the count, so the UI can ask first.
   */
  'pattern.apply': {
    input: z.strictObject({
      teamId: id,
      patternId: id.nullable().default(null),
      cycle: PatternCycle.nullable().default(null),
      personIds: z.array(id).min(1).max(5000),
      start: plainDate,
      weeks: z.number().int().min(1).max(52),
      stagger: z.number().int().min(0).max(MAX_CYCLE_DAYS).default(0),
      offsets: z.array(z.number().int().min(0).max(10_000)).max(5000).nullable().default(null),
      replace: z.boolean().default(false),
    }),
    output: z.object({ created: z.number(), removed: z.number() }),
    undo: 'Apply pattern',
  },
  /**
   * Imports a roster from CSV text or XLSX (base64): all or nothing, every bad line named.
   * `rows` is the already-read table (what the XLSX reader hands on); callers send csv or xlsx.
   * A CSV file's bytes may come as `bytes` (base64) instead of `data`, read as decodeText does.
   */
  'roster.import': {
    input: z.strictObject({
      teamId: id,
      format: z.enum(['csv', 'xlsx', 'rows']),
      data: z.string().max(IMPORT_MAX_BYTES.roster).default(''),
      bytes: z.string().max(26_666_668).optional(),
      encoding: z.enum(TEXT_ENCODINGS).default('auto'),
      rows: z.array(z.strictObject({ line: z.number().int().min(1), fields: z.array(z.string().max(500)).max(20) })).max(100_001).default([]),
    }),
    output: z.object({ created: z.number(), removed: z.number() }),
    undo: 'Import roster',
  },
  /**
   * The roster of a range as a file: CSV text (UTF-8 with a byte-order mark, in the `csv` dialect),
   * or XLSX as base64. Re-importing it gives the same roster.
   */
  'roster.export': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate, format: z.enum(['csv', 'xlsx']), csv: CsvDialectInput }),
    output: z.object({ filename: z.string(), mime: z.string(), encoding: z.enum(['utf8', 'base64']), data: z.string(), rows: z.number() }),
    undo: null,
  },
  /**
   * An iCalendar file (RFC 5545) of local days [from, to]: the team's shifts, one person's (with
   * their on-call turns), or one rotation's turns; approved leave as all-day events if asked.
   * Its words are in `language` (null: the saved UI language, else the team locale's).
   */
  'calendar.export': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate, personId: id.nullable().default(null), rotationId: id.nullable().default(null), absences: z.boolean().default(false), language: Language.nullable().default(null) }),
    output: z.object({ filename: z.string(), mime: z.literal('text/calendar'), encoding: z.literal('utf8'), data: z.string(), events: z.number() }),
    undo: null,
  },
  'caldav.list': { input: z.strictObject({ teamId: id }), output: z.array(CalDavTarget), undo: null },
  /** Adds (id null) or changes where events are published. The password is not part of it. */
  'caldav.save': {
    input: z.strictObject({
      teamId: id,
      id: id.nullable().default(null),
      url: z.url({ protocol: /^https?$/ }).max(2000),
      username: label(200),
      personId: id.nullable().default(null),
      rotationId: id.nullable().default(null),
      absences: z.boolean().default(false),
    }),
    output: CalDavTarget,
    undo: 'Save calendar publishing',
  },
  'caldav.delete': { input: z.strictObject({ id }), output: z.object({ id: z.number() }), undo: 'Remove calendar publishing' },
  /**
   * Publishes local days [from, to] to the target's collection. It first lists what the server
   * holds (with each event's ETag), then PUTs what is missing there or changed in the plan and
   * DELETEs events published before that are gone from the plan; every PUT and DELETE is
   * conditional (If-None-Match / If-Match), so nothing edited on the server is overwritten
   * blindly. Events edited on the server since the last publish (or while this one ran) are left
   * as they are there and listed in `changedOnServer`, unless `force` (then they take the plan's
   * version). The counts are what the server holds afterwards. Async door only (it speaks HTTP).
   * Words in `language` as calendar.export's; events whose words changed are sent again.
   */
  'caldav.publish': {
    input: z.strictObject({ targetId: id, from: plainDate, to: plainDate, password: z.string().max(1000), language: Language.nullable().default(null), force: z.boolean().default(false), remember: z.boolean().default(false) }),
    output: z.object({ created: z.number(), updated: z.number(), deleted: z.number(), unchanged: z.number(), changedOnServer: z.array(ServerChange) }),
    undo: null,
  },
  /**
   * A spreadsheet for payroll or the books: hours and cost per person and week or month, the
   * on-call ledger (hours, nights, weekend days, holidays, allowance), absences and their statistics,
   * predicted service level per day and channel, or each forecast method's accuracy; CSV or XLSX.
   */
  'report.export': {
    input: z
      .strictObject({ teamId: id, report: z.enum(['hours', 'oncall', 'absences', 'absence-stats', 'service-level', 'accuracy']), ...optionalDays, by: z.enum(['week', 'month']).default('week'), calendar: CalendarSetting.default('gregorian'), format: z.enum(['csv', 'xlsx']), csv: CsvDialectInput })
      .transform(daysOf),
    output: z.object({ filename: z.string(), mime: z.string(), encoding: z.enum(['utf8', 'base64']), data: z.string(), rows: z.number() }),
    undo: null,
  },
  'rotation.list': { input: z.strictObject({ teamId: id }), output: z.array(Rotation), undo: null },
  'rotation.create': {
    input: z.strictObject({ teamId: id, name: label(80), layers: z.array(LayerInput).min(1).max(10), allowance: AllowanceInput.optional() }),
    /** With the rest conflicts its turns cause over the next four weeks. */
    output: RotationSaved,
    undo: 'Add on-call rotation',
  },
  'rotation.update': {
    input: z.strictObject({ id, name: label(80).optional(), layers: z.array(LayerInput).min(1).max(10).optional(), allowance: AllowanceInput.optional() }),
    /** With the rest conflicts its turns cause over the next four weeks. */
    output: RotationSaved,
    undo: 'Edit on-call rotation',
  },
  'rotation.archive': { input: z.strictObject({ id }), output: z.object({ id }), undo: 'Remove on-call rotation' },
  /** Pauses a rotation from now: nobody is on call from it until it is resumed, and its turn order waits. */
  'rotation.pause': { input: z.strictObject({ id }), output: Rotation, undo: 'Pause on-call rotation' },
  'rotation.resume': { input: z.strictObject({ id }), output: Rotation, undo: 'Resume on-call rotation' },
  /** "X covers from … to …": wins over every layer of the rotation. Times are local to the team. */
  'oncall.addOverride': {
    input: z.strictObject({ rotationId: id, personId: id, start: localDateTime, end: localDateTime, note: z.string().max(500).default('') }),
    output: Override,
    undo: 'Add on-call override',
  },
  /**
   * Exchanges two turns in one step: `a` (on call from aStart to aEnd) takes b's span and
   * `b` takes a's, as two linked overrides. Each must be on call then; times are team-local.
   */
  'oncall.swap': {
    input: z.strictObject({ rotationId: id, a: id, aStart: localDateTime, aEnd: localDateTime, b: id, bStart: localDateTime, bEnd: localDateTime }),
    output: z.array(Override),
    undo: 'Swap on-call turns',
  },
  'oncall.deleteOverride': { input: z.strictObject({ id }), output: z.object({ id }), undo: 'Delete on-call override' },
  'oncall.overrides': { input: z.strictObject({ rotationId: id, from: plainDate, to: plainDate }), output: z.array(Override), undo: null },
  /** The final on-call schedule from the start of `from` to the end of `to` (team-local days), for one rotation or all. */
  'oncall.schedule': {
    input: z.strictObject({ teamId: id, rotationId: id.nullable().default(null), from: plainDate, to: plainDate }),
    output: z.array(ScheduleBlock),
    undo: null,
  },
  /** Each layer's own blocks (before higher layers and overrides) over team-local days [from, to], for one rotation or all. */
  'oncall.layers': {
    input: z.strictObject({ teamId: id, rotationId: id.nullable().default(null), from: plainDate, to: plainDate }),
    output: z.array(LayerBlock),
    undo: null,
  },
  /** On-call load per person over a range (all rotations, or one): hours, nights, weekend days, holidays. */
  'oncall.fairness': {
    input: z.strictObject({ teamId: id, rotationId: id.nullable().default(null), from: plainDate, to: plainDate }),
    output: z.array(FairnessRow),
    undo: null,
  },
  'roster.check': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate }),
    output: z.array(Violation),
    undo: null,
  },
  'roster.week': { input: z.strictObject({ teamId: id, weekStart: plainDate }), output: RosterWeek, undo: null },
  /** Paid hours and cost per person and for the team (personId null), per week or calendar month. */
  'roster.costs': {
    // Months are those of `calendar`: a Persian screen's report sums Azar, not November.
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate, by: z.enum(['week', 'month']).default('week'), calendar: CalendarSetting.default('gregorian') }),
    output: z.array(CostRow),
    undo: null,
  },
  /**
   * A team's holidays over a year (Gregorian) or the days [from, to]: the public list with the
   * team's own days, half days and removals merged in (removed public days listed, marked).
   */
  'holiday.list': {
    input: z.strictObject({ teamId: id, year: z.number().int().min(1900).max(2200).optional(), from: plainDate.optional(), to: plainDate.optional() }),
    output: z.array(TeamHoliday),
    undo: null,
  },
  /** A day of the team's own (a company day, a bridge day); refused on a day that already is a holiday. */
  'holiday.add': {
    input: z.strictObject({ teamId: id, day: plainDate, name: z.string().trim().min(1).max(HOLIDAY_NAME_MAX), half: z.boolean().default(false) }),
    output: TeamHoliday,
    undo: 'Add holiday',
  },
  /** A public day: hidden from the team's list (restorable). A team day: deleted. */
  'holiday.remove': { input: z.strictObject({ teamId: id, day: plainDate, source: HolidaySource }), output: z.object({ day: z.string() }), undo: 'Remove holiday' },
  /** Brings a removed public day back. */
  'holiday.restore': { input: z.strictObject({ teamId: id, day: plainDate }), output: TeamHoliday, undo: 'Restore holiday' },
  /** A holiday to another day, keeping its name (a public day: removed there and added as the team's own on `to`). */
  'holiday.move': { input: z.strictObject({ teamId: id, day: plainDate, source: HolidaySource, to: plainDate }), output: TeamHoliday, undo: 'Move holiday' },
  /** Marks a holiday a half day (a working morning) or a whole one again. */
  'holiday.setHalf': { input: z.strictObject({ teamId: id, day: plainDate, source: HolidaySource, half: z.boolean() }), output: TeamHoliday, undo: 'Change half day' },
  /** The team's own days from a CSV (day,name[,half]) or an iCalendar file (all-day events); days already a holiday are skipped. */
  'holiday.import': {
    // The file as text, or as its bytes (a Windows-1256 or UTF-16 calendar file is read as it is; see importFile).
    input: z.strictObject({ teamId: id, format: z.enum(['csv', 'ics']), text: z.string().min(1).max(IMPORT_MAX_BYTES.holidays).optional(), bytes: importFile(IMPORT_MAX_BYTES.holidays).bytes, encoding: importFile(IMPORT_MAX_BYTES.holidays).encoding }),
    output: z.object({ added: z.number(), skipped: z.array(z.object({ line: z.number(), day: z.string(), reason: z.string() })) }),
    undo: 'Import holidays',
  },

  'absenceType.list': { input: z.strictObject({ teamId: id, includeArchived: z.boolean().default(false) }), output: z.array(AbsenceType), undo: null },
  'absenceType.create': {
    input: z.strictObject({ teamId: id, ...AbsenceTypeFields, color: AbsenceTypeFields.color.default('#6b7a90'), paid: AbsenceTypeFields.paid.default(true), countsAgainstAllowance: AbsenceTypeFields.countsAgainstAllowance.default(false) }),
    output: AbsenceType,
    undo: 'Add absence type',
  },
  'absenceType.update': {
    input: z.strictObject({ id, name: AbsenceTypeFields.name.optional(), color: AbsenceTypeFields.color.optional(), paid: z.boolean().optional(), countsAgainstAllowance: z.boolean().optional() }),
    output: AbsenceType,
    undo: 'Edit absence type',
  },
  'absenceType.archive': { input: z.strictObject({ id }), output: z.object({ id }), undo: 'Remove absence type' },
  /** Absences touching the days [from, to], of everyone or one person, of the given statuses (default all). */
  'absence.list': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate, personId: id.nullable().default(null), statuses: z.array(z.enum(['requested', 'approved', 'rejected', 'cancelled'])).min(1).max(4).nullable().default(null) }),
    output: z.array(Absence),
    undo: null,
  },
  /** Every request of a team still waiting for a decision, whatever its dates, soonest first. */
  'absence.waiting': { input: z.strictObject({ teamId: id }), output: z.array(Absence), undo: null },
  /** Records a request (or, for the lead, an approved absence directly); warnings say what it affects. */
  'absence.create': { input: AbsenceCreate, output: AbsenceOutcome, undo: 'Add absence' },
  'absence.update': {
    input: z.strictObject({ id, typeId: id.optional(), start: plainDate.optional(), end: plainDate.optional(), hours: partDayHours.optional(), note: z.string().max(500).optional() }),
    output: AbsenceOutcome,
    undo: 'Edit absence',
  },
  /** Approves, rejects or cancels: requested → approved | rejected | cancelled; approved → cancelled. */
  'absence.setStatus': { input: z.strictObject({ id, status: z.enum(['approved', 'rejected', 'cancelled']) }), output: AbsenceOutcome, undo: 'Decide absence' },
  /** A person's absence history: every change to their absences, newest first. */
  'absence.history': { input: z.strictObject({ personId: id }), output: z.array(AbsenceHistoryLine), undo: null },
  'absence.allowances': { input: z.strictObject({ teamId: id, year: z.number().int().min(1900).max(3000) }), output: z.array(AllowanceRow), undo: null },
  'absence.setAllowance': { input: AllowanceSet, output: AllowanceRow, undo: 'Set allowance' },
  /** Taken, planned, requested and left per allowance of the as-of day's year. */
  'absence.balance': { input: z.strictObject({ personId: id, asOf: plainDate }), output: z.array(Balance), undo: null },
  /**
   * Absence rate, sick days and Bradford factor per person and for the team over [from, to] or a
   * calendar month, on each person's working days (see `absenceStats`). Reports, the
   * absence-stats export and the CLI read these same figures.
   */
  'absence.stats': { input: z.strictObject({ teamId: id, ...optionalDays }).transform(daysOf), output: z.array(AbsenceStatsRow), undo: null },
  /** Who is away on a day, and per channel how many of those on shift remain. */
  'absence.day': {
    input: z.strictObject({ teamId: id, day: plainDate }),
    output: z.object({
      day: z.string(),
      away: z.array(z.object({ personId: z.number(), personName: z.string(), typeName: z.string(), color: z.string(), status: z.string(), hours: z.number().nullable() })),
      channels: z.array(z.object({ channel: z.string(), scheduled: z.number(), remaining: z.number() })),
    }),
    undo: null,
  },
  /** Shifts that fall on an approved full-day absence: uncovered until someone else takes them. */
  'absence.conflicts': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate }),
    output: z.array(z.object({ shiftId: z.number(), absenceId: z.number(), personId: z.number(), personName: z.string(), day: z.string(), typeName: z.string(), startLocal: z.string(), endLocal: z.string(), skill: z.string().nullable() })),
    undo: null,
  },
  /** `person,type,start,end[,hours,status,note]`: all or nothing, every bad line named. */
  'absence.import': { input: z.strictObject({ teamId: id, ...importFile(IMPORT_MAX_BYTES.absences) }), output: z.object({ created: z.number() }), undo: 'Import absences' },

  /** Locks shifts so auto-scheduling keeps them as they are (or unlocks them). */
  'shift.lock': { input: z.strictObject({ ids: z.array(id).min(1).max(5000), locked: z.boolean() }), output: z.object({ changed: z.number() }), undo: 'Lock shifts' },
  /** What a person cannot or would rather not work: by ISO weekday, for one template or any (templateId null). */
  'person.preferences': { input: z.strictObject({ personId: id }), output: z.array(Preference), undo: null },
  'person.setPreferences': { input: z.strictObject({ personId: id, preferences: z.array(PreferenceInput).max(100) }), output: z.array(Preference), undo: 'Edit preferences' },
  /**
   * A draft roster for local days [from, to] from the team's templates, meeting the forecast
   * requirement within every rule (HiGHS, a mixed-integer model). With dryRun false it replaces
   * the range's unlocked shifts in one undoable step. In this call's thread: the CLI's door; the
   * app starts a job instead. Needs the async door (the solver loads first).
   */
  'schedule.generate': { input: DraftRequest.extend({ dryRun: z.boolean().default(true) }), output: Draft.extend({ written: z.boolean() }), undo: 'Generate schedule' },
  /** Starts drafting in a worker thread; poll schedule.status, stop with schedule.cancel. */
  'schedule.start': { input: DraftRequest, output: z.object({ jobId: z.string() }), undo: null },
  'schedule.status': {
    input: z.strictObject({ jobId: z.string().max(64) }),
    output: z.object({
      state: z.enum(['running', 'done', 'failed']),
      phase: z.enum(['starting', 'bound', 'draft', 'people', 'polish', 'report']),
      /** 0…1 of the time limit (or of the work, when it ends early). */
      fraction: z.number(),
      elapsedSeconds: z.number(),
      /** The lower bound once proven, and the best draft's under-staffing so far. */
      lowerBoundAgentHours: z.number().nullable(),
      underStaffedAgentHours: z.number().nullable(),
      draft: Draft.nullable(),
      error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
    }),
    undo: null,
  },
  /** Stops a job; it finishes with the best draft found so far. */
  'schedule.cancel': { input: z.strictObject({ jobId: z.string().max(64) }), output: z.object({ stopped: z.boolean() }), undo: null },
  /** Accepts a draft: the range's unlocked shifts are replaced by these, in one undoable step. */
  'schedule.apply': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate, shifts: z.array(z.strictObject({ personId: id, day: plainDate, templateId: id })).max(20_000) }),
    output: z.object({ removed: z.number(), created: z.number(), violations: z.number() }),
    undo: 'Accept the generated schedule',
  },

  'demo.create': { input: empty, output: Team, undo: 'Open the demo team' },

  'history.state': { input: empty, output: HistoryState, undo: null },
  'history.undo': { input: empty, output: HistoryState, undo: null },
  'history.redo': { input: empty, output: HistoryState, undo: null },
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export { MENU_COMMANDS, type MenuCommand, type RosterdeskBridge } from './bridge';
