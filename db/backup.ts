import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../core/errors';
import os from 'node:os';
import { APPLICATION_ID, copyDatabase, fileStamp, inspect, openPlanner, plannerBase, PLANNER_EXTENSION, stampedSibling, withReadConnection, type Db } from './open';
import { planTables, type UndoHistory } from './undo';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { describeHolder, lockHolder } from './file-lock';
import { integrityOf } from './integrity';

/**
 * Backups of a planner file: whole, consistent copies written by SQLite itself
 * (its online backup API, safe while the file is in use), to a temporary name
 * first and then renamed, so a crash never leaves half a backup under a backup's name.
 * Rolling backups live in a folder beside the file and the oldest go first.
 */

/** How many rolling backups are kept. */
export const BACKUPS_KEPT = 10;
const DAY_MS = 24 * 3600 * 1000;

export function backupFolder(filePath: string): string {
  return `${plannerBase(filePath)}.backups`;
}

/**
 * A consistent copy of `db` at `target`, which must not exist yet, by SQLite's online
 * backup API: a hundred pages a step with the event loop free in between, so a
 * large file is copied while the window goes on working (changes made meanwhile on
 * this connection go into the copy too). The copy is then made a standalone file
 * (no write-ahead log of its own) and renamed into place.
 */
export async function writeBackup(db: Db, target: string, nativeBinding?: string): Promise<void> {
  if (fs.existsSync(target)) throw new UserError('exists', `${target} already exists; choose another name`, ['out']);
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw new UserError('not_found', `The folder ${dir} does not exist`, ['out']);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.partial`);
  for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
  try {
    await db.backup(temp);
    const copy = new Database(temp, nativeBinding ? { nativeBinding } : {});
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(temp, target);
  } finally {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) fs.rmSync(f, { force: true });
  }
}

const STAMPED = /^(\d{8}T\d{6})\.rosterdesk$/;

export interface BackupFile {
  file: string;
  /** When it was taken (from its name, UTC). */
  takenAt: string;
  bytes: number;
}

/** The rolling backups of a planner file, newest first. */
export function listBackups(filePath: string): BackupFile[] {
  const dir = backupFolder(filePath);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const m = STAMPED.exec(name);
      if (!m?.[1]) return [];
      const s = m[1];
      const takenAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
      return [{ file: path.join(dir, name), takenAt, bytes: fs.statSync(path.join(dir, name)).size }];
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/**
 * Takes a rolling backup when the newest is a day old (or there is none): just after
 * opening and then daily while the file is open; `force` takes one now (Back up now).
 * Keeps the newest `keep`. Returns the backup's path, or null when none was due.
 */
/** Backups being written now (their target paths), so two at once never take one name. */
const writing = new Set<string>();

export async function rollingBackup(db: Db, filePath: string, now: Date, options: { keep?: number; force?: boolean } = {}): Promise<string | null> {
  const keep = options.keep ?? BACKUPS_KEPT;
  const folder = backupFolder(filePath);
  const nameAt = (at: Date) => path.join(folder, `${fileStamp(at)}${PLANNER_EXTENSION}`);
  let target = nameAt(now);
  if (options.force) {
    // Two in one second (Back up now, then a change and a restore): the second is a copy of its own, a second later by name.
    for (let at = now.getTime(); fs.existsSync(target) || writing.has(target); ) {
      at += 1000;
      target = nameAt(new Date(at));
    }
  } else {
    const newest = listBackups(filePath)[0];
    if (newest && now.getTime() - Date.parse(newest.takenAt) < DAY_MS) return null;
    // The daily one is already on its way.
    if ([...writing].some((w) => path.dirname(w) === folder)) return null;
  }
  // A copy of a damaged file would push a whole one out of the kept backups: the file's full
  // check, when it was deferred at open, comes first (db/integrity.ts).
  const integrity = integrityOf(db);
  await integrity.settled;
  integrity.ensure();
  fs.mkdirSync(folder, { recursive: true });
  writing.add(target);
  try {
    await writeBackup(db, target);
  } finally {
    writing.delete(target);
  }
  for (const old of listBackups(filePath).slice(keep)) fs.rmSync(old.file, { force: true });
  return target;
}

/** Checks, reading only and creating nothing beside it, that a file is a whole planner this version can open; returns its schema version. */
export function checkPlannerFile(file: string, nativeBinding?: string): number {
  if (!fs.existsSync(file)) throw new UserError('not_found', `${file} does not exist`, ['from']);
  // The same checks as opening a file (SQLite, ours, not from the future, readable), then every page.
  const seen = inspect(file, nativeBinding);
  if (!seen || seen.applicationId !== APPLICATION_ID) throw new UserError('not_planner', `${file} is not a Rosterdesk planner file`, ['from']);
  if (seen.userVersion > LATEST_SCHEMA_VERSION) throw new UserError('newer_version', `${file} was saved by a newer Rosterdesk (schema ${seen.userVersion}); update Rosterdesk first`, ['from']);
  return withReadConnection(file, nativeBinding, (db) => {
    const check = db.pragma('integrity_check', { simple: true }) as string;
    if (check !== 'ok') throw new UserError('damaged', `${file} is damaged (${check}); choose another backup`, ['from']);
    return seen.userVersion;
  });
}

/**
 * Copies a file byte for byte to `target` (and its write-ahead log, if it has one, to
 * `target-wal`, where SQLite looks for it), through temporary names renamed into place, so a
 * file SQLite cannot read (a damaged one) is kept exactly as it was, and a failure leaves no
 * half-made copy.
 */
function copyBytes(source: string, target: string): void {
  // An empty log holds nothing: only a log with frames goes with the copy.
  const hasBytes = (f: string) => fs.existsSync(f) && (f === source || fs.statSync(f).size > 0);
  const pairs = ([[source, target], [`${source}-wal`, `${target}-wal`]] as const).filter(([from]) => hasBytes(from));
  const partial = (to: string) => path.join(path.dirname(to), `.${path.basename(to)}.${process.pid}.partial`);
  try {
    for (const [from, to] of pairs) fs.copyFileSync(from, partial(to), fs.constants.COPYFILE_EXCL);
    // The log first: the main file under its name is what makes the copy visible.
    for (const [, to] of [...pairs].reverse()) fs.renameSync(partial(to), to);
  } catch (err) {
    for (const [, to] of pairs) fs.rmSync(partial(to), { force: true });
    for (const [, to] of pairs) fs.rmSync(to, { force: true });
    throw err;
  }
}

/**
 * Puts a backup in place of a planner file that nobody has open: the backup is
 * checked, the current file is kept beside it as a safety copy, byte for byte (so a
 * damaged planner, which SQLite cannot copy, is kept exactly as it was), its
 * write-ahead log and index are removed (a stale log must never meet the restored
 * file), and the backup's copy is renamed into place in one step. On failure nothing
 * half-made is left: no safety copy, no temporary file.
 */
export function restoreBackup(backup: string, target: string, now: Date, nativeBinding?: string): { safetyCopy: string | null } {
  const holder = lockHolder(path.resolve(target));
  if (holder) throw new UserError('in_use', `Cannot restore over ${target}: ${describeHolder(holder, path.resolve(target))}. Close it there first, or restore from inside the app (File › Backups).`);
  checkPlannerFile(backup, nativeBinding);
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.restoring`);
  fs.rmSync(temp, { force: true });
  let safetyCopy: string | null = null;
  let targetChanged = false;
  try {
    withReadConnection(backup, nativeBinding, (source) => copyDatabase(source, temp));
    if (fs.existsSync(target)) {
      safetyCopy = stampedSibling(target, 'before-restore', now);
      copyBytes(target, safetyCopy);
      targetChanged = true;
      for (const extra of ['-wal', '-shm']) fs.rmSync(target + extra, { force: true });
    }
    fs.renameSync(temp, target);
    return { safetyCopy };
  } catch (err) {
    // Until the target's log is removed the target is as it was, so the safety copy goes too;
    // after that, the safety copy is the only whole copy of it and stays.
    if (safetyCopy && !targetChanged) for (const f of [safetyCopy, `${safetyCopy}-wal`]) fs.rmSync(f, { force: true });
    throw err;
  } finally {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) fs.rmSync(f, { force: true });
  }
}

/** A rolling backup of `filePath` named as listBackups names it, or a clear refusal (never a path of the caller's choosing). */
export function backupByName(filePath: string, name: string): BackupFile {
  const found = listBackups(filePath).find((b) => path.basename(b.file) === name);
  if (!found) throw new UserError('not_found', `There is no backup called ${name} beside this planner`, ['name']);
  return found;
}

/**
 * Restores a backup into the open planner, in one transaction: every table of the
 * plan is emptied and refilled from the backup (an older one is upgraded on a
 * temporary copy first), so a crash leaves either the plan as it was or the backup,
 * and the window, its connection and its lock stay as they are. Settings and the
 * record of what was published to CalDAV stay (they follow the user and the server).
 * A backup of the plan as it was is taken first, so the restore itself can be undone
 * by restoring that one.
 */
export async function restoreInPlace(db: Db, filePath: string, backup: string, history: UndoHistory, now: Date, nativeBinding?: string): Promise<{ safetyCopy: string }> {
  const version = checkPlannerFile(backup, nativeBinding);
  const safetyCopy = (await rollingBackup(db, filePath, now, { force: true })) ?? '';
  let source = backup;
  let scratch: string | null = null;
  if (version < LATEST_SCHEMA_VERSION) {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rosterdesk-restore-'));
    source = path.join(scratch, `upgraded${PLANNER_EXTENSION}`);
    withReadConnection(backup, nativeBinding, (from) => copyDatabase(from, source));
    const upgraded = openPlanner(source, nativeBinding ? { nativeBinding } : {});
    upgraded.db.close();
    upgraded.release();
  }
  try {
    db.prepare("ATTACH DATABASE ? AS restore_source").run(source);
    try {
      history.unrecorded(() =>
        db.transaction(() => {
          // Parents and children are emptied and refilled in any order; the keys are checked at the commit.
          db.pragma('defer_foreign_keys = ON');
          const tables = planTables(db);
          for (const t of tables) db.exec(`DELETE FROM main."${t}"`);
          for (const t of tables) {
            const cols = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(t) as string[]).map((c) => `"${c}"`).join(', ');
            db.exec(`INSERT INTO main."${t}" (${cols}) SELECT ${cols} FROM restore_source."${t}"`);
          }
          // What was published to a calendar the backup does not know is forgotten with it.
          db.exec('DELETE FROM main.caldav_published WHERE target_id NOT IN (SELECT id FROM main.caldav_target)');
        })(),
      );
    } finally {
      db.exec('DETACH DATABASE restore_source');
    }
  } finally {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
  return { safetyCopy };
}

/** How long after opening the first rolling backup waits, so the first screen is not kept waiting by it. */
export const BACKUP_AFTER_OPEN_MS = 2000;

/**
 * Runs `backUp` shortly after opening and then hourly (it takes a copy when the newest
 * is a day old). Returns the function that stops it.
 */
export function scheduleBackups(backUp: () => Promise<unknown>): () => void {
  const first = setTimeout(() => void backUp(), BACKUP_AFTER_OPEN_MS);
  const hourly = setInterval(() => void backUp(), 3600 * 1000);
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}
