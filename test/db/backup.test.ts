import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { backupFolder, BACKUPS_KEPT, checkPlannerFile, listBackups, restoreBackup, rollingBackup } from '../../db/backup';
import { openPlanner } from '../../db/open';
import { OUTSIDE_THE_PLAN } from '../../db/undo';
import { dataHash } from '../helpers/dbhash';
import { freshService } from '../helpers/service';
import type { Service } from '../../db/service';
import type { MethodInput, MethodOutput } from '../../core/contract';
import { tempDir, tempFile } from '../helpers/tmp';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';

describe('backups', () => {
  it('rolling backups: one at open, then none until a day has passed, the newest ten kept', async () => {
    const file = tempFile();
    const s = freshService(file);
    s.run('demo.create', {});
    const start = new Date('2026-11-27T08:00:00Z');
    const first = await rollingBackup(s.planner.db, file, start);
    expect(first).toBe(path.join(backupFolder(file), '20261127T080000.rosterdesk'));
    expect(await rollingBackup(s.planner.db, file, new Date('2026-11-27T20:00:00Z'))).toBeNull();
    // File › Back Up Now takes one whenever asked.
    expect(await rollingBackup(s.planner.db, file, new Date('2026-11-27T20:00:00Z'), { force: true })).toBe(path.join(backupFolder(file), '20261127T200000.rosterdesk'));
    for (let d = 1; d <= 12; d += 1) await rollingBackup(s.planner.db, file, new Date(start.getTime() + d * 86_400_000));
    const kept = listBackups(file);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]?.takenAt).toBe('2026-12-09T08:00:00Z');
    // Each is a whole planner with the data as it was.
    expect(checkPlannerFile(kept[0]?.file ?? '')).toBe(LATEST_SCHEMA_VERSION);
    const copy = openPlanner(kept[0]?.file ?? '', { create: false });
    expect(dataHash(copy.db)).toBe(dataHash(s.planner.db));
    copy.db.close();
    s.close();
  });

  it('rosterdesk backup and restore: the restored file holds the backup exactly, the replaced one is kept aside', async () => {
    const file = tempFile();
    const s = freshService(file);
    s.run('demo.create', {});
    const before = dataHash(s.planner.db);
    s.close();
    const out = path.join(tempDir(), 'monday.rosterdesk');
    expect(await cli('backup', '--db', file, '--out', out)).toMatchObject({ code: 0, out: `Backed up ${file} to ${out}\n` });
    expect(await cli('backup', '--db', file, '--out', out)).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });

    // A change after the backup, committed and still in the write-ahead log.
    const later = freshService(file);
    const team = later.run('team.list', {})[0];
    later.run('person.create', { teamId: team?.id ?? 0, name: 'Yeni Kişi' });
    const changed = dataHash(later.planner.db);
    later.close();
    expect(changed).not.toBe(before);

    const r = await cli('restore', '--db', file, '--from', out);
    expect(r.code).toBe(0);
    const safety = /kept as (.+\.rosterdesk)\n$/.exec(r.out)?.[1] ?? '';
    const restored = openPlanner(file, { create: false });
    expect(dataHash(restored.db)).toBe(before);
    restored.db.close();
    const aside = openPlanner(safety, { create: false });
    expect(dataHash(aside.db)).toBe(changed);
    aside.db.close();
  });

  it('refuses to restore what is not a whole planner, and changes nothing', async () => {
    const file = tempFile();
    const s = freshService(file);
    s.run('demo.create', {});
    s.close();
    const bytes = fs.readFileSync(file);
    const dir = tempDir();
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'not a database');
    const damaged = path.join(dir, 'damaged.rosterdesk');
    // A torn copy: the header and the first pages only.
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 3)));
    for (const bad of [text, damaged, path.join(dir, 'missing.rosterdesk')]) {
      const r = await cli('restore', '--db', file, '--from', bad);
      expect(r.code, bad).toBe(1);
    }
    expect(() => restoreBackup(text, file, new Date())).toThrow(/not a Rosterdesk planner file/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('before-restore'))).toEqual([]);
  });
});

/** An asynchronous call that must succeed. */
async function run<M extends 'file.backup' | 'file.restore'>(s: Service, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await s.callAsync(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('restoring a backup from inside the app', () => {
  it('replaces the plan in one step, keeps the window and its settings, backs up the plan it replaced, and starts the undo history afresh', async () => {
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('demo.create', {});
    s.run('settings.set', { language: 'pl' });
    const { name } = await run(s, 'file.backup', {});
    expect(name).toMatch(/^\d{8}T\d{6}\.rosterdesk$/);
    const atBackup = dataHash(s.planner.db, OUTSIDE_THE_PLAN);

    // Later work: a person, a cleared week, a new team, another language.
    s.run('person.create', { teamId: team.id, name: 'Sonradan Gelen' });
    s.run('shift.clearRange', { teamId: team.id, from: '2026-11-23', to: '2026-11-29', personIds: null });
    s.run('team.create', { name: 'Warszawa', timeZone: 'Europe/Warsaw' });
    s.run('settings.set', { language: 'tr' });
    const later = dataHash(s.planner.db, OUTSIDE_THE_PLAN);
    expect(later).not.toBe(atBackup);
    const r = await run(s, 'file.restore', { name });
    expect(dataHash(s.planner.db, OUTSIDE_THE_PLAN)).toBe(atBackup);
    expect(s.run('settings.get', {}).language).toBe('tr');
    expect(s.run('history.state', {})).toMatchObject({ canUndo: false, canRedo: false });
    expect(s.planner.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(s.planner.db.pragma('foreign_key_check')).toEqual([]);
    // The plan as it was before the restore is itself a backup: restoring it goes back.
    // (The test clock stands still: the second copy in the same second is named a second later.)
    expect(r.safetyCopy).toBe('20261122T090001.rosterdesk');
    expect(s.run('file.backups', {}).map((b) => b.name)).toEqual([r.safetyCopy, name]);
    await run(s, 'file.restore', { name: r.safetyCopy });
    expect(dataHash(s.planner.db, OUTSIDE_THE_PLAN)).toBe(later);
    // Undo works again after a restore.
    s.run('person.create', { teamId: team.id, name: 'Undo Me' });
    s.run('history.undo', {});
    expect(dataHash(s.planner.db, OUTSIDE_THE_PLAN)).toBe(later);
    s.close();
  });

  it('upgrades a backup from an older Rosterdesk on the way in', async () => {
    const file = tempFile();
    const s = freshService(file);
    s.run('demo.create', {});
    fs.mkdirSync(backupFolder(file), { recursive: true });
    fs.copyFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'schemas', 'schema-2.rosterdesk'), path.join(backupFolder(file), '20250101T000000.rosterdesk'));
    await run(s, 'file.restore', { name: '20250101T000000.rosterdesk' });
    expect(s.run('team.list', {}).map((t) => t.name)).toEqual(['Support Desk Istanbul']);
    expect(s.run('file.check', {})).toMatchObject({ integrity: 'ok', problems: [] });
    s.close();
  });

  it('takes only a backup of this planner by its name, and a damaged one changes nothing', async () => {
    // The synchronous door says where these run.
    expect(freshService().call('file.backup', {})).toMatchObject({ ok: false, error: { code: 'needs_async' } });
    const file = tempFile();
    const s = freshService(file);
    s.run('demo.create', {});
    const before = dataHash(s.planner.db);
    for (const name of ['../planner.rosterdesk', '/etc/passwd', 'nothing.rosterdesk', '']) {
      expect(await s.callAsync('file.restore', { name })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    fs.mkdirSync(backupFolder(file), { recursive: true });
    fs.writeFileSync(path.join(backupFolder(file), '20250101T000000.rosterdesk'), 'SQLite format 3\0 but not really');
    expect(await s.callAsync('file.restore', { name: '20250101T000000.rosterdesk' })).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(dataHash(s.planner.db)).toBe(before);
    // A whole backup, but the planner file has become read-only: refused like any change.
    const { name } = await run(s, 'file.backup', {});
    fs.chmodSync(file, 0o444);
    expect(await s.callAsync('file.restore', { name })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    fs.chmodSync(file, 0o644);
    expect(dataHash(s.planner.db)).toBe(before);
    s.close();
  });
});
