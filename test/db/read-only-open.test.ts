import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import { dataHash } from '../helpers/dbhash';
import { canMount, tinyDisk, withReadOnlyView } from '../helpers/mounts';
import { FIXED_NOW, freshService } from '../helpers/service';
import { tempDir } from '../helpers/tmp';

/** A demo planner closed cleanly in `dir`: its data's digest. */
function demoPlanner(file: string): string {
  const s = freshService(file);
  s.run('demo.create', {});
  const hash = dataHash(s.planner.db);
  s.close();
  return hash;
}

describe.skipIf(!canMount)('a planner where nothing can be written', () => {
  it('in a read-only folder (a read-only share): opens read-only saying why, reads, exports and backs up elsewhere; a change is refused; nothing is written there', async () => {
    const dir = tempDir();
    const hash = demoPlanner(path.join(dir, 'planner.rosterdesk'));
    const elsewhere = tempDir();
    await withReadOnlyView(dir, async (share) => {
      const file = path.join(share, 'planner.rosterdesk');
      const planner = openPlanner(file, { ifInUse: 'read-only' });
      expect(planner.readOnlyCause).toBe('folder');
      expect(planner.readOnly).toContain('cannot be written');
      const s = createService(planner, { appVersion: 'test', now: () => FIXED_NOW });
      expect(dataHash(s.planner.db)).toBe(hash);
      expect(s.run('app.info', {})).toMatchObject({ readOnly: expect.stringContaining('cannot be written'), readOnlyCause: 'folder' });
      const team = s.run('team.list', {})[0];
      if (!team) throw new Error('no team');
      expect(s.run('roster.export', { teamId: team.id, from: '2026-11-23', to: '2026-11-29', format: 'csv' }).rows).toBeGreaterThan(0);
      const change = s.call('person.create', { teamId: team.id, name: 'Yeni Kişi' });
      expect(change).toMatchObject({ ok: false, error: { code: 'read_only', message: expect.stringContaining('cannot be written') } });
      s.close();
      // The command line: a backup to a writable folder works.
      const out = path.join(elsewhere, 'copy.rosterdesk');
      expect(await cli('backup', '--db', file, '--out', out)).toMatchObject({ code: 0 });
      const copy = openPlanner(out, { create: false });
      expect(dataHash(copy.db)).toBe(hash);
      copy.db.close();
      copy.release();
    });
    expect(fs.readdirSync(dir)).toEqual(['planner.rosterdesk']);
  });

  it('on a full disk: opens read-only with "The disk is full", reads; once there is room it opens for writing again', () => {
    const disk = tinyDisk(4096);
    try {
      const file = path.join(disk.dir, 'planner.rosterdesk');
      const s0 = freshService(file);
      const team = s0.run('team.create', { name: 'Destek', timeZone: 'Europe/Istanbul' });
      s0.run('person.create', { teamId: team.id, name: 'Ayşe Yılmaz' });
      s0.close();
      disk.fill();
      const planner = openPlanner(file, { ifInUse: 'read-only' });
      expect(planner.readOnlyCause).toBe('disk_full');
      const s = createService(planner, { appVersion: 'test', now: () => FIXED_NOW });
      expect(s.run('app.info', {}).readOnly).toMatch(/^The disk is full/);
      expect(s.run('person.list', { teamId: team.id }).map((p) => p.name)).toEqual(['Ayşe Yılmaz']);
      expect(s.call('person.create', { teamId: team.id, name: 'Yeni Kişi' })).toMatchObject({ ok: false, error: { code: 'read_only', message: expect.stringContaining('The disk is full') } });
      s.close();
      expect(fs.readdirSync(disk.dir).sort()).toEqual(['filler', 'planner.rosterdesk']);
      fs.rmSync(path.join(disk.dir, 'filler'));
      const again = openPlanner(file);
      expect(again.readOnly).toBeNull();
      again.db.close();
      again.release();
    } finally {
      disk.unmount();
    }
  });
});
