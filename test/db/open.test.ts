import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors';
import { MIGRATIONS } from '../../db/migrations/index';
import { APPLICATION_ID, openPlanner } from '../../db/open';
import { tempDir, tempFile } from '../helpers/tmp';
import { freshService } from '../helpers/service';

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function refusal(file: string, options = {}): UserError {
  try {
    openPlanner(file, options).db.close();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

describe('openPlanner', () => {
  it('creates a new planner with WAL, synchronous=FULL, foreign keys, STRICT tables and our application id', () => {
    const p = openPlanner(tempFile());
    expect(p.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(p.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(p.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(p.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(p.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const tables = p.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(4);
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT$/);
    p.db.close();
  });

  it('reopens its own file without a backup', () => {
    const file = tempFile();
    openPlanner(file).db.close();
    const again = openPlanner(file);
    expect(again.backupPath).toBeNull();
    again.db.close();
  });

  it('refuses a file that is not SQLite and leaves it byte-for-byte untouched', () => {
    const file = tempFile('notes.rosterdesk');
    fs.writeFileSync(file, 'name,email\nAyşe,ayse@example.com\n');
    const before = hash(file);
    const err = refusal(file);
    expect(err.code).toBe('not_sqlite');
    expect(err.message).toContain('not a Rosterdesk planner file');
    expect(hash(file)).toBe(before);
  });

  it('refuses an SQLite file of another program untouched', () => {
    const file = tempFile('other.db');
    const other = new Database(file);
    other.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Uskudara');");
    other.close();
    const before = hash(file);
    const err = refusal(file);
    expect(err.code).toBe('not_planner');
    expect(hash(file)).toBe(before);
  });

  it('refuses a planner from a newer version untouched, naming both versions', () => {
    const file = tempFile();
    const p = openPlanner(file);
    p.db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    p.db.pragma('journal_mode = DELETE');
    p.db.close();
    const before = hash(file);
    const err = refusal(file);
    expect(err.code).toBe('newer_version');
    expect(err.message).toContain(`file schema ${MIGRATIONS.length + 5}`);
    expect(hash(file)).toBe(before);
  });

  it('refuses a damaged planner untouched', () => {
    const file = tempFile();
    const p = openPlanner(file);
    p.db.exec("CREATE TABLE filler (x TEXT) STRICT; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO filler SELECT hex(randomblob(100)) FROM n;");
    p.db.pragma('journal_mode = DELETE');
    p.db.close();
    // Scribble over pages in the middle: the header still says SQLite, the b-tree is broken.
    const bytes = fs.readFileSync(file);
    const page = 4096;
    for (let i = page * 3; i < page * 12; i += 1) bytes[i] = (i * 7) & 0xff;
    fs.writeFileSync(file, bytes);
    const before = hash(file);
    const err = refusal(file);
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain('damaged');
    expect(hash(file)).toBe(before);
  });

  it('refuses a folder and a missing folder with a clear message', () => {
    expect(refusal(tempDir()).code).toBe('not_a_file');
    expect(refusal(path.join(tempDir(), 'no', 'such', 'planner.rosterdesk')).message).toContain('does not exist');
  });

  it('backs up an older planner before migrating it, all in one transaction', () => {
    const file = tempFile();
    openPlanner(file, { migrations: MIGRATIONS }).db.close();
    const next = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'test column', sql: "ALTER TABLE team ADD COLUMN motto TEXT NOT NULL DEFAULT ''" }];
    const upgraded = openPlanner(file, { migrations: next });
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length + 1);
    expect(upgraded.backupPath).not.toBeNull();
    upgraded.db.close();
    const backup = new Database(upgraded.backupPath ?? '', { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    backup.close();
  });

  it('runs a migration written as code in the same transaction: its work lands with the version, or neither does', () => {
    const file = tempFile();
    const s = freshService(file);
    s.run('team.create', { name: 'destek', timeZone: 'Europe/Istanbul' });
    s.close();
    // Names written in lower case by an old version, fixed by rules in code (Turkish casing).
    const capitalise = { version: MIGRATIONS.length + 1, name: 'capitalised team names', up: (db: Database.Database) => {
      for (const t of db.prepare('SELECT id, name FROM team').all() as { id: number; name: string }[]) {
        db.prepare('UPDATE team SET name = ? WHERE id = ?').run(t.name.charAt(0).toLocaleUpperCase('tr') + t.name.slice(1), t.id);
      }
    } };
    const failing = { ...capitalise, up: (db: Database.Database) => {
      capitalise.up(db);
      throw new Error('the rules broke half-way');
    } };
    expect(() => openPlanner(file, { migrations: [...MIGRATIONS, failing] })).toThrow('the rules broke half-way');
    const unchanged = openPlanner(file);
    expect(unchanged.db.prepare('SELECT name FROM team').pluck().get()).toBe('destek');
    expect(unchanged.schemaVersion).toBe(MIGRATIONS.length);
    unchanged.db.close();
    unchanged.release();
    const upgraded = openPlanner(file, { migrations: [...MIGRATIONS, capitalise] });
    expect(upgraded.db.prepare('SELECT name FROM team').pluck().get()).toBe('Destek');
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    expect(upgraded.backupPath).not.toBeNull();
    upgraded.db.close();
    upgraded.release();
  });

  it('leaves the old schema in place when a migration fails half-way', () => {
    const file = tempFile();
    openPlanner(file).db.close();
    const broken = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'half', sql: "ALTER TABLE team ADD COLUMN motto TEXT NOT NULL DEFAULT ''; THIS IS NOT SQL;" },
    ];
    expect(() => openPlanner(file, { migrations: broken })).toThrow();
    const p = openPlanner(file);
    expect(p.schemaVersion).toBe(MIGRATIONS.length);
    const cols = p.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('team');
    expect(cols).not.toContain('motto');
    p.db.close();
  });
});
