import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { backupFolder, BACKUPS_KEPT, checkPlannerFile, listBackups, restoreBackup, rollingBackup } from '../../db/backup';
import { openPlanner } from '../../db/open';
import { dataHash } from '../helpers/dbhash';
import { freshService } from '../helpers/service';
import { tempDir, tempFile } from '../helpers/tmp';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('backups', () => {
  it('rolling backups: one at open, then none until a day has passed, the newest ten kept', () => {
    const file = tempFile();
    const s = freshService(file);
    s.run('demo.create', {});
    const start = new Date('2026-11-27T08:00:00Z');
    const first = rollingBackup(s.planner.db, file, start);
    expect(first).toBe(path.join(backupFolder(file), '20261127T080000.rosterdesk'));
    expect(rollingBackup(s.planner.db, file, new Date('2026-11-27T20:00:00Z'))).toBeNull();
    // File › Back Up Now takes one whenever asked.
    expect(rollingBackup(s.planner.db, file, new Date('2026-11-27T20:00:00Z'), { force: true })).toBe(path.join(backupFolder(file), '20261127T200000.rosterdesk'));
    for (let d = 1; d <= 12; d += 1) rollingBackup(s.planner.db, file, new Date(start.getTime() + d * 86_400_000));
    const kept = listBackups(file);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]?.takenAt).toBe('2026-12-09T08:00:00Z');
    // Each is a whole planner with the data as it was.
    expect(checkPlannerFile(kept[0]?.file ?? '')).toBe(3);
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
