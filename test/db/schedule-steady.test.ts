import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { buildScheduleModel, coverageGaps, startSpreadMinutes, steadyStarts, type Candidate } from '../../core/schedule';
import { makeContext } from '../../db/make-context';
import { openPlanner } from '../../db/open';
import { draftSchedule, scheduleInput } from '../../db/handlers/schedule-draft';
import { createService, type Service } from '../../db/service';
import { highsInstance } from '../../db/solver';
import { tempFile } from '../helpers/tmp';

/**
 * Issue 15, "stable start times": people should not jump between early and late starts
 * across a week, as long as that costs no coverage.
 */

/** The planner's own context on a read-only connection, as the scheduling worker has it. */
function readContext(file: string, now: Temporal.Instant) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return { context: makeContext(db, () => now, 'test').context, close: () => db.close() };
}

/**
 * Two interchangeable people, an early (07:00) and a mid (10:00) phone shift, and each
 * weekday one agent needed from 07:00 to 10:00 and from 15:00 to 18:00 and two between:
 * each weekday needs both shifts, and either person can take either — so each can keep one.
 */
function twoShiftTeam(file: string): { s: Service; teamId: number; now: Temporal.Instant } {
  const now = Temporal.Instant.from('2026-11-22T09:00:00Z');
  const s = createService(openPlanner(file), { appVersion: 'test', now: () => now });
  const t = s.run('team.create', { name: 'Steady', timeZone: 'Europe/Warsaw', skills: ['phone'] });
  for (const name of ['Anna', 'Bartek']) s.run('person.create', { teamId: t.id, name, skills: ['phone'], contractHoursPerWeek: 40 });
  s.run('template.create', { teamId: t.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:00', breakMinutes: 30, skill: 'phone' });
  s.run('template.create', { teamId: t.id, code: 'M', name: 'Mid', startLocal: '10:00', endLocal: '18:00', breakMinutes: 30, skill: 'phone' });
  // Workload model: contacts of 15 minutes to answer within the half hour, 2 per agent.
  s.run('staffing.setSettings', { teamId: t.id, channel: 'phone', model: 'workload', targetServiceLevel: 0.8, targetSeconds: 0, ahtSeconds: 900, shrinkage: 0, maxOccupancy: 1, patienceSeconds: null, responseMinutes: 30 });
  const rows = ['interval_start,channel,volume'];
  for (let d = 0; d < 21; d += 1) {
    const day = Temporal.PlainDate.from('2026-11-02').add({ days: d });
    if (day.dayOfWeek > 5) continue;
    for (let h = 7; h < 18; h += 0.5) rows.push(`${day.toString()}T${String(Math.floor(h)).padStart(2, '0')}:${h % 1 ? '30' : '00'},phone,${h >= 10 && h < 15 ? 4 : 2}`);
  }
  s.run('volume.import', { teamId: t.id, csv: rows.join('\n') });
  return { s, teamId: t.id, now };
}

describe('stable start times', () => {
  it('where coverage allows it, each person keeps one start time all week, and steadying costs no coverage', async () => {
    const file = tempFile();
    const { s, teamId, now } = twoShiftTeam(file);
    const r = await s.callAsync('schedule.generate', { teamId, from: '2026-11-23', to: '2026-11-29', timeLimitSeconds: 10 });
    if (!r.ok) throw new Error(r.error.message);
    const draft = r.value;
    // Every weekday has its early and its mid shift…
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']) expect(draft.draft.filter((x) => x.day === day).map((x) => x.code).sort()).toEqual(['E', 'M']);
    // …and each person has one of them all week (the drafter alone alternated them: E M E M E).
    const codes = (personId: number) => new Set(draft.draft.filter((x) => x.personId === personId).map((x) => x.code));
    for (const p of s.run('person.list', { teamId })) expect(codes(p.id).size).toBe(1);
    expect(draft.startSpread.map((x) => x.hours)).toEqual([0, 0]);
    expect(draft.summary).toMatchObject({ startSpreadMeanHours: 0, startSpreadMaxHours: 0, violations: 0 });

    // The same draft without steadying: the same coverage, the same bound, no narrower spread.
    const { context, close } = readContext(file, now);
    const team = context.requireTeam(teamId);
    const request = { teamId, from: '2026-11-23', to: '2026-11-29', timeLimitSeconds: 10, intervalMinutes: 30 as const };
    const highs = await highsInstance();
    const without = draftSchedule(context, team, request, { highs, steadyStarts: false });
    const withIt = draftSchedule(context, team, request, { highs });
    close();
    s.close();
    for (const k of ['underStaffedAgentHours', 'underStaffedIntervals', 'overStaffedAgentHours', 'lowerBoundAgentHours', 'shifts', 'status'] as const) expect(withIt.summary[k]).toEqual(without.summary[k]);
    expect(withIt.coverage).toEqual(without.coverage);
    expect(withIt.summary.startSpreadMaxHours).toBeLessThanOrEqual(without.summary.startSpreadMaxHours);
    expect(withIt.summary.startSpreadMeanHours).toBe(0);
  }, 60_000);

  it('on random small teams, steadying a draft keeps its coverage exactly, widens no one\'s spread, and adds no rule problem (property)', async () => {
    const highs = await highsInstance();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ hours: fc.constantFrom(0, 16, 24, 40), weekend: fc.boolean() }), { minLength: 2, maxLength: 5 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 2, maxLength: 4 }),
        fc.record({ who: fc.nat(), leaveDay: fc.integer({ min: 0, max: 13 }), leaveDays: fc.integer({ min: 1, max: 4 }), seats: fc.integer({ min: 1, max: 3 }) }),
        async (people, startSlots, chaos) => {
          const file = tempFile();
          const now = Temporal.Instant.from('2026-11-22T09:00:00Z');
          const s = createService(openPlanner(file), { appVersion: 'test', now: () => now });
          const t = s.run('team.create', { name: 'Random', timeZone: 'Europe/Istanbul', skills: ['phone'] });
          const ids = people.map((p, i) => s.run('person.create', { teamId: t.id, name: `P${i}`, skills: ['phone'], contractHoursPerWeek: p.hours }).id);
          // Starts 06:00, 09:00, … 03:00 the next morning: early, day, late and night shifts of 8 hours.
          for (const slot of startSlots) {
            const h = (6 + slot * 3) % 24;
            s.run('template.create', { teamId: t.id, code: `T${slot}`, name: `T${slot}`, startLocal: `${String(h).padStart(2, '0')}:00`, endLocal: `${String((h + 8) % 24).padStart(2, '0')}:00`, breakMinutes: 30, skill: 'phone' });
          }
          people.forEach((p, i) => {
            if (!p.weekend) s.run('person.setPreferences', { personId: ids[i] ?? 0, preferences: [{ weekday: 6, templateId: null, kind: 'cannot' }, { weekday: 7, templateId: null, kind: 'prefer_not' }] });
          });
          const vacation = s.run('absenceType.list', { teamId: t.id }).find((x) => x.key === 'vacation')?.id ?? 0;
          const day = (n: number) => Temporal.PlainDate.from('2026-11-23').add({ days: n }).toString();
          s.run('absence.create', { teamId: t.id, personId: ids[chaos.who % ids.length] ?? 0, typeId: vacation, start: day(chaos.leaveDay), end: day(Math.min(13, chaos.leaveDay + chaos.leaveDays - 1)), status: 'approved' });
          s.run('staffing.setSettings', { teamId: t.id, channel: 'phone', model: 'workload', targetServiceLevel: 0.8, targetSeconds: 0, ahtSeconds: 900, shrinkage: 0, maxOccupancy: 1, patienceSeconds: null, responseMinutes: 30 });
          const rows = ['interval_start,channel,volume'];
          for (let d = 0; d < 21; d += 1) {
            const date = Temporal.PlainDate.from('2026-11-02').add({ days: d }).toString();
            for (let h = 6; h < 23; h += 0.5) rows.push(`${date}T${String(Math.floor(h)).padStart(2, '0')}:${h % 1 ? '30' : '00'},phone,${2 * chaos.seats}`);
          }
          s.run('volume.import', { teamId: t.id, csv: rows.join('\n') });

          const from = day(0);
          const to = day(13);
          const { context, close } = readContext(file, now);
          const team = context.requireTeam(t.id);
          const unsteady = draftSchedule(context, team, { teamId: t.id, from, to, timeLimitSeconds: 5, intervalMinutes: 30 }, { highs, steadyStarts: false });
          const { input, locked } = scheduleInput(context, team, from, to, 30);
          close();
          const perPerson = buildScheduleModel(input);
          const byKey = new Map(perPerson.candidates.map((c) => [`${c.personId}|${c.day}|${c.templateId}`, c]));
          const before = unsteady.draft.map((x) => byKey.get(`${x.personId}|${x.day}|${x.templateId}`)).filter((c): c is Candidate => c !== undefined);
          const after = steadyStarts(input, perPerson, before);
          const shiftsOf = (cs: readonly Candidate[]) => [...cs.map((c) => ({ ...c.span, skill: c.skill, day: c.day })), ...locked];
          const spread = (cs: readonly Candidate[]) => startSpreadMinutes(input, cs.map((c) => ({ personId: c.personId, day: c.day, startUtc: c.span.startUtc })));
          const was = spread(before);
          const sameCoverage = JSON.stringify(coverageGaps(input, shiftsOf(after))) === JSON.stringify(coverageGaps(input, shiftsOf(before)));
          const noneWider = [...spread(after)].every(([p, m]) => m <= (was.get(p) ?? 0));
          const check = (cs: readonly Candidate[]) => {
            s.run('schedule.apply', { teamId: t.id, from, to, shifts: cs.map((c) => ({ personId: c.personId, day: c.day, templateId: c.templateId })) });
            return s.run('roster.check', { teamId: t.id, from, to }).map((v) => `${v.rule} ${v.personId}`).sort();
          };
          const problemsBefore = check(before);
          const problemsAfter = check(after);
          s.close();
          // The same problems or fewer, and none of a new kind for anyone (a contract week may only get closer to its band).
          const fewer = problemsAfter.length <= problemsBefore.length && problemsAfter.every((p) => problemsBefore.includes(p));
          return before.length === unsteady.draft.length && after.length === before.length && sameCoverage && noneWider && fewer;
        },
      ),
      { numRuns: 10 },
    );
  }, 240_000);

  it('on the demo week: the same coverage interval by interval, no one\'s spread wider, the team\'s narrower, and no new rule problems', async () => {
    const now = Temporal.Instant.from('2026-11-28T09:00:00Z');
    const from = '2026-11-30';
    const to = '2026-12-06';
    const file = tempFile();
    const s = createService(openPlanner(file), { appVersion: 'test', now: () => now });
    const teamId = s.run('demo.create', {}).id;
    const { context, close } = readContext(file, now);
    const team = context.requireTeam(teamId);
    const highs = await highsInstance();
    // The drafter's roster without steadying, then steadied: the one roster both ways.
    const unsteady = draftSchedule(context, team, { teamId, from, to, timeLimitSeconds: 15, intervalMinutes: 30 }, { highs, steadyStarts: false });
    const { input, locked } = scheduleInput(context, team, from, to, 30);
    close();
    const perPerson = buildScheduleModel(input);
    const byKey = new Map(perPerson.candidates.map((c) => [`${c.personId}|${c.day}|${c.templateId}`, c]));
    const before = unsteady.draft.map((x) => byKey.get(`${x.personId}|${x.day}|${x.templateId}`)).filter((c): c is Candidate => c !== undefined);
    expect(before).toHaveLength(unsteady.draft.length);
    const after = steadyStarts(input, perPerson, before);

    const shiftsOf = (cs: readonly Candidate[]) => [...cs.map((c) => ({ ...c.span, skill: c.skill, day: c.day })), ...locked];
    expect(coverageGaps(input, shiftsOf(after))).toEqual(coverageGaps(input, shiftsOf(before)));
    expect(after).toHaveLength(before.length);
    const spread = (cs: readonly Candidate[]) => startSpreadMinutes(input, [...cs.map((c) => ({ personId: c.personId, day: c.day, startUtc: c.span.startUtc })), ...locked]);
    const was = spread(before);
    const is = spread(after);
    for (const [personId, minutes] of is) expect(minutes).toBeLessThanOrEqual(was.get(personId) ?? 0);
    const total = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(total(is)).toBeLessThan(total(was));
    // The rota's own rule check on each, written as the panel accepts a draft.
    const apply = (cs: readonly Candidate[]) => s.run('schedule.apply', { teamId, from, to, shifts: cs.map((c) => ({ personId: c.personId, day: c.day, templateId: c.templateId })) });
    const problemsBefore = apply(before).violations;
    expect(problemsBefore).toBe(unsteady.summary.violations);
    expect(apply(after).violations).toBeLessThanOrEqual(problemsBefore);
    s.close();
  }, 90_000);
});
