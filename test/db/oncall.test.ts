import { describe, expect, it } from 'vitest';
import { dataHash } from '../helpers/dbhash';
import { freshService } from '../helpers/service';

function team() {
  const s = freshService();
  const t = s.run('team.create', { name: 'Destek', timeZone: 'Europe/Istanbul', country: 'TR', currency: 'TRY' });
  const ids = ['Ayşe Yılmaz', 'Mehmet Kaya', 'Zeynep Demir'].map((name) => s.run('person.create', { teamId: t.id, name }).id);
  return { s, t, ids };
}

const evenings = [
  ...[1, 2, 3, 4].map((d) => ({ fromDay: d, fromTime: '18:00', toDay: d + 1, toTime: '09:00' })),
  { fromDay: 5, fromTime: '18:00', toDay: 1, toTime: '09:00' },
];

describe('on-call rotations', () => {
  it('creates a weekly rotation and prints the final schedule with ISO instants and offsets', () => {
    const { s, t, ids } = team();
    const r = s.run('rotation.create', {
      teamId: t.id,
      name: 'Nöbet',
      layers: [{ name: 'Evenings and weekends', participants: ids, turnUnit: 'weeks', turnLength: 1, startDay: '2026-11-23', handoffTime: '09:00', restrictions: evenings }],
    });
    expect(r.layers[0]).toMatchObject({ level: 0, participants: ids, restrictions: evenings });
    const blocks = s.run('oncall.schedule', { teamId: t.id, from: '2026-11-23', to: '2026-11-24' });
    expect(blocks).toEqual([
      { rotationId: r.id, rotation: 'Nöbet', personId: ids[0], person: 'Ayşe Yılmaz', start: '2026-11-23T18:00:00+03:00', end: '2026-11-24T09:00:00+03:00', startUtc: Date.parse('2026-11-23T18:00:00+03:00') / 1000, endUtc: Date.parse('2026-11-24T09:00:00+03:00') / 1000, layer: 'Evenings and weekends', overrideId: null },
      { rotationId: r.id, rotation: 'Nöbet', personId: ids[0], person: 'Ayşe Yılmaz', start: '2026-11-24T18:00:00+03:00', end: '2026-11-25T00:00:00+03:00', startUtc: Date.parse('2026-11-24T18:00:00+03:00') / 1000, endUtc: Date.parse('2026-11-25T00:00:00+03:00') / 1000, layer: 'Evenings and weekends', overrideId: null },
    ]);
    // The turn hands off on Monday at 09:00: Monday night is Mehmet's, the early hours still Ayşe's.
    expect(s.run('oncall.schedule', { teamId: t.id, from: '2026-11-30', to: '2026-11-30' }).map((b) => [b.person, b.start.slice(11, 16)])).toEqual([
      ['Ayşe Yılmaz', '00:00'],
      ['Mehmet Kaya', '18:00'],
    ]);
  });

  it('an override wins, is listed, and both are undoable', () => {
    const { s, t, ids } = team();
    const r = s.run('rotation.create', { teamId: t.id, name: 'Nöbet', layers: [{ name: 'All week', participants: ids, turnUnit: 'days', turnLength: 1, startDay: '2026-11-23', handoffTime: '09:00' }] });
    const o = s.run('oncall.addOverride', { rotationId: r.id, personId: ids[2] ?? 0, start: '2026-11-23T20:00', end: '2026-11-24T02:00', note: 'Ayşe at the dentist' });
    expect(o).toMatchObject({ start: '2026-11-23T20:00:00+03:00', end: '2026-11-24T02:00:00+03:00' });
    const blocks = s.run('oncall.schedule', { teamId: t.id, rotationId: r.id, from: '2026-11-23', to: '2026-11-23' });
    // Nobody before the layer starts at 09:00; the range ends at midnight.
    expect(blocks.map((b) => [b.person, b.start.slice(11, 16), b.end.slice(11, 16), b.layer])).toEqual([
      ['Ayşe Yılmaz', '09:00', '20:00', 'All week'],
      ['Zeynep Demir', '20:00', '00:00', 'override'],
    ]);
    expect(s.run('oncall.overrides', { rotationId: r.id, from: '2026-11-23', to: '2026-11-30' })).toHaveLength(1);
    s.run('history.undo', {});
    expect(s.run('oncall.overrides', { rotationId: r.id, from: '2026-11-23', to: '2026-11-30' })).toHaveLength(0);
  });

  it('refuses bad layers and overrides without writing, and keeps people on a rotation from being deleted', () => {
    const { s, t, ids } = team();
    const before = dataHash(s.planner.db);
    const layer = { name: 'L', participants: ids, turnUnit: 'days', turnLength: 1, startDay: '2026-11-23', handoffTime: '09:00' } as const;
    for (const layers of [
      [],
      [{ ...layer, participants: [] }],
      [{ ...layer, participants: [999] }],
      [{ ...layer, startDay: '2026-02-30' }],
      [{ ...layer, handoffTime: '9am' }],
      [{ ...layer, turnUnit: 'months' }],
      [{ ...layer, restrictions: [{ fromDay: 8, fromTime: '18:00', toDay: 1, toTime: '09:00' }] }],
    ]) {
      expect(s.dispatch('rotation.create', { teamId: t.id, name: 'X', layers }).ok, JSON.stringify(layers)).toBe(false);
    }
    expect(dataHash(s.planner.db)).toBe(before);
    const r = s.run('rotation.create', { teamId: t.id, name: 'Nöbet', layers: [layer] });
    expect(s.call('rotation.create', { teamId: t.id, name: 'NÖBET', layers: [layer] }).ok).toBe(false);
    const reversed = s.call('oncall.addOverride', { rotationId: r.id, personId: ids[0] ?? 0, start: '2026-11-24T10:00', end: '2026-11-24T09:00' });
    expect(reversed.ok ? null : reversed.error).toMatchObject({ code: 'reversed_range', path: ['end'] });
    const del = s.call('person.delete', { id: ids[0] ?? 0 });
    expect(del.ok ? null : del.error.code).toBe('in_rotation');
    s.run('rotation.archive', { id: r.id });
    expect(s.run('rotation.list', { teamId: t.id })).toEqual([]);
  });
});

describe('on-call in the rota week', () => {
  it('marks every day someone is on call, clipped to the day', () => {
    const { s, t, ids } = team();
    s.run('rotation.create', { teamId: t.id, name: 'Nöbet', layers: [{ name: 'Evenings', participants: ids, turnUnit: 'weeks', turnLength: 1, startDay: '2026-11-23', handoffTime: '09:00', restrictions: evenings }] });
    const week = s.run('roster.week', { teamId: t.id, weekStart: '2026-11-23' });
    const mine = (day: string) => week.onCall.filter((b) => b.day === day).map((b) => [b.person, b.startLocal, b.endLocal]);
    expect(mine('2026-11-23')).toEqual([['Ayşe Yılmaz', '18:00', '24:00']]);
    expect(mine('2026-11-24')).toEqual([
      ['Ayşe Yılmaz', '00:00', '09:00'],
      ['Ayşe Yılmaz', '18:00', '24:00'],
    ]);
    // The weekend window runs from Friday 18:00 to Monday 09:00: Saturday is covered all day.
    expect(mine('2026-11-28')).toEqual([['Ayşe Yılmaz', '00:00', '24:00']]);
  });
});

describe('on-call fairness', () => {
  it('counts hours, nights, weekend days and public holidays per person, zeros included', () => {
    const { s, t, ids } = team();
    s.run('rotation.create', { teamId: t.id, name: 'Nöbet', layers: [{ name: 'Evenings', participants: ids, turnUnit: 'weeks', turnLength: 1, startDay: '2026-10-26', handoffTime: '09:00', restrictions: evenings }] });
    // Two weeks: Ayşe the week of 26 October (29 October is Republic Day in Turkey), Mehmet the next.
    const rows = s.run('oncall.fairness', { teamId: t.id, from: '2026-10-26', to: '2026-11-08' });
    const ayse = rows.find((r) => r.person === 'Ayşe Yılmaz');
    const mehmet = rows.find((r) => r.person === 'Mehmet Kaya');
    // Mon–Thu evenings 4 × 15 h, the weekend Fri 18:00 – Mon 09:00 63 h: 123 h; the range starts on Monday 00:00.
    expect(ayse).toMatchObject({ hours: 123, nights: 7, weekendDays: 2, holidays: 1 });
    // Monday 2 November 00:00–09:00 is still Ayşe's weekend turn; Mehmet from 18:00 that day to Sunday midnight.
    expect(ayse?.nights).toBe(7);
    expect(mehmet).toMatchObject({ weekendDays: 2, holidays: 0 });
    expect(rows.find((r) => r.person === 'Zeynep Demir')).toMatchObject({ hours: 0, nights: 0 });
  });
});

describe('on-call swaps', () => {
  it('exchanges two turns in one undoable step, listed as two linked overrides that go together', () => {
    const { s, t, ids } = team();
    const [ayse, mehmet] = ids as [number, number];
    const r = s.run('rotation.create', { teamId: t.id, name: 'Nöbet', layers: [{ name: 'Daily', participants: ids, turnUnit: 'days', turnLength: 1, startDay: '2026-11-23', handoffTime: '09:00' }] });
    // Ayşe has 23 Nov 09:00 → 24 Nov 09:00, Mehmet the next day.
    const swapped = s.run('oncall.swap', { rotationId: r.id, a: ayse, aStart: '2026-11-23T09:00', aEnd: '2026-11-24T09:00', b: mehmet, bStart: '2026-11-24T09:00', bEnd: '2026-11-25T09:00' });
    expect(swapped.map((o) => [o.personId, o.start, o.swapId === swapped[0]?.id])).toEqual([
      [mehmet, '2026-11-23T09:00:00+03:00', true],
      [ayse, '2026-11-24T09:00:00+03:00', true],
    ]);
    const who = () => s.run('oncall.schedule', { teamId: t.id, from: '2026-11-23', to: '2026-11-24' }).map((b) => [b.person, b.start.slice(0, 16)]);
    expect(who()).toEqual([
      ['Mehmet Kaya', '2026-11-23T09:00'],
      ['Ayşe Yılmaz', '2026-11-24T09:00'],
    ]);
    // Not Zeynep's turn: refused.
    const wrong = s.call('oncall.swap', { rotationId: r.id, a: ids[2] ?? 0, aStart: '2026-11-26T09:00', aEnd: '2026-11-27T09:00', b: ayse, bStart: '2026-11-28T09:00', bEnd: '2026-11-29T09:00' });
    expect(wrong.ok ? null : wrong.error.code).toBe('not_their_turn');
    // Deleting one half deletes the swap.
    s.run('oncall.deleteOverride', { id: swapped[1]?.id ?? 0 });
    expect(s.run('oncall.overrides', { rotationId: r.id, from: '2026-11-23', to: '2026-11-30' })).toEqual([]);
    s.run('history.undo', {});
    expect(s.run('oncall.overrides', { rotationId: r.id, from: '2026-11-23', to: '2026-11-30' })).toHaveLength(2);
  });
});

describe('standby allowance', () => {
  it('pays per on-call hour and per day, more on public holidays, inside the rota cost figures', () => {
    const { s, t, ids } = team();
    const [ayse] = ids as [number];
    // Ayşe alone, evenings 18:00–09:00; 29 October is Republic Day in Turkey.
    s.run('rotation.create', {
      teamId: t.id,
      name: 'Nöbet',
      layers: [{ name: 'Evenings', participants: [ayse], turnUnit: 'weeks', turnLength: 1, startDay: '2026-10-26', handoffTime: '09:00', restrictions: evenings.slice(0, 4) }],
      allowance: { perHour: 10, perDay: 50, holidayMultiplier: 2 },
    });
    const week = s.run('roster.week', { teamId: t.id, weekStart: '2026-10-26' });
    const me = week.people.find((p) => p.id === ayse);
    // Mon–Thu evenings: 6 h on the evening day, 9 h on the next morning. Days touched: Mon 6 h, Tue 15 h, Wed 15 h,
    // Thu (holiday) 15 h, Fri 9 h. Pay: (60+50) + (150+50) + (150+50) + 2 × (150+50) + (90+50) = 1050.
    expect(me).toMatchObject({ standby: 1050, cost: 1050, paidMinutes: 0 });
    expect(week.totals.standby).toBe(1050);
    const month = s.run('roster.costs', { teamId: t.id, from: '2026-10-01', to: '2026-10-31', by: 'month' });
    // All of it falls in October.
    expect(month.find((r) => r.personId === null)).toMatchObject({ period: '2026-10', standby: 1050, cost: 1050 });
    const bad = s.call('rotation.update', { id: s.run('rotation.list', { teamId: t.id })[0]?.id ?? 0, allowance: { perHour: -1, perDay: 0, holidayMultiplier: 1 } });
    expect(bad.ok).toBe(false);
  });
});

describe('turns and employment, pause and resume', () => {
  it('never gives a turn outside someone’s employment; the next person takes it', () => {
    const { s, t, ids } = team();
    const [ayse, mehmet, zeynep] = ids as [number, number, number];
    // Mehmet leaves after 24 November.
    s.run('person.update', { id: mehmet, employmentEnd: '2026-11-24' });
    s.run('rotation.create', { teamId: t.id, name: 'Nöbet', layers: [{ name: 'Daily', participants: ids, turnUnit: 'days', turnLength: 1, startDay: '2026-11-23', handoffTime: '09:00' }] });
    const people = s.run('oncall.schedule', { teamId: t.id, from: '2026-11-23', to: '2026-11-28' }).map((b) => b.personId);
    // Turns start at 09:00 from the 23rd. Mehmet's turn from the 24th would end on the 25th, after he has left:
    // Zeynep takes it; Mehmet stays first in the queue but can never take a turn again.
    expect(people).toEqual([ayse, zeynep, ayse, zeynep, ayse, zeynep]);
  });

  it('pauses from now and resumes where it left off, undoably', () => {
    const { s, t, ids } = team();
    // FIXED_NOW is 22 November 12:00 in Istanbul; turns from 20 November.
    const r = s.run('rotation.create', { teamId: t.id, name: 'Nöbet', layers: [{ name: 'Daily', participants: ids, turnUnit: 'days', turnLength: 1, startDay: '2026-11-20', handoffTime: '09:00' }] });
    const paused = s.run('rotation.pause', { id: r.id });
    expect(paused.pausedSince).toBe('2026-11-22T12:00:00+03:00');
    const after = s.run('oncall.schedule', { teamId: t.id, from: '2026-11-22', to: '2026-11-25' });
    expect(after.at(-1)?.end).toBe('2026-11-22T12:00:00+03:00');
    expect(s.call('rotation.pause', { id: r.id }).ok).toBe(false);
    s.run('history.undo', {});
    expect(s.run('rotation.list', { teamId: t.id })[0]?.pausedSince).toBeNull();
    expect(s.call('rotation.resume', { id: r.id }).ok).toBe(false);
    // Paused and resumed in the same second (the test clock stands still): nothing was paused.
    s.run('rotation.pause', { id: r.id });
    expect(s.run('rotation.resume', { id: r.id }).pausedSince).toBeNull();
    expect(s.planner.db.prepare('SELECT count(*) FROM rotation_pause').pluck().get()).toBe(0);
  });
});

describe('rest across shifts and on-call', () => {
  it('roster.check flags an on-call evening right after a day shift, unless the team does not count standby for rest', () => {
    const { s, t, ids } = team();
    s.run('template.create', { teamId: t.id, code: 'D', name: 'Day', startLocal: '09:00', endLocal: '17:00' });
    s.run('rotation.create', { teamId: t.id, name: 'Nöbet', layers: [{ name: 'Evenings', participants: [ids[0] ?? 0], turnUnit: 'weeks', turnLength: 1, startDay: '2026-11-23', handoffTime: '09:00', restrictions: evenings }] });
    s.run('shift.setCells', { teamId: t.id, entries: [{ personId: ids[0] ?? 0, day: '2026-11-24', value: { code: 'D' } }] });
    const flagged = s.run('roster.check', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' }).filter((v) => v.rule !== 'contract_hours');
    // Monday evening's standby ends 09:00 Tuesday as the shift starts; Tuesday's starts an hour after it ends.
    expect(flagged.map((v) => [v.rule, v.day, v.params.hours])).toEqual([
      ['oncall_rest', '2026-11-24', 0],
      ['oncall_rest', '2026-11-24', 1],
    ]);
    expect(flagged[1]?.message).toBe('Ayşe Yılmaz has only 1 h rest between the shift on 2026-11-24 and on-call (Nöbet) on 2026-11-24 (at least 11 h)');
    s.run('team.update', { id: t.id, rules: { onCallCountsForRest: false } });
    expect(s.run('roster.check', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' }).filter((v) => v.rule !== 'contract_hours')).toEqual([]);
  });
});

describe('public holidays', () => {
  it('a layer that skips holidays passes over whoever has a public holiday in the turn, when someone else can take it', () => {
    const { s, t, ids } = team();
    const [ayse, mehmet] = ids as [number, number];
    // Mehmet lives in Warsaw and keeps Polish holidays: 11 November is his; 29 October (Republic Day) is Ayşe's.
    s.run('person.update', { id: mehmet, holidayCountry: 'PL' });
    const layer = { name: 'Days', participants: [ayse, mehmet], turnUnit: 'days' as const, turnLength: 1, startDay: '2026-10-26', handoffTime: '09:00' };
    const r = s.run('rotation.create', { teamId: t.id, name: 'Nöbet', layers: [{ ...layer, skipHolidays: true }] });
    expect(r.layers[0]?.skipHolidays).toBe(true);
    const blocks = () => s.run('oncall.schedule', { teamId: t.id, from: '2026-10-26', to: '2026-11-22' });
    const onAt = (local: string) => blocks().find((b) => b.start <= `${local}:00+03:00` && `${local}:00+03:00` < b.end)?.person.split(' ')[0];
    // Ayşe's turn of 28 October (09:00 to 09:00) touches Republic Day: Mehmet covers it. Mehmet's of 11 November
    // touches Polish Independence Day: Ayşe covers it.
    expect(['2026-10-28T12:00', '2026-10-29T12:00', '2026-11-11T12:00'].map(onAt)).toEqual(['Mehmet', 'Mehmet', 'Ayşe']);
    // Each covered turn is given back, so the four weeks split evenly: 14 turns each (the range ends 15 h into Mehmet's last).
    const hours = s.run('oncall.fairness', { teamId: t.id, from: '2026-10-26', to: '2026-11-22' }).map((f) => [f.person.split(' ')[0], f.hours]);
    expect(hours).toEqual([
      ['Ayşe', 14 * 24],
      ['Mehmet', 13 * 24 + 15],
    ]);

    // When everyone free has the holiday, the usual order holds rather than leaving the turn empty.
    s.run('person.update', { id: mehmet, holidayCountry: '' });
    expect(['2026-10-27T12:00', '2026-10-28T12:00', '2026-10-29T12:00', '2026-10-30T12:00'].map(onAt)).toEqual(['Mehmet', 'Ayşe', 'Mehmet', 'Ayşe']);
    expect(s.call('person.update', { id: mehmet, holidayCountry: 'Poland' })).toMatchObject({ ok: false, error: { path: ['holidayCountry'] } });
  });
  it('gives each layer its own blocks, before higher layers and overrides take their part', () => {
    const { s, t, ids } = team();
    const [ayse = 0, mehmet = 0, zeynep = 0] = ids;
    const r = s.run('rotation.create', {
      teamId: t.id,
      name: 'Nöbet',
      layers: [
        { name: 'Base', participants: [ayse, mehmet], turnUnit: 'days', turnLength: 1, startDay: '2026-11-23', handoffTime: '09:00' },
        { name: 'Weekends', participants: [zeynep], turnUnit: 'weeks', turnLength: 1, startDay: '2026-11-23', handoffTime: '09:00', restrictions: [{ fromDay: 6, fromTime: '08:00', toDay: 1, toTime: '08:00' }] },
      ],
    });
    const blocks = s.run('oncall.layers', { teamId: t.id, rotationId: r.id, from: '2026-11-27', to: '2026-11-29' });
    const rows = (layer: string) => blocks.filter((b) => b.layer === layer).map((b) => [b.person, b.start.slice(5, 16), b.end.slice(5, 16)]);
    // The base layer keeps its turns under the weekend layer; the weekend layer has only its window.
    expect(rows('Base')).toEqual([
      ['Mehmet Kaya', '11-27T00:00', '11-27T09:00'],
      ['Ayşe Yılmaz', '11-27T09:00', '11-28T09:00'],
      ['Mehmet Kaya', '11-28T09:00', '11-29T09:00'],
      ['Ayşe Yılmaz', '11-29T09:00', '11-30T00:00'],
    ]);
    expect(rows('Weekends')).toEqual([['Zeynep Demir', '11-28T08:00', '11-30T00:00']]);
    expect(blocks.every((b) => b.rotationId === r.id)).toBe(true);
    // The final schedule is what the layers make together.
    expect(s.run('oncall.schedule', { teamId: t.id, rotationId: r.id, from: '2026-11-28', to: '2026-11-28' }).map((b) => [b.person, b.start.slice(11, 16), b.layer])).toEqual([
      ['Ayşe Yılmaz', '00:00', 'Base'],
      ['Zeynep Demir', '08:00', 'Weekends'],
    ]);
  });

  it('answers a saved rotation with the rest conflicts it causes over the coming four weeks', () => {
    const { s, t, ids } = team();
    const [ayse = 0, mehmet = 0] = ids;
    s.run('template.create', { teamId: t.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:00' });
    // Ayşe works earlies on weekdays from Monday 23 November (the service's today is Sunday the 22nd).
    const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
    s.run('shift.setCells', { teamId: t.id, entries: days.map((day) => ({ personId: ayse, day, value: { code: 'E' } })) });
    const weeknights = [1, 2, 3, 4, 5].map((d) => ({ fromDay: d, fromTime: '18:00', toDay: d + 1, toTime: '08:00' }));
    const created = s.run('rotation.create', {
      teamId: t.id,
      name: 'Weeknights',
      layers: [{ name: 'Weeknights', participants: [ayse], turnUnit: 'weeks', turnLength: 1, startDay: '2026-11-23', handoffTime: '09:00', restrictions: weeknights }],
    });
    // Standby until 08:00 overlaps her 07:00 early on Tuesday to Friday; Monday's early comes before any standby.
    const ayseDays = created.conflicts.filter((v) => v.personId === ayse).map((v) => v.day);
    expect(created.conflicts.every((v) => v.rule === 'oncall_rest' && v.params.rotation === 'Weeknights')).toBe(true);
    expect(new Set(ayseDays)).toEqual(new Set(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']));
    expect(created.conflicts[0]).toMatchObject({ personName: 'Ayşe Yılmaz', params: { limit: 11 } });
    // Giving the weeknights to Mehmet, who has no shifts, clears them.
    const updated = s.run('rotation.update', { id: created.id, layers: [{ name: 'Weeknights', participants: [mehmet], turnUnit: 'weeks', turnLength: 1, startDay: '2026-11-23', handoffTime: '09:00', restrictions: weeknights }] });
    expect(updated.conflicts).toEqual([]);
    expect(s.run('rotation.list', { teamId: t.id })[0]).not.toHaveProperty('conflicts');
  });
});
