import { z } from 'zod';
import { Absence, AbsenceCreate, AbsenceHistoryLine, AbsenceOutcome, AbsenceStatsRow, AbsenceType, AbsenceTypeCreate, AbsenceTypeUpdate, AllowanceRow, AllowanceSet, Balance, partDayHours } from '../absence';
import { id, plainDate } from '../validators';
import { daysOf, IMPORT_MAX_BYTES, importFile, optionalDays, type MethodSpec } from './inputs';

/** The contract's methods about absences: their types, requests and decisions, allowances and balances, statistics and conflicts. */

export const absenceMethods = {
  'absenceType.list': { input: z.strictObject({ teamId: id, includeArchived: z.boolean().default(false) }), output: z.array(AbsenceType), undo: null },
  'absenceType.create': {
    input: AbsenceTypeCreate,
    output: AbsenceType,
    undo: 'Add absence type',
  },
  'absenceType.update': {
    input: AbsenceTypeUpdate,
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
} as const satisfies Record<string, MethodSpec>;
