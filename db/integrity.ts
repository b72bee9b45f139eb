import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { UserError } from '../core/errors';
import { workerEntry } from './worker-entry';

type Db = Database.Database;

/**
 * Opening a big planner used to spend most of its time in SQLite's quick_check (about 0.7 s of
 * 0.8 s on a five-year file). A file this app closed cleanly, and nobody changed since, does not
 * need it before the first screen: the header, the schema and a sample of every table are read,
 * and the full check runs in a worker thread. Nothing is written before that check has passed —
 * a write that comes first runs the check itself — so a damaged file is still refused before
 * anything is written into it.
 */

/** The setting that says when this app last closed the file cleanly (ms since 1970). */
export const CLEAN_CLOSE_KEY = 'closed_cleanly_at';

/**
 * How far the file's modification time may be from the clean-close mark: the checkpoint that
 * follows the mark touches the file within milliseconds, and FAT-formatted drives keep times in
 * 2-second steps. A later change (another program, a sync tool, a copy over it) is further off.
 */
const MTIME_SLACK_MS = 2_000;

/** Offsets in the SQLite header: page size (2 bytes, 1 means 65536) and the page count. */
const PAGE_SIZE_OFFSET = 16;
const PAGE_COUNT_OFFSET = 28;

/**
 * Whether the file may skip the full check at open: this app marked it closed cleanly, its
 * modification time is that of the mark (nobody wrote after), no write-ahead log holds changes,
 * and its size is what its header says (a file cut short is not).
 */
export function closedCleanly(ro: Db, filePath: string, head: Buffer): boolean {
  const stat = fs.statSync(filePath);
  const log = `${filePath}-wal`;
  if (fs.existsSync(log) && fs.statSync(log).size > 0) return false;
  const rawPageSize = head.readUInt16BE(PAGE_SIZE_OFFSET);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  if (pageSize * head.readUInt32BE(PAGE_COUNT_OFFSET) !== stat.size) return false;
  let mark: number;
  try {
    // The setting table's query written here, not db/sql/settings.ts: that module imports open.ts, which imports this one.
    mark = Number(ro.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(CLEAN_CLOSE_KEY) ?? NaN);
  } catch {
    return false;
  }
  return Number.isFinite(mark) && Math.abs(stat.mtimeMs - mark) <= MTIME_SLACK_MS;
}

/**
 * The cheap proof: every object of the schema parses, and the first and last row of every
 * table can be read (the paths from each table's root to its leftmost and rightmost pages).
 * Throws SQLite's error for a file that fails it.
 */
export function lightCheck(ro: Db): void {
  const tables = ro.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    const quoted = `"${table.replaceAll('"', '""')}"`;
    ro.prepare(`SELECT * FROM ${quoted} ORDER BY rowid LIMIT 1`).get();
    ro.prepare(`SELECT * FROM ${quoted} ORDER BY rowid DESC LIMIT 1`).get();
  }
}

/**
 * Marks a planner closed cleanly, as the last thing before its connection closes. The log is
 * folded into the file first, then the mark is written and folded in too, so the file's
 * modification time is the mark's.
 */
export function markClosedCleanly(db: Db, now: number = Date.now()): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(CLEAN_CLOSE_KEY, String(now));
  db.pragma('wal_checkpoint(TRUNCATE)');
}

export type IntegrityState = 'checked' | 'pending' | 'damaged';

/** Whether the open planner's full check has passed, and the gate writes go through. */
export interface Integrity {
  readonly state: IntegrityState;
  /** Settles when the full check has run (it never rejects; read `state` after). */
  readonly settled: Promise<void>;
  /** Before a write: throws `corrupt` for a damaged file, running the check here if it is still pending. */
  ensure(): void;
  /** Stops a check still running (the file is being closed). */
  stop(): void;
}

export interface IntegrityWorkerData {
  file: string;
  nativeBinding?: string;
}

export interface IntegrityVerdict {
  ok: boolean;
  detail: string;
}

function damagedError(filePath: string, detail: string): UserError {
  return new UserError('corrupt', `${filePath} is damaged (${detail}), so nothing was written to it. Open it again to see its backups and restore one.`, ['db']);
}

/** SQLite's word for a file whose pages do not hold together. */
export function isSqliteDamage(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

export const CHECKED: Integrity = { state: 'checked', settled: Promise.resolve(), ensure: () => undefined, stop: () => undefined };

/** The deferred checks of open connections, so a backup of one waits for its verdict (db/backup.ts). */
const deferredOf = new WeakMap<Db, Integrity>();

/** The connection's full check, when it was deferred at open; none when it ran before. */
export function integrityOf(db: Db): Integrity {
  return deferredOf.get(db) ?? CHECKED;
}

/** The full check in a worker thread, for a file opened on the cheap proof. */
export function deferredIntegrity(db: Db, filePath: string, nativeBinding: string | undefined): Integrity {
  let state: IntegrityState = 'pending';
  let detail = '';
  let worker: Worker | null = null;
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const conclude = (verdict: IntegrityVerdict) => {
    if (state !== 'pending') return;
    state = verdict.ok ? 'checked' : 'damaged';
    detail = verdict.detail;
    void worker?.terminate();
    worker = null;
    settle();
  };
  /** The check on the service's own connection, when a write cannot wait for the worker. */
  const checkHere = () => {
    try {
      const result = String(db.pragma('quick_check', { simple: true }));
      conclude({ ok: result === 'ok', detail: result });
    } catch (err) {
      if (isSqliteDamage(err)) conclude({ ok: false, detail: err instanceof Error ? err.message : String(err) });
      // Not an answer (the file is busy): waiters go on, and the next write asks again.
      else settle();
    }
  };
  let stopped = false;
  const data: IntegrityWorkerData = { file: filePath, ...(nativeBinding ? { nativeBinding } : {}) };
  try {
    worker = new Worker(workerEntry('integrity-worker'), { workerData: data });
    // The check never keeps a process alive: a command that ends before it does simply stops it.
    worker.unref();
    worker.on('message', (verdict: IntegrityVerdict) => conclude(verdict));
    // A worker that could not give a verdict: the check runs here instead, so `settled` always settles.
    worker.on('error', () => {
      worker = null;
      if (!stopped) checkHere();
    });
    worker.on('exit', () => {
      worker = null;
      if (!stopped && state === 'pending') checkHere();
    });
  } catch {
    worker = null;
    checkHere();
  }
  const integrity: Integrity = {
    get state() {
      return state;
    },
    settled,
    ensure: () => {
      if (state === 'pending') checkHere();
      if (state === 'damaged') throw damagedError(filePath, detail);
    },
    stop: () => {
      stopped = true;
      void worker?.terminate();
      worker = null;
    },
  };
  deferredOf.set(db, integrity);
  return integrity;
}
