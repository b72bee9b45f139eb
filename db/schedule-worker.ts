/**
 * The auto-scheduler's worker thread: opens the planner file read-only, drafts,
 * and posts progress and the draft back. The host asks it to stop through a
 * shared flag, since a solve never yields to the worker's message loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { DraftRequest } from '../core/contract';
import { UserError } from '../core/errors';
import { Temporal } from '../core/time';
import { draftSchedule } from './handlers/schedule-draft';
import type { WorkerData, WorkerMessage } from './schedule-jobs';
import { highsInstance } from './solver';
import { makeContext } from './make-context';

async function main(data: WorkerData): Promise<void> {
  const post = (m: WorkerMessage) => parentPort?.postMessage(m);
  const stop = new Int32Array(data.stop);
  const db = new Database(data.file, { readonly: true, fileMustExist: true, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
  try {
    const highs = await highsInstance();
    const request: DraftRequest = data.request;
    // The same context as the service's, on this read-only connection: the same rule check.
    const { context } = makeContext(db, () => Temporal.Now.instant(), 'scheduler');
    const team = context.requireTeam(request.teamId);
    const draft = draftSchedule(context, team, request, { highs, runId: data.runId, shouldStop: () => Atomics.load(stop, 0) === 1, onProgress: (p) => post({ type: 'progress', progress: p }) });
    post({ type: 'done', draft });
  } catch (err) {
    post({ type: 'error', code: err instanceof UserError ? err.code : 'internal', message: err instanceof Error ? err.message : String(err) });
  } finally {
    db.close();
  }
}

void main(workerData as WorkerData);
