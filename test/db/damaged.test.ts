import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { checkPlannerFile, restoreBackup, rollingBackup } from '../../db/backup';
import { isDamage, refusedPlanner } from '../../db/refused';
import { openPlanner } from '../../db/open';
import { MIGRATIONS } from '../../db/migrations/index';
import { scribbleIndexRoot } from '../helpers/damage';
import { dataHash } from '../helpers/dbhash';
import { freshService } from '../helpers/service';
import { tempDir } from '../helpers/tmp';

const PAGE = 4096;
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** Every file in a folder with its digest: what "left exactly as it was" means for a folder. */
const folderState = (dir: string) => Object.fromEntries(fs.readdirSync(dir).sort().map((n) => [n, sha(path.join(dir, n))]));

/** A demo planner, closed (no log beside it), and a backup of it taken by the CLI. */
async function plannerWithBackup() {
  const dir = tempDir();
  const file = path.join(dir, 'planner.rosterdesk');
  const s = freshService(file);
  s.run('demo.create', {});
  const hash = dataHash(s.planner.db);
  s.close();
  const backup = path.join(tempDir(), 'monday.rosterdesk');
  expect((await cli('backup', '--db', file, '--out', backup)).code).toBe(0);
  return { dir, file, backup, hash };
}

/** Three ways a planner is found damaged: random bytes over one page, a broken index page, a file cut in half. */
const DAMAGES: { name: string; damage: (file: string) => void }[] = [
  {
    name: '4 KB of random bytes over page 8',
    damage: (file) => {
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, crypto.randomBytes(PAGE), 0, PAGE, 7 * PAGE);
      fs.closeSync(fd);
    },
  },
  {
    name: 'an index page scribbled over',
    damage: scribbleIndexRoot,
  },
  { name: 'the file cut to half its size', damage: (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2 / PAGE) * PAGE) },
];

describe('restore is the way back from a damaged planner', () => {
  for (const { name, damage } of DAMAGES) {
    it(`${name}: restore puts the backup in place and keeps the damaged file aside byte for byte`, async () => {
      const { dir, file, backup, hash } = await plannerWithBackup();
      damage(file);
      expect(() => openPlanner(file)).toThrow(/damaged/);
      const damagedBytes = sha(file);
      const r = await cli('restore', '--db', file, '--from', backup);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const safety = /kept as (.+\.rosterdesk)\n$/.exec(r.out)?.[1] ?? '';
      expect(sha(safety)).toBe(damagedBytes);
      // Beside the planner: the restored file and the damaged one aside, nothing else.
      expect(fs.readdirSync(dir).sort()).toEqual([path.basename(file), path.basename(safety)].sort());
      const restored = openPlanner(file, { create: false });
      expect(dataHash(restored.db)).toBe(hash);
      restored.db.close();
      restored.release();
    });
  }

  it('a restore that cannot finish leaves nothing half-made: the planner, its folder and the source as they were', async () => {
    const { dir, file, backup } = await plannerWithBackup();
    DAMAGES[0]?.damage(file);
    const bad = path.join(tempDir(), 'bad.rosterdesk');
    fs.copyFileSync(backup, bad);
    DAMAGES[2]?.damage(bad);
    const before = folderState(dir);
    const sourceBefore = folderState(path.dirname(bad));
    expect((await cli('restore', '--db', file, '--from', bad)).code).toBe(1);
    expect(folderState(dir)).toEqual(before);
    expect(folderState(path.dirname(bad))).toEqual(sourceBefore);
  });
});

/** A planner written in write-ahead-log mode and closed, as another program or a copied planner leaves it. */
function walFile(file: string, setup: (db: Database.Database) => void) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  setup(db);
  db.close();
}

describe('refused files are left exactly as they were, with nothing beside them', () => {
  it('a newer planner, a damaged one and another program\'s WAL-mode database: no -wal, no -shm, the same bytes', () => {
    const dir = tempDir();
    const newer = path.join(dir, 'newer.rosterdesk');
    const p = openPlanner(newer);
    p.db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    p.db.close();
    p.release();
    const other = path.join(dir, 'music.db');
    walFile(other, (db) => db.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Üsküdar''a gider iken')"));
    const damaged = path.join(dir, 'damaged.rosterdesk');
    const q = openPlanner(damaged);
    q.db.exec('CREATE TABLE filler (x TEXT) STRICT; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO filler SELECT hex(randomblob(100)) FROM n;');
    q.db.close();
    q.release();
    DAMAGES[0]?.damage(damaged);
    const before = folderState(dir);
    expect(() => openPlanner(newer)).toThrow(/newer Rosterdesk/);
    expect(() => openPlanner(other)).toThrow(/not a Rosterdesk planner/);
    expect(() => openPlanner(damaged)).toThrow(/damaged/);
    for (const f of [newer, other, damaged]) expect(() => checkPlannerFile(f)).toThrow();
    expect(folderState(dir)).toEqual(before);
  });

  it("a restore's source, a planner in write-ahead-log mode, gets nothing beside it", async () => {
    const { file } = await plannerWithBackup();
    // A copy of a planner (WAL mode in its header, closed cleanly) used as the backup to restore from.
    const sourceDir = tempDir();
    const source = path.join(sourceDir, 'copy.rosterdesk');
    fs.copyFileSync(file, source);
    expect(fs.readFileSync(source)[18]).toBe(2);
    const before = folderState(sourceDir);
    restoreBackup(source, file, new Date());
    expect(folderState(sourceDir)).toEqual(before);
  });
});

describe('the refusal a window shows for a damaged planner', () => {
  it('answers with why and the backups, restores one by its name only, and refuses every other call', async () => {
    const file = path.join(tempDir(), 'planner.rosterdesk');
    const s = freshService(file);
    s.run('demo.create', {});
    const hash = dataHash(s.planner.db);
    await rollingBackup(s.planner.db, file, new Date('2026-11-27T08:00:00Z'), { force: true });
    s.close();
    DAMAGES[0]?.damage(file);
    let err: unknown = null;
    try {
      openPlanner(file);
    } catch (e) {
      err = e;
    }
    if (!isDamage(err)) throw new Error('not refused as damaged');
    let restored = 0;
    const refused = refusedPlanner(file, err, { onRestored: () => (restored += 1) });
    const refusal = await refused.dispatchAsync('file.refusal', {});
    expect(refusal).toMatchObject({ ok: true, value: { filePath: file, reason: expect.stringContaining('damaged'), backups: [{ name: '20261127T080000.rosterdesk' }] } });
    expect(await refused.dispatchAsync('team.list', {})).toMatchObject({ ok: false, error: { code: 'planner_refused' } });
    expect(await refused.dispatchAsync('file.restoreDamaged', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await refused.dispatchAsync('file.restoreDamaged', {})).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(restored).toBe(0);
    expect(await refused.dispatchAsync('file.restoreDamaged', { name: '20261127T080000.rosterdesk' })).toMatchObject({ ok: true, value: { safetyCopy: expect.stringContaining('before-restore') } });
    expect(restored).toBe(1);
    const reopened = openPlanner(file);
    expect(dataHash(reopened.db)).toBe(hash);
    reopened.db.close();
    reopened.release();
  });
});
