import { describe, expect, it } from 'vitest';
import { DEMO_HISTORY_WEEKS, DEMO_TEAM_NAME } from '../../core/demo';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import { dataHash } from '../helpers/dbhash';
import { FIXED_NOW, freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';

const warsaw = { name: 'Wsparcie Warszawa', timeZone: 'Europe/Warsaw', locale: 'pl-PL', weekStart: 'mon' as const, country: 'PL', currency: 'PLN' };

describe('teams', () => {
  it('creates, lists and edits a team with defaults for skills', () => {
    const s = freshService();
    const team = s.run('team.create', warsaw);
    expect(team).toMatchObject({ ...warsaw, skills: ['phone', 'chat', 'email'] });
    const edited = s.run('team.update', { id: team.id, weekStart: 'sun', skills: ['phone', 'chat', 'email', 'social'] });
    expect(edited.weekStart).toBe('sun');
    expect(s.run('team.list', {}).map((t) => t.name)).toEqual(['Wsparcie Warszawa']);
  });

  it('refuses a duplicate name, also in another letter case', () => {
    const s = freshService();
    s.run('team.create', { name: 'Destek İstanbul', timeZone: 'Europe/Istanbul' });
    const r = s.call('team.create', { name: 'DESTEK İSTANBUL', timeZone: 'Europe/Istanbul' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'duplicate_name', path: ['name'] });
  });

  it('will not drop a skill that someone still has', () => {
    const s = freshService();
    const team = s.run('team.create', warsaw);
    s.run('person.create', { teamId: team.id, name: 'Piotr', skills: ['chat'] });
    const r = s.call('team.update', { id: team.id, skills: ['phone'] });
    expect(r.ok ? null : r.error.code).toBe('skill_in_use');
  });
});

describe('people', () => {
  it('creates, edits, searches, archives and restores', () => {
    const s = freshService();
    const team = s.run('team.create', warsaw);
    const ayse = s.run('person.create', { teamId: team.id, name: 'Ayşe Yılmaz', email: 'ayse@example.com', skills: ['phone', 'chat'], contractHoursPerWeek: 32, hourlyRate: 41.5 });
    s.run('person.create', { teamId: team.id, name: 'Łukasz Zieliński', email: 'lukasz@example.com', skills: ['email'] });
    expect(s.run('person.list', { teamId: team.id, query: 'ayse' }).map((p) => p.name)).toEqual(['Ayşe Yılmaz']);
    expect(s.run('person.list', { teamId: team.id, query: 'lukasz zielinski' }).map((p) => p.name)).toEqual(['Łukasz Zieliński']);
    expect(s.run('person.list', { teamId: team.id, query: 'EMAIL' })).toHaveLength(1);

    const edited = s.run('person.update', { id: ayse.id, phone: '+90 532 111 22 33', employmentStart: '2025-01-06' });
    expect(edited).toMatchObject({ phone: '+90 532 111 22 33', employmentStart: '2025-01-06', hourlyRate: 41.5 });

    s.run('person.archive', { id: ayse.id });
    expect(s.run('person.list', { teamId: team.id }).map((p) => p.name)).toEqual(['Łukasz Zieliński']);
    expect(s.run('person.list', { teamId: team.id, includeArchived: true })).toHaveLength(2);
    expect(s.run('person.restore', { id: ayse.id }).archived).toBe(false);
  });

  it('keeps emails unique within a team, case-insensitively, but allows the same email in another team', () => {
    const s = freshService();
    const a = s.run('team.create', warsaw);
    const b = s.run('team.create', { name: 'Tehran', timeZone: 'Asia/Tehran', locale: 'fa-IR', weekStart: 'sat', currency: 'IRR' });
    s.run('person.create', { teamId: a.id, name: 'A', email: 'same@example.com' });
    const dup = s.call('person.create', { teamId: a.id, name: 'B', email: 'SAME@example.com' });
    expect(dup.ok ? null : dup.error).toMatchObject({ code: 'duplicate_email', path: ['email'] });
    expect(s.call('person.create', { teamId: b.id, name: 'B', email: 'same@example.com' }).ok).toBe(true);
  });

  it('refuses bad input with a path and writes nothing', () => {
    const s = freshService();
    const team = s.run('team.create', warsaw);
    s.run('person.create', { teamId: team.id, name: 'Kept' });
    const before = dataHash(s.planner.db);
    const cases: [unknown, string, (string | number)[]][] = [
      [{ teamId: team.id, name: 'X', email: 'no-at-sign' }, 'invalid_email', ['email']],
      [{ teamId: team.id, name: '' }, 'too_small', ['name']],
      [{ teamId: team.id, name: 'X', contractHoursPerWeek: 200 }, 'too_big', ['contractHoursPerWeek']],
      [{ teamId: team.id, name: 'X', contractHoursPerWeek: Number.NaN }, 'invalid_type', ['contractHoursPerWeek']],
      [{ teamId: team.id, name: 'X', employmentStart: '2026-02-30' }, 'invalid_date', ['employmentStart']],
      [{ teamId: team.id, name: 'X', employmentStart: '2026-05-01', employmentEnd: '2026-04-01' }, 'reversed_range', ['employmentEnd']],
      [{ teamId: team.id, name: 'X', skills: ['phone', 'fax'] }, 'unknown_skill', ['skills', 1]],
      [{ teamId: 999, name: 'X' }, 'not_found', ['teamId']],
      [{ teamId: team.id, name: 'X', color: 'red' }, 'invalid_format', ['color']],
      [{ teamId: team.id, name: 'X', isAdmin: true }, 'unknown_field', []],
      ['not an object', 'invalid_type', []],
    ];
    for (const [input, code, path] of cases) {
      const r = s.dispatch('person.create', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect({ code: r.error.code, path: r.error.path }, JSON.stringify(input)).toEqual({ code, path });
    }
    expect(s.dispatch('person.explode', {}).ok).toBe(false);
    expect(dataHash(s.planner.db)).toBe(before);
  });

  it('never hard-deletes someone who has shifts', () => {
    const s = freshService();
    const team = s.run('team.create', warsaw);
    const kept = s.run('person.create', { teamId: team.id, name: 'Has shifts' });
    const gone = s.run('person.create', { teamId: team.id, name: 'No shifts' });
    s.planner.db
      .prepare("INSERT INTO shift (team_id, person_id, roster_day, start_utc, end_utc, created_at, updated_at) VALUES (?, ?, '2026-11-23', 1000, 2000, 'x', 'x')")
      .run(team.id, kept.id);
    const r = s.call('person.delete', { id: kept.id });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'has_shifts', path: ['id'] });
    expect(r.ok ? '' : r.error.message).toContain('archive');
    expect(s.call('person.delete', { id: gone.id }).ok).toBe(true);
    expect(s.run('person.list', { teamId: team.id, includeArchived: true }).map((p) => p.name)).toEqual(['Has shifts']);
  });
});

describe('people import', () => {
  const header = 'name,email,phone,skills,contract_hours,hourly_rate\n';

  it('imports every row in one step', () => {
    const s = freshService();
    const team = s.run('team.create', warsaw);
    const r = s.run('person.import', { teamId: team.id, csv: header + 'Anna Nowak,anna@example.com,+48 600,phone;chat,40,35\n"Kowalski, Jan",jan@example.com,,email,20,30\n' });
    expect(r.created).toBe(2);
    expect(s.run('person.list', { teamId: team.id }).map((p) => p.name)).toEqual(['Anna Nowak', 'Kowalski, Jan']);
    expect(s.run('history.state', {}).undoLabel).toBe('Import people');
  });

  it('is all-or-nothing and names every bad line, including clashes with people already there', () => {
    const s = freshService();
    const team = s.run('team.create', warsaw);
    s.run('person.create', { teamId: team.id, name: 'Existing', email: 'taken@example.com' });
    const before = dataHash(s.planner.db);
    const r = s.call('person.import', { teamId: team.id, csv: header + 'Fine,fine@example.com,,phone,40,1\nTaken,taken@example.com,,phone,40,1\nFax,fax@example.com,,fax,40,1\n' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('import_invalid');
      expect(r.error.lines?.map((l) => [l.line, l.column])).toEqual([
        [3, 'email'],
        [4, 'skills'],
      ]);
    }
    expect(dataHash(s.planner.db)).toBe(before);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes each user action as one step, across tables', () => {
    const s = freshService();
    const team = s.run('team.create', warsaw);
    const p = s.run('person.create', { teamId: team.id, name: 'Anna' });
    s.run('person.update', { id: p.id, name: 'Anna Nowak' });
    s.run('person.archive', { id: p.id });
    expect(s.run('history.undo', {}).undoLabel).toBe('Edit person');
    expect(s.run('person.get', { id: p.id }).archived).toBe(false);
    s.run('history.undo', {});
    expect(s.run('person.get', { id: p.id }).name).toBe('Anna');
    const state = s.run('history.redo', {});
    expect(state).toMatchObject({ canUndo: true, canRedo: true, redoLabel: 'Archive person' });
    expect(s.run('person.get', { id: p.id }).name).toBe('Anna Nowak');
    // A new action drops the redo branch.
    s.run('person.update', { id: p.id, phone: '1' });
    expect(s.run('history.state', {}).canRedo).toBe(false);
  });

  it('undoes the whole demo team, and redo brings back the same rows', () => {
    const s = freshService();
    s.run('demo.create', {});
    const full = dataHash(s.planner.db);
    s.run('history.undo', {});
    expect(s.run('team.list', {})).toEqual([]);
    expect(s.planner.db.prepare('SELECT count(*) FROM volume_interval').pluck().get()).toBe(0);
    s.run('history.redo', {});
    expect(dataHash(s.planner.db)).toBe(full);
  });

  it('does not put the language setting into the undo history', () => {
    const s = freshService();
    s.run('settings.set', { language: 'fa' });
    expect(s.run('history.state', {}).canUndo).toBe(false);
  });
});

describe('settings', () => {
  it('keeps the language in the planner file across sessions', () => {
    const file = tempFile();
    const s = freshService(file);
    expect(s.run('settings.get', {}).language).toBeNull();
    s.run('settings.set', { language: 'tr' });
    s.close();
    const again = createService(openPlanner(file), { appVersion: 'test', now: () => FIXED_NOW });
    expect(again.run('settings.get', {}).language).toBe('tr');
    expect(again.call('settings.set', { language: 'de' as 'en' }).ok).toBe(false);
  });

  it('keeps the calendar choice apart from the language', () => {
    const s = freshService(tempFile());
    expect(s.run('settings.get', {})).toEqual({ language: null, calendar: null });
    s.run('settings.set', { language: 'fa' });
    expect(s.run('settings.set', { calendar: 'gregorian' })).toEqual({ language: 'fa', calendar: 'gregorian' });
    expect(s.call('settings.set', { calendar: 'julian' as 'persian' }).ok).toBe(false);
    expect(s.run('settings.get', {}).calendar).toBe('gregorian');
  });
});

describe('the demo team', () => {
  it('has 14 people with Turkish, Polish, Persian and English names, three channels, templates and 8 weeks of history', () => {
    const s = freshService();
    const team = s.run('demo.create', {});
    expect(team).toMatchObject({ name: DEMO_TEAM_NAME, timeZone: 'Europe/Istanbul', skills: ['phone', 'chat', 'email'] });
    const names = s.run('person.list', { teamId: team.id }).map((p) => p.name);
    expect(names).toHaveLength(14);
    expect(names).toEqual(expect.arrayContaining(['Ayşe Yılmaz', 'Łukasz Zieliński', 'Reza Hosseini', 'Emily Carter']));
    expect(s.run('template.list', { teamId: team.id }).map((t) => t.code).sort()).toEqual(['A', 'C', 'D', 'E', 'L', 'M', 'S', 'W']);

    // History: the 56 days up to yesterday (FIXED_NOW is 2026-11-22 in Istanbul), all channels, busier on Monday than Sunday.
    const daily = s.run('volume.daily', { teamId: team.id, from: '2026-09-01', to: '2026-11-22' });
    const days = [...new Set(daily.map((d) => d.day))].sort();
    expect(days).toHaveLength(DEMO_HISTORY_WEEKS * 7);
    expect(days[0]).toBe('2026-09-27');
    expect(days.at(-1)).toBe('2026-11-21');
    const phone = (day: string) => daily.find((d) => d.day === day && d.channel === 'phone')?.volume ?? 0;
    expect(phone('2026-11-16')).toBeGreaterThan(phone('2026-11-15') * 1.8);

    // Weekly totals end with the current (Monday-started) week, which has no history yet.
    const weekly = s.run('volume.weekly', { teamId: team.id, weeks: 9 });
    const weeks = [...new Set(weekly.map((w) => w.weekStart))].sort();
    expect(weeks[0]).toBe('2026-09-21');
    expect(weeks).toHaveLength(9);
    const sumDaily = daily.filter((d) => d.day >= '2026-11-16').reduce((a, d) => a + d.volume, 0);
    expect(weekly.filter((w) => w.weekStart === '2026-11-16').reduce((a, w) => a + w.volume, 0)).toBe(sumDaily);

    // Leave to explore: sick days the rota planned around, a request to decide, a Saturday's leave
    // the rota missed, a planned vacation and training day the rota plans around.
    const leave = s.run('absence.list', { teamId: team.id, from: '2026-11-01', to: '2026-12-31' });
    expect(leave.map((a) => [a.personName, a.typeKey, a.status])).toEqual([
      ['Katarzyna Nowak', 'sick', 'approved'],
      ['Mehmet Kaya', 'sick', 'approved'],
      ['Emily Carter', 'vacation', 'requested'],
      ['Niloufar Rahimi', 'vacation', 'approved'],
      ['Zeynep Demir', 'vacation', 'approved'],
      ['Olivia Bennett', 'training', 'approved'],
    ]);
    // The rota runs from eight weeks back to four ahead and breaks exactly the two rules the demo
    // means it to (test/db/demo.test.ts has the rest of the demo's deliberate problems).
    expect(s.run('roster.check', { teamId: team.id, from: '2026-09-21', to: '2026-12-13' }).map((v) => [v.rule, v.personName, v.day])).toEqual([
      ['rest', 'Agnieszka Kowalska', '2026-11-25'],
      ['absence', 'Niloufar Rahimi', '2026-11-28'],
    ]);
    expect(s.run('absence.balance', { personId: leave[4]?.personId ?? 0, asOf: '2026-11-22' })[0]).toMatchObject({ allowance: 20, planned: 5, left: 15 });

    // A second demo gets its own name instead of failing.
    expect(s.run('demo.create', {}).name).toBe(`${DEMO_TEAM_NAME} (2)`);
  });
});

describe('query plans of hot queries', () => {
  it('use indexes, not table scans', () => {
    const s = freshService();
    const plan = (sql: string, ...args: unknown[]) =>
      (s.planner.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT * FROM person WHERE team_id = ? AND (? OR archived_at IS NULL) ORDER BY archived_at IS NOT NULL, name', 1, 0)).toMatch(/USING INDEX person_team_name/);
    expect(plan('SELECT * FROM volume_interval WHERE team_id = ? AND start_utc >= ? AND start_utc < ?', 1, 0, 1)).toMatch(/USING INDEX volume_team_start/);
    expect(plan('SELECT count(*) FROM shift WHERE person_id = ?', 1)).toMatch(/USING (COVERING )?INDEX shift_person_day/);
    expect(plan('SELECT id FROM person WHERE team_id = ? AND email = ? COLLATE NOCASE AND id IS NOT ?', 1, 'a', 1)).toMatch(/USING (COVERING )?INDEX person_email/);
  });
});
