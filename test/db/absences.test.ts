import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openPlanner } from '../../db/open';
import { MIGRATIONS } from '../../db/migrations/index';
import { createService } from '../../db/service';
import { dataHash } from '../helpers/dbhash';
import { FIXED_NOW, freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';

/** A Warsaw team (Saturday–Sunday weekend) with three people and a day template on the phone. */
function team() {
  const s = freshService();
  const t = s.run('team.create', { name: 'Wsparcie', timeZone: 'Europe/Warsaw', locale: 'pl-PL', country: 'PL', currency: 'PLN' });
  const ids = [
    s.run('person.create', { teamId: t.id, name: 'Łukasz Nowak', email: 'lukasz@example.com', skills: ['phone'], contractHoursPerWeek: 40 }).id,
    s.run('person.create', { teamId: t.id, name: 'Agnieszka Wójcik', skills: ['phone', 'chat'], contractHoursPerWeek: 40 }).id,
    s.run('person.create', { teamId: t.id, name: 'Piotr Zieliński', skills: ['phone'], contractHoursPerWeek: 40 }).id,
  ] as [number, number, number];
  s.run('template.create', { teamId: t.id, code: 'D', name: 'Day', startLocal: '09:00', endLocal: '17:00', breakMinutes: 30, skill: 'phone' });
  const types = s.run('absenceType.list', { teamId: t.id });
  const type = (key: string) => types.find((x) => x.key === key)?.id ?? 0;
  return { s, t, ids, type };
}

describe('absence types', () => {
  it('a new team gets the six default types named in its language, with colour, paid and allowance flags', () => {
    const { s, t } = team();
    const types = s.run('absenceType.list', { teamId: t.id });
    expect(types.map((x) => [x.key, x.name, x.paid, x.countsAgainstAllowance])).toEqual([
      ['vacation', 'Urlop wypoczynkowy', true, true],
      ['sick', 'Zwolnienie lekarskie', true, false],
      ['training', 'Szkolenie', true, false],
      ['parental', 'Urlop rodzicielski', true, false],
      ['unpaid', 'Urlop bezpłatny', false, false],
      ['other', 'Inne', false, false],
    ]);
    const own = s.run('absenceType.create', { teamId: t.id, name: 'Krwiodawstwo', color: '#aa0000', paid: true });
    expect(own).toMatchObject({ key: null, name: 'Krwiodawstwo', countsAgainstAllowance: false });
    expect(s.call('absenceType.create', { teamId: t.id, name: 'krwiodawstwo' })).toMatchObject({ ok: false, error: { code: 'duplicate_name' } });
  });

  it('a schema-1 planner file is migrated: every team gets the default types in English, nothing else changes', () => {
    const file = tempFile();
    const v1 = openPlanner(file, { migrations: MIGRATIONS.slice(0, 1) });
    v1.db.prepare("INSERT INTO team (name, time_zone, locale, week_start, country, currency, skills, created_at) VALUES ('Destek', 'Europe/Istanbul', 'tr-TR', 'mon', 'TR', 'TRY', '[\"phone\"]', '2026-01-01T00:00:00Z')").run();
    v1.db.prepare("INSERT INTO person (team_id, name, color, contract_hours, hourly_rate, created_at, updated_at) VALUES (1, 'Ayşe', '#123456', 40, 100, 'x', 'x')").run();
    v1.db.close();
    const s = createService(openPlanner(file), { appVersion: 'test', now: () => FIXED_NOW });
    expect(s.planner.schemaVersion).toBe(MIGRATIONS.length);
    expect(s.planner.backupPath && fs.existsSync(s.planner.backupPath)).toBe(true);
    expect(s.run('absenceType.list', { teamId: 1 }).map((x) => x.name)).toEqual(['Vacation', 'Sick', 'Training', 'Parental leave', 'Unpaid leave', 'Other']);
    expect(s.run('person.list', { teamId: 1 }).map((p) => p.name)).toEqual(['Ayşe']);
    s.close();
    const backup = new Database(s.planner.backupPath ?? '', { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
  });
});

describe('absences', () => {
  it('request → approve: the balance goes down, the history shows who did what, decided ones cannot be edited', () => {
    const { s, t, ids, type } = team();
    s.run('absence.setAllowance', { personId: ids[0], typeId: type('vacation'), year: 2026, amount: 26, carryOver: 2 });
    const before = s.run('absence.balance', { personId: ids[0], asOf: '2026-11-22' });
    expect(before).toEqual([expect.objectContaining({ typeName: 'Urlop wypoczynkowy', allowance: 26, carryOver: 2, taken: 0, planned: 0, requested: 0, left: 28 })]);

    // Monday 7 to Sunday 13 December: five working days.
    const { absence, warnings } = s.run('absence.create', { teamId: t.id, personId: ids[0], typeId: type('vacation'), start: '2026-12-07', end: '2026-12-13', note: 'Zakopane' });
    expect(absence).toMatchObject({ status: 'requested', personName: 'Łukasz Nowak', typeName: 'Urlop wypoczynkowy' });
    expect(warnings).toEqual([]);
    expect(s.run('absence.balance', { personId: ids[0], asOf: '2026-11-22' })[0]).toMatchObject({ requested: 5, left: 28 });

    const approved = s.run('absence.setStatus', { id: absence.id, status: 'approved' });
    expect(approved.absence.status).toBe('approved');
    expect(s.run('absence.balance', { personId: ids[0], asOf: '2026-11-22' })[0]).toMatchObject({ taken: 0, planned: 5, requested: 0, left: 23 });
    expect(s.run('absence.balance', { personId: ids[0], asOf: '2026-12-31' })[0]).toMatchObject({ taken: 5, planned: 0, left: 23 });

    expect(s.run('absence.update', { id: absence.id, end: '2026-12-11', note: 'Zakopane, krócej' }).absence.end).toBe('2026-12-11');
    const history = s.run('absence.history', { personId: ids[0] });
    expect(history.map((h) => h.action)).toEqual(['edited', 'approved', 'created']);
    expect(history[0]?.changes).toEqual([
      { field: 'end', from: '2026-12-13', to: '2026-12-11' },
      { field: 'note', from: 'Zakopane', to: 'Zakopane, krócej' },
    ]);
    expect(history[1]).toMatchObject({ actor: expect.any(String), changes: [{ field: 'status', from: 'requested', to: 'approved' }], absence: 'Urlop wypoczynkowy 2026-12-07–2026-12-11' });

    expect(s.call('absence.setStatus', { id: absence.id, status: 'rejected' })).toMatchObject({ ok: false, error: { code: 'invalid_status', path: ['status'] } });
    s.run('absence.setStatus', { id: absence.id, status: 'cancelled' });
    expect(s.call('absence.update', { id: absence.id, note: 'x' })).toMatchObject({ ok: false, error: { code: 'decided' } });
    expect(s.run('absence.balance', { personId: ids[0], asOf: '2026-11-22' })[0]).toMatchObject({ left: 28 });
    // Undo walks back through the cancellation, the edit and the approval.
    s.run('history.undo', {});
    s.run('history.undo', {});
    expect(s.run('absence.list', { teamId: t.id, from: '2026-12-01', to: '2026-12-31' })[0]).toMatchObject({ status: 'approved', end: '2026-12-13' });
  });

  it('a request beyond the balance is warned about, with the numbers', () => {
    const { s, t, ids, type } = team();
    s.run('absence.setAllowance', { personId: ids[1], typeId: type('vacation'), year: 2026, amount: 3 });
    const { warnings } = s.run('absence.create', { teamId: t.id, personId: ids[1], typeId: type('vacation'), start: '2026-12-07', end: '2026-12-11' });
    expect(warnings).toEqual([expect.objectContaining({ code: 'over_balance', params: expect.objectContaining({ left: 3, amount: 5, year: 2026, unit: 'days' }) })]);
    expect(warnings[0]?.message).toBe('Agnieszka Wójcik has 3 days of Urlop wypoczynkowy left in 2026; this uses 5');
  });

  it('an approved absence leaves its shifts uncovered: marked in the week, listed, out of the channel count, and a rule problem', () => {
    const { s, t, ids, type } = team();
    s.run('shift.setCells', { teamId: t.id, entries: ids.map((personId) => ({ personId, day: '2026-12-08', value: { code: 'D' } })) });
    const sick = s.run('absence.create', { teamId: t.id, personId: ids[2], typeId: type('sick'), start: '2026-12-08', end: '2026-12-09', status: 'approved' });
    expect(sick.warnings).toEqual([expect.objectContaining({ code: 'uncovered_shifts', params: expect.objectContaining({ count: 1 }) })]);

    const week = s.run('roster.week', { teamId: t.id, weekStart: '2026-12-07' });
    const piotrs = week.shifts.find((x) => x.personId === ids[2]);
    expect(week.uncovered).toEqual([piotrs?.id]);
    expect(week.absences.filter((a) => a.personId === ids[2]).map((a) => [a.day, a.status])).toEqual([
      ['2026-12-08', 'approved'],
      ['2026-12-09', 'approved'],
    ]);
    expect(week.coverage).toEqual([{ day: '2026-12-08', channel: 'phone', people: 2 }]);
    expect(week.violations.filter((v) => v.rule === 'absence').map((v) => [v.personName, v.day])).toEqual([['Piotr Zieliński', '2026-12-08']]);
    expect(s.run('absence.conflicts', { teamId: t.id, from: '2026-12-01', to: '2026-12-31' })).toEqual([
      expect.objectContaining({ personName: 'Piotr Zieliński', day: '2026-12-08', startLocal: '09:00', endLocal: '17:00', skill: 'phone', typeName: 'Zwolnienie lekarskie' }),
    ]);
    expect(s.run('absence.day', { teamId: t.id, day: '2026-12-08' })).toEqual({
      day: '2026-12-08',
      away: [expect.objectContaining({ personName: 'Piotr Zieliński', status: 'approved', hours: null })],
      channels: [
        { channel: 'phone', scheduled: 3, remaining: 2 },
        { channel: 'chat', scheduled: 0, remaining: 0 },
        { channel: 'email', scheduled: 0, remaining: 0 },
      ],
    });
    // A request alone does not uncover anything yet.
    s.run('absence.create', { teamId: t.id, personId: ids[0], typeId: type('vacation'), start: '2026-12-08', end: '2026-12-08' });
    expect(s.run('roster.week', { teamId: t.id, weekStart: '2026-12-07' }).uncovered).toHaveLength(1);
  });

  it('warns on approval when more people than the team or a skill allows would be away at once', () => {
    const { s, t, ids, type } = team();
    s.run('team.update', { id: t.id, rules: { maxAway: 2, maxAwayBySkill: { chat: 1 } } });
    expect(s.call('team.update', { id: t.id, rules: { maxAwayBySkill: { video: 1 } } })).toMatchObject({ ok: false, error: { code: 'unknown_skill', path: ['rules', 'maxAwayBySkill', 'video'] } });
    const make = (personId: number) => s.run('absence.create', { teamId: t.id, personId, typeId: type('training'), start: '2026-12-10', end: '2026-12-11' });
    const a = make(ids[0]);
    const b = make(ids[1]);
    const c = make(ids[2]);
    expect(s.run('absence.setStatus', { id: a.absence.id, status: 'approved' }).warnings).toEqual([]);
    expect(s.run('absence.setStatus', { id: b.absence.id, status: 'approved' }).warnings).toEqual([]);
    expect(s.run('absence.setStatus', { id: c.absence.id, status: 'approved' }).warnings).toEqual([
      expect.objectContaining({ code: 'max_away', message: '3 people are away on 2026-12-10 (at most 2)' }),
    ]);
    const d = s.run('absence.create', { teamId: t.id, personId: ids[1], typeId: type('other'), start: '2026-12-14', end: '2026-12-14' });
    s.run('team.update', { id: t.id, rules: { maxAwayBySkill: { chat: 1, phone: 1 } } });
    expect(s.run('absence.setStatus', { id: d.absence.id, status: 'approved' }).warnings).toEqual([]);
  });

  it('refuses overlaps, days outside employment and bad input, changing nothing', () => {
    const { s, t, ids, type } = team();
    s.run('absence.create', { teamId: t.id, personId: ids[0], typeId: type('vacation'), start: '2026-12-07', end: '2026-12-09' });
    s.run('person.update', { id: ids[1], employmentEnd: '2026-12-31' });
    const hash = dataHash(s.planner.db);
    const tries: [Parameters<typeof s.dispatch>[1], string, (string | number)[]][] = [
      [{ teamId: t.id, personId: ids[0], typeId: type('sick'), start: '2026-12-09', end: '2026-12-10' }, 'absence_overlap', ['start']],
      [{ teamId: t.id, personId: ids[1], typeId: type('sick'), start: '2026-12-30', end: '2027-01-02' }, 'outside_employment', ['end']],
      [{ teamId: t.id, personId: ids[1], typeId: type('sick'), start: '2026-12-10', end: '2026-12-01' }, 'reversed_range', ['end']],
      [{ teamId: t.id, personId: ids[1], typeId: type('sick'), start: '2026-02-30', end: '2026-03-01' }, 'invalid_date', ['start']],
      [{ teamId: t.id, personId: ids[1], typeId: type('sick'), start: '2026-12-01', end: '2026-12-01', hours: 25 }, 'too_big', ['hours']],
      [{ teamId: t.id, personId: ids[1], typeId: 99999, start: '2026-12-01', end: '2026-12-01' }, 'not_found', ['typeId']],
      [{ teamId: t.id, personId: ids[1], typeId: type('sick'), start: '2026-12-01', end: '2026-12-01', status: 'cancelled' }, 'invalid_value', ['status']],
      [{ teamId: t.id, personId: ids[1], typeId: type('sick'), start: '2026-12-01', end: '2026-12-01', __proto__: { x: 1 }, extra: 1 }, 'unknown_field', []],
    ];
    for (const [input, code, path] of tries) {
      const r = s.dispatch('absence.create', input);
      expect(r.ok ? 'accepted' : r.error.code, JSON.stringify(input)).toBe(code);
      if (!r.ok && path.length) expect(r.error.path).toEqual(path);
    }
    expect(dataHash(s.planner.db)).toBe(hash);
    expect(s.call('person.delete', { id: ids[0] })).toMatchObject({ ok: false, error: { code: 'has_absences' } });
  });

  it('reports the absence rate, sick days, spells and Bradford factor per person and for the team', () => {
    const { s, t, ids, type } = team();
    // December 2026 in Poland: 23 weekdays less Christmas Eve and Christmas Day (public holidays since 2025) = 21 working days.
    const add = (personId: number, key: string, start: string, end: string) => s.run('absence.create', { teamId: t.id, personId, typeId: type(key), start, end, status: 'approved' });
    add(ids[0], 'sick', '2026-12-04', '2026-12-04'); // Friday
    add(ids[0], 'sick', '2026-12-07', '2026-12-08'); // Monday–Tuesday: the same spell as Friday
    add(ids[0], 'sick', '2026-12-10', '2026-12-10'); // Thursday: a new spell
    add(ids[0], 'vacation', '2026-12-21', '2026-12-24'); // planned leave: not in the rate
    add(ids[1], 'training', '2026-12-14', '2026-12-15');
    const stats = s.run('absence.stats', { teamId: t.id, from: '2026-12-01', to: '2026-12-31' });
    const row = (name: string) => stats.find((r) => r.personName === name);
    expect(row('Łukasz Nowak')).toEqual({ personId: ids[0], personName: 'Łukasz Nowak', fte: 1, workingDays: 21, absentDays: 4, rate: 0.1905, sickDays: 4, sickSpells: 2, bradford: 16 });
    expect(row('Agnieszka Wójcik')).toMatchObject({ absentDays: 2, sickDays: 0, bradford: 0 });
    expect(row('Wsparcie')).toEqual({ personId: null, personName: 'Wsparcie', fte: 3, workingDays: 63, absentDays: 6, rate: 0.0952, sickDays: 4, sickSpells: 2, bradford: 16 });
  });

  it('skips an on-call turn of someone on approved leave; they take the next free turn, so totals stay fair', () => {
    const { s, t, ids, type } = team();
    s.run('rotation.create', { teamId: t.id, name: 'Dyżur', layers: [{ name: 'Weeks', participants: ids, turnUnit: 'weeks', turnLength: 1, startDay: '2026-11-30', handoffTime: '09:00' }] });
    const whoOn = (day: string) => s.run('oncall.schedule', { teamId: t.id, from: day, to: day }).map((b) => b.person).at(-1);
    const weeks = ['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22'];
    expect(weeks.map(whoOn)).toEqual(['Łukasz Nowak', 'Agnieszka Wójcik', 'Piotr Zieliński', 'Łukasz Nowak']);
    // Agnieszka asks for the week of the 7th: a request changes nothing, the approval does.
    const leave = s.run('absence.create', { teamId: t.id, personId: ids[1], typeId: type('vacation'), start: '2026-12-09', end: '2026-12-10' });
    expect(weeks.map(whoOn)).toEqual(['Łukasz Nowak', 'Agnieszka Wójcik', 'Piotr Zieliński', 'Łukasz Nowak']);
    s.run('absence.setStatus', { id: leave.absence.id, status: 'approved' });
    expect(weeks.map(whoOn)).toEqual(['Łukasz Nowak', 'Piotr Zieliński', 'Agnieszka Wójcik', 'Łukasz Nowak']);
    const fair = s.run('oncall.fairness', { teamId: t.id, from: '2026-12-07', to: '2026-12-27' });
    expect(fair.map((r) => r.hours).sort()).toEqual([168, 168, 168]);
  });
});

describe('absence import', () => {
  const header = 'person,type,start,end,hours,status';

  it('imports all rows (status defaults to approved), matching people by email or name and types by key or name', () => {
    const { s, t, ids } = team();
    const csv = [
      'person,type,start,end,hours,status,note',
      'lukasz@example.com,vacation,2026-12-07,2026-12-11,,,Narty',
      'agnieszka wojcik,Zwolnienie lekarskie,2026-12-08,2026-12-08,4,requested,',
      '"Piotr Zieliński",training,2026-12-14,2026-12-15,,approved,"Kurs, dzień 1; dzień 2"',
    ].join('\n');
    expect(s.run('absence.import', { teamId: t.id, csv })).toEqual({ created: 3 });
    const list = s.run('absence.list', { teamId: t.id, from: '2026-12-01', to: '2026-12-31' });
    expect(list.map((a) => [a.personId, a.typeKey, a.start, a.end, a.hours, a.status, a.note])).toEqual([
      [ids[0], 'vacation', '2026-12-07', '2026-12-11', null, 'approved', 'Narty'],
      [ids[1], 'sick', '2026-12-08', '2026-12-08', 4, 'requested', ''],
      [ids[2], 'training', '2026-12-14', '2026-12-15', null, 'approved', 'Kurs, dzień 1; dzień 2'],
    ]);
    expect(s.run('absence.history', { personId: ids[0] }).map((h) => h.action)).toEqual(['imported']);
    // The same file again: every line clashes with what is there, so nothing is added.
    const again = s.call('absence.import', { teamId: t.id, csv });
    expect(again.ok ? [] : again.error.lines?.map((l) => l.line)).toEqual([2, 3, 4]);
  });

  it('refuses the whole file on any bad line, naming every one with its number, and writes nothing', () => {
    const { s, t } = team();
    const hash = dataHash(s.planner.db);
    const csv = [
      header,
      'lukasz@example.com,vacation,2026-12-07,2026-12-11,,',
      'nobody@example.com,vacation,2026-12-07,2026-12-11,,',
      'Agnieszka Wójcik,holiday,2026-12-07,2026-12-11,,',
      'Piotr Zieliński,sick,2026-02-30,2026-12-11,,',
      'Piotr Zieliński,sick,2026-12-11,2026-12-01,,',
      'Piotr Zieliński,sick,2026-12-14,2026-12-14,30,',
      'Piotr Zieliński,sick,2026-12-15,2026-12-15,,maybe',
      'lukasz@example.com,sick,2026-12-10,2026-12-10,,',
      'too,few',
    ].join('\r\n');
    const r = s.call('absence.import', { teamId: t.id, csv });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('import_invalid');
    expect(r.error.lines?.map((l) => [l.line, l.column ?? null])).toEqual([
      [3, 'person'],
      [4, 'type'],
      [5, 'start'],
      [6, 'end'],
      [7, 'hours'],
      [8, 'status'],
      [9, 'start'],
      [10, null],
    ]);
    expect(r.error.lines?.[6]?.message).toContain('on line 2');
    expect(dataHash(s.planner.db)).toBe(hash);
    expect(s.call('absence.import', { teamId: t.id, csv: 'who,when\nx,y' })).toMatchObject({ ok: false, error: { code: 'import_invalid' } });
    expect(s.call('absence.import', { teamId: t.id, csv: '' })).toMatchObject({ ok: false, error: { code: 'empty_file' } });
  });
});

describe('requests waiting for a decision', () => {
  it('lists every waiting request of the team whatever its dates, soonest first, and drops one once decided', () => {
    const { s, t, ids, type } = team();
    const ask = (personId: number, start: string, end: string, status: 'requested' | 'approved' = 'requested') =>
      s.run('absence.create', { teamId: t.id, personId, typeId: type('vacation'), start, end, hours: null, note: '', status }).absence.id;
    const december = ask(ids[0], '2026-12-21', '2026-12-23');
    const november = ask(ids[1], '2026-11-26', '2026-11-26');
    const next = ask(ids[2], '2027-02-01', '2027-02-05');
    ask(ids[2], '2026-11-30', '2026-11-30', 'approved');
    const other = s.run('team.create', { name: 'Destek', timeZone: 'Europe/Istanbul' });
    const mehmet = s.run('person.create', { teamId: other.id, name: 'Mehmet Kaya', skills: ['phone'] });
    s.run('absence.create', { teamId: other.id, personId: mehmet.id, typeId: s.run('absenceType.list', { teamId: other.id })[0]?.id ?? 0, start: '2026-12-01', end: '2026-12-01', hours: null, note: '' });

    expect(s.run('absence.waiting', { teamId: t.id }).map((a) => a.id)).toEqual([november, december, next]);
    s.run('absence.setStatus', { id: december, status: 'approved' });
    s.run('absence.setStatus', { id: next, status: 'rejected' });
    expect(s.run('absence.waiting', { teamId: t.id }).map((a) => [a.personName, a.start, a.status])).toEqual([['Agnieszka Wójcik', '2026-11-26', 'requested']]);
  });
});
