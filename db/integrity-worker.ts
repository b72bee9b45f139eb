/**
 * The full check of a planner opened on the cheap proof (db/integrity.ts), in a worker thread
 * so the thread that answers the window stays free: a read-only connection, SQLite's
 * quick_check, one verdict posted back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { isSqliteDamage, type IntegrityVerdict, type IntegrityWorkerData } from './integrity';

function check(data: IntegrityWorkerData): IntegrityVerdict | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(data.file, { readonly: true, fileMustExist: true, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
    const result = String(db.pragma('quick_check', { simple: true }));
    return { ok: result === 'ok', detail: result };
  } catch (err) {
    if (!isSqliteDamage(err)) return null;
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  } finally {
    db?.close();
  }
}

// No verdict (the file could not be read for another reason, such as a lock): the thread ends
// without one, and the check runs on the service's connection instead.
const verdict = check(workerData as IntegrityWorkerData);
if (verdict) parentPort?.postMessage(verdict);
