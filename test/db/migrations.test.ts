import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import { FIXED_NOW } from '../helpers/service';
import { tempDir } from '../helpers/tmp';

/**
 * Planner files as every earlier Rosterdesk wrote them (the demo team, made by that version's
 * `rosterdesk init --demo`, kept in test/fixtures/schemas), opened by this one: migrated in one
 * step, a copy of the old file kept, and every row of the old tables still there.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/schemas');

function snapshot(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      teams: db.prepare('SELECT name, time_zone FROM team ORDER BY id').all(),
      people: db.prepare('SELECT id, name, email, skills, contract_hours FROM person ORDER BY id').all(),
      shifts: db.prepare('SELECT id, person_id, roster_day, start_utc, end_utc, template_id FROM shift ORDER BY id').all(),
      templates: db.prepare('SELECT id, code, start_local, end_local FROM shift_template ORDER BY id').all(),
      volume: db.prepare('SELECT count(*) AS n, sum(volume) AS total FROM volume_interval').get(),
      rotations: db.prepare('SELECT id, name FROM rotation ORDER BY id').all(),
    };
  } finally {
    db.close();
  }
}

describe('migrating files from every earlier schema', () => {
  for (const version of Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, i) => i + 1)) {
    it(`schema ${version} → ${LATEST_SCHEMA_VERSION}: every old row kept, new parts in place, a copy of the old file beside it`, () => {
      const fixture = path.join(FIXTURES, `schema-${version}.rosterdesk`);
      expect(fs.existsSync(fixture), `a fixture for schema ${version}`).toBe(true);
      const file = path.join(tempDir(), 'planner.rosterdesk');
      fs.copyFileSync(fixture, file);
      const before = snapshot(file);
      expect(before.version).toBe(version);

      const s = createService(openPlanner(file), { appVersion: 'test', now: () => FIXED_NOW });
      expect(s.planner.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      const backup = s.planner.backupPath ?? '';
      const db = s.planner.db;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Schema 2: absence types for every team; schema 3: revisions start at 0, the file has its own id.
      expect(db.prepare('SELECT count(*) FROM absence_type').pluck().get()).toBeGreaterThanOrEqual(6);
      // (A file from schema 3 on keeps the revisions its shifts had.)
      if (version < 3) expect(db.prepare('SELECT DISTINCT sequence FROM shift').pluck().all()).toEqual([0]);
      expect(db.prepare("SELECT value FROM setting WHERE key = 'planner_id'").pluck().get()).toMatch(/^[0-9a-f]{32}$/);
      // The app works on it: rules, the week, a calendar file, a draft's preferences.
      const team = s.run('team.list', {})[0];
      if (!team) throw new Error('no team');
      const firstDay = (before.shifts[0] as { roster_day: string }).roster_day;
      expect(s.call('roster.check', { teamId: team.id, from: firstDay, to: firstDay })).toMatchObject({ ok: true });
      expect(s.run('calendar.export', { teamId: team.id, from: firstDay, to: firstDay }).events).toBeGreaterThan(0);
      expect(s.run('person.preferences', { personId: (before.people[0] as { id: number }).id })).toEqual([]);
      // Schema 4: no channel has opening hours yet, so each stays open around the clock as before.
      // (The demo of schema 4 itself sets opening hours.)
      if (version < 4) {
        expect(s.run('staffing.openingHours', { teamId: team.id }).map((h) => h.custom)).toEqual(team.skills.map(() => false));
        expect(db.prepare('SELECT count(*) FROM channel_hours').pluck().get()).toBe(0);
      }
      // Schema 5: no adjustments, so the team's holidays are exactly its country's public ones; a team day can be added.
      expect(db.prepare('SELECT count(*) FROM team_holiday').pluck().get()).toBe(0);
      const year = Number(firstDay.slice(0, 4));
      const listed = s.run('holiday.list', { teamId: team.id, year });
      expect(listed.length).toBeGreaterThan(5);
      expect(listed.every((h) => h.source === 'public' && !h.removed && !h.half)).toBe(true);
      expect(s.call('holiday.add', { teamId: team.id, day: `${year}-12-30`, name: 'Company day' })).toMatchObject({ ok: true });
      // Schema 6: every channel may lose at most 5 % of its callers and counts every caller who hangs up.
      const settings = s.run('staffing.settings', { teamId: team.id, before: firstDay });
      expect(settings.length).toBe(team.skills.length);
      for (const c of settings) expect(c).toMatchObject({ maxAbandonRate: 0.05, shortAbandonSeconds: 0 });
      expect(db.prepare('SELECT count(*) FROM channel_staffing WHERE max_abandon_rate <> 0.05 OR short_abandon_seconds <> 0').pluck().get()).toBe(0);
      expect(s.call('history.undo', {})).toMatchObject({ ok: true });
      // Schema 7: what was published to a calendar server has no server tag yet (the next publish takes the server's).
      expect(db.prepare("SELECT count(*) FROM pragma_table_info('caldav_published') WHERE name = 'etag' AND \"notnull\" = 0").pluck().get()).toBe(1);
      s.close();

      const after = snapshot(file);
      expect({ ...after, version: before.version }).toEqual(before);
      expect(snapshot(backup)).toEqual(before);
    });
  }

  it('refuses a file from a newer Rosterdesk without changing a byte', () => {
    const file = path.join(tempDir(), 'future.rosterdesk');
    fs.copyFileSync(path.join(FIXTURES, 'schema-2.rosterdesk'), file);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const bytes = fs.readFileSync(file);
    expect(() => openPlanner(file)).toThrow(/saved by a newer Rosterdesk/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
