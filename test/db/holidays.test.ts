import { describe, expect, it } from 'vitest';
import { freshService } from '../helpers/service';

/**
 * A team's own holidays on top of its country's public ones (schema 5): the API, and every
 * place that asks whether a day is a holiday seeing the adjusted list.
 */

function warsaw() {
  const s = freshService();
  const t = s.run('team.create', { name: 'Wsparcie', timeZone: 'Europe/Warsaw', locale: 'pl-PL', currency: 'PLN', country: 'PL' });
  const anna = s.run('person.create', { teamId: t.id, name: 'Anna Nowak', skills: ['phone'], contractHoursPerWeek: 40, hourlyRate: 100 });
  const vacation = s.run('absenceType.list', { teamId: t.id }).find((x) => x.key === 'vacation')?.id ?? 0;
  return { s, t, anna, vacation };
}

const listOf = (s: ReturnType<typeof freshService>, teamId: number, from: string, to: string) =>
  s.run('holiday.list', { teamId, from, to }).map((h) => `${h.day} ${h.name} ${h.source}${h.half ? ' half' : ''}${h.removed ? ' removed' : ''}${h.estimated ? ' estimated' : ''}`);

describe('a team adjusts its holidays', () => {
  it('adds, removes, restores, moves and halves days; undo takes each back', () => {
    const { s, t } = warsaw();
    const year = s.run('holiday.list', { teamId: t.id, year: 2026 });
    expect(year.length).toBeGreaterThanOrEqual(13);
    expect(year.find((h) => h.day === '2026-11-11')).toEqual({ day: '2026-11-11', name: 'Narodowe Święto Niepodległości', source: 'public', half: false, estimated: false, removed: false });

    expect(s.run('holiday.add', { teamId: t.id, day: '2026-11-10', name: 'Most', half: false })).toMatchObject({ day: '2026-11-10', source: 'team' });
    s.run('holiday.remove', { teamId: t.id, day: '2026-11-01', source: 'public' });
    s.run('holiday.setHalf', { teamId: t.id, day: '2026-11-11', source: 'public', half: true });
    expect(listOf(s, t.id, '2026-11-01', '2026-11-30')).toEqual([
      '2026-11-01 Wszystkich Świętych public removed',
      '2026-11-10 Most team',
      '2026-11-11 Narodowe Święto Niepodległości public half',
    ]);
    // A public day moved by decree: hidden where it was, the team's own under its name where it went.
    s.run('holiday.move', { teamId: t.id, day: '2026-11-11', source: 'public', to: '2026-11-13' });
    s.run('holiday.move', { teamId: t.id, day: '2026-11-10', source: 'team', to: '2026-11-12' });
    expect(listOf(s, t.id, '2026-11-01', '2026-11-30')).toEqual([
      '2026-11-01 Wszystkich Świętych public removed',
      '2026-11-11 Narodowe Święto Niepodległości public half removed',
      '2026-11-12 Most team',
      '2026-11-13 Narodowe Święto Niepodległości team half',
    ]);
    s.run('holiday.restore', { teamId: t.id, day: '2026-11-01' });
    s.run('holiday.remove', { teamId: t.id, day: '2026-11-12', source: 'team' });
    expect(listOf(s, t.id, '2026-11-01', '2026-11-12')).toEqual(['2026-11-01 Wszystkich Świętych public', '2026-11-11 Narodowe Święto Niepodległości public half removed']);
    expect(s.run('history.state', {})).toMatchObject({ undoLabel: 'Remove holiday' });
    for (let i = 0; i < 7; i += 1) s.run('history.undo', {});
    expect(listOf(s, t.id, '2026-11-01', '2026-11-30')).toEqual(['2026-11-01 Wszystkich Świętych public', '2026-11-11 Narodowe Święto Niepodległości public']);
  });

  it('refuses bad input with an error naming the field, and changes nothing', () => {
    const { s, t } = warsaw();
    const before = listOf(s, t.id, '2026-01-01', '2026-12-31');
    const history = s.run('history.state', {});
    const refused = [
      [s.call('holiday.add', { teamId: t.id, day: '2026-11-11', name: 'Again' }), 'holiday_exists', ['day']],
      [s.call('holiday.add', { teamId: t.id, day: '2026-02-30', name: 'Nope' }), 'invalid_date', ['day']],
      [s.call('holiday.add', { teamId: t.id, day: '2026-11-12', name: '  ' }), 'too_small', ['name']],
      [s.call('holiday.remove', { teamId: t.id, day: '2026-11-12', source: 'public' }), 'not_found', ['day']],
      [s.call('holiday.move', { teamId: t.id, day: '2026-11-11', source: 'public', to: '2026-11-01' }), 'holiday_exists', ['to']],
      [s.call('holiday.move', { teamId: t.id, day: '2026-11-11', source: 'public', to: '2026-11-11' }), 'same_day', ['to']],
      [s.call('holiday.restore', { teamId: t.id, day: '2026-11-11' }), 'not_removed', ['day']],
      [s.call('holiday.list', { teamId: t.id }), 'required', ['from']],
    ] as const;
    for (const [r, code, path] of refused) expect(r.ok ? null : { code: r.error.code, path: r.error.path }).toEqual({ code, path });
    expect(listOf(s, t.id, '2026-01-01', '2026-12-31')).toEqual(before);
    expect(s.run('history.state', {})).toEqual(history);
    // The table's own checks hold against SQL that skips the service.
    expect(() => s.planner.db.prepare("INSERT INTO team_holiday (team_id, day, kind, name, created_at) VALUES (?, '2026-11-12', 'add', '', 'x')").run(t.id)).toThrow(/CHECK/);
    expect(() => s.planner.db.prepare("INSERT INTO team_holiday (team_id, day, kind, name, created_at) VALUES (?, '2026-11-12', 'moved', 'x', 'x')").run(t.id)).toThrow(/CHECK/);
  });

  it('marks the Iranian lunar holidays as estimated, the solar ones not', () => {
    const s = freshService();
    const t = s.run('team.create', { name: 'پشتیبانی', timeZone: 'Asia/Tehran', locale: 'fa-IR', currency: 'IRR', country: 'IR' });
    const year = s.run('holiday.list', { teamId: t.id, year: 2026 });
    const on = (day: string) => year.filter((h) => h.day === day).map((h) => h.estimated);
    // Eid al-Fitr (1 Shawwal) and Arbaeen (20 Safar) follow the moon; Nowruz and 22 Bahman the sun.
    // 20 March is also the oil industry's day (29 Esfand), so that day is off whatever the moon does.
    expect([on('2026-03-20'), on('2026-08-03'), on('2026-03-22'), on('2026-02-11')]).toEqual([[false], [true], [false], [false]]);
    expect(year.filter((h) => h.estimated).length).toBeGreaterThanOrEqual(12);
  });
});

describe('every place that uses holidays uses the adjusted list', () => {
  it('leave balances: a removed holiday costs a day, an added one none, a half one half', () => {
    const { s, t, anna, vacation } = warsaw();
    s.run('absence.setAllowance', { personId: anna.id, typeId: vacation, year: 2026, amount: 20 });
    // Monday 9 to Friday 13 November, with Independence Day on Wednesday: four days.
    s.run('absence.create', { teamId: t.id, personId: anna.id, typeId: vacation, start: '2026-11-09', end: '2026-11-13', status: 'approved' });
    const planned = () => s.run('absence.balance', { personId: anna.id, asOf: '2026-11-01' })[0]?.planned;
    expect(planned()).toBe(4);
    s.run('holiday.add', { teamId: t.id, day: '2026-11-10', name: 'Dzień firmy' });
    expect(planned()).toBe(3);
    s.run('holiday.setHalf', { teamId: t.id, day: '2026-11-10', source: 'team', half: true });
    expect(planned()).toBe(3.5);
    s.run('holiday.remove', { teamId: t.id, day: '2026-11-11', source: 'public' });
    expect(planned()).toBe(4.5);
    s.run('holiday.restore', { teamId: t.id, day: '2026-11-11' });
    s.run('holiday.move', { teamId: t.id, day: '2026-11-11', source: 'public', to: '2026-11-14' });
    // Moved onto Saturday: Wednesday is a working day again.
    expect(planned()).toBe(4.5);
  });

  it('costs: the holiday premium on a team day, from noon on a half day, none on a removed day; the rota header shows the list', () => {
    const { s, t, anna } = warsaw();
    s.run('template.create', { teamId: t.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:00', breakMinutes: 0, skill: 'phone' });
    // Tuesday 10 and Wednesday 11 November (Independence Day).
    s.run('shift.setCells', { teamId: t.id, entries: ['2026-11-10', '2026-11-11'].map((day) => ({ personId: anna.id, day, value: { code: 'E' } })) });
    const cost = (day: string) => s.run('roster.costs', { teamId: t.id, from: day, to: day, by: 'week' }).find((r) => r.personId === anna.id)?.cost;
    const header = () => s.run('roster.week', { teamId: t.id, weekStart: '2026-11-09' }).days.slice(1, 3);
    expect([cost('2026-11-10'), cost('2026-11-11')]).toEqual([800, 1600]);
    expect(header()).toEqual([
      { day: '2026-11-10', holiday: null, halfHoliday: false },
      { day: '2026-11-11', holiday: 'Narodowe Święto Niepodległości', halfHoliday: false },
    ]);
    s.run('holiday.add', { teamId: t.id, day: '2026-11-10', name: 'Dzień firmy', half: true });
    s.run('holiday.remove', { teamId: t.id, day: '2026-11-11', source: 'public' });
    // 07:00–12:00 at the normal rate, 12:00–15:00 at twice it.
    expect([cost('2026-11-10'), cost('2026-11-11')]).toEqual([500 + 600, 800]);
    expect(header()).toEqual([
      { day: '2026-11-10', holiday: 'Dzień firmy', halfHoliday: true },
      { day: '2026-11-11', holiday: null, halfHoliday: false },
    ]);
    s.run('holiday.setHalf', { teamId: t.id, day: '2026-11-10', source: 'team', half: false });
    expect(cost('2026-11-10')).toBe(1600);
  });

  it('on-call: a layer that skips holidays passes over the team day, and no longer over a removed one', () => {
    const s = freshService();
    const t = s.run('team.create', { name: 'Destek', timeZone: 'Europe/Istanbul', country: 'TR', currency: 'TRY' });
    const [ayse, mehmet] = ['Ayşe Yılmaz', 'Mehmet Kaya'].map((name) => s.run('person.create', { teamId: t.id, name }).id) as [number, number];
    s.run('rotation.create', { teamId: t.id, name: 'Nöbet', layers: [{ name: 'Days', participants: [ayse, mehmet], turnUnit: 'days', turnLength: 1, startDay: '2026-10-26', handoffTime: '09:00', skipHolidays: true }] });
    const onAt = (local: string) => s.run('oncall.schedule', { teamId: t.id, from: '2026-10-26', to: '2026-11-08' }).find((b) => b.start <= `${local}:00+03:00` && `${local}:00+03:00` < b.end)?.person.split(' ')[0];
    // Mehmet keeps Polish holidays; the team's list is Ayşe's. Republic Day (29 October) is hers: Mehmet covers her turn.
    s.run('person.update', { id: mehmet, holidayCountry: 'PL' });
    const october = ['2026-10-28T12:00', '2026-10-29T12:00'];
    const november = ['2026-11-04T12:00', '2026-11-05T12:00'];
    expect([...october, ...november].map(onAt)).toEqual(['Mehmet', 'Mehmet', 'Mehmet', 'Ayşe']);
    const holidays = () => s.run('oncall.fairness', { teamId: t.id, from: '2026-10-26', to: '2026-11-08' }).reduce((a, f) => a + f.holidays, 0);
    expect(holidays()).toBe(1);
    // Removed from the team's list, it no longer moves anyone; a half company day on 5 November does.
    s.run('holiday.remove', { teamId: t.id, day: '2026-10-29', source: 'public' });
    expect([...october, ...november].map(onAt)).toEqual(['Ayşe', 'Mehmet', 'Mehmet', 'Ayşe']);
    expect(holidays()).toBe(0);
    s.run('holiday.add', { teamId: t.id, day: '2026-11-05', name: 'Şirket günü', half: true });
    expect(november.map(onAt)).toEqual(['Mehmet', 'Mehmet']);
    expect(holidays()).toBe(1);
  });

  it('opening hours close on a team day but stay open on a removed day and on a half day; the forecast treats a team day as a holiday', () => {
    const s = freshService();
    const t = s.run('demo.create', {});
    const weekdays = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, windows: weekday <= 5 ? [{ openLocal: '08:00', closeLocal: '20:00' }] : [] }));
    s.run('staffing.setOpeningHours', { teamId: t.id, channel: 'phone', weekdays, closedOnHolidays: true });
    const open = (day: string) => s.run('coverage.range', { teamId: t.id, channel: 'phone', from: day, to: day }).intervals.find((x) => x.start.startsWith(`${day}T10:00`))?.open;
    // Republic Day, Thursday 29 October; Friday 30 October and Tuesday 24 November are ordinary days.
    expect([open('2026-10-29'), open('2026-10-30')]).toEqual([false, true]);
    s.run('holiday.remove', { teamId: t.id, day: '2026-10-29', source: 'public' });
    s.run('holiday.add', { teamId: t.id, day: '2026-10-30', name: 'Köprü günü' });
    expect([open('2026-10-29'), open('2026-10-30')]).toEqual([true, false]);
    s.run('holiday.setHalf', { teamId: t.id, day: '2026-10-30', source: 'team', half: true });
    expect(open('2026-10-30')).toBe(true);

    const tuesday = () => s.run('forecast.run', { teamId: t.id, channel: 'chat', from: '2026-11-23', weeks: 1, intervalMinutes: 60 }).points.filter((p) => p.start.startsWith('2026-11-24')).reduce((a, p) => a + p.volume, 0);
    const normal = tuesday();
    s.run('holiday.add', { teamId: t.id, day: '2026-11-24', name: 'Şirket günü' });
    expect(tuesday()).toBeLessThan(normal * 0.8);
    s.run('holiday.setHalf', { teamId: t.id, day: '2026-11-24', source: 'team', half: true });
    expect(tuesday()).toBeCloseTo(normal, 5);
  });
});

describe('importing holidays', () => {
  it("reads a file's bytes in the team locale's code page: Windows-1250 Polish, and a wrong UTF-8 claim refused", () => {
    const { s, t } = warsaw();
    // "Dzień Łódzki" in Windows-1250: ń = 0xF1, Ł = 0xA3; not valid UTF-8.
    const bytes = Buffer.concat([Buffer.from('2026-12-30,Dzie'), Buffer.from([0xf1]), Buffer.from(' '), Buffer.from([0xa3]), Buffer.from('odzki\r\n')]);
    expect(s.call('holiday.import', { teamId: t.id, format: 'csv', bytes: bytes.toString('base64'), encoding: 'utf-8' }).ok).toBe(false);
    expect(listOf(s, t.id, '2026-12-30', '2026-12-30')).toEqual([]);
    expect(s.run('holiday.import', { teamId: t.id, format: 'csv', bytes: bytes.toString('base64') })).toEqual({ added: 1, skipped: [] });
    expect(listOf(s, t.id, '2026-12-30', '2026-12-30')).toEqual(['2026-12-30 Dzień Łodzki team']);
  });

  it('reads a CSV (comma or semicolon, optional header, half marks), skipping days that already are holidays', () => {
    const { s, t } = warsaw();
    const csv = 'day,name,half\r\n2026-12-31,Sylwester,half\r\n2026-11-11,Duplicate of a public day\r\n"2026-05-04","Most, majówka",\r\n';
    expect(s.run('holiday.import', { teamId: t.id, format: 'csv', text: csv })).toEqual({ added: 2, skipped: [{ line: 3, day: '2026-11-11', reason: 'already a holiday: Narodowe Święto Niepodległości' }] });
    expect(listOf(s, t.id, '2026-05-04', '2026-05-04')).toEqual(['2026-05-04 Most, majówka team']);
    expect(listOf(s, t.id, '2026-12-31', '2026-12-31')).toEqual(['2026-12-31 Sylwester team half']);
    s.run('holiday.import', { teamId: t.id, format: 'csv', text: '2027-01-02;Dzień firmy\n' });
    expect(listOf(s, t.id, '2027-01-02', '2027-01-02')).toEqual(['2027-01-02 Dzień firmy team']);
    // One step: undo takes the whole file back.
    s.run('history.undo', {});
    expect(listOf(s, t.id, '2027-01-02', '2027-01-02')).toEqual([]);
  });

  it('reads an iCalendar file: all-day events, several days each, folded lines and escapes', () => {
    const { s, t } = warsaw();
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:a@example.com',
      'DTSTART;VALUE=DATE:20261228',
      'DTEND;VALUE=DATE:20261231',
      'SUMMARY:Przerwa świąteczna\\, biuro',
      '  zamknięte',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20261225',
      'SUMMARY:Boże Narodzenie',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const r = s.run('holiday.import', { teamId: t.id, format: 'ics', text: ics });
    expect(r.added).toBe(3);
    expect(r.skipped.map((x) => x.day)).toEqual(['2026-12-25']);
    expect(listOf(s, t.id, '2026-12-28', '2026-12-31')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30'].map((d) => `${d} Przerwa świąteczna, biuro zamknięte team`));
  });

  it('refuses a bad file whole, naming each bad line, and writes nothing', () => {
    const { s, t } = warsaw();
    const csv = 'day,name,half\n2026-12-31,Sylwester\n31.12.2026,Zły format\n2026-12-30,,\n2026-12-29,Coś,maybe\n';
    const r = s.call('holiday.import', { teamId: t.id, format: 'csv', text: csv });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'import_invalid', lines: [{ line: 3, column: 'day' }, { line: 4, column: 'name' }, { line: 5, column: 'half' }] });
    const timed = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART:20261224T090000Z', 'SUMMARY:Wigilia', 'END:VEVENT', 'END:VCALENDAR'].join('\n');
    const r2 = s.call('holiday.import', { teamId: t.id, format: 'ics', text: timed });
    expect(r2.ok ? null : r2.error).toMatchObject({ code: 'import_invalid', lines: [{ line: 3, column: 'dtstart', message: expect.stringMatching(/only all-day/) }] });
    const r3 = s.call('holiday.import', { teamId: t.id, format: 'ics', text: 'day,name\n2026-12-31,x\n' });
    expect(r3.ok ? null : r3.error).toMatchObject({ code: 'import_invalid', message: expect.stringMatching(/not an iCalendar file/) });
    expect(s.planner.db.prepare('SELECT count(*) FROM team_holiday').pluck().get()).toBe(0);
  });
});
