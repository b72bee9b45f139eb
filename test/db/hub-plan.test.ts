import { describe, expect, it } from 'vitest';
import { itemFingerprint, itemName, planDiff, PlanItem } from '../../core/hub-plan';
import { channelKey } from '../../db/handlers/hub-plan';
import { freshService } from '../helpers/service';

/**
 * The plan a planner publishes to the department hub, built from a real planner (the demo: a rota
 * to 13 December 2026, the service's clock at Sunday 22 November 2026) and held to the figures the
 * planner's own methods give for the same week, month and person.
 */

/** Five whole weeks from Monday 23 November 2026: the demo's rota, and two weeks past it. */
const WINDOW = { from: '2026-11-23', to: '2026-12-27' };
const TODAY = '2026-11-22';

function demo() {
  const s = freshService();
  const team = s.run('demo.create', {});
  const plan = () => s.run('hub.plan', { teamId: team.id, ...WINDOW }).items;
  return { s, team, plan };
}

/** What the hub would hold after publishing `items`: name → fingerprint. */
const held = (items: readonly PlanItem[]) => new Map(items.map((i) => [itemName(i), itemFingerprint(i)]));

const round2 = (n: number) => Math.round(n * 100) / 100;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('the hub plan', () => {
  it('is items the hub accepts, each named once, every person they name in it', () => {
    const { plan } = demo();
    const items = plan();
    for (const item of items) expect(PlanItem.safeParse(item).error?.issues ?? [], itemName(item)).toEqual([]);
    expect(new Set(items.map(itemName)).size).toBe(items.length);
    const people = new Set(items.filter((i) => i.kind === 'person').map((i) => i.key));
    expect(items.filter((i) => 'personKey' in i && !people.has(i.personKey))).toEqual([]);
    const kinds = new Set(items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['balance', 'cost', 'coverage', 'leave', 'oncall', 'person', 'shift', 'team']);
    // Five whole weeks of three channels with history; November and December.
    expect(items.filter((i) => i.kind === 'coverage')).toHaveLength(15);
    expect(items.filter((i) => i.kind === 'cost').map((i) => i.key)).toEqual(['m2026-11', 'm2026-12']);
  });

  it('keeps its keys and fingerprints from one call to the next when nothing changed', () => {
    const { plan } = demo();
    const first = plan();
    const second = plan();
    expect(second.map(itemName)).toEqual(first.map(itemName));
    expect(planDiff(held(first), second)).toEqual({ upserts: [], deletes: [], unchanged: first.length });
  });

  it('sends one upsert for one shift given to a colleague, and exactly what depends on a shift moved', () => {
    const { s, team, plan } = demo();
    const people = s.run('person.list', { teamId: team.id });
    const shifts = s.run('shift.list', { teamId: team.id, from: '2026-11-24', to: '2026-11-24' });
    const onDay = new Set(shifts.map((x) => x.personId));
    // A colleague with the shift's skill, free that day: coverage stays as it was.
    const pick = shifts
      .map((shift) => ({ shift, to: people.find((p) => !onDay.has(p.id) && shift.skill !== null && p.skills.includes(shift.skill)) }))
      .find((x) => x.to !== undefined);
    const shift = pick?.shift;
    const colleague = pick?.to;
    if (!shift || !colleague) throw new Error('the demo has a free colleague for a Tuesday shift');
    // The same rate, so the month's cost stays as it was too: only the shift itself differs.
    const owner = people.find((p) => p.id === shift.personId);
    s.run('person.update', { id: colleague.id, hourlyRate: owner?.hourlyRate ?? 0 });
    const before = plan();
    s.run('shift.update', { id: shift.id, startUtc: shift.startUtc, endUtc: shift.endUtc, personId: colleague.id });
    const given = planDiff(held(before), plan());
    expect(given.deletes).toEqual([]);
    expect(given.upserts).toHaveLength(1);
    expect(given.upserts[0]).toMatchObject({ kind: 'shift', key: `s${shift.id}`, personKey: `p${colleague.id}` });

    // Moved an hour later: the shift, and at most its own week's coverage of its channel and its month's cost.
    const held2 = held(plan());
    s.run('shift.update', { id: shift.id, startUtc: shift.startUtc + 3600, endUtc: shift.endUtc + 3600 });
    const moved = planDiff(held2, plan());
    expect(moved.deletes).toEqual([]);
    expect(moved.upserts.filter((i) => i.kind === 'shift').map((i) => i.key)).toEqual([`s${shift.id}`]);
    const allowed = new Set([`shift/s${shift.id}`, `coverage/c2026-11-23-${shift.skill ?? ''}`, 'cost/m2026-11']);
    expect(moved.upserts.map(itemName).filter((n) => !allowed.has(n))).toEqual([]);
    expect(moved.upserts.find((i) => i.kind === 'shift')).toMatchObject({ startsAt: expect.stringMatching(/T\d{2}:\d{2}:00\+03:00$/) });
  });

  it('sends one delete for a deleted shift', () => {
    const { s, team, plan } = demo();
    const shift = s.run('shift.list', { teamId: team.id, from: '2026-12-01', to: '2026-12-01' })[0];
    if (!shift) throw new Error('the demo has shifts on 1 December');
    const before = plan();
    s.run('shift.delete', { id: shift.id });
    const diff = planDiff(held(before), plan());
    expect(diff.deletes).toEqual([`shift/s${shift.id}`]);
    // What the shift counted in changes with it, nothing else.
    expect(diff.upserts.map(itemName).filter((n) => n !== 'cost/m2026-12' && !n.startsWith('coverage/c2026-11-30-'))).toEqual([]);
  });

  it('shows each week’s coverage as the coverage read gives it for that week', () => {
    const { s, team, plan } = demo();
    const coverage = plan().filter((i) => i.kind === 'coverage');
    for (const weekStart of ['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21']) {
      const days = s.run('coverage.range', { teamId: team.id, channel: null, from: weekStart, to: addDays(weekStart, 6), intervalMinutes: 30 }).days;
      for (const channel of team.skills) {
        const mine = days.filter((d) => d.channel === channel);
        expect(mine).toHaveLength(7);
        const item = coverage.find((i) => i.key === `c${weekStart}-${channel}`);
        expect(item?.body, `${weekStart} ${channel}`).toEqual({
          weekStart,
          channel,
          requiredHours: round2(mine.reduce((a, d) => a + d.requiredHours, 0)),
          onShiftHours: round2(mine.reduce((a, d) => a + d.onShiftHours, 0)),
          shortHours: round2(mine.reduce((a, d) => a + d.shortHours, 0)),
        });
      }
    }
    // The rota ends on 13 December: after it the requirement stands with nobody on shift.
    const late = coverage.find((i) => i.key === 'c2026-12-21-phone');
    expect(late?.body.onShiftHours).toBe(0);
    expect(late?.body.requiredHours).toBeGreaterThan(0);
    expect(late?.body.shortHours).toBe(late?.body.requiredHours);
    const busy = coverage.find((i) => i.key === 'c2026-11-23-phone');
    expect(busy?.body.onShiftHours).toBeGreaterThan(0);
  });

  it('shows each month’s cost, budget and absence rate as the costs and absence statistics give them', () => {
    const { s, team, plan } = demo();
    s.run('team.update', { id: team.id, rules: { monthlyBudget: 450_000 } });
    const costs = plan().filter((i) => i.kind === 'cost');
    for (const [month, first, last] of [
      ['2026-11', '2026-11-01', '2026-11-30'],
      ['2026-12', '2026-12-01', '2026-12-31'],
    ] as const) {
      const teamLine = s.run('roster.costs', { teamId: team.id, from: first, to: last, by: 'month' }).find((r) => r.personId === null);
      const stats = s.run('absence.stats', { teamId: team.id, month }).find((r) => r.personId === null);
      expect(teamLine?.cost).toBeGreaterThan(0);
      expect(costs.find((i) => i.key === `m${month}`)?.body).toEqual({ month, cost: teamLine?.cost, standby: teamLine?.standby, budget: 450_000, currency: 'TRY', absenceRate: stats?.rate });
    }
  });

  it('shows each person’s balance as the Absences page gives it today, for every year the window touches', () => {
    const { s, team } = demo();
    const people = s.run('person.list', { teamId: team.id });
    const vacation = s.run('absenceType.list', { teamId: team.id }).find((t) => t.key === 'vacation');
    const someone = people[0];
    if (!vacation || !someone) throw new Error('the demo has people and vacation');
    // Into 2027: one person has an allowance there, and leave planned in it.
    s.run('absence.setAllowance', { personId: someone.id, typeId: vacation.id, year: 2027, unit: 'days', amount: 22, carryOver: 3 });
    s.run('absence.create', { teamId: team.id, personId: someone.id, typeId: vacation.id, start: '2027-01-04', end: '2027-01-06', status: 'approved' });
    const items = s.run('hub.plan', { teamId: team.id, from: '2026-12-14', to: '2027-01-10' }).items;
    const balances = items.filter((i) => i.kind === 'balance');
    expect(balances.filter((b) => b.body.year === 2026)).toHaveLength(people.length);
    expect(balances.filter((b) => b.body.year === 2027).map((b) => b.key)).toEqual([`b${someone.id}-${vacation.id}-2027`]);
    for (const b of balances) {
      const personId = Number(b.personKey.slice(1));
      // This year as of today; next year as of its first day, which is before any of its leave.
      const asOf = b.body.year === 2026 ? TODAY : '2027-01-01';
      const shown = s.run('absence.balance', { personId, asOf }).find((x) => x.typeId === vacation.id && x.year === b.body.year);
      expect(b.body, b.key).toEqual({ year: shown?.year, type: shown?.typeName, typeKey: vacation.key, unit: shown?.unit, allowance: shown?.allowance, carryOver: shown?.carryOver, taken: shown?.taken, planned: shown?.planned, requested: shown?.requested, left: shown?.left });
    }
    // The demo's planned and requested vacation shows, and next year's planned days.
    expect(balances.some((b) => b.body.planned > 0)).toBe(true);
    expect(balances.some((b) => b.body.requested > 0)).toBe(true);
    expect(balances.find((b) => b.body.year === 2027)?.body).toMatchObject({ allowance: 22, carryOver: 3, taken: 0, planned: 3, left: 22 });
  });

  it('shows on-call turns and leave as their own reads do, whole turns even where the window cuts them', () => {
    const { s, team, plan } = demo();
    const items = plan();
    const schedule = s.run('oncall.schedule', { teamId: team.id, from: WINDOW.from, to: WINDOW.to });
    expect(items.filter((i) => i.kind === 'oncall').map((i) => [i.key, i.personKey, i.startsAt, i.endsAt])).toEqual(schedule.map((b) => [`o${b.rotationId}-${b.startUtc}`, `p${b.personId}`, b.start, b.end]));
    const leave = s.run('absence.list', { teamId: team.id, ...WINDOW });
    expect(items.filter((i) => i.kind === 'leave').map((i) => [i.key, i.personKey, i.body.firstDay, i.body.lastDay, i.body.status])).toEqual(leave.map((a) => [`a${a.id}`, `p${a.personId}`, a.start, a.end, a.status]));
    // A window that starts inside a weekend turn keeps the turn's own start, so its key stays.
    const turn = items.find((i) => i.kind === 'oncall');
    if (!turn || turn.kind !== 'oncall') throw new Error('the demo has weekend on-call');
    const cut = s.run('hub.plan', { teamId: team.id, from: addDays(turn.body.startLocal.slice(0, 10), 1), to: WINDOW.to }).items.find((i) => i.key === turn.key);
    expect(cut).toEqual(turn);
  });

  it('publishes no hourly rate, phone number or note', () => {
    const { s, team, plan } = demo();
    const person = s.run('person.list', { teamId: team.id })[0];
    const shift = s.run('shift.list', { teamId: team.id, ...WINDOW }).find((x) => x.personId === person?.id);
    const rotation = s.run('rotation.list', { teamId: team.id })[0];
    const type = s.run('absenceType.list', { teamId: team.id })[0];
    if (!person || !shift || !rotation || !type) throw new Error('the demo has a person with shifts, a rotation and absence types');
    s.run('person.update', { id: person.id, hourlyRate: 987.65, phone: '+90 555 010 2030', notes: 'NOTE-OF-PERSON', email: 'Desk.Lead@Example.COM' });
    s.run('shift.update', { id: shift.id, startUtc: shift.startUtc, endUtc: shift.endUtc, note: 'NOTE-OF-SHIFT' });
    s.run('absence.create', { teamId: team.id, personId: person.id, typeId: type.id, start: '2026-12-21', end: '2026-12-22', status: 'requested', note: 'NOTE-OF-ABSENCE' });
    s.run('oncall.addOverride', { rotationId: rotation.id, personId: person.id, start: '2026-12-19T08:00', end: '2026-12-19T20:00', note: 'NOTE-OF-OVERRIDE' });
    const items = plan();
    const json = JSON.stringify(items);
    for (const secret of ['987.65', '555 010 2030', 'NOTE-OF-PERSON', 'NOTE-OF-SHIFT', 'NOTE-OF-ABSENCE', 'NOTE-OF-OVERRIDE']) expect(json).not.toContain(secret);
    const keysOf = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap(keysOf) : v !== null && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)]) : []);
    const keys = new Set(keysOf(items));
    for (const field of ['hourlyRate', 'rate', 'phone', 'notes', 'note']) expect(keys.has(field), field).toBe(false);
    // The email goes lower-cased: agents find themselves by it.
    expect(items.find((i) => i.key === `p${person.id}`)).toMatchObject({ body: { email: 'desk.lead@example.com' } });
  });

  it('leaves an archived person out altogether', () => {
    const { s, team, plan } = demo();
    const person = s.run('person.list', { teamId: team.id }).find((p) => p.name === 'Zeynep Demir');
    if (!person) throw new Error('the demo has Zeynep');
    const key = `p${person.id}`;
    const before = plan();
    // She has shifts, vacation and a balance in the window before.
    expect(before.filter((i) => i.key === key || ('personKey' in i && i.personKey === key)).map((i) => i.kind)).toEqual(expect.arrayContaining(['person', 'shift', 'leave', 'balance']));
    s.run('person.archive', { id: person.id });
    const after = plan();
    expect(after.filter((i) => i.key === key || ('personKey' in i && i.personKey === key))).toEqual([]);
    expect(planDiff(held(before), after).deletes).toContain(`person/${key}`);
  });

  it('refuses a window that is too long or reversed, and a team that is not there', () => {
    const { s, team } = demo();
    expect(s.call('hub.plan', { teamId: team.id, from: '2026-01-01', to: '2026-12-31' })).toMatchObject({ ok: false, error: { code: 'too_big', path: ['to'] } });
    expect(s.call('hub.plan', { teamId: team.id, from: '2026-12-01', to: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'reversed_range' } });
    expect(s.call('hub.plan', { teamId: team.id + 100, ...WINDOW })).toMatchObject({ ok: false, error: { code: 'not_found', path: ['teamId'] } });
  });

  it('names a channel with letters a key may not hold by a hash that never meets a plain name', () => {
    expect(channelKey('phone')).toBe('phone');
    const spoken = channelKey('canlı destek');
    expect(spoken).toMatch(/^-[0-9a-f]{16}$/);
    expect(channelKey('canlı destek')).toBe(spoken);
    expect(channelKey('canli destek')).not.toBe(spoken);
    const item = { kind: 'coverage', key: `c2026-11-23-${spoken}`, body: { weekStart: '2026-11-23', channel: 'canlı destek', requiredHours: 1, onShiftHours: 1, shortHours: 0 } };
    expect(PlanItem.safeParse(item).success).toBe(true);
  });

  it('makes the demo team’s plan for five weeks', () => {
    const s = freshService();
    const team = s.run('demo.create', {});
    const input = { teamId: team.id, ...WINDOW };
    const started = performance.now();
    const items = s.run('hub.plan', input).items;
    const firstMs = performance.now() - started;
    const again = performance.now();
    s.run('hub.plan', input);
    const againMs = performance.now() - again;
    const counts: Record<string, number> = {};
    for (const i of items) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
    // Printed, not asserted: machines differ; the first call makes the forecasts, the second finds them kept.
    console.log(`hub plan of the demo team, ${WINDOW.from} to ${WINDOW.to}: ${items.length} items ${JSON.stringify(counts)}; ${firstMs.toFixed(0)} ms, again ${againMs.toFixed(0)} ms`);
    expect(items.length).toBeGreaterThan(200);
  });
});
