import { z } from 'zod';
import { MAX_CYCLE_DAYS, Pattern, PatternCreate, PatternCycle } from '../pattern';
import { Violation } from '../rules';
import { ActivityKind, CellValue, localTime, Shift, ShiftTemplateFields } from '../shift';
import { ShiftTemplate } from '../template';
import { TEXT_ENCODINGS } from '../text-decode';
import { id, plainDate } from '../validators';
import { CalendarSetting } from './app';
import { CsvDialectInput, IMPORT_MAX_BYTES, type MethodSpec } from './inputs';

/** The contract's methods about the rota: shift templates, shifts, patterns, the rule check, the week grid, costs, and the roster as a file. */

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

export const rosterMethods = {
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
  /** Locks shifts so auto-scheduling keeps them as they are (or unlocks them). */
  'shift.lock': { input: z.strictObject({ ids: z.array(id).min(1).max(5000), locked: z.boolean() }), output: z.object({ changed: z.number() }), undo: 'Lock shifts' },

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
  /** Working-time rule violations in a range: the list the Problems panel and `rosterdesk check` show. */
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
} as const satisfies Record<string, MethodSpec>;
