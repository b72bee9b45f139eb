import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../core/contract';
import { READS } from '../../core/reads';
import { ALL_TABLES, HISTORY_TABLE } from '../../core/result';
import { freshService } from '../helpers/service';

/**
 * The window refetches a read only when a change names one of its tables (core/reads.ts).
 * These tests hold the two halves to each other: what a change reports, and what each read declares.
 */

function demo() {
  const s = freshService();
  const team = s.run('demo.create', {});
  const people = s.run('person.list', { teamId: team.id });
  const rotation = s.run('rotation.list', { teamId: team.id })[0];
  const person = people[0];
  if (!person || !rotation) throw new Error('the demo has people and a rotation');
  // Something in every table a read may look at, beyond what the demo holds.
  const template = s.run('template.list', { teamId: team.id })[0];
  s.run('person.setPreferences', { personId: person.id, preferences: [{ weekday: 6, templateId: template?.id ?? null, kind: 'prefer_not' }] });
  s.run('pattern.create', { teamId: team.id, name: 'Earlies', cycle: ['E', 'E', '-'] });
  s.run('forecast.adjust', { teamId: team.id, channel: 'phone', day: '2026-11-24', timeLocal: null, kind: 'percent', value: 10, note: 'campaign' });
  // The team's own holidays: a half company day inside the probed week, a public day removed.
  s.run('holiday.add', { teamId: team.id, day: '2026-11-25', name: 'Company day', half: true });
  s.run('holiday.remove', { teamId: team.id, day: '2026-10-29', source: 'public' });
  s.run('staffing.setSettings', { teamId: team.id, channel: 'chat', model: 'erlang', targetServiceLevel: 0.8, targetSeconds: 30, ahtSeconds: null, shrinkage: 0.3, maxOccupancy: 0.85, patienceSeconds: null, responseMinutes: 60 });
  return { s, team, person, rotation, template };
}

type Probe = { [M in MethodName]?: MethodInput<M> };

describe('what a read depends on', () => {
  const { s, team, person, rotation, template } = demo();
  const teamId = team.id;
  const week = { from: '2026-11-23', to: '2026-11-29' };
  const probes: Probe = {
    'app.info': {},
    'file.backups': {},
    'settings.get': {},
    'history.state': {},
    'team.list': {},
    'person.list': { teamId, includeArchived: true },
    'person.get': { id: person.id },
    'person.preferences': { personId: person.id },
    'template.list': { teamId },
    'template.usage': { id: template?.id ?? 0 },
    'pattern.list': { teamId },
    'shift.list': { teamId, ...week },
    'roster.week': { teamId, weekStart: week.from },
    'roster.check': { teamId, ...week },
    'roster.costs': { teamId, ...week, by: 'week' },
    'holiday.list': { teamId, from: '2026-01-01', to: '2026-12-31' },
    'volume.daily': { teamId, from: '2026-10-01', to: '2026-11-29' },
    'volume.weekly': { teamId, weeks: 8 },
    'forecast.run': { teamId, channel: 'phone', from: week.from, weeks: 1, intervalMinutes: 60 },
    'forecast.accuracy': { teamId, from: week.from },
    'forecast.adjustments': { teamId, channel: 'phone', ...week },
    'staffing.settings': { teamId, before: week.from },
    'staffing.openingHours': { teamId },
    'coverage.range': { teamId, channel: null, ...week, intervalMinutes: 60 },
    'rotation.list': { teamId },
    'oncall.overrides': { rotationId: rotation.id, ...week },
    'oncall.schedule': { teamId, rotationId: rotation.id, ...week },
    'oncall.layers': { teamId, rotationId: null, ...week },
    'oncall.fairness': { teamId, rotationId: null, ...week },
    'absenceType.list': { teamId },
    'absence.list': { teamId, from: '2026-11-01', to: '2026-12-31' },
    'absence.waiting': { teamId },
    'absence.history': { personId: person.id },
    'absence.allowances': { teamId, year: 2026 },
    'absence.balance': { personId: person.id, asOf: '2026-11-22' },
    'absence.stats': { teamId, from: '2026-11-01', to: '2026-11-30' },
    'absence.day': { teamId, day: '2026-11-24' },
    'absence.conflicts': { teamId, from: '2026-11-01', to: '2026-12-31' },
    'caldav.list': { teamId },
    'hub.plan': { teamId, ...week },
    'hub.status': { teamId },
    'hub.requests': { teamId },
  };
  const answer = (method: MethodName) => {
    const r = s.call(method, probes[method] as never);
    return { result: JSON.stringify(r.ok ? r.value : r.error), changed: r.ok ? (r.changed ?? []) : [] };
  };

  it('every declared read is probed here', () => {
    expect(Object.keys(READS).filter((m) => !(m in probes))).toEqual([]);
  });

  it.each(Object.keys(READS) as MethodName[])('%s changes nothing, and emptying the tables it does not declare leaves its answer as it was', (method) => {
    const before = answer(method);
    expect(before.changed).toEqual([]);
    const declared = READS[method] ?? [];
    const db = s.planner.db;
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const others = tables.filter((t) => !declared.includes(t));
    db.pragma('foreign_keys = OFF');
    db.exec('SAVEPOINT probe');
    try {
      let emptied = 0;
      for (const t of others) emptied += db.prepare(`DELETE FROM "${t}"`).run().changes;
      expect(emptied).toBeGreaterThan(0);
      expect(answer(method).result).toBe(before.result);
    } finally {
      db.exec('ROLLBACK TO probe');
      db.exec('RELEASE probe');
      db.pragma('foreign_keys = ON');
    }
    // Emptying a declared table does change the answer for most reads: the probe reaches real rows.
    expect(answer(method).result).toBe(before.result);
  });
});

describe('what a change reports', () => {
  it('names the tables it wrote and the undo history; undo and redo name the same', () => {
    const { s, team, person } = demo();
    const r = s.call('shift.setCells', { teamId: team.id, entries: [{ personId: person.id, day: '2026-12-01', value: { code: 'E' } }] });
    const wrote = r.ok ? (r.changed ?? []) : [];
    expect(wrote).toEqual(expect.arrayContaining(['shift', HISTORY_TABLE]));
    expect(wrote).not.toContain('person');
    const undo = s.call('history.undo', {});
    expect(undo.ok && undo.changed).toEqual(wrote);
    const redo = s.call('history.redo', {});
    expect(redo.ok && redo.changed).toEqual(wrote);
    const absence = s.call('absence.create', { teamId: team.id, personId: person.id, typeId: s.run('absenceType.list', { teamId: team.id })[0]?.id ?? 0, start: '2026-12-07', end: '2026-12-08', hours: null, status: 'approved', note: '' });
    expect(absence.ok && absence.changed).toEqual(expect.arrayContaining(['absence', 'absence_audit', HISTORY_TABLE]));
  });

  it('a refused change and a change that changed nothing report nothing', () => {
    const { s, team } = demo();
    const refused = s.call('person.create', { teamId: team.id, name: '' });
    expect(refused.ok).toBe(false);
    const nothing = s.call('history.redo', {});
    expect(nothing.ok && (nothing.changed ?? [])).toEqual([]);
  });

  it('a change outside the undo history (the language) says everything may have changed', () => {
    const { s } = demo();
    const r = s.call('settings.set', { language: 'tr' });
    expect(r.ok && r.changed).toEqual([ALL_TABLES]);
  });
});
