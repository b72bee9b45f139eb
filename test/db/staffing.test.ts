import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { requirementOf } from '../../db/handlers/staffing';
import { freshService } from '../helpers/service';

/** The demo: 8 weeks of half-hourly history up to yesterday (Saturday 21 November 2026), opening hours and a rota to 13 December. */
function demo() {
  const s = freshService();
  const t = s.run('demo.create', {});
  return { s, t };
}

describe('coverage', () => {
  it('sets the forecast requirement against the rota per interval, with the predicted service level per interval and day', () => {
    const { s, t } = demo();
    // Around the clock, so the night shows what an unstaffed open interval looks like.
    s.run('staffing.setOpeningHours', { teamId: t.id, channel: 'phone', weekdays: null, closedOnHolidays: false });
    const c = s.run('coverage.range', { teamId: t.id, channel: 'phone', from: '2026-11-23', to: '2026-11-23', intervalMinutes: 30 });
    expect(c.withoutHistory).toEqual([]);
    expect(c.intervals).toHaveLength(48);
    const at = (hhmm: string) => c.intervals.find((x) => x.start.slice(11, 16) === hhmm);
    // Monday 13:30: busy, and the early and late phone shifts are on.
    const busy = at('13:30');
    expect(busy?.volume).toBeGreaterThan(8);
    expect(busy?.required).toBeGreaterThan(0);
    expect(busy?.onShift).toBeGreaterThan(0);
    expect(busy?.traffic).toBeCloseTo(((busy?.volume ?? 0) * (busy?.ahtSeconds ?? 0)) / 1800, 3);
    // 06:30: nobody on shift and a few calls: under-staffed, no service to predict.
    expect(at('06:30')).toMatchObject({ onShift: 0, serviceLevel: 0, status: 'under', open: true });
    const day = c.days[0];
    expect(day).toMatchObject({ day: '2026-11-23', channel: 'phone', outsideHoursVolume: 0 });
    expect(day?.volume).toBeCloseTo(c.intervals.reduce((a, x) => a + x.volume, 0), 1);
    expect(day?.serviceLevel).toBeGreaterThan(0);
    expect(day?.underIntervals).toBe(c.intervals.filter((x) => x.status === 'under').length);
  });

  it('takes approved leave and breaks off the agents on shift', () => {
    const { s, t } = demo();
    const before = s.run('coverage.range', { teamId: t.id, channel: 'phone', from: '2026-11-24', to: '2026-11-24' });
    const ayse = s.run('person.list', { teamId: t.id, query: 'ayşe' })[0];
    const sick = s.run('absenceType.list', { teamId: t.id }).find((x) => x.key === 'sick');
    s.run('absence.create', { teamId: t.id, personId: ayse?.id ?? 0, typeId: sick?.id ?? 0, start: '2026-11-24', end: '2026-11-24', status: 'approved' });
    const after = s.run('coverage.range', { teamId: t.id, channel: 'phone', from: '2026-11-24', to: '2026-11-24' });
    const at = (c: typeof before, hhmm: string) => c.intervals.find((x) => x.start.slice(11, 16) === hhmm)?.onShift ?? 0;
    // Ayşe works the early phone shift (08:00–16:30) with her break placed at 12:00: a whole agent
    // before it, none during it, and nothing after her shift.
    expect(at(before, '08:00') - at(after, '08:00')).toBeCloseTo(1, 5);
    expect(at(before, '12:00')).toBe(at(after, '12:00'));
    expect(at(before, '12:30') - at(after, '12:30')).toBeCloseTo(1, 5);
    expect(at(before, '17:00')).toBe(at(after, '17:00'));
  });

  it('keeps the lead’s adjustments apart from the model: a day +20 %, an interval +10 contacts', () => {
    const { s, t } = demo();
    const run = () => s.run('forecast.run', { teamId: t.id, channel: 'chat', from: '2026-11-23', weeks: 1, intervalMinutes: 60 });
    const plain = run();
    s.run('forecast.adjust', { teamId: t.id, channel: 'chat', day: '2026-11-25', kind: 'percent', value: 20, note: 'Campaign' });
    const adj = s.run('forecast.adjust', { teamId: t.id, channel: 'chat', day: '2026-11-26', timeLocal: '10:00', kind: 'absolute', value: 10 });
    const adjusted = run();
    expect(adjusted.points.map((p) => p.model)).toEqual(plain.points.map((p) => p.model));
    const wed = (r: typeof plain, key: 'model' | 'volume') => r.points.filter((p) => p.start.startsWith('2026-11-25')).reduce((a, p) => a + p[key], 0);
    expect(wed(adjusted, 'volume')).toBeCloseTo(wed(plain, 'model') * 1.2, 0);
    const thu10 = adjusted.points.find((p) => p.start.startsWith('2026-11-26T10:00'));
    expect((thu10?.volume ?? 0) - (thu10?.model ?? 0)).toBeCloseTo(10, 1);
    expect(s.run('forecast.adjustments', { teamId: t.id, channel: 'chat', from: '2026-11-23', to: '2026-11-29' }).map((a) => [a.day, a.kind, a.value])).toEqual([
      ['2026-11-25', 'percent', 20],
      ['2026-11-26', 'absolute', 10],
    ]);
    s.run('forecast.deleteAdjustment', { id: adj.id });
    expect(run().points.find((p) => p.start.startsWith('2026-11-26T10:00'))?.volume).toBe(thu10?.model);
    expect(s.call('forecast.adjust', { teamId: t.id, channel: 'chat', day: '2026-11-25', kind: 'percent', value: -150 })).toMatchObject({ ok: false, error: { path: ['value'] } });
  });

  it('stores staffing targets per channel, uses the history’s AHT by default, and refuses impossible ones', () => {
    const { s, t } = demo();
    const settings = s.run('staffing.settings', { teamId: t.id, before: '2026-11-23' });
    expect(settings.map((x) => [x.channel, x.model])).toEqual([
      ['phone', 'erlang'],
      ['chat', 'erlang'],
      ['email', 'workload'],
    ]);
    // The demo's phone AHT is about 310 s.
    expect(settings[0]?.ahtFromHistory).toBeGreaterThan(290);
    expect(settings[0]?.ahtFromHistory).toBeLessThan(330);
    const base = { teamId: t.id, channel: 'phone', model: 'erlang' as const, targetServiceLevel: 0.9, targetSeconds: 15, ahtSeconds: null, shrinkage: 0.25, maxOccupancy: 0.85, patienceSeconds: 90, responseMinutes: 240 };
    expect(s.run('staffing.setSettings', base)).toMatchObject({ targetServiceLevel: 0.9, patienceSeconds: 90 });
    const stricter = s.run('coverage.range', { teamId: t.id, channel: 'phone', from: '2026-11-23', to: '2026-11-23' });
    expect(stricter.intervals.find((x) => x.start.slice(11, 16) === '10:00')?.scheduledRequired).toBeGreaterThan(0);
    expect(s.call('staffing.setSettings', { ...base, targetServiceLevel: 80 })).toMatchObject({ ok: false, error: { path: ['targetServiceLevel'] } });
    expect(s.call('staffing.setSettings', { ...base, shrinkage: 1 })).toMatchObject({ ok: false, error: { path: ['shrinkage'] } });
    expect(s.call('staffing.setSettings', { ...base, channel: 'fax' })).toMatchObject({ ok: false, error: { code: 'unknown_skill' } });
    expect(s.call('coverage.range', { teamId: t.id, from: '2026-11-23', to: '2026-12-23' })).toMatchObject({ ok: false, error: { code: 'too_big' } });
  });
});

describe('staffing with callers who hang up (issue 17, point 10)', () => {
  const phone = { channel: 'phone', model: 'erlang' as const, targetServiceLevel: 0.8, targetSeconds: 120, ahtSeconds: 900, shrinkage: 0, maxOccupancy: 1, patienceSeconds: 45, responseMinutes: 240 };

  it('stores a maximum share of hang-ups (5 % unless set) and a short-abandon threshold per channel, and refuses impossible ones', () => {
    const { s, t } = demo();
    expect(s.run('staffing.settings', { teamId: t.id, before: '2026-11-23' }).map((x) => [x.channel, x.maxAbandonRate, x.shortAbandonSeconds])).toEqual([
      ['phone', 0.05, 0],
      ['chat', 0.05, 0],
      ['email', 0.05, 0],
    ]);
    expect(s.run('staffing.setSettings', { teamId: t.id, ...phone })).toMatchObject({ maxAbandonRate: 0.05, shortAbandonSeconds: 0 });
    expect(s.run('staffing.setSettings', { teamId: t.id, ...phone, maxAbandonRate: 0.1, shortAbandonSeconds: 5 })).toMatchObject({ maxAbandonRate: 0.1, shortAbandonSeconds: 5 });
    expect(s.call('staffing.setSettings', { teamId: t.id, ...phone, maxAbandonRate: 0 })).toMatchObject({ ok: false, error: { path: ['maxAbandonRate'] } });
    expect(s.call('staffing.setSettings', { teamId: t.id, ...phone, maxAbandonRate: 5 })).toMatchObject({ ok: false, error: { path: ['maxAbandonRate'] } });
    expect(s.call('staffing.setSettings', { teamId: t.id, ...phone, shortAbandonSeconds: -1 })).toMatchObject({ ok: false, error: { path: ['shortAbandonSeconds'] } });
  });

  it('one figure, one function: the coverage chart, the scheduler and `rosterdesk staffing` require the same agents, with the service level and hang-ups they give', async () => {
    const { s, t } = demo();
    s.run('staffing.setSettings', { teamId: t.id, ...phone });
    const c = s.run('coverage.range', { teamId: t.id, channel: 'phone', from: '2026-11-23', to: '2026-11-23', intervalMinutes: 60 });
    const busy = c.intervals.filter((x) => x.open && x.volume > 0);
    expect(busy.length).toBeGreaterThan(5);
    // The scheduler's requirement is the chart's, interval for interval.
    const scheduler = requirementOf(s.planner.db, t, '2026-11-23', '2026-11-23', 60);
    expect(scheduler.byChannel.get('phone')).toEqual(c.intervals.map((x) => x.required));
    for (const x of busy) {
      expect(x.requiredServiceLevel).toBeGreaterThanOrEqual(0.8);
      expect(x.requiredAbandonRate).toBeLessThanOrEqual(0.05);
      let out = '';
      const args = ['--calls', String(x.volume), '--interval-minutes', '60', '--aht-seconds', '900', '--target-sl', '0.8', '--target-seconds', '120', '--patience-seconds', '45'];
      expect(await runCli(['staffing', ...args], { out: (text) => (out += text), err: () => undefined })).toBe(0);
      const cli = JSON.parse(out) as { agents: number; serviceLevel: number; abandonRate: number };
      expect({ start: x.start, required: x.required, sl: x.requiredServiceLevel, abandon: x.requiredAbandonRate }).toEqual({
        start: x.start,
        required: cli.agents,
        sl: expect.closeTo(cli.serviceLevel, 4) as number,
        abandon: expect.closeTo(cli.abandonRate, 4) as number,
      });
      // At or above the offered load there is nothing to explain; below it, the reason is given.
      expect(x.belowLoadReason).toBe(x.required < x.traffic ? 'abandonment' : null);
    }
    // The rota's own prediction shows the hang-ups too, per interval and per day.
    expect(busy.every((x) => x.abandonRate !== null)).toBe(true);
    expect(c.days[0]?.abandonRate).toBeGreaterThan(0);
  });

  it('channels without a patience keep Erlang C: no hang-ups, and the requirement of before', () => {
    const { s, t } = demo();
    const c = s.run('coverage.range', { teamId: t.id, channel: 'chat', from: '2026-11-23', to: '2026-11-23', intervalMinutes: 30 });
    const open = c.intervals.filter((x) => x.open && x.volume > 0);
    expect(open.length).toBeGreaterThan(0);
    for (const x of open) expect(x).toMatchObject({ requiredAbandonRate: null, abandonRate: null, belowLoadReason: null });
    expect(open.every((x) => x.required > x.traffic)).toBe(true);
  });
});
