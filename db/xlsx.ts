import type ExcelJS from 'exceljs';
import type { CsvRecord } from '../core/csv';
import { UserError } from '../core/errors';

/**
 * XLSX ↔ rows of text, so spreadsheets go through the same parsers as CSV.
 * Excel stores dates and times as numbers or Date objects; they come out as
 * YYYY-MM-DD and HH:MM (a date cell is a calendar date: read in UTC).
 *
 * ExcelJS loads on the first spreadsheet, not with the service: it and its zip libraries are
 * about a quarter of the service's code, held in memory by every process that never touches
 * a spreadsheet (the CLI, the host at rest).
 */
const excel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    // Excel's "time only" cells are dates on 1899-12-30.
    return iso.startsWith('1899-12-3') ? iso.slice(11, 16) : iso.slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value);
}

export async function readXlsx(bytes: Buffer): Promise<CsvRecord[]> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UserError('not_xlsx', 'The file is not an Excel workbook (.xlsx)', ['data']);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UserError('empty_file', 'The workbook has no sheet', ['data']);
  const width = sheet.getRow(1).cellCount;
  const out: CsvRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    for (let c = 1; c <= width; c += 1) fields.push(cellText(row.getCell(c).value).trim());
    if (fields.some((f) => f !== '')) out.push({ line: rowNumber, fields });
  });
  return out;
}

export async function writeXlsx(sheetName: string, rows: readonly (readonly (string | number)[])[]): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'Rosterdesk';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'Sheet1');
  for (const r of rows) sheet.addRow([...r]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((col) => {
    let width = 8;
    col.eachCell?.({ includeEmpty: false }, (cell) => {
      width = Math.max(width, String(cell.value ?? '').length + 2);
    });
    col.width = Math.min(40, width);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
