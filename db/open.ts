import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../core/errors';
import { MIGRATIONS, type Migration } from './migrations/index';
import { describeHolder, isHolder, takeLock } from './file-lock';

export type Db = Database.Database;

/** 'RSKD' in the SQLite header's application_id: how we know a file is ours. */
export const APPLICATION_ID = 0x52534b44;
export const PLANNER_EXTENSION = '.rosterdesk';

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for another ABI (Electron's). */
  nativeBinding?: string;
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  /** The migration list; tests pass a longer one to exercise an upgrade. */
  migrations?: readonly Migration[];
  /**
   * When another Rosterdesk has the file open: 'refuse' (the default, for commands
   * that write) or 'read-only' (for windows: they show it and say who has it).
   */
  ifInUse?: 'refuse' | 'read-only';
  /** Open for reading only, without taking the file (backups of a file in use). */
  readOnly?: boolean;
}

export interface Planner {
  db: Db;
  filePath: string;
  schemaVersion: number;
  /** The copy taken before migrating an older file, if one was needed. */
  backupPath: string | null;
  /** Why the file is open read-only (another Rosterdesk has it), or null when we may write. */
  readOnly: string | null;
  /** The file as it was opened: a planner renamed, deleted or replaced while open is caught before a write. */
  identity: { dev: number; ino: number };
  /** Lets the file go (the lock beside it); the connection is closed separately. */
  release(): void;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

interface Inspection {
  applicationId: number;
  userVersion: number;
  objectCount: number;
}

function fail(code: string, filePath: string, reason: string): never {
  throw new UserError(code, `Cannot open ${filePath}: ${reason}. The file was left untouched.`, ['db']);
}

/**
 * Looks at an existing file without writing to it: the header bytes first, then
 * a read-only connection. Anything doubtful is refused before a writer opens it.
 */
export function inspect(filePath: string, nativeBinding: string | undefined): Inspection | null {
  const stat = fs.statSync(filePath);
  if (!stat.isFile()) fail('not_a_file', filePath, 'it is a folder, not a planner file');
  if (stat.size === 0) return null;
  const head = Buffer.alloc(16);
  const fd = fs.openSync(filePath, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.equals(SQLITE_MAGIC)) fail('not_sqlite', filePath, 'it is not a Rosterdesk planner file (not an SQLite database)');

  let ro: Db | null = null;
  try {
    ro = new Database(filePath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const applicationId = Number(ro.pragma('application_id', { simple: true }));
    const userVersion = Number(ro.pragma('user_version', { simple: true }));
    const check = ro.pragma('quick_check', { simple: true });
    if (check !== 'ok') fail('corrupt', filePath, `the file is damaged (${String(check)})`);
    const row = ro.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
    return { applicationId, userVersion, objectCount: row.n };
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') fail('corrupt', filePath, 'the file is damaged and cannot be read');
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') fail('cannot_read', filePath, 'it cannot be read (check its permissions)');
    return fail('corrupt', filePath, `the file cannot be read as a planner (${(err as Error).message})`);
  } finally {
    ro?.close();
  }
}

function configure(db: Db): void {
  // WAL + FULL: a committed transaction survives a crash or power cut; readers never block the writer.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** A consistent copy of an open database, written by SQLite itself (safe while in use). */
export function copyDatabase(db: Db, target: string): void {
  if (fs.existsSync(target)) fs.rmSync(target);
  db.prepare('VACUUM INTO ?').run(target);
}

/** 20261127T080000: a UTC instant as file names carry it. */
export function fileStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

/** The planner's path without its .rosterdesk ending, to name the files kept beside it. */
export function plannerBase(filePath: string): string {
  return filePath.endsWith(PLANNER_EXTENSION) ? filePath.slice(0, -PLANNER_EXTENSION.length) : filePath;
}

/** A dated copy's name beside the planner: planner.<what>-20261127T080000.rosterdesk. */
export function stampedSibling(filePath: string, what: string, now: Date): string {
  return `${plannerBase(filePath)}.${what}-${fileStamp(now)}${PLANNER_EXTENSION}`;
}

/** Runs every pending migration in one transaction; user_version moves with it. */
export function migrate(db: Db, fromVersion: number, migrations: readonly Migration[] = MIGRATIONS): void {
  const pending = migrations.filter((m) => m.version > fromVersion);
  const latest = migrations.at(-1)?.version ?? 0;
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${latest}`);
  })();
}

/**
 * Opens (or creates) a planner file. Refuses, without writing a byte, a file that
 * is not SQLite, not ours, damaged, or from a newer Rosterdesk.
 */
export function openPlanner(filePath: string, options: OpenOptions = {}): Planner {
  const abs = path.resolve(filePath);
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? 0;
  const exists = fs.existsSync(abs);
  if (!exists) {
    if (options.create === false) fail('not_found', abs, 'the file does not exist');
    if (!fs.existsSync(path.dirname(abs))) fail('not_found', abs, `the folder ${path.dirname(abs)} does not exist`);
  }
  const seen = exists ? inspect(abs, options.nativeBinding) : null;
  if (seen) {
    if (seen.applicationId !== APPLICATION_ID) {
      fail('not_planner', abs, 'it is an SQLite database but not a Rosterdesk planner file');
    }
    if (seen.userVersion > latest) {
      fail(
        'newer_version',
        abs,
        `it was saved by a newer Rosterdesk (file schema ${seen.userVersion}, this version reads up to ${latest}); update Rosterdesk to open it`,
      );
    }
  }

  let readOnly: string | null = options.readOnly ? 'opened for reading only' : null;
  let release = () => undefined as void;
  if (!readOnly) {
    const lock = takeLock(abs, new Date());
    if (isHolder(lock)) {
      if (options.ifInUse !== 'read-only') fail('in_use', abs, `${describeHolder(lock, abs)}; close it there first`);
      readOnly = `${describeHolder(lock, abs)}, so this window shows it read-only`;
    } else release = lock.release;
  }
  if (readOnly && !exists) {
    release();
    fail('not_found', abs, 'the file does not exist');
  }
  if (readOnly && seen && seen.userVersion < latest) {
    release();
    fail('in_use', abs, `it was saved by an older Rosterdesk and needs an upgrade, which means writing to it, but ${readOnly.replace(/, so this window.*$/, '')}`);
  }

  let db: Db;
  try {
    db = new Database(abs, { ...(readOnly ? { readonly: true, fileMustExist: true } : {}), ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (err) {
    release();
    throw err;
  }
  try {
    if (readOnly) {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    } else configure(db);
    const fromVersion = seen?.userVersion ?? 0;
    let backupPath: string | null = null;
    if (!readOnly && seen && fromVersion < latest) {
      backupPath = stampedSibling(abs, `schema-${fromVersion}-backup`, new Date());
      copyDatabase(db, backupPath);
    }
    if (!readOnly) migrate(db, fromVersion, migrations);
    const stat = fs.statSync(abs);
    return { db, filePath: abs, schemaVersion: latest, backupPath, readOnly, identity: { dev: stat.dev, ino: stat.ino }, release };
  } catch (err) {
    db.close();
    release();
    throw err;
  }
}

/**
 * What keeps a write from reaching the planner file now: it was deleted, renamed or
 * replaced since it was opened (the connection would write to a file nobody sees),
 * or it became read-only. Null when all is well.
 */
export function fileProblem(planner: Pick<Planner, 'filePath' | 'identity'>): 'gone' | 'read_only' | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(planner.filePath);
  } catch {
    return 'gone';
  }
  if (stat.ino !== planner.identity.ino || stat.dev !== planner.identity.dev) return 'gone';
  // The mode bits, not access(): an administrator may write anywhere, but a file marked read-only means "leave it".
  if ((stat.mode & 0o222) === 0) return 'read_only';
  try {
    fs.accessSync(planner.filePath, fs.constants.W_OK);
  } catch {
    return 'read_only';
  }
  return null;
}
