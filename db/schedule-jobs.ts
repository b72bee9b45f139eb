import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Draft, DraftRequest, MethodOutput } from '../core/contract';
import { UserError, type ErrorCode } from '../core/errors';
import { workerEntry } from './worker-entry';

/** What the worker gets: the file to read, the request, and the shared stop flag. */
export interface WorkerData {
  file: string;
  /** The job's id, which the draft carries back as its runId. */
  runId: string;
  request: DraftRequest;
  stop: SharedArrayBuffer;
  nativeBinding?: string;
}

/**
 * How far a draft has come. It lives here, with the worker's messages, and not beside
 * draftSchedule in handlers/schedule.ts, because that file imports ScheduleJobs: one
 * direction only (handlers → jobs), no import cycle.
 */
export interface DraftProgress {
  phase: 'bound' | 'draft' | 'people' | 'polish' | 'report';
  /** 0…1 of the time limit. */
  fraction: number;
  lowerBoundAgentHours: number | null;
  underStaffedAgentHours: number | null;
}

export type WorkerMessage = { type: 'progress'; progress: DraftProgress } | { type: 'done'; draft: Draft } | { type: 'error'; code: ErrorCode; message: string };

type Status = MethodOutput<'schedule.status'>;

interface Job {
  worker: Worker;
  stop: Int32Array;
  startedAt: number;
  timeLimitSeconds: number;
  status: Status;
}

const KEEP_FINISHED = 5;

/**
 * Drafting jobs, one worker thread each, so the thread that answers the UI
 * stays free: it polls status (progress, the bound, then the draft) and may
 * cancel, which still ends with the best draft found.
 */
export class ScheduleJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly file: string,
    private readonly entry: string = workerEntry('schedule-worker'),
    private readonly nativeBinding?: string,
  ) {}

  start(request: DraftRequest): string {
    if ([...this.jobs.values()].some((j) => j.status.state === 'running')) throw new UserError('busy', 'A schedule is already being drafted; wait for it or cancel it', []);
    const id = randomUUID();
    const stop = new SharedArrayBuffer(4);
    const data: WorkerData = { file: this.file, runId: id, request, stop, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) };
    const worker = new Worker(this.entry, { workerData: data });
    const job: Job = {
      worker,
      stop: new Int32Array(stop),
      startedAt: Date.now(),
      timeLimitSeconds: request.timeLimitSeconds,
      status: { state: 'running', phase: 'starting', fraction: 0, elapsedSeconds: 0, lowerBoundAgentHours: null, underStaffedAgentHours: null, draft: null, error: null },
    };
    const finish = (patch: Partial<Status>) => {
      job.status = { ...job.status, ...patch, elapsedSeconds: (Date.now() - job.startedAt) / 1000 };
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (job.status.state !== 'running') return;
      if (m.type === 'progress') job.status = { ...job.status, ...m.progress };
      else if (m.type === 'done') {
        // A job's figures are its own draft's: never another run's or another range's.
        const d = m.draft;
        if (d.runId !== id || d.from !== request.from || d.to !== request.to) finish({ state: 'failed', draft: null, error: { code: 'internal', message: `The scheduling worker answered for run ${d.runId} (${d.from} – ${d.to}), not this job (${request.from} – ${request.to})` } });
        else finish({ state: 'done', phase: 'report', fraction: 1, draft: d, lowerBoundAgentHours: d.summary.lowerBoundAgentHours, underStaffedAgentHours: d.summary.underStaffedAgentHours });
      }
      else finish({ state: 'failed', error: { code: m.code, message: m.message } });
    });
    worker.on('error', (err) => {
      if (job.status.state === 'running') finish({ state: 'failed', error: { code: 'internal', message: `The scheduling worker failed: ${err.message}` } });
    });
    worker.on('exit', (code) => {
      if (job.status.state === 'running') finish({ state: 'failed', error: { code: 'internal', message: `The scheduling worker stopped (exit code ${code})` } });
    });
    this.jobs.set(id, job);
    // Forget old finished jobs; their drafts were read or dropped.
    const finished = [...this.jobs].filter(([, j]) => j.status.state !== 'running');
    for (const [old] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(old);
    return id;
  }

  private job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new UserError('not_found', `There is no scheduling job ${id}`, ['jobId']);
    return job;
  }

  status(id: string): Status {
    const job = this.job(id);
    if (job.status.state !== 'running') return job.status;
    const elapsedSeconds = (Date.now() - job.startedAt) / 1000;
    return { ...job.status, elapsedSeconds, fraction: Math.max(job.status.fraction, Math.min(0.99, elapsedSeconds / job.timeLimitSeconds)) };
  }

  cancel(id: string): boolean {
    const job = this.job(id);
    if (job.status.state !== 'running') return false;
    Atomics.store(job.stop, 0, 1);
    return true;
  }

  close(): void {
    for (const job of this.jobs.values()) void job.worker.terminate();
    this.jobs.clear();
  }
}
