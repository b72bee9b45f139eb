import { z } from 'zod';
import { CSV_SEPARATORS, DECIMAL_MARKS, dialectProblem } from '../spreadsheet-format';
import { TEXT_ENCODINGS } from '../text-decode';
import { Temporal } from '../time';
import { plainDate } from '../validators';

/** Input pieces the areas of the contract share: how a method is specified, empty input, files to import, CSV dialects, days or a month. */

/** One method: the schemas of its input and output, and the undo step it adds (null: reads, or not undoable). */
export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  undo: string | null;
}

export const empty = z.strictObject({});

/**
 * How a CSV export separates fields and writes decimals; null: the saved UI language's way
 * (else the team locale's), see csvDialect.
 */
export const CsvDialectInput = z
  .strictObject({ separator: z.enum(CSV_SEPARATORS), decimal: z.enum(DECIMAL_MARKS) })
  .refine((d) => dialectProblem(d) === null, { message: 'The separator and the decimal mark cannot both be a comma', path: ['decimal'] })
  .nullable()
  .default(null);

/** The most an import reads, in bytes, by kind: the API refuses more, and the CLI reads no further. */
export const IMPORT_MAX_BYTES = { people: 10_000_000, absences: 10_000_000, holidays: 2_000_000, roster: 20_000_000, tickets: 200_000_000 } as const;

/**
 * A file to import, as text (`csv`) or as its bytes (`bytes`, base64: read as the file is, see
 * decodeText; `encoding` names it or is auto). Base64 is a third longer than the bytes.
 */
/**
 * The most bytes one upload.append carries (a file sent in pieces). Small on purpose: a piece's
 * text (base64) stays under V8's large-object size, so each is freed by the next quick garbage
 * collection; with 4 MB pieces a 74 MB file raised the peak by 150 MB instead of 55 MB.
 */
export const UPLOAD_PIECE_BYTES = 64 * 1024;

export const importFile = (maxBytes: number) => ({
  csv: z.string().max(maxBytes).optional(),
  bytes: z.string().max(Math.ceil(maxBytes / 3) * 4 + 4).optional(),
  encoding: z.enum(TEXT_ENCODINGS).default('auto'),
});

/** A calendar month written YYYY-MM. */
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Must be a month written YYYY-MM');

type DaysOrMonth = { from?: string | undefined; to?: string | undefined; month?: string | undefined };

/**
 * The days a statistic or report covers: `from`–`to`, or a calendar `month` that stands for its
 * first and last day. The Absences tab, Reports and the CLI name "November" by its month, so none
 * of them can slip in the days a month grid shows around it.
 */
export function daysOf<T extends DaysOrMonth>(v: T, ctx: z.core.$RefinementCtx<T>): Omit<T, keyof DaysOrMonth> & { from: string; to: string } {
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
export const optionalDays = { from: plainDate.optional(), to: plainDate.optional(), month: yearMonth.optional() };
