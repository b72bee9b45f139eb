import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError, type ErrorCode } from '../core/errors';
import { MIGRATIONS, type Migration } from './migrations/index';
import { describeHolder, isHolder, takeLock } from './file-lock';
import { CHECKED, closedCleanly, deferredIntegrity, isSqliteDamage, lightCheck, type Integrity } from './integrity';

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
  /**
   * 'full' (the default) runs SQLite's quick_check before opening. 'trust-clean-close', for
   * windows, opens a file this app closed cleanly on a cheap proof and runs the full check in the
   * background before the first write (db/integrity.ts).
   */
  check?: 'full' | 'trust-clean-close';
}

export interface Planner {
  db: Db;
  filePath: string;
  schemaVersion: number;
  /** The copy taken before migrating an older file, if one was needed. */
  backupPath: string | null;
  /** Why the file is open read-only (another Rosterdesk has it, the folder or disk refuses writing), or null when we may write. */
  readOnly: string | null;
  /** The kind of reason, for a window to say it in its language. */
  readOnlyCause: ReadOnlyCause | null;
  /** The file as it was opened: a planner renamed, deleted or replaced while open is caught before a write. */
  identity: { dev: number; ino: number };
  /** The full damage check: passed, or still running in the background, or failed (writes refused). */
  integrity: Integrity;
  /** Lets the file go (the lock beside it); the connection is closed separately. */
  release(): void;
}

/**
 * Why a planner is open for reading only: another Rosterdesk has it, the caller asked (a backup
 * of a file in use), the folder or the file cannot be written (a read-only share, another user's
 * folder), or the disk is full.
 */
export type ReadOnlyCause = 'in_use' | 'asked' | 'folder' | 'disk_full';

const LATEST_SCHEMA = MIGRATIONS.at(-1)?.version ?? 0;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Offsets in the SQLite header (https://sqlite.org/fileformat.html#the_database_header). */
const HEADER_BYTES = 100;
const WRITE_VERSION_OFFSET = 18;
const READ_VERSION_OFFSET = 19;
const USER_VERSION_OFFSET = 60;
const APPLICATION_ID_OFFSET = 68;
/** Bytes 18 and 19 are 2 in a write-ahead-log file, 1 in a rollback-journal one. */
const WAL_FORMAT = 2;
const ROLLBACK_FORMAT = 1;

/** Less room than this and SQLite cannot set up a file's write-ahead log and its index: the disk is full. */
const MIN_FREE_BYTES = 1024 * 1024;

interface Inspection {
  applicationId: number;
  userVersion: number;
  objectCount: number;
  /** Opened on the cheap proof of a clean close: the full check is still to run. */
  deferred: boolean;
}

function fail(code: ErrorCode, filePath: string, reason: string): never {
  throw new UserError(code, `Cannot open ${filePath}: ${reason}. The file was left untouched.`, ['db']);
}

/**
 * Looks at an existing file without writing to it or beside it: the header's bytes first (is it
 * SQLite, ours, from this version or older: a refusal needs no database connection), then a
 * read-only connection for the damage check, which leaves no -wal or -shm file behind.
 */
export function inspect(filePath: string, nativeBinding: string | undefined, latest = LATEST_SCHEMA, trustCleanClose = false): Inspection | null {
  const stat = fs.statSync(filePath);
  if (!stat.isFile()) fail('not_a_file', filePath, 'it is a folder, not a planner file');
  if (stat.size === 0) return null;
  const head = Buffer.alloc(HEADER_BYTES);
  let fd: number;
  try {
    fd = fs.openSync(filePath, 'r');
  } catch {
    return fail('cannot_read', filePath, 'it cannot be read (check its permissions)');
  }
  let read = 0;
  try {
    read = fs.readSync(fd, head, 0, HEADER_BYTES, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.subarray(0, 16).equals(SQLITE_MAGIC)) fail('not_sqlite', filePath, 'it is not a Rosterdesk planner file (not an SQLite database)');
  if (read < HEADER_BYTES) fail('corrupt', filePath, 'the file is damaged and cannot be read');
  const headerSays = { applicationId: head.readUInt32BE(APPLICATION_ID_OFFSET), userVersion: head.readUInt32BE(USER_VERSION_OFFSET) };
  // Another program's database or a newer Rosterdesk's file: refused from the header alone, unless
  // a write-ahead log beside it may hold a newer first page (a crash before its first checkpoint).
  const log = `${filePath}-wal`;
  const logged = fs.existsSync(log) && fs.statSync(log).size > 0;
  if (!logged && (headerSays.applicationId !== APPLICATION_ID || headerSays.userVersion > latest)) return { ...headerSays, objectCount: -1, deferred: false };

  try {
    return withReadConnection(filePath, nativeBinding, (ro) => {
      const applicationId = Number(ro.pragma('application_id', { simple: true }));
      const userVersion = Number(ro.pragma('user_version', { simple: true }));
      // An upgrade writes at once, so a file that needs one gets the full check first.
      const deferred = trustCleanClose && applicationId === APPLICATION_ID && userVersion === latest && closedCleanly(ro, filePath, head);
      if (deferred) lightCheck(ro);
      else {
        const check = ro.pragma('quick_check', { simple: true });
        if (check !== 'ok') fail('corrupt', filePath, `the file is damaged (${String(check)})`);
      }
      const row = ro.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
      return { applicationId, userVersion, objectCount: row.n, deferred };
    });
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (isSqliteDamage(err)) fail('corrupt', filePath, 'the file is damaged and cannot be read');
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') fail('cannot_read', filePath, 'it cannot be read (check its permissions)');
    return fail('corrupt', filePath, `the file cannot be read as a planner (${(err as Error).message})`);
  }
}

/**
 * SQLite could not set up a write-ahead-log file's shared index beside it: the folder cannot be
 * written (a read-only share, another user's folder) or the disk is full. The file itself is fine.
 */
function cannotWriteBeside(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL' || code === 'SQLITE_CANTOPEN');
}

/**
 * The file as it is on disk, in memory and read-only: for when SQLite cannot create the -shm
 * index it needs to read a write-ahead-log file in place. The header's log bytes are set to the
 * rollback format in the copy only (an in-memory database has no log); the file is untouched.
 * A log left beside the file by a crash is not read this way, so this is the last resort.
 */
function memoryCopy(filePath: string, nativeBinding: string | undefined): Db {
  const bytes = fs.readFileSync(filePath);
  if (bytes[WRITE_VERSION_OFFSET] === WAL_FORMAT) bytes[WRITE_VERSION_OFFSET] = ROLLBACK_FORMAT;
  if (bytes[READ_VERSION_OFFSET] === WAL_FORMAT) bytes[READ_VERSION_OFFSET] = ROLLBACK_FORMAT;
  return new Database(bytes, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/**
 * A read-only connection to a file, for checks and copies, that leaves nothing beside it: SQLite
 * creates -wal and -shm files even to read a write-ahead-log file, so those this call caused are
 * removed after (only while the log is still empty: a non-empty one is another writer's). Where
 * they cannot be created at all, the file is read from memory.
 */
export function withReadConnection<T>(filePath: string, nativeBinding: string | undefined, use: (db: Db) => T): T {
  const ours = missingSides(filePath);
  const db = readingConnection(filePath, nativeBinding);
  try {
    return use(db);
  } finally {
    db.close();
    removeIfEmptyLog(filePath, ours);
  }
}

function removeIfEmptyLog(filePath: string, ours: readonly string[]): void {
  if (ours.length === 0) return;
  const log = `${filePath}-wal`;
  if (fs.existsSync(log) && fs.statSync(log).size > 0) return;
  for (const f of ours) fs.rmSync(f, { force: true });
}

/** Why this process cannot write the file where it is, or null when it can. */
export function cannotWriteReason(filePath: string): { cause: 'folder' | 'disk_full'; reason: string } | null {
  const folder = path.dirname(filePath);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    fs.accessSync(filePath, fs.constants.W_OK);
  } catch {
    return { cause: 'folder', reason: `the folder ${folder} or the file cannot be written here (a read-only share or another user's folder)` };
  }
  const free = fs.statfsSync(folder);
  if (free.bavail * free.bsize < MIN_FREE_BYTES) return { cause: 'disk_full', reason: `The disk is full (${folder})` };
  return null;
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
    for (const m of pending) {
      if (m.up) m.up(db);
      else db.exec(m.sql);
    }
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
    if (options.create === false) fail('no_such_file', abs, 'the file does not exist');
    if (!fs.existsSync(path.dirname(abs))) fail('no_such_file', abs, `the folder ${path.dirname(abs)} does not exist`);
  }
  const seen = exists ? inspect(abs, options.nativeBinding, latest, options.check === 'trust-clean-close') : null;
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
  let readOnlyCause: ReadOnlyCause | null = options.readOnly ? 'asked' : null;
  let release = () => undefined as void;
  if (!exists && !writable(path.dirname(abs))) fail('cannot_write', abs, `the folder ${path.dirname(abs)} cannot be written here, so no planner can be made in it`);
  // A folder that cannot be written (a read-only share) or a full disk: the file is fine, so it is
  // shown read-only, and nothing (not even the lock file) is written beside it.
  const refusing = !readOnly && exists ? cannotWriteReason(abs) : null;
  if (refusing) {
    readOnly = `${refusing.reason}, so this window shows it read-only`;
    readOnlyCause = refusing.cause;
  }
  if (!readOnly) {
    const lock = takeLock(abs, new Date());
    if (isHolder(lock)) {
      if (options.ifInUse !== 'read-only') fail('in_use', abs, `${describeHolder(lock, abs)}; close it there first`);
      readOnly = `${describeHolder(lock, abs)}, so this window shows it read-only`;
      readOnlyCause = 'in_use';
    } else release = lock.release;
  }
  if (readOnly && !exists) {
    release();
    fail('no_such_file', abs, 'the file does not exist');
  }
  if (readOnly && seen && seen.userVersion < latest) {
    release();
    fail('in_use', abs, `it was saved by an older Rosterdesk and needs an upgrade, which means writing to it, but ${readOnly.replace(/, so this window.*$/, '')}`);
  }

  const sidesBefore = readOnly ? missingSides(abs) : [];
  let db: Db;
  try {
    db = readOnly ? readingConnection(abs, options.nativeBinding) : new Database(abs, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
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
    const releaseAll = () => {
      release();
      // What reading created beside the file goes with the window (the connection is closed first).
      if (!db.open) removeIfEmptyLog(abs, sidesBefore);
    };
    // Read-only windows never write, so they have nothing to gate: they got the full check unless the file was closed cleanly.
    const integrity = seen?.deferred && !readOnly ? deferredIntegrity(db, abs, options.nativeBinding) : CHECKED;
    return { db, filePath: abs, schemaVersion: latest, backupPath, readOnly, readOnlyCause, identity: { dev: stat.dev, ino: stat.ino }, integrity, release: releaseAll };
  } catch (err) {
    db.close();
    release();
    // The disk filled between the check and SQLite's first write: show the file read-only instead.
    if (!readOnly && cannotWriteBeside(err) && cannotWriteReason(abs)?.cause === 'disk_full') return openPlanner(filePath, options);
    throw err;
  }
}

function writable(folder: string): boolean {
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The -wal and -shm files not beside a planner now: those a read-only window creates are its own to remove. */
function missingSides(filePath: string): string[] {
  return ['-wal', '-shm'].map((s) => filePath + s).filter((f) => !fs.existsSync(f));
}

/** A long-lived read-only connection: in place where SQLite can set up its index, else from memory. */
function readingConnection(filePath: string, nativeBinding: string | undefined): Db {
  const ours = missingSides(filePath);
  try {
    const db = new Database(filePath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  } catch (err) {
    removeIfEmptyLog(filePath, ours);
    if (!cannotWriteBeside(err)) throw err;
    return memoryCopy(filePath, nativeBinding);
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
