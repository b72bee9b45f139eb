import { z } from 'zod';
import { HOLIDAY_NAME_MAX } from '../holiday-import';
import { TeamHoliday } from '../holiday-merge';
import { id, plainDate } from '../validators';
import { IMPORT_MAX_BYTES, importFile, type MethodSpec } from './inputs';

/** The contract's methods about a team's holidays: the public list merged with the team's own days, half days and removals. */

const HolidaySource = z.enum(['public', 'team']);

export const holidayMethods = {
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
} as const satisfies Record<string, MethodSpec>;
