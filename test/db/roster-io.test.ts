import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dataHash } from '../helpers/dbhash';
import { freshService } from '../helpers/service';

function team() {
  const s = freshService();
  const t = s.run('team.create', { name: 'Destek', timeZone: 'Europe/Istanbul', country: 'TR', currency: 'TRY' });
  s.run('person.create', { teamId: t.id, name: 'Ayşe Yılmaz', email: 'ayse@example.com', skills: ['phone', 'chat'] });
  s.run('person.create', { teamId: t.id, name: 'Mehmet Kaya', email: 'mehmet@example.com', skills: ['phone'] });
  s.run('template.create', { teamId: t.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:00', breakMinutes: 30, skill: 'phone' });
  s.run('template.create', { teamId: t.id, code: 'N', name: 'Night', startLocal: '23:00', endLocal: '07:00', breakMinutes: 30, skill: 'phone' });
  return { s, t };
}

const CSV = ['person,date,code,start,end', 'ayse@example.com,2026-11-23,E,,', 'Mehmet Kaya,2026-11-23,,09:00,13:30', 'mehmet kaya,2026-11-24,N,,', 'AYSE@example.com,2026-11-25,,22:00,06:00'].join('\n');

describe('roster import and export', () => {
  it('imports CSV by email or name, codes or times (an end before the start is the next day)', () => {
    const { s, t } = team();
    expect(s.run('roster.import', { teamId: t.id, format: 'csv', data: CSV })).toEqual({ created: 4, removed: 0 });
    const list = s.run('shift.list', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' });
    expect(list.map((x) => [x.day, x.code, x.startLocal, x.endLocal, x.paidMinutes])).toEqual([
      ['2026-11-23', 'E', '07:00', '15:00', 450],
      ['2026-11-25', null, '22:00', '06:00', 480],
      ['2026-11-23', null, '09:00', '13:30', 270],
      ['2026-11-24', 'N', '23:00', '07:00', 450],
    ]);
    expect(s.run('history.state', {}).undoAction).toBe('roster.import');
  });

  it('is all or nothing and names every bad line', () => {
    const { s, t } = team();
    const before = dataHash(s.planner.db);
    const bad = ['person,date,code', 'ayse@example.com,2026-11-23,E', 'Nobody,2026-11-23,E', 'Mehmet Kaya,2026-02-30,E', 'Mehmet Kaya,2026-11-24,Q', 'ayse@example.com,2026-11-23,N'].join('\n');
    const r = s.call('roster.import', { teamId: t.id, format: 'csv', data: bad });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.lines?.map((l) => [l.line, l.column])).toEqual([
        [3, 'person'],
        [4, 'date'],
        [5, 'code'],
        [6, 'date'],
      ]);
      expect(r.error.lines?.[0]?.message).toBe('person: nobody in Destek is called or has the email Nobody');
      // The same person and day twice names the person and both lines, not just the day.
      expect(r.error.lines?.[3]?.message).toBe('date: Ayşe Yılmaz on 2026-11-23 is already on line 2; a person has one cell a day');
    }
    const twice = s.call('roster.import', { teamId: t.id, format: 'csv', data: ['person,date,code', 'Mehmet Kaya,2027-01-04,E', 'mehmet@example.com,2027-01-04,N'].join('\n') });
    expect(twice.ok ? null : twice.error.message).toBe('Line 3: date: Mehmet Kaya on 2027-01-04 is already on line 2; a person has one cell a day');
    expect(dataHash(s.planner.db)).toBe(before);
    expect(s.call('roster.import', { teamId: t.id, format: 'csv', data: 'who,when\nx,y' }).ok).toBe(false);
  });

  it('exports CSV that imports back to the same roster', async () => {
    const { s, t } = team();
    s.run('roster.import', { teamId: t.id, format: 'csv', data: CSV });
    const exported = s.run('roster.export', { teamId: t.id, from: '2026-11-23', to: '2026-11-29', format: 'csv' });
    expect(exported).toMatchObject({ filename: 'roster-Destek-2026-11-23-2026-11-29.csv', rows: 4, encoding: 'utf8' });
    expect(exported.data.split('\r\n')[0]).toBe('\ufeffperson,date,code,start,end,break_minutes,skill,paid_hours');
    const before = s.run('shift.list', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' }).map(({ id: _id, ...x }) => x);
    s.run('shift.clearRange', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' });
    s.run('roster.import', { teamId: t.id, format: 'csv', data: exported.data });
    const after = s.run('shift.list', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' }).map(({ id: _id, ...x }) => x);
    expect(after).toEqual(before);
  });

  it('exports XLSX that imports back, and reads Excel date and time cells', async () => {
    const { s, t } = team();
    s.run('roster.import', { teamId: t.id, format: 'csv', data: CSV });
    const xlsx = await s.callAsync('roster.export', { teamId: t.id, from: '2026-11-23', to: '2026-11-29', format: 'xlsx' });
    if (!xlsx.ok) throw new Error(xlsx.error.message);
    expect(xlsx.value).toMatchObject({ filename: 'roster-Destek-2026-11-23-2026-11-29.xlsx', encoding: 'base64' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.value.data, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(2).getCell(8).value).toBe(7.5);

    const before = s.run('shift.list', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' }).map(({ id: _id, ...x }) => x);
    s.run('shift.clearRange', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' });
    const back = await s.callAsync('roster.import', { teamId: t.id, format: 'xlsx', data: xlsx.value.data });
    expect(back).toMatchObject({ ok: true, value: { created: 4, removed: 0 }, changed: expect.arrayContaining(['shift']) });
    expect(s.run('shift.list', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' }).map(({ id: _id, ...x }) => x)).toEqual(before);

    // A sheet typed by hand in Excel: real date cells and time-of-day cells.
    const hand = new ExcelJS.Workbook();
    const sheet = hand.addWorksheet('Rota');
    sheet.addRow(['person', 'date', 'start', 'end']);
    sheet.addRow(['Mehmet Kaya', new Date(Date.UTC(2026, 11, 1)), new Date(Date.UTC(1899, 11, 30, 8, 0)), new Date(Date.UTC(1899, 11, 30, 16, 30))]);
    const handBytes = Buffer.from(await hand.xlsx.writeBuffer()).toString('base64');
    const r = await s.callAsync('roster.import', { teamId: t.id, format: 'xlsx', data: handBytes });
    expect(r).toMatchObject({ ok: true, value: { created: 1, removed: 0 }, changed: expect.arrayContaining(['shift']) });
    expect(s.run('shift.list', { teamId: t.id, from: '2026-12-01', to: '2026-12-01' })[0]).toMatchObject({ startLocal: '08:00', endLocal: '16:30' });

    const notXlsx = await s.callAsync('roster.import', { teamId: t.id, format: 'xlsx', data: Buffer.from('person,date\n').toString('base64') });
    expect(notXlsx.ok ? null : notXlsx.error.code).toBe('not_xlsx');
  });
});
