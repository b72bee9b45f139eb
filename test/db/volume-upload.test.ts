import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPLOAD_PIECE_BYTES } from '../../core/contract';
import { UserError } from '../../core/errors';
import { openPlanner } from '../../db/open';
import { createService, type Service } from '../../db/service';
import { Uploads } from '../../db/uploads';
import { writeTicketsFile } from '../bench/tickets-file';
import { dataHash } from '../helpers/dbhash';
import { FIXED_NOW } from '../helpers/service';
import { tempDir } from '../helpers/tmp';

/**
 * A ticket export sent in pieces (upload.start, upload.append, then volume.import with the
 * upload's id): how the window imports a file of any size without holding it whole (issue 19,
 * point 4). Real planner files, real temp files.
 */

const serviceAt = (file: string) => createService(openPlanner(file), { appVersion: 'test', now: () => FIXED_NOW });

/** What the import wrote: the ticket history's rows, whatever the planner's own ids. */
function historyHash(file: string): string {
  const db = openPlanner(file).db;
  const others = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'volume_interval'").pluck().all() as string[];
  const hash = dataHash(db, new Set(others));
  db.close();
  return hash;
}

/** Sends a file in pieces, in order or last piece first (they say where they go). */
function send(s: Service, bytes: Uint8Array, pieceBytes: number, backwards = false): string {
  const { id } = s.run('upload.start', { sizeBytes: bytes.length });
  const starts = Array.from({ length: Math.ceil(bytes.length / pieceBytes) }, (_, i) => i * pieceBytes);
  for (const at of backwards ? starts.reverse() : starts) s.run('upload.append', { id, at, bytes: Buffer.from(bytes.subarray(at, at + pieceBytes)).toString('base64') });
  return id;
}


describe('a file sent in pieces', () => {
  it('imports as the same bytes sent whole do, whatever the piece size, and the sent file is gone after', () => {
    const dir = tempDir();
    const csv = path.join(dir, 'tickets.csv');
    writeTicketsFile(csv, 70_000);
    const bytes = fs.readFileSync(csv);
    // Over one piece of the window's size, so it goes in two or more.
    expect(bytes.length).toBeGreaterThan(UPLOAD_PIECE_BYTES);
    const whole = path.join(dir, 'whole.rosterdesk');
    const s0 = serviceAt(whole);
    const t0 = s0.run('team.create', { name: 'Desk', timeZone: 'Europe/Istanbul', country: 'TR' });
    const expected = s0.run('volume.import', { teamId: t0.id, bytes: bytes.toString('base64') });
    s0.close();
    for (const [pieceBytes, backwards] of [[UPLOAD_PIECE_BYTES, false], [65_533, true], [4_099, false]] as const) {
      const file = path.join(dir, `pieces-${pieceBytes}.rosterdesk`);
      const s = serviceAt(file);
      const t = s.run('team.create', { name: 'Desk', timeZone: 'Europe/Istanbul', country: 'TR' });
      const id = send(s, bytes, pieceBytes, backwards);
      expect(s.run('volume.import', { teamId: t.id, upload: id })).toEqual(expected);
      // Forgotten once imported: it cannot be imported twice.
      const again = s.call('volume.import', { teamId: t.id, upload: id });
      expect(again.ok ? null : again.error.code).toBe('upload_gone');
      s.close();
      expect(historyHash(file)).toBe(historyHash(whole));
    }
  });

  it('refuses a piece past the announced size, an import before the last piece, and a file given two ways; nothing changes', () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.rosterdesk');
    const s = serviceAt(file);
    const t = s.run('team.create', { name: 'Desk', timeZone: 'Europe/Istanbul', country: 'TR' });
    const text = Buffer.from('created_at,channel\n2026-03-02 09:41:07,phone\n');
    const before = dataHash(s.planner.db);

    const { id } = s.run('upload.start', { sizeBytes: text.length });
    const over = s.call('upload.append', { id, at: 0, bytes: Buffer.concat([text, text]).toString('base64') });
    expect(over.ok ? null : over.error.code).toBe('upload_overrun');
    const after = s.call('upload.append', { id, at: 0, bytes: text.toString('base64') });
    expect(after.ok ? null : after.error.code).toBe('upload_gone');

    // A piece over one already there: the count of bytes would reach the size with some missing.
    const overlap = s.run('upload.start', { sizeBytes: text.length });
    s.run('upload.append', { id: overlap.id, at: 0, bytes: text.subarray(0, 20).toString('base64') });
    const twice = s.call('upload.append', { id: overlap.id, at: 10, bytes: text.subarray(10, 30).toString('base64') });
    expect(twice.ok ? null : { code: twice.error.code, path: twice.error.path }).toEqual({ code: 'upload_overrun', path: ['at'] });

    const half = s.run('upload.start', { sizeBytes: text.length });
    s.run('upload.append', { id: half.id, at: 0, bytes: text.subarray(0, 10).toString('base64') });
    const early = s.call('volume.import', { teamId: t.id, upload: half.id });
    expect(early.ok ? null : { code: early.error.code, path: early.error.path }).toEqual({ code: 'upload_incomplete', path: ['upload'] });

    const twoWays = s.call('volume.import', { teamId: t.id, upload: half.id, csv: text.toString() });
    expect(twoWays.ok ? null : twoWays.error.code).toBe('conflict');
    expect(dataHash(s.planner.db)).toBe(before);
    s.close();
  });

  it('forgets a refused file too (choose it again), and writes nothing from it', () => {
    const dir = tempDir();
    const s = serviceAt(path.join(dir, 'p.rosterdesk'));
    const t = s.run('team.create', { name: 'Desk', timeZone: 'Europe/Istanbul', country: 'TR' });
    const before = dataHash(s.planner.db);
    const id = send(s, Buffer.from('created_at,channel\n2026-03-02 09:41:07,phone\nsoon,phone\n'), 16);
    const r = s.call('volume.import', { teamId: t.id, upload: id });
    expect(r.ok ? null : r.error.lines).toEqual([{ line: 3, column: 'created_at', message: expect.stringContaining('"soon" is not a date') }]);
    const again = s.call('volume.import', { teamId: t.id, upload: id });
    expect(again.ok ? null : again.error.code).toBe('upload_gone');
    expect(dataHash(s.planner.db)).toBe(before);
    s.close();
  });

  it('keeps sent files only in its own folder, drops one left ten minutes, limits how many at once, and clears all at close', () => {
    let now = 0;
    const parent = tempDir();
    const uploads = new Uploads(() => now, parent);
    expect(fs.readdirSync(parent)).toEqual([]);
    const ids = [uploads.start(3), uploads.start(3), uploads.start(3), uploads.start(3)];
    const mine = fs.readdirSync(parent);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatch(/^rosterdesk-upload-/);
    expect(fs.readdirSync(path.join(parent, mine[0] ?? '')).sort()).toEqual([...ids].sort());
    expect(() => uploads.start(3)).toThrow(expect.objectContaining({ code: 'too_many_uploads' }) as UserError);
    uploads.append(ids[0] ?? '', 0, Buffer.from('abc').toString('base64'));
    now += 10 * 60 * 1000 + 1;
    // All four were left too long: room again, and the first is gone with its file.
    const fresh = uploads.start(3);
    expect(() => uploads.take(ids[0] ?? '')).toThrow(expect.objectContaining({ code: 'upload_gone' }) as UserError);
    expect(fs.readdirSync(path.join(parent, mine[0] ?? ''))).toEqual([fresh]);
    uploads.close();
    expect(fs.readdirSync(parent)).toEqual([]);
  });
});
