import { describe, expect, it } from 'vitest';
import { dataHash } from '../helpers/dbhash';
import { freshService } from '../helpers/service';

function warsawTeam() {
  const s = freshService();
  const team = s.run('team.create', { name: 'Wsparcie', timeZone: 'Europe/Warsaw', locale: 'pl-PL', currency: 'PLN', country: 'PL' });
  const anna = s.run('person.create', { teamId: team.id, name: 'Anna Nowak', skills: ['phone'] });
  const piotr = s.run('person.create', { teamId: team.id, name: 'Piotr Wiśniewski', skills: ['chat'] });
  for (const t of [
    { code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:00', breakMinutes: 30, skill: 'phone' },
    { code: 'L', name: 'Late', startLocal: '14:00', endLocal: '22:00', breakMinutes: 30, skill: 'phone' },
    { code: 'N', name: 'Night', startLocal: '22:00', endLocal: '06:00', breakMinutes: 0, skill: 'phone' },
  ]) {
    s.run('template.create', { teamId: team.id, ...t });
  }
  return { s, team, anna, piotr };
}

describe('shift templates', () => {
  it('are created, edited and archived; codes are unique per team', () => {
    const { s, team } = warsawTeam();
    expect(s.run('template.list', { teamId: team.id }).map((t) => t.code)).toEqual(['E', 'L', 'N']);
    const dup = s.call('template.create', { teamId: team.id, code: 'e', name: 'Another early', startLocal: '06:00', endLocal: '14:00' });
    expect(dup.ok ? null : dup.error).toMatchObject({ code: 'duplicate_code', path: ['code'] });
    const bad = s.call('template.create', { teamId: team.id, code: 'X', name: 'Bad', startLocal: '25:00', endLocal: '14:00' });
    expect(bad.ok ? null : bad.error.path).toEqual(['startLocal']);
    const fax = s.call('template.create', { teamId: team.id, code: 'F', name: 'Fax', startLocal: '08:00', endLocal: '16:00', skill: 'fax' });
    expect(fax.ok ? null : fax.error.code).toBe('unknown_skill');
    const early = s.run('template.list', { teamId: team.id })[0];
    expect(s.run('template.update', { id: early?.id ?? 0, startLocal: '06:30' }).startLocal).toBe('06:30');
    s.run('template.archive', { id: early?.id ?? 0 });
    expect(s.run('template.list', { teamId: team.id }).map((t) => t.code)).toEqual(['L', 'N']);
    // Its code is free again.
    expect(s.call('template.create', { teamId: team.id, code: 'E', name: 'New early', startLocal: '06:00', endLocal: '14:00' }).ok).toBe(true);
  });
});

describe('rota cells', () => {
  it('set a cell by code or custom times, replace it, clear it', () => {
    const { s, team, anna } = warsawTeam();
    const r = s.run('shift.setCells', { teamId: team.id, entries: [{ personId: anna.id, day: '2026-11-23', value: { code: 'e' } }] });
    expect(r.shifts[0]).toMatchObject({ code: 'E', day: '2026-11-23', start: '2026-11-23T07:00:00+01:00', end: '2026-11-23T15:00:00+01:00', paidMinutes: 450, skill: 'phone' });
    const custom = s.run('shift.setCells', { teamId: team.id, entries: [{ personId: anna.id, day: '2026-11-23', value: { startLocal: '09:00', endLocal: '13:30', breakMinutes: 0, skill: null } }] });
    expect(custom).toMatchObject({ removed: 1, shifts: [{ code: null, startLocal: '09:00', endLocal: '13:30', paidMinutes: 270 }] });
    s.run('shift.setCells', { teamId: team.id, entries: [{ personId: anna.id, day: '2026-11-23', value: null }] });
    expect(s.run('shift.list', { teamId: team.id, from: '2026-11-23', to: '2026-11-29' })).toEqual([]);
  });

  it('fills many cells in one undoable step', () => {
    const { s, team, anna, piotr } = warsawTeam();
    const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
    s.run('shift.setCells', { teamId: team.id, entries: [anna, piotr].flatMap((p) => days.map((day) => ({ personId: p.id, day, value: { code: 'L' } }))) });
    expect(s.run('shift.list', { teamId: team.id, from: '2026-11-23', to: '2026-11-29' })).toHaveLength(10);
    expect(s.run('history.state', {}).undoAction).toBe('shift.setCells');
    s.run('history.undo', {});
    expect(s.run('shift.list', { teamId: team.id, from: '2026-11-23', to: '2026-11-29' })).toHaveLength(0);
    s.run('history.redo', {});
    expect(s.run('shift.list', { teamId: team.id, from: '2026-11-23', to: '2026-11-29' })).toHaveLength(10);
  });

  it('refuses the whole change when one cell is wrong, naming it', () => {
    const { s, team, anna, piotr } = warsawTeam();
    const before = dataHash(s.planner.db);
    const r = s.call('shift.setCells', {
      teamId: team.id,
      entries: [
        { personId: anna.id, day: '2026-11-23', value: { code: 'E' } },
        { personId: piotr.id, day: '2026-11-23', value: { code: 'Q' } },
      ],
    });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'unknown_code', path: ['entries', 1, 'value', 'code'] });
    expect(r.ok ? '' : r.error.message).toContain('codes: E, L, N');
    for (const entries of [
      [{ personId: anna.id, day: '2026-02-30', value: { code: 'E' } }],
      [{ personId: 999, day: '2026-11-23', value: { code: 'E' } }],
      [
        { personId: anna.id, day: '2026-11-23', value: { code: 'E' } },
        { personId: anna.id, day: '2026-11-23', value: { code: 'L' } },
      ],
      [],
    ]) {
      expect(s.call('shift.setCells', { teamId: team.id, entries }).ok, JSON.stringify(entries)).toBe(false);
    }
    s.run('person.archive', { id: piotr.id });
    const archived = s.call('shift.setCells', { teamId: team.id, entries: [{ personId: piotr.id, day: '2026-11-23', value: { code: 'E' } }] });
    expect(archived.ok ? null : archived.error.code).toBe('archived');
    s.run('history.undo', {});
    expect(dataHash(s.planner.db)).toBe(before);
  });

  it('is DST-correct: a 22:00–06:00 night is 7 h over the spring change and 9 h over the autumn one', () => {
    const { s, team, anna } = warsawTeam();
    const r = s.run('shift.setCells', {
      teamId: team.id,
      entries: [
        { personId: anna.id, day: '2026-03-28', value: { code: 'N' } },
        { personId: anna.id, day: '2026-10-24', value: { code: 'N' } },
        { personId: anna.id, day: '2026-11-21', value: { code: 'N' } },
      ],
    });
    expect(r.shifts.map((x) => x.paidMinutes / 60)).toEqual([7, 9, 8]);
    expect(r.shifts[0]).toMatchObject({ start: '2026-03-28T22:00:00+01:00', end: '2026-03-29T06:00:00+02:00' });
  });
});

describe('copy and clear', () => {
  it('copies a week to the next weeks keeping local times across a DST change, replacing what was there', () => {
    const { s, team, anna, piotr } = warsawTeam();
    // The week of 2026-03-23 (Monday); the clocks change on Sunday 29 March.
    s.run('shift.setCells', {
      teamId: team.id,
      entries: [
        { personId: anna.id, day: '2026-03-23', value: { code: 'E' } },
        { personId: anna.id, day: '2026-03-24', value: { code: 'E' } },
        { personId: piotr.id, day: '2026-03-25', value: { code: 'L' } },
      ],
    });
    s.run('shift.setCells', { teamId: team.id, entries: [{ personId: anna.id, day: '2026-04-02', value: { code: 'N' } }] });
    const copied = s.run('shift.copyWeek', { teamId: team.id, weekStart: '2026-03-23', weeks: 2 });
    expect(copied).toEqual({ created: 6, removed: 1 });
    const next = s.run('shift.list', { teamId: team.id, from: '2026-03-30', to: '2026-04-05' });
    expect(next.map((x) => [x.day, x.code, x.start])).toEqual([
      ['2026-03-30', 'E', '2026-03-30T07:00:00+02:00'],
      ['2026-03-31', 'E', '2026-03-31T07:00:00+02:00'],
      ['2026-04-01', 'L', '2026-04-01T14:00:00+02:00'],
    ]);
    expect(s.call('shift.copyWeek', { teamId: team.id, weekStart: '2026-03-24', weeks: 1 }).ok).toBe(false);
    expect(s.run('shift.clearRange', { teamId: team.id, from: '2026-03-30', to: '2026-04-12', personIds: [anna.id] })).toEqual({ removed: 4 });
    expect(s.run('shift.list', { teamId: team.id, from: '2026-03-23', to: '2026-04-12' })).toHaveLength(5);
  });

  it('refuses reversed and oversized ranges', () => {
    const { s, team } = warsawTeam();
    const reversed = s.call('shift.list', { teamId: team.id, from: '2026-12-01', to: '2026-11-01' });
    expect(reversed.ok ? null : reversed.error.code).toBe('reversed_range');
    expect(s.call('shift.list', { teamId: team.id, from: '2020-01-01', to: '2026-01-01' }).ok).toBe(false);
  });

  it('a person with shifts can be archived but not deleted', () => {
    const { s, team, anna } = warsawTeam();
    s.run('shift.setCells', { teamId: team.id, entries: [{ personId: anna.id, day: '2026-11-23', value: { code: 'E' } }] });
    expect(s.call('person.delete', { id: anna.id }).ok).toBe(false);
    expect(s.run('person.archive', { id: anna.id }).archived).toBe(true);
  });
});

describe('public holidays and rule settings', () => {
  it('lists the team country holidays and checks holiday regions', () => {
    const { s, team } = warsawTeam();
    expect(s.run('holiday.list', { teamId: team.id, from: '2026-11-01', to: '2026-11-30' })).toEqual([
      { day: '2026-11-01', name: 'Wszystkich Świętych', source: 'public', half: false, estimated: false, removed: false },
      { day: '2026-11-11', name: 'Narodowe Święto Niepodległości', source: 'public', half: false, estimated: false, removed: false },
    ]);
    const bad = s.call('team.update', { id: team.id, rules: { holidayRegion: 'ZZ' } });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'unknown_region', path: ['rules', 'holidayRegion'] });
    const tehran = s.run('team.create', { name: 'Tehran', timeZone: 'Asia/Tehran', weekStart: 'sat', country: 'IR', currency: 'IRR', locale: 'fa-IR' });
    expect(tehran.rules).toMatchObject({ weekendDays: [5], minRestHours: 11, maxWeeklyHours: 48 });
    expect(s.run('holiday.list', { teamId: tehran.id, from: '2026-03-22', to: '2026-03-24' }).map((h) => h.name)).toEqual(['نوروز', 'نوروز', 'نوروز']);
  });

  it('applies a team\'s own limits to the check', () => {
    const { s, team, anna } = warsawTeam();
    s.run('shift.setCells', { teamId: team.id, entries: [{ personId: anna.id, day: '2026-11-23', value: { code: 'L' } }, { personId: anna.id, day: '2026-11-24', value: { code: 'E' } }] });
    const rest = () => s.run('roster.check', { teamId: team.id, from: '2026-11-23', to: '2026-11-29' }).filter((v) => v.rule === 'rest');
    expect(rest()).toHaveLength(1);
    s.run('team.update', { id: team.id, rules: { minRestHours: 9 } });
    expect(rest()).toHaveLength(0);
    expect(s.run('team.list', {})[0]?.rules.maxWeeklyHours).toBe(48);
  });
});

describe('the week view and labour cost', () => {
  it('gives the grid its shifts, hours and cost per person, coverage per channel, holidays and violations', () => {
    const { s, team, anna, piotr } = warsawTeam();
    s.run('person.update', { id: anna.id, hourlyRate: 40 });
    s.run('person.update', { id: piotr.id, hourlyRate: 30, skills: ['chat', 'phone'] });
    // Week of Monday 9 November 2026; Wednesday 11 November is Independence Day.
    s.run('shift.setCells', {
      teamId: team.id,
      entries: [
        { personId: anna.id, day: '2026-11-09', value: { code: 'E' } },
        { personId: anna.id, day: '2026-11-11', value: { code: 'E' } },
        { personId: piotr.id, day: '2026-11-09', value: { code: 'E' } },
        { personId: piotr.id, day: '2026-11-10', value: { code: 'L' } },
      ],
    });
    const week = s.run('roster.week', { teamId: team.id, weekStart: '2026-11-09' });
    expect(week.days.map((d) => d.holiday)).toEqual([null, null, 'Narodowe Święto Niepodległości', null, null, null, null]);
    const a = week.people.find((p) => p.id === anna.id);
    // Two 7.5 h early shifts, the holiday one at double pay: 7.5 × 40 + 7.5 × 80.
    expect(a).toMatchObject({ paidMinutes: 900, cost: 900, expectedMinutes: 40 * 60, leaveDays: 0, outsideEmploymentDays: 0 });
    const p = week.people.find((x) => x.id === piotr.id);
    // 07:00–15:00 and 14:00–22:00 (ends as the night window starts), 7.5 h each at 30.
    expect(p).toMatchObject({ paidMinutes: 900, cost: 450 });
    expect(week.coverage).toEqual(expect.arrayContaining([{ day: '2026-11-09', channel: 'phone', people: 2 }, { day: '2026-11-10', channel: 'phone', people: 1 }]));
    expect(week.totals).toEqual({ paidMinutes: 1800, expectedMinutes: 2 * 40 * 60, cost: 1350, standby: 0 });
    expect(week.currency).toBe('PLN');
    expect(week.violations.map((v) => v.rule)).toEqual(['contract_hours', 'contract_hours']);
    expect(s.call('roster.week', { teamId: team.id, weekStart: '2026-11-10' }).ok).toBe(false);

    const monthly = s.run('roster.costs', { teamId: team.id, from: '2026-11-01', to: '2026-11-30', by: 'month' });
    // November 2026 has 21 weekdays: a 40 h contract expects 21 × 8 h of it, whatever is planned.
    const month = 21 * 8 * 60;
    expect(monthly).toEqual([
      { period: '2026-11', personId: anna.id, personName: 'Anna Nowak', paidMinutes: 900, expectedMinutes: month, cost: 900, standby: 0 },
      { period: '2026-11', personId: piotr.id, personName: 'Piotr Wiśniewski', paidMinutes: 900, expectedMinutes: month, cost: 450, standby: 0 },
      { period: '2026-11', personId: null, personName: 'Wsparcie', paidMinutes: 1800, expectedMinutes: 2 * month, cost: 1350, standby: 0 },
    ]);
    // Every week touching the range has a line per person, planned or not; the cut first and last
    // weeks expect only their days inside it (Sunday 1 November: none; Monday 30 November: one).
    const weekly = s.run('roster.costs', { teamId: team.id, from: '2026-11-01', to: '2026-11-30' }).filter((r) => r.personId === anna.id);
    expect(weekly.map((r) => [r.period, r.paidMinutes, r.expectedMinutes])).toEqual([
      ['2026-10-26', 0, 0],
      ['2026-11-02', 0, 2400],
      ['2026-11-09', 900, 2400],
      ['2026-11-16', 0, 2400],
      ['2026-11-23', 0, 2400],
      ['2026-11-30', 0, 480],
    ]);
  });
});

describe('rotating patterns', () => {
  it('applies a saved pattern with a stagger in one undoable step, and asks before replacing', () => {
    const { s, team, anna, piotr } = warsawTeam();
    const pattern = s.run('pattern.create', { teamId: team.id, name: 'Two-week rotation', cycle: ['E', 'E', 'L', 'L', 'N', 'N', '-', '-'] });
    expect(s.run('pattern.list', { teamId: team.id }).map((p) => p.name)).toEqual(['Two-week rotation']);
    const applied = s.run('pattern.apply', { teamId: team.id, patternId: pattern.id, personIds: [anna.id, piotr.id], start: '2026-11-23', weeks: 2, stagger: 4 });
    // Offset 0: 6 + 6 working days in 14; offset 4 meets the two days off twice: 10.
    expect(applied).toEqual({ created: 22, removed: 0 });
    const first = s.run('shift.list', { teamId: team.id, from: '2026-11-23', to: '2026-11-26' });
    expect(first.filter((x) => x.personId === anna.id).map((x) => x.code)).toEqual(['E', 'E', 'L', 'L']);
    expect(first.filter((x) => x.personId === piotr.id).map((x) => x.code)).toEqual(['N', 'N']);

    const again = s.call('pattern.apply', { teamId: team.id, patternId: pattern.id, personIds: [anna.id], start: '2026-11-30', weeks: 1 });
    expect(again.ok ? null : again.error).toMatchObject({ code: 'would_replace', path: ['replace'] });
    expect(again.ok ? '' : again.error.message).toMatch(/^\d+ existing shift/);
    const replaced = s.run('pattern.apply', { teamId: team.id, cycle: ['L', '-'], personIds: [anna.id], start: '2026-11-30', weeks: 1, replace: true });
    expect(replaced.created).toBe(4);
    s.run('history.undo', {});
    s.run('history.undo', {});
    expect(s.run('shift.list', { teamId: team.id, from: '2026-11-23', to: '2026-12-06' })).toEqual([]);
  });

  it('refuses unknown codes in a cycle, naming the day', () => {
    const { s, team, anna } = warsawTeam();
    const r = s.call('pattern.create', { teamId: team.id, name: 'Bad', cycle: ['E', 'X', '-'] });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'unknown_code', path: ['cycle', 1] });
    const inline = s.call('pattern.apply', { teamId: team.id, cycle: ['E', 'E ', 'bad code'], personIds: [anna.id], start: '2026-11-23', weeks: 1 });
    expect(inline.ok).toBe(false);
  });
});

describe('moving a shift (calendar drag)', () => {
  it('moves and resizes by instants, keeps the template only while the times match, and is undoable', () => {
    const { s, team, anna, piotr } = warsawTeam();
    const [e] = s.run('shift.setCells', { teamId: team.id, entries: [{ personId: anna.id, day: '2026-11-23', value: { code: 'E' } }] }).shifts;
    if (!e) throw new Error('no shift');
    // A day later, same local times: still an E.
    const moved = s.run('shift.update', { id: e.id, startUtc: e.startUtc + 86400, endUtc: e.endUtc + 86400 });
    expect(moved).toMatchObject({ day: '2026-11-24', code: 'E', startLocal: '07:00' });
    // An hour longer: now custom times.
    const longer = s.run('shift.update', { id: e.id, startUtc: moved.startUtc, endUtc: moved.endUtc + 3600 });
    expect(longer).toMatchObject({ code: null, endLocal: '16:00', paidMinutes: 510 });
    // Dragged past midnight into the next local day, and to Piotr.
    const late = s.run('shift.update', { id: e.id, startUtc: moved.startUtc + 17 * 3600, endUtc: moved.startUtc + 25 * 3600, personId: piotr.id });
    expect(late).toMatchObject({ day: '2026-11-25', personId: piotr.id, startLocal: '00:00' });
    for (const bad of [
      { id: e.id, startUtc: 100, endUtc: 50 },
      { id: e.id, startUtc: 0, endUtc: 2 * 86400 },
      { id: 999, startUtc: 0, endUtc: 60 },
    ]) {
      expect(s.call('shift.update', bad).ok).toBe(false);
    }
    s.run('history.undo', {});
    s.run('history.undo', {});
    s.run('history.undo', {});
    expect(s.run('shift.list', { teamId: team.id, from: '2026-11-23', to: '2026-11-29' })[0]).toMatchObject({ day: '2026-11-23', code: 'E', personId: anna.id });
    s.run('shift.delete', { id: e.id });
    expect(s.run('shift.list', { teamId: team.id, from: '2026-11-23', to: '2026-11-29' })).toEqual([]);
  });
});

describe('activity blocks inside a shift', () => {
  it('places breaks, meetings and trainings inside the shift (also past midnight), sets the unpaid break, and goes with the shift', () => {
    const { s, team, anna } = warsawTeam();
    const [night] = s.run('shift.setCells', { teamId: team.id, entries: [{ personId: anna.id, day: '2026-11-23', value: { code: 'N' } }] }).shifts;
    if (!night) throw new Error('no shift');
    const r = s.run('shift.setActivities', {
      id: night.id,
      activities: [
        { kind: 'meeting', startLocal: '22:00', endLocal: '22:30' },
        { kind: 'break', startLocal: '02:00', endLocal: '02:45' },
      ],
    });
    expect(r.activities).toEqual([
      { kind: 'meeting', start: '2026-11-23T22:00:00+01:00', end: '2026-11-23T22:30:00+01:00', startLocal: '22:00', endLocal: '22:30' },
      { kind: 'break', start: '2026-11-24T02:00:00+01:00', end: '2026-11-24T02:45:00+01:00', startLocal: '02:00', endLocal: '02:45' },
    ]);
    expect(r).toMatchObject({ breakMinutes: 45, paidMinutes: 435 });
    expect(s.run('shift.list', { teamId: team.id, from: '2026-11-23', to: '2026-11-23' })[0]?.activities).toHaveLength(2);

    const outside = s.call('shift.setActivities', { id: night.id, activities: [{ kind: 'training', startLocal: '12:00', endLocal: '13:00' }] });
    expect(outside.ok ? null : outside.error).toMatchObject({ code: 'outside_shift', path: ['activities', 0] });
    const overlap = s.call('shift.setActivities', { id: night.id, activities: [{ kind: 'training', startLocal: '23:00', endLocal: '01:00' }, { kind: 'break', startLocal: '00:30', endLocal: '01:30' }] });
    expect(overlap.ok ? null : overlap.error.code).toBe('overlap');

    // Replacing the cell removes the activities too, and undo brings both back.
    s.run('shift.setCells', { teamId: team.id, entries: [{ personId: anna.id, day: '2026-11-23', value: { code: 'E' } }] });
    expect(s.planner.db.prepare('SELECT count(*) FROM shift_activity').pluck().get()).toBe(0);
    s.run('history.undo', {});
    expect(s.run('shift.list', { teamId: team.id, from: '2026-11-23', to: '2026-11-23' })[0]?.activities.map((a) => a.kind)).toEqual(['meeting', 'break']);
  });
});
