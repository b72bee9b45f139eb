import { UserError } from './errors';
import { numberCell, textCell, type CsvDialect } from './spreadsheet-format';

/** Text a spreadsheet would take for a formula, and the same text as formulaSafe wrote it. */
const FORMULA_START = /^[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'[=+\-@\t\r]/;

/** One parsed record and the 1-based line of the file it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** What the header line says: the separator, whether a "sep=" line comes first, and whether the scan saw the line's end (else more text may change the count). */
interface HeaderScan {
  separator: string;
  skipFirstLine: boolean;
  complete: boolean;
}

function scanHeader(text: string): HeaderScan {
  const hint = /^\ufeff?sep=(.)\r?\n/i.exec(text.slice(0, 8));
  if (hint?.[1] !== undefined) return { separator: hint[1], skipFirstLine: true, complete: true };
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let inQuotes = false;
  let complete = false;
  for (let i = 0; i < text.length; i += 1) {
    if (i >= 65_536) {
      complete = true;
      break;
    }
    const ch = text[i] ?? '';
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      // A "sep=;\r" whose "\n" has not arrived yet would read differently once it has.
      complete = i + 1 < text.length;
      break;
    } else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let separator = ',';
  for (const [ch, n] of counts) if (n > (counts.get(separator) ?? 0)) separator = ch;
  return { separator, skipFirstLine: false, complete };
}

/**
 * The separator of a CSV file as its header line shows it: whichever of comma, semicolon and tab
 * occurs most outside quotes (Excel writes ";" where the comma is the decimal mark, "Unicode text"
 * is tab-separated). A first line "sep=;" (Excel's own hint) names it outright. A header with
 * none of them is one column: a comma then.
 */
export function detectSeparator(text: string): { separator: string; skipFirstLine: boolean } {
  const { separator, skipFirstLine } = scanHeader(text);
  return { separator, skipFirstLine };
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

function neverClosed(line: number): UserError {
  return new UserError('csv_syntax', `Line ${line}: a quoted field is never closed`, [], [{ line, message: 'A quoted field is never closed' }]);
}

/**
 * The records of `src` from `start` (on line `line`), each given to `emit` as it ends. Unless `final`, a record
 * the text ends inside is left for the next piece: the answer says where it starts and on which
 * line, and the caller keeps that tail. Fields are cut out of the text with slice, not built a
 * character at a time: a 200 MB ticket export is tens of millions of fields.
 */
function readRecords(src: string, start: number, line: number, sep: number, final: boolean, emit: (record: CsvRecord) => void): { rest: number; line: number } {
  const n = src.length;
  let fields: string[] = [];
  let recordLine = line;
  let recordStart = start;
  let i = start;
  const incomplete = () => ({ rest: recordStart, line: recordLine });
  while (i < n) {
    // At the start of a field.
    let field: string;
    let quoted = false;
    if (src.charCodeAt(i) === QUOTE) {
      quoted = true;
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = src.indexOf('"', from);
        // Not closed yet, or a quote at the end that may be the first of a doubled "".
        if (!final && (close < 0 || close === n - 1)) return incomplete();
        if (close < 0) throw neverClosed(recordLine);
        for (let k = src.indexOf('\n', from); k >= 0 && k < close; k = src.indexOf('\n', k + 1)) line += 1;
        if (src.charCodeAt(close + 1) === QUOTE) {
          value += src.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        value += src.slice(from, close);
        i = close + 1;
        break;
      }
      field = value;
      const next = i < n ? src.charCodeAt(i) : -1;
      if (next !== -1 && next !== sep && next !== LF && next !== CR) {
        throw new UserError('csv_syntax', `Line ${line}: unexpected text after a closing quote`, [], [{ line, message: 'Unexpected text after a closing quote' }]);
      }
    } else {
      let j = i;
      while (j < n) {
        const c = src.charCodeAt(j);
        if (c === sep || c === LF || c === CR) break;
        j += 1;
      }
      if (j >= n && !final) return incomplete();
      field = src.slice(i, j);
      i = j;
    }
    // Our own exports prefix formula-like text with a quote (formulaSafe); reading takes it off.
    fields.push(field.charCodeAt(0) === 39 && ESCAPED_FORMULA.test(field) ? field.slice(1) : field);
    if (i >= n) {
      if (!final) return incomplete();
      emit({ line: recordLine, fields });
      fields = [];
      break;
    }
    const c = src.charCodeAt(i);
    if (c === sep) {
      i += 1;
      // A separator at the very end still closes a last, empty field.
      if (i >= n) {
        if (!final) return incomplete();
        fields.push('');
        emit({ line: recordLine, fields });
        fields = [];
      }
      continue;
    }
    // A CR at the end of the piece may be the first half of a CRLF.
    if (c === CR && i + 1 >= n && !final) return incomplete();
    // A line end: the record is complete (a lone empty unquoted field is a blank line, skipped).
    if (!(fields.length === 1 && fields[0] === '' && !quoted)) emit({ line: recordLine, fields });
    fields = [];
    i += c === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
    line += 1;
    recordLine = line;
    recordStart = i;
  }
  return { rest: n, line };
}

/** A CSV reader fed a piece of text at a time (see parseCsv for the rules, which are the same). */
export interface CsvReader {
  /**
   * Gives `emit` each record the text completes, one at a time (a piece's records are never held
   * together, so each is garbage as soon as it is counted); `final` on the last piece (an empty one will do).
   */
  read(text: string, final: boolean, emit: (record: CsvRecord) => void): void;
}

/**
 * RFC 4180 reader: quoted fields may hold separators, quotes ("") and newlines;
 * CRLF or LF line ends; a UTF-8 BOM is dropped. Blank lines are skipped.
 * Line numbers are those a person sees in an editor, so errors can point there.
 * Without a delimiter the file's own is detected (comma, semicolon or tab; see detectSeparator).
 * Fed in pieces, it keeps only the record the last piece ended inside: a quoted field or a CRLF
 * split between two pieces reads as it would in one.
 */
export function csvReader(delimiter?: string): CsvReader {
  let sep: number | null = delimiter === undefined ? null : delimiter.charCodeAt(0);
  let tail = '';
  let line = 1;
  let started = false;
  let bomChecked = false;
  return {
    read(text, final, emit) {
      let src = tail === '' ? text : tail + text;
      tail = '';
      if (!started) {
        if (src === '' && !final) return;
        if (!bomChecked && src.charCodeAt(0) === 0xfeff) src = src.slice(1);
        bomChecked = true;
        if (sep === null) {
          const found = scanHeader(src);
          if (!found.complete && !final) {
            tail = src;
            return;
          }
          sep = found.separator.charCodeAt(0);
          if (found.skipFirstLine) {
            src = src.slice(src.indexOf('\n') + 1);
            line = 2;
          }
        }
        started = true;
      }
      const end = readRecords(src, 0, line, sep ?? 44, final, emit);
      tail = end.rest < src.length ? src.slice(end.rest) : '';
      line = end.line;
    },
  };
}

/** A whole text's records (csvReader in one piece). */
export function parseCsv(text: string, delimiter?: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  csvReader(delimiter).read(text, true, (record) => records.push(record));
  return records;
}

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return before
 * one) gets the usual single-quote prefix, so a person named =HYPERLINK(…) is shown, not followed.
 * Only text: number cells are written by numberCell and stay numbers. parseCsv takes the prefix
 * off again, so our own exports import back as they were.
 */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Quotes a field when it holds a delimiter, quote or line break. */
export function csvField(value: string | number | null | undefined, delimiter = ','): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Comma-separated rows with numbers as JavaScript writes them: for programs (the CLI's standard output), not for Excel. */
export function toCsv(rows: (string | number | null | undefined)[][], delimiter = ','): string {
  return rows.map((r) => r.map((v) => csvField(typeof v === 'string' ? formulaSafe(v) : v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

/**
 * A CSV file for a spreadsheet: UTF-8 with a byte-order mark (without it Excel reads the bytes
 * in the Windows code page and garbles every "ş" and "ł"), the dialect's separator, and number
 * cells with its decimal mark, never grouped and never quoted, so they stay numbers.
 */
export function spreadsheetCsv(rows: readonly (readonly (string | number | null | undefined)[])[], dialect: CsvDialect): string {
  const cell = (v: string | number | null | undefined) => (typeof v === 'number' ? numberCell(v, dialect.decimal) : csvField(typeof v === 'string' ? formulaSafe(textCell(v, dialect)) : v, dialect.separator));
  return '\ufeff' + rows.map((r) => r.map(cell).join(dialect.separator)).join('\r\n') + '\r\n';
}
