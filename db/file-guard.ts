import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiError } from '../core/errors';
import { UserError } from '../core/errors';
import { markClosedCleanly } from './integrity';
import { copyDatabase, fileProblem, stampedSibling, type Planner } from './open';

/**
 * The planner file under the service: before a change commits, is the file we write still the
 * one the user sees (not moved, deleted or made read-only)? And when it went, everything
 * committed before is copied to a new name beside where it was.
 */
export function fileGuard(planner: Planner) {
  const { db } = planner;
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  const changes = () => totalChanges.get() as number;
  /** Throwing here rolls the change back, so nothing goes into a deleted file. */
  const guardWrite = (changesBefore: number) => {
    if (changes() === changesBefore) return;
    // Nothing goes into a file whose full check has not passed (it may still be running).
    planner.integrity.ensure();
    const problem = fileProblem(planner);
    if (problem === 'gone') throw new UserError('file_gone', 'The planner file was moved, renamed or deleted while open');
    if (problem === 'read_only') {
      throw new UserError('read_only', `${planner.filePath} has become read-only, so this change was not saved. Make the file writable again and repeat it; what you entered is still here.`);
    }
  };
  let recoveredTo: string | null = null;
  /**
   * Never to the old name itself: SQLite's -wal file there still belongs to this connection and
   * would be read into a file put in its place.
   */
  const recover = (): string => {
    if (recoveredTo) return recoveredTo;
    const beside = stampedSibling(planner.filePath, 'recovered', new Date());
    const target = fs.existsSync(path.dirname(beside)) ? beside : path.join(os.homedir(), path.basename(beside));
    copyDatabase(db, target);
    recoveredTo = target;
    return target;
  };
  const goneError = (): ApiError => {
    try {
      const to = recover();
      return { code: 'file_gone', message: `The planner file ${planner.filePath} was moved, renamed or deleted while open, so this change was not saved. Everything saved before it is in ${to}: open that file to go on.`, path: [] };
    } catch (err) {
      return { code: 'file_gone', message: `The planner file ${planner.filePath} was moved, renamed or deleted while open, so this change was not saved, and no copy could be written (${err instanceof Error ? err.message : String(err)}). Keep this window open and choose File › Save a Copy.`, path: [] };
    }
  };
  /**
   * Before the connection closes: a session that wrote leaves the file marked closed cleanly,
   * so the next open may skip the full check (db/integrity.ts). A session that wrote nothing
   * leaves the file's bytes exactly as they were.
   */
  const finish = () => {
    planner.integrity.stop();
    const log = `${planner.filePath}-wal`;
    const wrote = fs.existsSync(log) && fs.statSync(log).size > 0;
    if (!db.open || planner.readOnly || !wrote || planner.integrity.state !== 'checked' || fileProblem(planner) !== null) return;
    try {
      markClosedCleanly(db);
    } catch {
      // Only a faster next open is lost: that one runs the full check.
    }
  };
  return { changes, guardWrite, goneError, finish };
}
