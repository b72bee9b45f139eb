import fs from 'node:fs';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { parseCsv } from '../../core/csv';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import { readXlsx } from '../../db/xlsx';
import { tempDir, tempFile } from '../helpers/tmp';

// The demo team is Turkish: its CSV has semicolons and decimal commas, read here as plain numbers.
const rowsOf = (csv: string) => parseCsv(csv).map((r) => r.fields.map((f) => (/^-?\d+,\d+$/.test(f) ? f.replace(',', '.') : f)));
const TEAM = 'Support Desk Istanbul';

/** The demo as of Saturday 28 November 2026 (its rota from Monday 23 November), in a file the CLI then opens. */
function demoFile() {
  const file = tempFile();
  const s = createService(openPlanner(file), { appVersion: 'test', now: () => Temporal.Instant.from('2026-11-28T09:00:00Z') });
  const team = s.run('demo.create', {});
  // A part-timer with training on Wednesday 2 December, the day after November.
  const derya = s.run('person.create', { teamId: team.id, name: 'Derya Aksoy', skills: ['phone'], contractHoursPerWeek: 20 });
  const training = s.run('absenceType.list', { teamId: team.id }).find((t) => t.key === 'training')?.id ?? 0;
  s.run('absence.create', { teamId: team.id, personId: derya.id, typeId: training, start: '2026-12-02', end: '2026-12-02', status: 'approved' });
  const stats = s.run('absence.stats', { teamId: team.id, month: '2026-11' });
  const costs = s.run('roster.costs', { teamId: team.id, from: '2026-11-01', to: '2026-11-30', by: 'month' });
  const exported = s.run('report.export', { teamId: team.id, report: 'absence-stats', from: '2026-11-01', to: '2026-11-30', format: 'csv' }).data;
  s.close();
  return { file, stats, costs, exported };
}

describe('rosterdesk export report', () => {
  it('absence statistics for a month: the same figures as absence.stats and the Reports export', async () => {
    const { file, stats, exported } = demoFile();
    const byMonth = await cli('export', 'report', 'absence-stats', '--db', file, '--team', TEAM, '--month', '2026-11');
    expect(byMonth).toMatchObject({ code: 0, err: '' });
    const table = rowsOf(byMonth.out);
    expect(table[0]).toEqual(['person', 'working_days', 'absent_days', 'absence_rate', 'sick_days', 'sick_spells', 'bradford', 'fte']);
    expect(table.slice(1)).toEqual(stats.map((r) => [r.personId === null ? 'Team' : r.personName, r.workingDays, r.absentDays, r.rate, r.sickDays, r.sickSpells, r.bradford, r.fte].map(String)));
    // The same file as the app's export, less the byte-order mark (for Excel, not for standard output).
    expect(`\ufeff${byMonth.out}`).toBe(exported);
    // The part-timer on half the days of the full-timers, there too; her training on 2 December is not November's.
    expect(table.find((r) => r[0] === 'Derya Aksoy')?.slice(0, 3)).toEqual(['Derya Aksoy', '10.5', '0']);
    expect(table.find((r) => r[0] === 'Ayşe Yılmaz')?.[1]).toBe('21');
    const december = await cli('export', 'report', 'absence-stats', '--db', file, '--team', TEAM, '--month', '2026-12');
    expect(rowsOf(december.out).find((r) => r[0] === 'Derya Aksoy')?.slice(0, 3)).toEqual(['Derya Aksoy', '11.5', '0.5']);

    const byDays = await cli('export', 'report', 'absence-stats', '--db', file, '--team', TEAM, '--from', '2026-11-01', '--to', '2026-11-30');
    expect(byDays.out).toBe(byMonth.out);
    const xlsx = path.join(tempDir(), 'stats.xlsx');
    const written = await cli('export', 'report', 'absence-stats', '--db', file, '--team', TEAM, '--month', '2026-11', '--out', xlsx);
    expect(written).toMatchObject({ code: 0, out: `Wrote ${stats.length} rows to ${xlsx}\n` });
    expect((await readXlsx(fs.readFileSync(xlsx))).map((r) => r.fields)).toEqual(table);
  });

  it('hours per month against the expectation the cost rows give', async () => {
    const { file, costs } = demoFile();
    const r = await cli('export', 'report', 'hours', '--db', file, '--team', TEAM, '--month', '2026-11', '--by', 'month');
    expect(r.code).toBe(0);
    const table = rowsOf(r.out);
    expect(table[0]?.slice(0, 4)).toEqual(['month', 'person', 'paid_hours', 'expected_hours']);
    expect(table.slice(1).map((row) => [row[1], Number(row[3])])).toEqual(costs.map((c) => [c.personId === null ? 'Team' : c.personName, Math.round((c.expectedMinutes / 60) * 100) / 100]));
  });

  it('sums Solar Hijri months with --calendar persian, as a Persian screen does', async () => {
    const { file } = demoFile();
    const r = await cli('export', 'report', 'hours', '--db', file, '--team', TEAM, '--from', '2026-11-15', '--to', '2026-11-28', '--by', 'month', '--calendar', 'persian');
    expect(r.code).toBe(0);
    expect(rowsOf(r.out).filter((row) => row[1] === 'Team').map((row) => row[0])).toEqual(['1405-08', '1405-09']);
    expect(await cli('export', 'report', 'hours', '--db', file, '--team', TEAM, '--month', '2026-11', '--calendar', 'julian')).toMatchObject({ code: 2, err: expect.stringContaining('--calendar must be gregorian or persian') });
  });

  it('says what is wrong with its arguments', async () => {
    const { file } = demoFile();
    expect(await cli('export', 'report', 'payroll', '--db', file, '--team', TEAM, '--month', '2026-11')).toMatchObject({ code: 2, err: expect.stringContaining('the report must be one of hours, oncall') });
    expect(await cli('export', 'report', 'hours', '--db', file, '--team', TEAM)).toMatchObject({ code: 1, err: expect.stringContaining('--from: Give from and to, or a month') });
    expect(await cli('export', 'report', 'hours', '--db', file, '--team', TEAM, '--month', '2026-11', '--from', '2026-11-01')).toMatchObject({ code: 1, err: expect.stringContaining('--month:') });
    expect(await cli('export', 'report', 'hours', '--db', file, '--team', TEAM, '--month', '2026-11', '--format', 'xlsx')).toMatchObject({ code: 2, err: expect.stringContaining('needs --out') });
  });
});
