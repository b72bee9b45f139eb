import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { freshService } from '../helpers/service';

/**
 * A small team whose requirement is known exactly: two agents on the phone 09:00–17:00 on
 * weekdays (workload model: 4 contacts of 15 minutes per half hour, done within the half hour).
 */
function team(options: { people?: { name: string; hours: number }[] } = {}) {
  const s = freshService();
  const t = s.run('team.create', { name: 'Wsparcie', timeZone: 'Europe/Warsaw', skills: ['phone'] });
  const people = (options.people ?? [
    { name: 'Anna', hours: 40 },
    { name: 'Bartek', hours: 40 },
    { name: 'Celina', hours: 0 },
  ]).map((p) => s.run('person.create', { teamId: t.id, name: p.name, skills: ['phone'], contractHoursPerWeek: p.hours }).id);
  const day = s.run('template.create', { teamId: t.id, code: 'D', name: 'Day', startLocal: '09:00', endLocal: '17:00', skill: 'phone' });
  s.run('staffing.setSettings', { teamId: t.id, channel: 'phone', model: 'workload', targetServiceLevel: 0.8, targetSeconds: 0, ahtSeconds: 900, shrinkage: 0, maxOccupancy: 1, patienceSeconds: null, responseMinutes: 30 });
  const rows = ['interval_start,channel,volume'];
  for (let d = 0; d < 21; d += 1) {
    const date = new Date(Date.UTC(2026, 10, 2 + d));
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    for (let h = 9; h < 17; h += 0.5) rows.push(`${date.toISOString().slice(0, 10)}T${String(Math.floor(h)).padStart(2, '0')}:${h % 1 ? '30' : '00'},phone,4`);
  }
  s.run('volume.import', { teamId: t.id, csv: rows.join('\n') });
  return { s, t, people, day };
}

describe('auto-scheduling', () => {
  it('finds the known optimum: two agents each weekday, nobody else, no shortage, no surplus, bound 0', async () => {
    const { s, t, people } = team();
    const r = await s.callAsync('schedule.generate', { teamId: t.id, from: '2026-11-23', to: '2026-11-29', timeLimitSeconds: 20 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.summary).toMatchObject({ shifts: 10, underStaffedIntervals: 0, underStaffedAgentHours: 0, overStaffedAgentHours: 0, lowerBoundAgentHours: 0, violations: 0, status: 'optimal' });
    const byPerson = (id: number) => r.value.draft.filter((x) => x.personId === id).map((x) => x.day);
    expect(byPerson(people[0] ?? 0)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(byPerson(people[2] ?? 0)).toEqual([]);
    // A dry run writes nothing.
    expect(s.run('shift.list', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' })).toEqual([]);
  });

  it('never schedules over approved leave, keeps locked shifts, and replaces the rest in one undoable step', async () => {
    const { s, t, people } = team();
    const [anna, bartek, celina] = people as [number, number, number];
    const leave = s.run('absenceType.list', { teamId: t.id }).find((x) => x.key === 'vacation');
    s.run('absence.create', { teamId: t.id, personId: anna, typeId: leave?.id ?? 0, start: '2026-11-25', end: '2026-11-25', status: 'approved' });
    const set = s.run('shift.setCells', { teamId: t.id, entries: [
      { personId: celina, day: '2026-11-28', value: { startLocal: '10:00', endLocal: '14:00', skill: 'phone' } },
      { personId: bartek, day: '2026-11-29', value: { code: 'D' } },
    ] });
    const saturday = set.shifts.find((x) => x.day === '2026-11-28');
    s.run('shift.lock', { ids: [saturday?.id ?? 0], locked: true });
    const r = await s.callAsync('schedule.generate', { teamId: t.id, from: '2026-11-23', to: '2026-11-29', timeLimitSeconds: 20, dryRun: false });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.summary).toMatchObject({ underStaffedAgentHours: 0, violations: 0 });
    const after = s.run('shift.list', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' });
    expect(after.filter((x) => x.personId === anna).map((x) => x.day)).not.toContain('2026-11-25');
    expect(after.filter((x) => x.day === '2026-11-25').map((x) => x.personId).sort()).toEqual([bartek, celina].sort());
    // The locked Saturday shift is where it was, with its id; Sunday's unlocked one is gone.
    expect(after.find((x) => x.day === '2026-11-28')).toMatchObject({ id: saturday?.id, personId: celina, startLocal: '10:00', locked: true });
    expect(after.find((x) => x.day === '2026-11-29')).toBeUndefined();
    expect(s.run('roster.check', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' })).toEqual([]);
    s.run('history.undo', {});
    expect(s.run('shift.list', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' }).map((x) => x.day).sort()).toEqual(['2026-11-28', '2026-11-29']);
  });

  it('a whole week of leave leaves that person out, and the solver still proves its draft best', async () => {
    const { s, t, people } = team();
    const [anna] = people as [number, number, number];
    const leave = s.run('absenceType.list', { teamId: t.id }).find((x) => x.key === 'vacation');
    s.run('absence.create', { teamId: t.id, personId: anna, typeId: leave?.id ?? 0, start: '2026-11-23', end: '2026-11-29', status: 'approved' });
    const r = await s.callAsync('schedule.generate', { teamId: t.id, from: '2026-11-23', to: '2026-11-29', timeLimitSeconds: 20 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.summary).toMatchObject({ shifts: 10, underStaffedAgentHours: 0, violations: 0, status: 'optimal' });
    expect(r.value.draft.filter((x) => x.personId === anna)).toEqual([]);
  });

  it('keeps the daily rest around on-call standby, as the rota check does', async () => {
    const { s, t, people } = team();
    const [anna] = people as [number, number, number];
    // Anna is on call around the clock all week: any shift would cut into her rest.
    s.run('rotation.create', { teamId: t.id, name: 'Dyżur', layers: [{ name: 'Cały tydzień', participants: [anna], turnUnit: 'weeks', turnLength: 1, startDay: '2026-11-16', handoffTime: '09:00' }] });
    const r = await s.callAsync('schedule.generate', { teamId: t.id, from: '2026-11-23', to: '2026-11-29', timeLimitSeconds: 20, dryRun: false });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.draft.filter((x) => x.personId === anna)).toEqual([]);
    // What is left to the lead: her contract hours cannot be met this week, and the draft says so.
    expect(r.value.violations.map((v) => [v.rule, v.personId])).toEqual([['contract_hours', anna]]);
    // Her missing hours are not under-staffing: the bound is the draft's own (issue 15 saw it 10 h per contract hour above),
    // proven, but with a broken rule it is not "optimal".
    expect(r.value.summary).toMatchObject({ underStaffedAgentHours: 0, lowerBoundAgentHours: 0, status: 'broken_rules' });
    expect(s.run('roster.check', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' }).filter((v) => v.rule === 'oncall_rest')).toEqual([]);
  });

  it('schedules nobody before they start or after they leave', async () => {
    const { s, t, people } = team();
    const [anna, bartek] = people as [number, number, number];
    s.run('person.update', { id: anna, employmentEnd: '2026-11-24' });
    s.run('person.update', { id: bartek, employmentStart: '2026-11-26' });
    const r = await s.callAsync('schedule.generate', { teamId: t.id, from: '2026-11-23', to: '2026-11-29', timeLimitSeconds: 20 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.draft.filter((x) => x.personId === anna).every((x) => x.day <= '2026-11-24')).toBe(true);
    expect(r.value.draft.filter((x) => x.personId === bartek).every((x) => x.day >= '2026-11-26')).toBe(true);
    expect(r.value.summary.violations).toBe(0);
  });

  it('reports what it cannot cover and why, and the preferences it could not keep', async () => {
    const { s, t, people, day } = team({ people: [{ name: 'Anna', hours: 0 }] });
    s.run('person.setPreferences', { personId: people[0] ?? 0, preferences: [{ weekday: 1, templateId: day.id, kind: 'prefer_not' }, { weekday: 2, templateId: null, kind: 'cannot' }] });
    const r = await s.callAsync('schedule.generate', { teamId: t.id, from: '2026-11-23', to: '2026-11-29', timeLimitSeconds: 20 });
    if (!r.ok) throw new Error(r.error.message);
    const v = r.value;
    // One person for two seats: every weekday interval is short by one (by two on Tuesday, when she cannot work).
    expect(v.summary.underStaffedAgentHours).toBe(8 * 4 + 16);
    expect(v.summary.lowerBoundAgentHours).toBe(48);
    expect(v.unmetPreferences).toEqual([{ personId: people[0], person: 'Anna', day: '2026-11-23', code: 'D' }]);
    expect(v.underStaffed.find((g) => g.day === '2026-11-24')).toMatchObject({ channel: 'phone', from: '09:00', to: '17:00', agentHours: 16 });
    expect(v.underStaffed.find((g) => g.day === '2026-11-24')?.reason).toBe('no one with phone skill is free on 2026-11-24 09:00–17:00 (leave, employment or "cannot" preferences)');
    expect(v.underStaffed.find((g) => g.day === '2026-11-23')?.reason).toBe('everyone with phone skill who is free on 2026-11-23 is already rostered that day');
  });

  it('on random small teams: never breaks a rule, never moves a locked shift, never schedules over leave (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 6, max: 11 }),
        fc.record({ who: fc.nat(), leaveDay: fc.integer({ min: 0, max: 13 }), leaveDays: fc.integer({ min: 1, max: 7 }), lockDay: fc.integer({ min: 0, max: 13 }) }),
        async (hours, start, chaos) => {
          const { s, t } = team({ people: hours.map((h, i) => ({ name: `P${i}`, hours: h })) });
          s.run('template.create', { teamId: t.id, code: 'L', name: 'Late', startLocal: `${String(start + 8).padStart(2, '0')}:00`, endLocal: `${String((start + 16) % 24).padStart(2, '0')}:00`, skill: 'phone' });
          const people = s.run('person.list', { teamId: t.id });
          const day = (n: number) => Temporal.PlainDate.from('2026-11-23').add({ days: n }).toString();
          // One person on leave for a stretch, another (or the same) with a locked shift.
          const onLeave = people[chaos.who % people.length]?.id ?? 0;
          const vacation = s.run('absenceType.list', { teamId: t.id }).find((x) => x.key === 'vacation');
          const leaveEnd = Math.min(13, chaos.leaveDay + chaos.leaveDays - 1);
          s.run('absence.create', { teamId: t.id, personId: onLeave, typeId: vacation?.id ?? 0, start: day(chaos.leaveDay), end: day(leaveEnd), status: 'approved' });
          const lockedPerson = people[(chaos.who + 1) % people.length]?.id ?? 0;
          const lockedOnLeave = lockedPerson === onLeave && chaos.lockDay >= chaos.leaveDay && chaos.lockDay <= leaveEnd;
          const lockedShift = lockedOnLeave ? null : s.run('shift.setCells', { teamId: t.id, entries: [{ personId: lockedPerson, day: day(chaos.lockDay), value: { startLocal: '10:00', endLocal: '14:00', skill: 'phone' } }] }).shifts[0];
          if (lockedShift) s.run('shift.lock', { ids: [lockedShift.id], locked: true });

          const r = await s.callAsync('schedule.generate', { teamId: t.id, from: '2026-11-23', to: '2026-12-06', timeLimitSeconds: 10, dryRun: false });
          if (!r.ok) throw new Error(r.error.message);
          const after = s.run('shift.list', { teamId: t.id, from: '2026-11-23', to: '2026-12-06' });
          const kept = lockedShift === undefined || lockedShift === null || after.some((x) => x.id === lockedShift.id && x.startUtc === lockedShift.startUtc && x.endUtc === lockedShift.endUtc && x.personId === lockedShift.personId);
          const overLeave = after.filter((x) => x.personId === onLeave && x.day >= day(chaos.leaveDay) && x.day <= day(leaveEnd));
          const x = r.value.summary;
          // The figures agree: the bound never above the achieved, "optimal" only when proven.
          const honest = x.lowerBoundAgentHours <= x.underStaffedAgentHours && (x.status !== 'optimal' || x.lowerBoundAgentHours === x.underStaffedAgentHours);
          return x.violations === 0 && s.run('roster.check', { teamId: t.id, from: '2026-11-23', to: '2026-12-06' }).length === 0 && kept && overLeave.length === 0 && honest;
        },
      ),
      { numRuns: 12 },
    );
  }, 180_000);

  it('spreads weekend days evenly over interchangeable people', async () => {
    // Four people, one seat on every day of four weeks, each 24 h (three 8-hour days) a week ± 4 h.
    const s = freshService();
    const t = s.run('team.create', { name: 'Weekend', timeZone: 'Europe/Istanbul', skills: ['chat'] });
    const ids = [0, 1, 2, 3].map((i) => s.run('person.create', { teamId: t.id, name: `P${i}`, skills: ['chat'], contractHoursPerWeek: 14 }).id);
    s.run('template.create', { teamId: t.id, code: 'D', name: 'Day', startLocal: '09:00', endLocal: '17:00', skill: 'chat' });
    s.run('staffing.setSettings', { teamId: t.id, channel: 'chat', model: 'workload', targetServiceLevel: 0.8, targetSeconds: 0, ahtSeconds: 900, shrinkage: 0, maxOccupancy: 1, patienceSeconds: null, responseMinutes: 30 });
    const rows = ['interval_start,channel,volume'];
    for (let d = 0; d < 28; d += 1) {
      const date = Temporal.PlainDate.from('2026-10-26').add({ days: d }).toString();
      for (let h = 9; h < 17; h += 0.5) rows.push(`${date}T${String(Math.floor(h)).padStart(2, '0')}:${h % 1 ? '30' : '00'},chat,2`);
    }
    s.run('volume.import', { teamId: t.id, csv: rows.join('\n') });
    const r = await s.callAsync('schedule.generate', { teamId: t.id, from: '2026-11-23', to: '2026-12-20', timeLimitSeconds: 20 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.summary).toMatchObject({ underStaffedAgentHours: 0, violations: 0 });
    const weekendDays = ids.map((id) => r.value.draft.filter((x) => x.personId === id && [6, 7].includes(Temporal.PlainDate.from(x.day).dayOfWeek)).length);
    // Eight weekend days over four people: two each.
    expect(weekendDays).toEqual([2, 2, 2, 2]);
  });

  it('drafts in a worker thread with progress, and the draft is accepted in one undoable step', async () => {
    const { s, t, people } = team();
    const before = s.run('shift.setCells', { teamId: t.id, entries: [{ personId: people[2] ?? 0, day: '2026-11-24', value: { code: 'D' } }] });
    const { jobId } = s.run('schedule.start', { teamId: t.id, from: '2026-11-23', to: '2026-11-29', timeLimitSeconds: 20 });
    // One job at a time.
    expect(s.call('schedule.start', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' })).toMatchObject({ ok: false, error: { code: 'busy' } });
    const status = await until(() => s.run('schedule.status', { jobId }), (x) => x.state !== 'running');
    expect(status).toMatchObject({ state: 'done', fraction: 1, error: null, lowerBoundAgentHours: 0 });
    const draft = status.draft;
    if (!draft) throw new Error('no draft');
    expect(draft.summary).toMatchObject({ shifts: 10, underStaffedAgentHours: 0, violations: 0 });
    // Coverage before: Celina's one Tuesday shift, one agent short of two; after: nothing short.
    expect(draft.coverage.before.find((x) => x.day === '2026-11-24')).toMatchObject({ channel: 'phone', underAgentHours: 8 });
    expect(draft.coverage.before.find((x) => x.day === '2026-11-23')).toMatchObject({ underAgentHours: 16 });
    expect(draft.coverage.after.every((x) => x.underAgentHours === 0)).toBe(true);
    // Reading the draft wrote nothing.
    expect(s.run('shift.list', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' }).map((x) => x.id)).toEqual(before.shifts.map((x) => x.id));

    const applied = s.run('schedule.apply', { teamId: t.id, from: draft.from, to: draft.to, shifts: draft.draft.map(({ personId, day, templateId }) => ({ personId, day, templateId })) });
    expect(applied).toEqual({ removed: 1, created: 10, violations: 0 });
    expect(s.run('shift.list', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' })).toHaveLength(10);
    expect(s.run('history.state', {})).toMatchObject({ undoLabel: 'Accept the generated schedule' });
    s.run('history.undo', {});
    expect(s.run('shift.list', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' }).map((x) => x.id)).toEqual(before.shifts.map((x) => x.id));
  });

  it('refuses a draft that no longer fits, and changes nothing', () => {
    const { s, t, people, day } = team();
    const other = s.run('team.create', { name: 'Other', timeZone: 'Europe/Warsaw', skills: ['phone'] });
    const stranger = s.run('person.create', { teamId: other.id, name: 'Zofia', skills: ['phone'] });
    const existing = s.run('shift.setCells', { teamId: t.id, entries: [{ personId: people[0] ?? 0, day: '2026-11-23', value: { code: 'D' } }] });
    s.run('shift.lock', { ids: existing.shifts.map((x) => x.id), locked: true });
    const apply = (shifts: { personId: number; day: string; templateId: number }[]) => s.call('schedule.apply', { teamId: t.id, from: '2026-11-23', to: '2026-11-29', shifts });
    const ok = { personId: people[1] ?? 0, day: '2026-11-24', templateId: day.id };
    expect(apply([ok, { ...ok, personId: stranger.id }])).toMatchObject({ ok: false, error: { code: 'not_found', path: ['shifts', 1, 'personId'] } });
    expect(apply([ok, ok])).toMatchObject({ ok: false, error: { code: 'draft_clash', path: ['shifts', 1, 'day'] } });
    expect(apply([{ ...ok, day: '2026-11-30' }])).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
    expect(apply([{ ...ok, personId: people[0] ?? 0, day: '2026-11-23' }])).toMatchObject({ ok: false, error: { code: 'draft_clash', message: expect.stringContaining('locked') } });
    expect(s.call('schedule.apply', { teamId: t.id, from: '2026-11-29', to: '2026-11-23', shifts: [] })).toMatchObject({ ok: false });
    expect(s.run('shift.list', { teamId: t.id, from: '2026-11-23', to: '2026-11-29' }).map((x) => x.id)).toEqual(existing.shifts.map((x) => x.id));
  });

  it('a cancelled job ends soon with the best draft so far, still within every rule', async () => {
    const { s, t } = team({ people: Array.from({ length: 24 }, (_, i) => ({ name: `P${i}`, hours: i % 3 ? 40 : 32 })) });
    s.run('template.create', { teamId: t.id, code: 'L', name: 'Late', startLocal: '13:00', endLocal: '21:00', skill: 'phone' });
    s.run('template.create', { teamId: t.id, code: 'M', name: 'Mid', startLocal: '11:00', endLocal: '19:00', skill: 'phone' });
    const { jobId } = s.run('schedule.start', { teamId: t.id, from: '2026-11-23', to: '2026-12-20', timeLimitSeconds: 120 });
    // Cancelled at once: the worker stops before the solver has a draft, so the greedy one stands.
    const cancelledAt = Date.now();
    expect(s.run('schedule.cancel', { jobId })).toEqual({ stopped: true });
    const status = await until(() => s.run('schedule.status', { jobId }), (x) => x.state !== 'running');
    expect(Date.now() - cancelledAt).toBeLessThan(15_000);
    expect(status.state).toBe('done');
    expect(status.draft?.summary).toMatchObject({ status: 'stopped', violations: 0 });
    expect(status.draft?.summary.shifts).toBeGreaterThan(0);
    expect(s.run('schedule.cancel', { jobId })).toEqual({ stopped: false });
    expect(s.call('schedule.status', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  }, 60_000);
});

async function until<T>(read: () => T, done: (x: T) => boolean, timeoutMs = 50_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const x = read();
    if (done(x) || Date.now() > end) return x;
    await new Promise((r) => setTimeout(r, 50));
  }
}
