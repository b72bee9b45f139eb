import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRules, loadRange, type RuleShift } from '../../core/rules';
import { shiftSpan } from '../../core/shift';
import { TeamRules } from '../../core/team-rules';
import { Temporal } from '../../core/time';
import { zoneClock } from '../../core/zone-clock';

const rules = TeamRules.parse({});
const zone = 'Europe/Warsaw';
const anna = { id: 1, name: 'Anna Nowak', skills: ['phone'], contractHoursPerWeek: 40 };
let nextId = 1;
function shift(day: string, start: string, end: string, extra: Partial<RuleShift> = {}): RuleShift {
  return { id: nextId++, personId: 1, day, ...shiftSpan(Temporal.PlainDate.from(day), start, end, zone), breakMinutes: 0, skill: null, ...extra };
}
const check = (shifts: RuleShift[], from = '2026-11-23', to = '2026-11-29', people = [anna]) => checkRules({ shifts, people, rules, weekStart: 'mon', from, to });
const week = (start: string, end: string, days = 5) =>
  Array.from({ length: days }, (_, i) => shift(Temporal.PlainDate.from('2026-11-23').add({ days: i }).toString(), start, end));

describe('working-time rules', () => {
  it('a clean 5 × 8 h week has no violations', () => {
    expect(check(week('08:00', '16:00'))).toEqual([]);
  });

  it('flags a late shift followed by an early one: 9 h rest, not 11', () => {
    const v = check([shift('2026-11-23', '14:00', '22:00'), shift('2026-11-24', '07:00', '15:00'), ...week('08:00', '16:00').slice(2)]);
    expect(v).toMatchObject([{ rule: 'rest', day: '2026-11-24', params: { hours: 9, limit: 11 } }]);
  });

  it('counts rest across a DST change in real hours, not wall-clock hours', () => {
    // 28 March ends 22:00 (+01:00); the clocks jump that night; 29 March starts 08:30 (+02:00).
    // The wall clock says 10.5 h, real rest is 9.5 h: below a 10 h minimum.
    const tenHours = TeamRules.parse({ minRestHours: 10 });
    const v = checkRules({ shifts: [shift('2026-03-28', '14:00', '22:00'), shift('2026-03-29', '08:30', '12:00')], people: [{ ...anna, contractHoursPerWeek: 0 }], rules: tenHours, weekStart: 'mon', from: '2026-03-23', to: '2026-03-29' });
    expect(v).toMatchObject([{ rule: 'rest', day: '2026-03-29', params: { hours: 9.5, limit: 10 } }]);
  });

  it('flags overlaps, more than 48 hours, a 7th day in a row, contract hours and a missing skill', () => {
    const long = week('06:00', '17:00', 7);
    long.push(shift('2026-11-25', '16:00', '20:00', { skill: 'chat' }));
    const v = check(long);
    const rulesSeen = v.map((x) => x.rule);
    expect(rulesSeen).toEqual(expect.arrayContaining(['overlap', 'weekly_hours', 'consecutive_days', 'contract_hours', 'skill']));
    expect(v.find((x) => x.rule === 'consecutive_days')).toMatchObject({ day: '2026-11-29', params: { days: 7, limit: 6 } });
    expect(v.find((x) => x.rule === 'weekly_hours')).toMatchObject({ day: '2026-11-23', params: { hours: 81 } });
    expect(v.find((x) => x.rule === 'skill')?.message).toBe('Anna Nowak lacks the chat skill this shift needs on 2026-11-25');
  });

  it('sees consecutive days and rest across the edge of the range', () => {
    const eight = Array.from({ length: 8 }, (_, i) => shift(Temporal.PlainDate.from('2026-11-18').add({ days: i }).toString(), '09:00', '13:00'));
    const v = check(eight, '2026-11-24', '2026-11-24');
    expect(v).toMatchObject([{ rule: 'consecutive_days', day: '2026-11-24' }]);
    const range = loadRange('2026-11-24', '2026-11-24', 'mon', rules);
    expect(range.from <= '2026-11-17').toBe(true);
  });

  it('checks contract hours only in weeks whose rota has been started', () => {
    const piotr = { id: 2, name: 'Piotr', skills: [], contractHoursPerWeek: 40 };
    expect(check([], '2026-11-23', '2026-12-06', [anna, piotr])).toEqual([]);
    const v = check([shift('2026-11-23', '08:00', '16:00')], '2026-11-23', '2026-12-06', [anna, piotr]);
    expect(v.map((x) => [x.rule, x.personName, x.day])).toEqual([
      ['contract_hours', 'Anna Nowak', '2026-11-23'],
      ['contract_hours', 'Piotr', '2026-11-23'],
    ]);
  });

  it('flags a shift during an approved absence', () => {
    const v = checkRules({ shifts: week('08:00', '16:00'), people: [anna], absences: [{ personId: 1, from: '2026-11-25', to: '2026-11-25', type: 'vacation' }], rules, weekStart: 'mon', from: '2026-11-23', to: '2026-11-29' });
    expect(v.filter((x) => x.rule === 'absence')).toMatchObject([{ rule: 'absence', day: '2026-11-25', params: { type: 'vacation' } }]);
  });

  it('expects fewer contract hours in a week with leave: four 8 h days beside a day of vacation are right', () => {
    const four = week('08:00', '16:00').filter((s) => s.day !== '2026-11-25');
    const absences = [{ personId: 1, from: '2026-11-25', to: '2026-11-25', type: 'vacation' }];
    expect(checkRules({ shifts: four, people: [anna], absences, rules, weekStart: 'mon', from: '2026-11-23', to: '2026-11-29' })).toEqual([]);
    // Without the leave, the same 32 h are 8 short of the 40 h contract.
    expect(checkRules({ shifts: four, people: [anna], rules, weekStart: 'mon', from: '2026-11-23', to: '2026-11-29' }).map((x) => [x.rule, x.params.contract])).toEqual([['contract_hours', 40]]);
  });

  it('flags on-call standby that leaves less than the daily rest next to a shift, before or after it, when the team counts it', () => {
    const clock = zoneClock(zone);
    const shifts = week('08:00', '16:00');
    // On call Tuesday 20:00 to Wednesday 06:00: 4 h after Tuesday's shift, 2 h before Wednesday's.
    const onCall = [{ personId: 1, startUtc: clock.at('2026-11-24', '20:00'), endUtc: clock.at('2026-11-25', '00:00'), rotation: 'Dyżur' }, { personId: 1, startUtc: clock.at('2026-11-25', '00:00'), endUtc: clock.at('2026-11-25', '06:00'), rotation: 'Dyżur' }];
    const v = checkRules({ shifts, people: [anna], onCall, rules, weekStart: 'mon', from: '2026-11-23', to: '2026-11-29', clock });
    expect(v.map((x) => [x.rule, x.day, x.params.hours])).toEqual([
      ['oncall_rest', '2026-11-24', 4],
      ['oncall_rest', '2026-11-25', 2],
    ]);
    // Far enough away (Saturday daytime), nothing; and a team that does not count standby sees nothing either.
    const weekend = [{ personId: 1, startUtc: clock.at('2026-11-28', '08:00'), endUtc: clock.at('2026-11-28', '20:00'), rotation: 'Dyżur' }];
    expect(checkRules({ shifts, people: [anna], onCall: weekend, rules, weekStart: 'mon', from: '2026-11-23', to: '2026-11-29', clock })).toEqual([]);
    expect(checkRules({ shifts, people: [anna], onCall, rules: { ...rules, onCallCountsForRest: false }, weekStart: 'mon', from: '2026-11-23', to: '2026-11-29', clock })).toEqual([]);
  });

  it('never misses an overlap: the reported pairs are exactly the overlapping pairs (property)', () => {
    const shiftArb = fc.record({ day: fc.integer({ min: 0, max: 6 }), startMin: fc.integer({ min: 0, max: 24 * 60 - 15 }), lengthMin: fc.integer({ min: 15, max: 14 * 60 }) });
    fc.assert(
      fc.property(fc.array(shiftArb, { maxLength: 14 }), (specs) => {
        const base = Temporal.PlainDate.from('2026-11-23');
        const shifts: RuleShift[] = specs.map((sp, i) => {
          const day = base.add({ days: sp.day });
          const startUtc = Math.floor(day.toZonedDateTime({ timeZone: zone }).toInstant().epochMilliseconds / 1000) + sp.startMin * 60;
          return { id: i + 1, personId: 1, day: day.toString(), startUtc, endUtc: startUtc + sp.lengthMin * 60, breakMinutes: 0, skill: null };
        });
        const expected = new Set<string>();
        for (const a of shifts) for (const b of shifts) if (a.id < b.id && a.startUtc < b.endUtc && b.startUtc < a.endUtc) expected.add(`${a.id}-${b.id}`);
        const got = checkRules({ shifts, people: [anna], rules, weekStart: 'mon', from: '2026-11-01', to: '2026-12-31' })
          .filter((v) => v.rule === 'overlap')
          .map((v) => [...v.shiftIds].sort((x, y) => x - y).join('-'));
        expect(new Set(got)).toEqual(expected);
        expect(got).toHaveLength(expected.size);
      }),
      { numRuns: 500 },
    );
  });
});
