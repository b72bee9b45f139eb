import { UserError } from './errors';

/** One parsed record and the 1-based line of the file it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 reader: quoted fields may hold commas, quotes ("") and newlines;
 * CRLF or LF line ends; a UTF-8 BOM is dropped. Blank lines are skipped.
 * Line numbers are those a person sees in an editor, so errors can point there.
 */
export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedField = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !quotedField)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quotedField = false;
  };
  while (i < src.length) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        const next = src[i];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          throw new UserError('csv_syntax', `Line ${line}: unexpected text after a closing quote`, [], [
            { line, message: 'Unexpected text after a closing quote' },
          ]);
        }
        continue;
      }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quotedField = true;
      i += 1;
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += ch;
    i += 1;
  }
  if (inQuotes) {
    throw new UserError('csv_syntax', `Line ${recordLine}: a quoted field is never closed`, [], [
      { line: recordLine, message: 'A quoted field is never closed' },
    ]);
  }
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  return records;
}

/** Quotes a field when it holds a delimiter, quote or line break. */
export function csvField(value: string | number | null | undefined, delimiter = ','): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][], delimiter = ','): string {
  return rows.map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
