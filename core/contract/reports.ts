import { z } from 'zod';
import { id } from '../validators';
import { CalendarSetting } from './app';
import { CsvDialectInput, daysOf, optionalDays, type MethodSpec } from './inputs';

/** The contract's method for the Reports page's spreadsheets. */

/** The spreadsheets there are; the CLI checks and lists its argument against these. */
export const ReportKind = z.enum(['hours', 'oncall', 'absences', 'absence-stats', 'service-level', 'accuracy']);
export type ReportKind = z.infer<typeof ReportKind>;

export const reportMethods = {
  /**
   * A spreadsheet for payroll or the books: hours and cost per person and week or month, the
   * on-call ledger (hours, nights, weekend days, holidays, allowance), absences and their statistics,
   * predicted service level per day and channel, or each forecast method's accuracy; CSV or XLSX.
   */
  'report.export': {
    input: z
      .strictObject({ teamId: id, report: ReportKind, ...optionalDays, by: z.enum(['week', 'month']).default('week'), calendar: CalendarSetting.default('gregorian'), format: z.enum(['csv', 'xlsx']), csv: CsvDialectInput })
      .transform(daysOf),
    output: z.object({ filename: z.string(), mime: z.string(), encoding: z.enum(['utf8', 'base64']), data: z.string(), rows: z.number() }),
    undo: null,
  },
} as const satisfies Record<string, MethodSpec>;
