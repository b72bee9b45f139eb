import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rollingBackup, listBackups } from '../../db/backup';
import { CLEAN_CLOSE_KEY } from '../../db/integrity';
import { openPlanner, type OpenOptions } from '../../db/open';
import { createService } from '../../db/service';
import { damageQuietly } from '../helpers/damage';
import { freshService } from '../helpers/service';
import { tempDir } from '../helpers/tmp';

const PAGE = 4096;
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const TRUST: OpenOptions = { check: 'trust-clean-close' };

/** A demo planner written and closed by the service: marked closed cleanly. */
function cleanPlanner(): string {
  const file = path.join(tempDir(), 'planner.rosterdesk');
  const s = freshService(file);
  s.run('demo.create', {});
  s.close();
  return file;
}

function mark(file: string): string | null {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(CLEAN_CLOSE_KEY) as string | undefined) ?? null;
  } finally {
    db.close();
  }
}

const service = (file: string, options: OpenOptions = TRUST) => createService(openPlanner(file, options), { appVersion: 'test' });

describe('opening a file this app closed cleanly', () => {
  it('marks a file closed cleanly after a session that wrote, and opens it on the cheap proof with the full check in the background', async () => {
    const file = cleanPlanner();
    expect(Number(mark(file))).toBeGreaterThan(0);
    const s = service(file);
    expect(s.planner.integrity.state).toBe('pending');
    // Reads answer while the check runs.
    expect(s.run('team.list', {}).length).toBeGreaterThan(0);
    await s.planner.integrity.settled;
    expect(s.planner.integrity.state).toBe('checked');
    s.close();
  });

  it('leaves the bytes of a file exactly as they were after a session that wrote nothing', async () => {
    const file = cleanPlanner();
    const before = sha(file);
    const s = service(file);
    s.run('team.list', {});
    await s.planner.integrity.settled;
    s.close();
    expect(sha(file)).toBe(before);
    // Opened by a command (the full check), too.
    service(file, {}).close();
    expect(sha(file)).toBe(before);
  });

  it('runs the full check at open when the file changed after the mark, the log holds changes, or the command asks', () => {
    const file = cleanPlanner();
    // The default (commands): the full check, always.
    const command = service(file, {});
    expect(command.planner.integrity.state).toBe('checked');
    command.close();
    // Written by someone else later: its modification time is not the mark's.
    const later = new Date(Date.now() + 3_600_000);
    fs.utimesSync(file, later, later);
    const touched = service(file);
    expect(touched.planner.integrity.state).toBe('checked');
    touched.close();
    // A session that ends without closing leaves its changes in the log beside the file.
    const crashed = service(file, {});
    crashed.run('team.create', { name: 'Nachtdienst', timeZone: 'Europe/Berlin' });
    const logBytes = fs.statSync(`${file}-wal`).size;
    expect(logBytes).toBeGreaterThan(0);
    const copy = path.join(tempDir(), 'crashed.rosterdesk');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    crashed.close();
    const afterCrash = service(copy);
    expect(afterCrash.planner.integrity.state).toBe('checked');
    expect(afterCrash.run('team.list', {}).some((t) => t.name === 'Nachtdienst')).toBe(true);
    afterCrash.close();
  });

  it('refuses a file cut short at open, although its mark and time are right', () => {
    const file = cleanPlanner();
    const stat = fs.statSync(file);
    fs.truncateSync(file, Math.floor(stat.size / PAGE / 2) * PAGE);
    fs.utimesSync(file, stat.atime, stat.mtime);
    const before = sha(file);
    expect(() => openPlanner(file, TRUST)).toThrow(/damaged/);
    expect(sha(file)).toBe(before);
  });

  it('finds damage the cheap proof missed before anything is written: the change is refused and the file left as it was', async () => {
    const file = cleanPlanner();
    damageQuietly(file);
    const before = sha(file);
    const s = service(file);
    expect(s.planner.integrity.state).toBe('pending');
    const team = s.run('team.list', {})[0];
    if (!team) throw new Error('the demo has a team');
    // Through the window's path: the change waits for the verdict, then is refused.
    const r = await s.dispatchAsync('team.update', { id: team.id, name: 'Renamed' });
    expect(s.planner.integrity.state).toBe('damaged');
    expect(r.ok ? null : r.error.code).toBe('corrupt');
    // The command's path refuses too, and no backup of the damaged file pushes a whole one out.
    expect(s.call('team.update', { id: team.id, name: 'Renamed' }).ok).toBe(false);
    await expect(rollingBackup(s.planner.db, s.planner.filePath, new Date(), { force: true })).rejects.toThrow(/damaged/);
    expect(listBackups(file)).toEqual([]);
    s.close();
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['planner.rosterdesk']);
    // And it stays refused: the next open goes through the full check, which the mark does not skip for damage.
    const again = service(file);
    await again.planner.integrity.settled;
    expect(again.planner.integrity.state).toBe('damaged');
    again.close();
    expect(() => openPlanner(file, {})).toThrow(/damaged/);
  });

  it('runs the check itself when a change comes before the background check has answered', () => {
    const file = cleanPlanner();
    const s = service(file);
    expect(s.planner.integrity.state).toBe('pending');
    const team = s.run('team.list', {})[0];
    if (!team) throw new Error('the demo has a team');
    // Synchronous, at once: the worker has not started yet, so the check runs on this connection.
    expect(s.call('team.update', { id: team.id, name: 'Renamed' }).ok).toBe(true);
    expect(s.planner.integrity.state).toBe('checked');
    s.close();
  });
});
