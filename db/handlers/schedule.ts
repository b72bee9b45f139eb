import type { Highs } from 'highs';
import { UserError } from '../../core/errors';
import { clockSpan } from '../../core/shift';
import type { Team } from '../../core/team';
import { zoneClock } from '../../core/zone-clock';
import type { HandlersOf, ServiceContext, StepsOf } from '../context';
import { highsInstance } from '../solver';
import { listPeople } from '../sql/people';
import { ruleViolations } from './shift-reads';
import { dayRange } from '../../core/ranges';
import type { ScheduleJobs } from '../schedule-jobs';
import * as shifts from '../sql/shifts';
import { listTemplates } from '../sql/templates';

import { draftSchedule, MAX_DAYS, preferencesOf } from './schedule-draft';

type ScheduleMethods = 'schedule.generate' | 'schedule.start' | 'schedule.status' | 'schedule.cancel' | 'schedule.apply' | 'person.preferences' | 'person.setPreferences' | 'shift.lock';

/** HiGHS, once loaded by the service's async door (the solve itself is synchronous). */
let loadedHighs: Highs | null = null;
export function useHighs(h: Highs): void {
  loadedHighs = h;
}

/** Handlers for the auto-scheduler and the preferences it respects. */
export function scheduleHandlers(ctx: ServiceContext, jobs: () => ScheduleJobs): HandlersOf<ScheduleMethods> {
  const { db } = ctx;
  return {
    'shift.lock': ({ ids, locked }) => {
      let changed = 0;
      for (const [i, shiftId] of ids.entries()) {
        if (!shifts.getShift(db, shiftId)) throw new UserError('not_found', `There is no shift with id ${shiftId}`, ['ids', i]);
        changed += shifts.setLocked(db, shiftId, locked);
      }
      return { changed };
    },
    'person.preferences': ({ personId }) => {
      ctx.requirePerson(personId, ['personId']);
      return preferencesOf(db, personId);
    },
    'person.setPreferences': ({ personId, preferences }) => {
      const p = ctx.requirePerson(personId, ['personId']);
      const templates = new Set(listTemplates(db, p.teamId).map((t) => t.id));
      preferences.forEach((x, i) => {
        if (x.templateId !== null && !templates.has(x.templateId)) throw new UserError('not_found', `There is no shift template with id ${x.templateId} in this team`, ['preferences', i, 'templateId']);
      });
      db.prepare('DELETE FROM person_preference WHERE person_id = ?').run(personId);
      const insert = db.prepare('INSERT INTO person_preference (person_id, weekday, template_id, kind) VALUES (?, ?, ?, ?)');
      for (const x of preferences) insert.run(personId, x.weekday, x.templateId, x.kind);
      return preferencesOf(db, personId);
    },
    'schedule.generate': ({ dryRun, ...request }) => {
      const team = ctx.requireTeam(request.teamId);
      checkRange(request.from, request.to);
      if (!loadedHighs) throw new UserError('needs_async', 'The solver loads first; call the service through dispatchAsync', []);
      const draft = draftSchedule(ctx, team, request, { highs: loadedHighs });
      if (!dryRun) writeDraft(ctx, team, request.from, request.to, draft.draft);
      return { ...draft, written: !dryRun };
    },
    'schedule.start': (request) => {
      ctx.requireTeam(request.teamId);
      checkRange(request.from, request.to);
      return { jobId: jobs().start(request) };
    },
    'schedule.status': ({ jobId }) => jobs().status(jobId),
    'schedule.cancel': ({ jobId }) => ({ stopped: jobs().cancel(jobId) }),
    'schedule.apply': ({ teamId, from, to, shifts: entries }) => {
      const team = ctx.requireTeam(teamId);
      checkRange(from, to);
      const { removed, created } = writeDraft(ctx, team, from, to, entries);
      return { removed, created, violations: ruleViolations(ctx, team, from, to).length };
    },
  };
}

function checkRange(from: string, to: string): void {
  const { from: a, to: b } = dayRange(from, to);
  if (a.until(b).days + 1 > MAX_DAYS) throw new UserError('too_big', `A draft covers at most ${MAX_DAYS} days`, ['to']);
}

/**
 * Replaces the range's unlocked shifts with `entries` (person, day, template). Every entry is
 * checked against the planner as it is now, so a draft accepted after edits cannot land a shift
 * for someone who left the team or on a day a locked shift holds.
 */
function writeDraft(ctx: ServiceContext, team: Team, from: string, to: string, entries: readonly { personId: number; day: string; templateId: number }[]): { removed: number; created: number } {
  const { db } = ctx;
  const clock = zoneClock(team.timeZone);
  const people = new Set(listPeople(db, team.id, '', false).map((p) => p.id));
  const templates = new Map(listTemplates(db, team.id).map((t) => [t.id, t]));
  const locked = new Set(shifts.listShifts(db, team.id, from, to).filter((s) => s.locked).map((s) => `${s.personId}|${s.day}`));
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const where = ['shifts', i];
    if (!people.has(e.personId)) throw new UserError('not_found', `Shift ${i + 1}: person ${e.personId} is not an active member of ${team.name}`, [...where, 'personId']);
    if (!templates.has(e.templateId)) throw new UserError('not_found', `Shift ${i + 1}: there is no shift template ${e.templateId} in ${team.name}`, [...where, 'templateId']);
    if (e.day < from || e.day > to) throw new UserError('out_of_range', `Shift ${i + 1}: ${e.day} is outside ${from} – ${to}`, [...where, 'day']);
    const key = `${e.personId}|${e.day}`;
    if (locked.has(key)) throw new UserError('draft_clash', `Shift ${i + 1}: a locked shift already holds that person on ${e.day}`, [...where, 'day']);
    if (seen.has(key)) throw new UserError('draft_clash', `Shift ${i + 1}: a second shift for the same person on ${e.day}`, [...where, 'day']);
    seen.add(key);
  });
  const at = ctx.stamp();
  const removed = shifts.deleteUnlocked(db, team.id, from, to);
  for (const e of entries) {
    const t = templates.get(e.templateId);
    if (!t) continue;
    const span = clockSpan(clock, e.day, t.startLocal, t.endLocal);
    shifts.insertShift(db, { teamId: team.id, personId: e.personId, day: e.day, startUtc: span.startUtc, endUtc: span.endUtc, templateId: t.id, breakMinutes: t.breakMinutes, skill: t.skill, locked: false, note: '' }, at);
  }
  return { removed, created: entries.length };
}

/** The solver is WebAssembly that loads asynchronously, once; the solve itself then runs in the call. */
export const scheduleSteps: StepsOf<'schedule.generate'> = {
  'schedule.generate': {
    when: () => loadedHighs === null,
    prepare: async (input) => {
      useHighs(await highsInstance());
      return input;
    },
  },
};
