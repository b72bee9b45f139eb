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

/**
 * The separator of a CSV file as its header line shows it: whichever of comma, semicolon and tab
 * occurs most outside quotes (Excel writes ";" where the comma is the decimal mark, "Unicode text"
 * is tab-separated). A first line "sep=;" (Excel's own hint) names it outright. A header with
 * none of them is one column: a comma then.
 */
export function detectSeparator(text: string): { separator: string; skipFirstLine: boolean } {
  const hint = /^\ufeff?sep=(.)\r?\n/i.exec(text.slice(0, 8));
  if (hint?.[1] !== undefined) return { separator: hint[1], skipFirstLine: true };
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let inQuotes = false;
  for (let i = 0; i < text.length && i < 65_536; i += 1) {
    const ch = text[i] ?? '';
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let separator = ',';
  for (const [ch, n] of counts) if (n > (counts.get(separator) ?? 0)) separator = ch;
  return { separator, skipFirstLine: false };
}

/**
 * RFC 4180 reader: quoted fields may hold separators, quotes ("") and newlines;
 * CRLF or LF line ends; a UTF-8 BOM is dropped. Blank lines are skipped.
 * Line numbers are those a person sees in an editor, so errors can point there.
 * Without a delimiter the file's own is detected (comma, semicolon or tab; see detectSeparator).
 */
export function parseCsv(text: string, delimiter?: string): CsvRecord[] {
  let src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  if (delimiter === undefined) {
    const found = detectSeparator(src);
    delimiter = found.separator;
    if (found.skipFirstLine) {
      src = src.slice(src.indexOf('\n') + 1);
      line = 2;
    }
  }
  // Fields are cut out of the text with slice, not built a character at a time: a 200 MB
  // ticket export is tens of millions of fields, and per-character concatenation took minutes.
  const sep = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const n = src.length;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let recordLine = line;
  let i = 0;
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
        if (close < 0) {
          throw new UserError('csv_syntax', `Line ${recordLine}: a quoted field is never closed`, [], [{ line: recordLine, message: 'A quoted field is never closed' }]);
        }
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
      field = src.slice(i, j);
      i = j;
    }
    // Our own exports prefix formula-like text with a quote (formulaSafe); reading takes it off.
    fields.push(field.charCodeAt(0) === 39 && ESCAPED_FORMULA.test(field) ? field.slice(1) : field);
    if (i >= n) {
      records.push({ line: recordLine, fields });
      fields = [];
      break;
    }
    const c = src.charCodeAt(i);
    if (c === sep) {
      i += 1;
      // A separator at the very end still closes a last, empty field.
      if (i >= n) {
        fields.push('');
        records.push({ line: recordLine, fields });
        fields = [];
      }
      continue;
    }
    // A line end: the record is complete (a lone empty unquoted field is a blank line, skipped).
    if (!(fields.length === 1 && fields[0] === '' && !quoted)) records.push({ line: recordLine, fields });
    fields = [];
    i += c === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
    line += 1;
    recordLine = line;
  }
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
