import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../db/backup';
import { lockPathOf } from '../../db/file-lock';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import { tempFile } from '../helpers/tmp';
import { toCsv } from '../../core/csv';
import { dataHash } from '../helpers/dbhash';
import { freshService } from '../helpers/service';

describe('a full disk', () => {
  it('a write that does not fit is refused with a clear error, nothing of it stays, and the file works on', () => {
    const s = freshService();
    const team = s.run('demo.create', {});
    const db = s.planner.db;
    const before = dataHash(db);
    // Room for a few more pages only: SQLite then reports SQLITE_FULL, as on a full disk.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 4}`);
    const csv = toCsv([['name', 'email', 'phone', 'skills', 'contract_hours', 'hourly_rate'], ...Array.from({ length: 5000 }, (_, i) => [`Kişi ${i}`, `k${i}@example.com`, '', 'phone', 40, 30])]);
    const r = s.call('person.import', { teamId: team.id, csv });
    expect(r).toEqual({ ok: false, error: { code: 'disk_full', message: 'The disk is full; nothing was saved.', path: [] } });
    expect(dataHash(db)).toBe(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Nothing to undo: the failed import is not a step.
    expect(s.run('history.state', {}).undoLabel).toBe('Open the demo team');
    db.pragma('max_page_count = 1073741823');
    expect(s.run('person.import', { teamId: team.id, csv }).created).toBe(5000);
    s.close();
  });
});

/** Another process with the planner open, as a second Rosterdesk would be. */
function holdOpen(file: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures', 'hold-open.ts'), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().startsWith('open')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`holder ended (${code}): ${err}`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('a planner another Rosterdesk has open', () => {
  it('is refused for writing commands, shown read-only in a window with who has it, and free again once that process is gone', async () => {
    const file = tempFile();
    const first = freshService(file);
    const team = first.run('demo.create', {});
    first.close();
    const holder = await holdOpen(file);
    try {
      expect(() => openPlanner(file)).toThrow(new RegExp(`it is open in another Rosterdesk \\(process ${holder.pid}, since .*\\); close it there first`));
      const second = createService(openPlanner(file, { ifInUse: 'read-only' }), { appVersion: 'test' });
      const reason = second.run('app.info', {}).readOnly;
      expect(reason).toMatch(new RegExp(`open in another Rosterdesk \\(process ${holder.pid}.*read-only`));
      const before = dataHash(second.planner.db);
      // Reading works; writing says why it cannot.
      expect(second.run('person.list', { teamId: team.id }).length).toBe(14);
      const r = second.call('person.create', { teamId: team.id, name: 'Yeni Kişi' });
      expect(r).toMatchObject({ ok: false, error: { code: 'read_only' } });
      expect(r.ok ? '' : r.error.message).toContain(`process ${holder.pid}`);
      expect(await second.callAsync('file.restore', { name: 'x' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
      expect(dataHash(second.planner.db)).toBe(before);
      second.close();
      // Replacing the file under a running app is refused too.
      expect(() => restoreBackup(file, file, new Date())).toThrow(/Close it there first/);
    } finally {
      await killed(holder);
    }
    // The holder crashed (kill -9): its lock is stale and taken over.
    expect(fs.existsSync(lockPathOf(file))).toBe(true);
    const again = openPlanner(file);
    expect(again.readOnly).toBeNull();
    expect(JSON.parse(fs.readFileSync(lockPathOf(file), 'utf8'))).toMatchObject({ pid: process.pid });
    again.db.close();
    again.release();
    expect(fs.existsSync(lockPathOf(file))).toBe(false);
  }, 60_000);
});

/** The one recovered copy written beside `file`. */
function recoveredCopy(file: string): string {
  const found = fs.readdirSync(path.dirname(file)).filter((f) => /^planner\.recovered-\d{8}T\d{6}\.rosterdesk$/.test(f));
  expect(found).toHaveLength(1);
  return path.join(path.dirname(file), found[0] ?? '');
}

describe('a planner that goes away or becomes read-only while open', () => {
  it('deleted: the change is refused and everything saved before it is written to a recovered copy beside it', () => {
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('demo.create', {});
    s.run('person.create', { teamId: team.id, name: 'Saved Before' });
    const before = dataHash(s.planner.db);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    const r = s.call('person.create', { teamId: team.id, name: 'Lost Write' });
    expect(r).toMatchObject({ ok: false, error: { code: 'file_gone' } });
    const recovered = recoveredCopy(file);
    expect(r.ok ? '' : r.error.message).toBe(`The planner file ${file} was moved, renamed or deleted while open, so this change was not saved. Everything saved before it is in ${recovered}: open that file to go on.`);
    // Reading goes on, from what the window had.
    expect(s.run('person.list', { teamId: team.id }).map((p) => p.name)).toContain('Saved Before');
    // A second try is refused the same way (the window still has the old file) and writes no second copy.
    expect(s.call('person.create', { teamId: team.id, name: 'Lost Again' })).toMatchObject({ ok: false, error: { code: 'file_gone' } });
    expect(recoveredCopy(file)).toBe(recovered);
    s.close();
    const back = openPlanner(recovered);
    expect(dataHash(back.db)).toBe(before);
    expect(back.db.pragma('integrity_check', { simple: true })).toBe('ok');
    back.db.close();
    back.release();
  });

  it('renamed: the change is refused and the recovered copy holds everything saved before it', () => {
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('demo.create', {});
    const before = dataHash(s.planner.db);
    const moved = path.join(path.dirname(file), 'moved.rosterdesk');
    fs.renameSync(file, moved);
    expect(s.call('person.create', { teamId: team.id, name: 'Moved Away' })).toMatchObject({ ok: false, error: { code: 'file_gone' } });
    s.close();
    const p = openPlanner(recoveredCopy(file));
    expect(dataHash(p.db)).toBe(before);
    p.db.close();
    p.release();
  });

  it('made read-only: the change is refused, nothing written; once writable again the same change goes through', () => {
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('demo.create', {});
    const before = dataHash(s.planner.db);
    fs.chmodSync(file, 0o444);
    const r = s.call('person.create', { teamId: team.id, name: 'Yazılamaz' });
    expect(r).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(r.ok ? '' : r.error.message).toBe(`${file} has become read-only, so this change was not saved. Make the file writable again and repeat it; what you entered is still here.`);
    expect(dataHash(s.planner.db)).toBe(before);
    expect(s.run('history.state', {}).undoLabel).toBe('Open the demo team');
    // Reading is not a change: it goes on.
    expect(s.call('person.list', { teamId: team.id }).ok).toBe(true);
    fs.chmodSync(file, 0o644);
    expect(s.run('person.create', { teamId: team.id, name: 'Yazılamaz' }).name).toBe('Yazılamaz');
    s.close();
  });
});

describe('the lock beside a planner', () => {
  it('stays while any planner of this process has the file open (a window reopening its own file), and goes with the last', () => {
    const file = tempFile();
    const first = openPlanner(file);
    const second = openPlanner(file);
    first.db.close();
    first.release();
    first.release();
    expect(fs.existsSync(lockPathOf(file))).toBe(true);
    second.db.close();
    second.release();
    expect(fs.existsSync(lockPathOf(file))).toBe(false);
  });
});

describe('a lock from another computer (a shared folder)', () => {
  it('stands, since its process cannot be seen from here, and the message says how to free it', () => {
    const file = tempFile();
    openPlanner(file).db.close();
    fs.writeFileSync(lockPathOf(file), JSON.stringify({ pid: 4242, host: 'desk-pc-7', since: '2026-11-27T08:00:00.000Z' }));
    expect(() => openPlanner(file)).toThrow(`Cannot open ${file}: it is open in Rosterdesk on desk-pc-7 (process 4242, since 2026-11-27 08:00 UTC) (if that computer is off or Rosterdesk is closed there, delete ${lockPathOf(file)}); close it there first. The file was left untouched.`);
    fs.rmSync(lockPathOf(file));
    const p = openPlanner(file);
    expect(p.readOnly).toBeNull();
    p.db.close();
    p.release();
  });
});
