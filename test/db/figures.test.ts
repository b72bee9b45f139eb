import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv';
import { createService } from '../../db/service';
import { openPlanner } from '../../db/open';
import { readXlsx } from '../../db/xlsx';
import { tempFile } from '../helpers/tmp';

/**
 * Issue 15, "Figures that agree": absence statistics and hours against contract are each one
 * computation, whoever asks (the Absences tab, the rota grid, Reports, the exports). The demo
 * gives the whole team; the people whose figures are checked are added here, so the demo's own
 * leave can change without changing these.
 */

/** Saturday 28 November 2026, noon in Istanbul. */
const NOW = Temporal.Instant.from('2026-11-28T09:00:00Z');

function demo() {
  const s = createService(openPlanner(tempFile()), { appVersion: 'test', now: () => NOW });
  const team = s.run('demo.create', {});
  // The figures below are in days of a 40 h full-time week: the demo's longest contract.
  expect(Math.max(...s.run('person.list', { teamId: team.id }).map((p) => p.contractHoursPerWeek))).toBe(40);
  const types = s.run('absenceType.list', { teamId: team.id });
  const typeId = (key: string) => types.find((t) => t.key === key)?.id ?? 0;
  const person = (name: string, contractHoursPerWeek: number, employmentStart: string | null = '2025-01-01') =>
    s.run('person.create', { teamId: team.id, name, skills: ['phone'], contractHoursPerWeek, employmentStart }).id;
  const away = (personId: number, key: string, start: string, end: string) => s.run('absence.create', { teamId: team.id, personId, typeId: typeId(key), start, end, status: 'approved' });
  return { s, team, person, away };
}

// The demo team is Turkish: its CSV has semicolons and decimal commas, read here as plain numbers.
const rowsOf = (csv: string) => parseCsv(csv).map((r) => r.fields.map((f) => (/^-?\d+,\d+$/.test(f) ? f.replace(',', '.') : f)));

describe('absence statistics', () => {
  it('count each person on their own working days and employment, over the month asked and nothing around it', () => {
    const { s, team, person, away } = demo();
    const can = person('Can Öztürk', 40);
    const derya = person('Derya Aksoy', 20);
    const deniz = person('Deniz Aydın', 40, '2026-11-16');
    person('Ece Arslan', 40, '2026-12-01');
    away(derya, 'sick', '2026-11-17', '2026-11-18'); // Tuesday–Wednesday
    away(derya, 'training', '2026-12-02', '2026-12-02'); // Wednesday 2 December

    const november = s.run('absence.stats', { teamId: team.id, month: '2026-11' });
    // A month is its first to last day, exactly.
    expect(s.run('absence.stats', { teamId: team.id, from: '2026-11-01', to: '2026-11-30' })).toEqual(november);
    const row = (rows: typeof november, id: number) => rows.find((r) => r.personId === id);

    // November 2026 in Turkey: 21 weekdays, no public holiday.
    expect(row(november, can)).toMatchObject({ fte: 1, workingDays: 21, absentDays: 0, rate: 0 });
    // A 20 h part-timer has half a full-timer's working days; her two sick days are two of her
    // days at half weight, and the rate is the same share of her time either way.
    expect(row(november, derya)).toMatchObject({ fte: 0.5, workingDays: 10.5, absentDays: 1, rate: 0.0952, sickDays: 1, sickSpells: 1, bradford: 1 });
    // Her training on 2 December is December's, not November's...
    expect(row(s.run('absence.stats', { teamId: team.id, month: '2026-12' }), derya)).toMatchObject({ workingDays: 11.5, absentDays: 0.5, sickDays: 0 });
    // ...though the six weeks a November month grid shows (26 October – 6 December) hold it too.
    expect(row(s.run('absence.stats', { teamId: team.id, from: '2026-10-26', to: '2026-12-06' }), derya)?.absentDays).toBe(1.5);

    // Starting Monday 16 November: 11 of November's working days; starting in December: not in November.
    expect(row(november, deniz)).toMatchObject({ fte: 1, workingDays: 11 });
    expect(november.some((r) => r.personName === 'Ece Arslan')).toBe(false);
    // The team line adds up its people.
    const people = november.filter((r) => r.personId !== null);
    expect(november.at(-1)).toMatchObject({ personId: null, personName: team.name });
    expect(november.at(-1)?.workingDays).toBeCloseTo(people.reduce((sum, r) => sum + r.workingDays, 0), 2);
    expect(november.at(-1)?.fte).toBeCloseTo(people.reduce((sum, r) => sum + r.fte, 0), 2);
  });

  it('take a month or from and to, not both and not neither', () => {
    const { s, team } = demo();
    expect(s.call('absence.stats', { teamId: team.id, month: '2026-13' })).toMatchObject({ ok: false, error: { path: ['month'] } });
    expect(s.call('absence.stats', { teamId: team.id, month: '2026-11', from: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'conflict', path: ['month'] } });
    expect(s.call('absence.stats', { teamId: team.id, to: '2026-11-30' })).toMatchObject({ ok: false, error: { code: 'required', path: ['from'] } });
    expect(s.call('report.export', { teamId: team.id, report: 'absence-stats', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'required' } });
  });

  it('the absence-stats export, CSV and XLSX, holds absence.stats figures for the same month', async () => {
    const { s, team } = demo();
    const stats = s.run('absence.stats', { teamId: team.id, month: '2026-11' });
    expect(stats.some((r) => r.absentDays > 0)).toBe(true);
    const csv = s.run('report.export', { teamId: team.id, report: 'absence-stats', month: '2026-11', format: 'csv' });
    expect(csv.filename).toBe('Support-Desk-Istanbul-absence-stats-2026-11-01-2026-11-30.csv');
    const table = rowsOf(csv.data);
    expect(table.slice(1)).toEqual(stats.map((r) => [r.personId === null ? 'Team' : r.personName, r.workingDays, r.absentDays, r.rate, r.sickDays, r.sickSpells, r.bradford, r.fte].map(String)));
    const xlsx = await s.callAsync('report.export', { teamId: team.id, report: 'absence-stats', month: '2026-11', format: 'xlsx' });
    if (!xlsx.ok) throw new Error(xlsx.error.message);
    expect((await readXlsx(Buffer.from(xlsx.value.data, 'base64'))).map((r) => r.fields)).toEqual(table);
  });
});

describe('hours against contract', () => {
  it('a week of approved leave expects 0 h in the rota grid, the cost rows and the hours export, and the rule agrees', () => {
    const { s, team, person, away } = demo();
    const can = person('Can Öztürk', 40);
    away(can, 'vacation', '2026-12-07', '2026-12-11'); // Monday–Friday
    const week = s.run('roster.week', { teamId: team.id, weekStart: '2026-12-07' });
    expect(week.people.find((p) => p.id === can)).toMatchObject({ contractHoursPerWeek: 40, paidMinutes: 0, expectedMinutes: 0, leaveDays: 5, outsideEmploymentDays: 0 });
    expect(week.totals.expectedMinutes).toBeCloseTo(week.people.reduce((sum, p) => sum + p.expectedMinutes, 0), 2);
    const costs = s.run('roster.costs', { teamId: team.id, from: '2026-12-07', to: '2026-12-13', by: 'week' });
    expect(costs.find((c) => c.personId === can)).toMatchObject({ period: '2026-12-07', paidMinutes: 0, expectedMinutes: 0 });
    const hours = rowsOf(s.run('report.export', { teamId: team.id, report: 'hours', from: '2026-12-07', to: '2026-12-13', format: 'csv' }).data);
    expect(hours.find((r) => r[1] === 'Can Öztürk')?.slice(0, 4)).toEqual(['2026-12-07', 'Can Öztürk', '0', '0']);
    // The week after, back at work, the full 40 h.
    expect(s.run('roster.week', { teamId: team.id, weekStart: '2026-12-14' }).people.find((p) => p.id === can)?.expectedMinutes).toBe(40 * 60);

    // Planned a day of it anyway, the contract-hours rule measures the 8 h against the same 0 h.
    s.run('shift.setCells', { teamId: team.id, entries: [{ personId: can, day: '2026-12-07', value: { startLocal: '09:00', endLocal: '17:00' } }] });
    const flagged = s.run('roster.week', { teamId: team.id, weekStart: '2026-12-07' }).violations.find((v) => v.rule === 'contract_hours' && v.personId === can);
    expect(flagged?.params).toMatchObject({ hours: 8, contract: 0 });
  });

  it('someone who starts mid-month expects only the days employed, per week and per month', () => {
    const { s, team, person } = demo();
    // Starts Wednesday 18 November: 3 weekdays that week, 9 in November.
    const deniz = person('Deniz Aydın', 40, '2026-11-18');
    const can = person('Can Öztürk', 40);
    const week = s.run('roster.week', { teamId: team.id, weekStart: '2026-11-16' });
    expect(week.people.find((p) => p.id === deniz)).toMatchObject({ expectedMinutes: 3 * 8 * 60, leaveDays: 0, outsideEmploymentDays: 2 });
    const month = s.run('roster.costs', { teamId: team.id, from: '2026-11-01', to: '2026-11-30', by: 'month' });
    expect(month.find((c) => c.personId === deniz)).toMatchObject({ period: '2026-11', paidMinutes: 0, expectedMinutes: 9 * 8 * 60 });
    // A whole month is its 21 weekdays of 8 h, not the 40 h × 30/7 a pro rata would make it (171 h).
    expect(month.find((c) => c.personId === can)?.expectedMinutes).toBe(21 * 8 * 60);
    const hours = rowsOf(s.run('report.export', { teamId: team.id, report: 'hours', month: '2026-11', by: 'month', format: 'csv' }).data);
    expect(hours.find((r) => r[1] === 'Deniz Aydın')?.slice(0, 4)).toEqual(['2026-11', 'Deniz Aydın', '0', '72']);
    // Before the start nothing is expected, and there is no line.
    expect(s.run('roster.costs', { teamId: team.id, from: '2026-11-09', to: '2026-11-15', by: 'week' }).some((c) => c.personId === deniz)).toBe(false);
  });

  it('the rota grid, the cost rows and the hours export give every person the same expectation, week by week', () => {
    const { s, team, person, away } = demo();
    const derya = person('Derya Aksoy', 20);
    away(derya, 'training', '2026-12-02', '2026-12-02');
    const from = '2026-11-23';
    const to = '2026-12-20';
    const costs = s.run('roster.costs', { teamId: team.id, from, to, by: 'week' });
    const exported = rowsOf(s.run('report.export', { teamId: team.id, report: 'hours', from, to, format: 'csv' }).data).slice(1);
    let compared = 0;
    for (let weekStart = from; weekStart <= to; weekStart = Temporal.PlainDate.from(weekStart).add({ days: 7 }).toString()) {
      const week = s.run('roster.week', { teamId: team.id, weekStart });
      for (const p of week.people) {
        const cost = costs.find((c) => c.period === weekStart && c.personId === p.id);
        const line = exported.find((r) => r[0] === weekStart && r[1] === p.name);
        expect([cost?.expectedMinutes ?? 0, cost?.paidMinutes ?? 0], `${p.name}, week of ${weekStart}`).toEqual([p.expectedMinutes, p.paidMinutes]);
        expect(Number(line?.[3] ?? 0), `${p.name}, week of ${weekStart}`).toBeCloseTo(p.expectedMinutes / 60, 2);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(4 * 14);
    // A day of training takes a fifth of a 20 h week off what it expects.
    expect(costs.find((c) => c.period === '2026-11-30' && c.personId === derya)?.expectedMinutes).toBe(16 * 60);
  });
});
