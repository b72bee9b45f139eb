import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv';
import { startOfWeek, todayIn } from '../../core/time';
import { readXlsx } from '../../db/xlsx';
import { freshService } from '../helpers/service';

/** The demo team's spreadsheets for payroll: hours and cost, the on-call ledger, absences. */
function demo() {
  const s = freshService();
  const team = s.run('demo.create', {});
  const monday = startOfWeek(todayIn(team.timeZone), 'mon');
  return { s, team, from: monday.toString(), to: monday.add({ days: 13 }).toString() };
}

// The demo team is Turkish: its CSV has semicolons and decimal commas, read here as plain numbers.
const rowsOf = (csv: string) => parseCsv(csv).map((r) => r.fields.map((f) => (/^-?\d+,\d+$/.test(f) ? f.replace(',', '.') : f)));

describe('report spreadsheets', () => {
  it('cost months follow the calendar asked for: Solar Hijri months split where Azar begins, the same total', () => {
    const { s, team } = demo();
    // 15-28 November 2026 straddles 1 Azar 1405 (22 November).
    const range = { teamId: team.id, from: '2026-11-15', to: '2026-11-28' };
    const teamRows = (calendar: 'gregorian' | 'persian') => s.run('roster.costs', { ...range, by: 'month', calendar }).filter((r) => r.personId === null);
    const gregorian = teamRows('gregorian');
    const persian = teamRows('persian');
    expect(gregorian.map((r) => r.period)).toEqual(['2026-11']);
    expect(persian.map((r) => r.period)).toEqual(['1405-08', '1405-09']);
    const total = (rows: typeof persian) => rows.reduce((sum, r) => sum + r.cost, 0);
    expect(total(persian)).toBeCloseTo(total(gregorian), 2);
    expect(persian.every((r) => r.cost > 0)).toBe(true);
    const csv = s.run('report.export', { ...range, report: 'hours', by: 'month', calendar: 'persian', format: 'csv' });
    expect(rowsOf(csv.data).filter((r) => r[1] === 'Team').map((r) => r[0])).toEqual(['1405-08', '1405-09']);
  });


  it('hours and cost per person and week: CSV and XLSX hold the same table, numbers as numbers', async () => {
    const { s, team, from, to } = demo();
    const csv = s.run('report.export', { teamId: team.id, report: 'hours', from, to, format: 'csv' });
    const table = rowsOf(csv.data);
    expect(table[0]).toEqual(['week', 'person', 'paid_hours', 'expected_hours', 'labour_cost', 'standby_pay', 'total_cost', 'currency']);
    const ayse = table.find((r) => r[0] === from && r[1] === 'Ayşe Yılmaz');
    // Five early shifts of 8.5 h less a 30-minute break: the contract's 40 h.
    expect(ayse?.slice(2, 4)).toEqual(['40', '40']);
    // The team line per week is the sum of its people.
    const week = table.filter((r) => r[0] === from);
    const teamLine = week.find((r) => r[1] === 'Team');
    const people = week.filter((r) => r[1] !== 'Team');
    expect(Number(teamLine?.[6])).toBeCloseTo(people.reduce((sum, r) => sum + Number(r[6]), 0), 1);
    expect(csv.filename).toBe(`Support-Desk-Istanbul-hours-${from}-${to}.csv`);

    const xlsx = await s.callAsync('report.export', { teamId: team.id, report: 'hours', from, to, format: 'xlsx' });
    if (!xlsx.ok) throw new Error(xlsx.error.message);
    expect(xlsx.value).toMatchObject({ encoding: 'base64', filename: `Support-Desk-Istanbul-hours-${from}-${to}.xlsx`, rows: table.length - 1 });
    const sheet = await readXlsx(Buffer.from(xlsx.value.data, 'base64'));
    expect(sheet.map((r) => r.fields)).toEqual(table);
    // Payroll sums the columns: hours and money are numbers in the workbook, not text.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.value.data, 'base64') as unknown as ArrayBuffer);
    const row = book.worksheets[0]?.getRow(2);
    expect([3, 4, 5, 6, 7].map((c) => typeof row?.getCell(c).value)).toEqual(['number', 'number', 'number', 'number', 'number']);
    expect(book.worksheets[0]?.name).toBe('Hours and cost');
    const month = rowsOf(s.run('report.export', { teamId: team.id, report: 'hours', from, to, by: 'month', format: 'csv' }).data);
    expect(month[0]).toEqual(['month', 'person', 'paid_hours', 'expected_hours', 'labour_cost', 'standby_pay', 'total_cost', 'currency']);
  });

  it('the on-call ledger: hours, nights, weekend days, holidays, and an allowance that matches the rota’s standby pay', () => {
    const { s, team, from, to } = demo();
    const ledger = rowsOf(s.run('report.export', { teamId: team.id, report: 'oncall', from, to, format: 'csv' }).data);
    expect(ledger[0]).toEqual(['person', 'oncall_hours', 'nights', 'weekend_days', 'holidays', 'allowance', 'currency']);
    expect(ledger.slice(1).some((r) => Number(r[1]) > 0)).toBe(true);
    const allowance = ledger.slice(1).reduce((sum, r) => sum + Number(r[5]), 0);
    const standby = s.run('roster.costs', { teamId: team.id, from, to }).filter((c) => c.personId === null).reduce((sum, c) => sum + c.standby, 0);
    expect(allowance).toBeCloseTo(standby, 1);
  });

  it('absences, requested and approved, and refuses a report it does not know', () => {
    const { s, team, from } = demo();
    const earlier = startOfWeek(todayIn(team.timeZone), 'mon').subtract({ weeks: 2 }).toString();
    const table = rowsOf(s.run('report.export', { teamId: team.id, report: 'absences', from: earlier, to: from, format: 'csv' }).data);
    expect(table[0]).toEqual(['person', 'type', 'start', 'end', 'hours_per_day', 'status', 'note']);
    expect(table.length).toBeGreaterThan(1);
    expect(s.call('report.export', { teamId: team.id, report: 'payroll' as 'hours', from, to: from, format: 'csv' })).toMatchObject({ ok: false, error: { path: ['report'] } });
    expect(s.call('report.export', { teamId: team.id, report: 'hours', from, to: earlier, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'reversed_range' } });
  });

  it('absence statistics, predicted service level per day and channel, and each forecast method’s accuracy', () => {
    const { s, team, from } = demo();
    const to = startOfWeek(todayIn(team.timeZone), 'mon').add({ days: 20 }).toString();
    const stats = rowsOf(s.run('report.export', { teamId: team.id, report: 'absence-stats', from, to, format: 'csv' }).data);
    expect(stats[0]).toEqual(['person', 'working_days', 'absent_days', 'absence_rate', 'sick_days', 'sick_spells', 'bradford', 'fte']);
    expect(stats.at(-1)?.[0]).toBe('Team');

    // Three weeks in one report: the two-week reads are stitched together.
    const sl = rowsOf(s.run('report.export', { teamId: team.id, report: 'service-level', from, to, format: 'csv' }).data);
    expect(sl[0]).toEqual(['day', 'channel', 'volume', 'service_level', 'asa_seconds', 'occupancy', 'under_staffed_intervals', 'outside_hours_volume']);
    expect(new Set(sl.slice(1).map((r) => r[0])).size).toBe(21);
    // The demo's phones close on Sundays: that day's forecast contacts are all outside opening hours,
    // nothing is predicted, and each row's figure is the coverage day's own.
    const coverage = s.run('coverage.range', { teamId: team.id, channel: null, from, to: startOfWeek(todayIn(team.timeZone), 'mon').add({ days: 13 }).toString() });
    const sunday = startOfWeek(todayIn(team.timeZone), 'mon').add({ days: 6 }).toString();
    const phoneSunday = sl.find((r) => r[0] === sunday && r[1] === 'phone');
    const coveredSunday = coverage.days.find((d) => d.day === sunday && d.channel === 'phone');
    expect(coveredSunday?.outsideHoursVolume).toBeGreaterThan(0);
    expect(phoneSunday?.slice(2, 4)).toEqual(['0', '']);
    expect(Number(phoneSunday?.[7])).toBeCloseTo(coveredSunday?.outsideHoursVolume ?? -1, 2);
    for (const d of coverage.days) expect(Number(sl.find((r) => r[0] === d.day && r[1] === d.channel)?.[7])).toBeCloseTo(d.outsideHoursVolume, 2);
    expect(new Set(sl.slice(1).map((r) => r[1]))).toEqual(new Set(['phone', 'chat', 'email']));
    const levels = sl.slice(1).filter((r) => r[3] !== '').map((r) => Number(r[3]));
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.every((x) => x >= 0 && x <= 1)).toBe(true);

    const accuracy = rowsOf(s.run('report.export', { teamId: team.id, report: 'accuracy', from, to, format: 'csv' }).data);
    expect(accuracy[0]).toEqual(['channel', 'method', 'wape', 'bias', 'weeks', 'chosen']);
    for (const channel of ['phone', 'chat', 'email']) expect(accuracy.filter((r) => r[0] === channel && r[5] === 'yes')).toHaveLength(1);
  });
});
