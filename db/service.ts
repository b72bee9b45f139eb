import os from 'node:os';
import { contract, isMethodName, type MethodInput, type MethodName, type MethodOutput } from '../core/contract';
import { UserError, toApiError, zodIssueToApiError, type ApiError } from '../core/errors';
import { READS } from '../core/reads';
import { ALL_TABLES, HISTORY_TABLE, type ApiResult } from '../core/result';
import { Temporal } from '../core/time';
import type { Handlers, MethodSteps, StepTools } from './context';
import { fileGuard } from './file-guard';
import { absenceImportHandlers } from './handlers/absence-import';
import { absenceHandlers } from './handlers/absences';
import { caldavHandlers, caldavSteps, type SecretStore } from './handlers/caldav';
import { calendarHandlers } from './handlers/calendar';
import { costHandlers } from './handlers/costs';
import { demoHandlers } from './handlers/demo';
import { fileHandlers, fileSteps, type FileParts } from './handlers/file';
import { historyHandlers } from './handlers/history';
import { holidayHandlers } from './handlers/holidays';
import { hubLinkHandlers, hubSteps } from './handlers/hub';
import { hubHandlers } from './handlers/hub-plan';
import { onCallHandlers } from './handlers/oncall';
import { personHandlers } from './handlers/people';
import { reportHandlers, reportSteps } from './handlers/reports';
import { rosterHandlers, rosterSteps } from './handlers/roster';
import { scheduleHandlers, scheduleSteps } from './handlers/schedule';
import { staffingHandlers } from './handlers/staffing';
import { teamHandlers } from './handlers/teams';
import { templateHandlers } from './handlers/templates';
import { volumeHandlers } from './handlers/volume';
import { weekHandlers } from './handlers/week';
import { makeContext } from './make-context';
import type { Planner } from './open';
import { MethodRegistry } from './registry';
import { ScheduleJobs } from './schedule-jobs';
import { Uploads } from './uploads';
import { UndoHistory } from './undo';

/**
 * The service: every area's methods (db/handlers/*) registered into one table, and the doors
 * every transport uses. A call is validated against the contract, takes its declared
 * asynchronous steps, and runs its synchronous part in one transaction; errors come back as
 * values ({code, message, path}), never as exceptions.
 */
export interface ServiceOptions {
  appVersion: string;
  /** The clock, injectable so tests and the demo are reproducible. */
  now?: () => Temporal.Instant;
  /** Who audit lines name; defaults to the operating-system user. */
  actor?: string;
  /** The scheduling worker's entry file (default: found next to this code). */
  scheduleWorkerEntry?: string;
  /** better-sqlite3's native binding for the worker's connection (Electron's ABI). */
  nativeBinding?: string;
  /** The HTTP client for calendar publishing (default: Node's fetch); a test uses it to time a colleague's edit. */
  fetch?: typeof fetch;
  /** Where a calendar password that worked is remembered when asked (the desktop app's keychain). */
  secrets?: SecretStore | null;
  /**
   * Told of every call slower than `slowCallMs` (default 40 ms): the debug switch
   * (ROSTERDESK_DEBUG=slow, see slowCallLogFromEnv) that finds what keeps a window waiting.
   */
  onSlowCall?: (method: string, ms: number) => void;
  slowCallMs?: number;
  /**
   * The caller is a person's own process on this machine (the CLI), so an import may name a file
   * by its path and be read a piece at a time. Never for a window or browser mode: their calls
   * could then read any file the service can.
   */
  localFiles?: boolean;
}

/** The slow-call log the debug switch turns on: ROSTERDESK_DEBUG=slow prints each call over 40 ms to stderr. */
export function slowCallLogFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<ServiceOptions, 'onSlowCall'> {
  if (!(env.ROSTERDESK_DEBUG ?? '').split(',').includes('slow')) return {};
  return { onSlowCall: (method, ms) => process.stderr.write(`slow call: ${method} ${ms.toFixed(1)} ms\n`) };
}

function osUser(): string {
  try {
    return os.userInfo().username.slice(0, 120) || 'lead';
  } catch {
    return 'lead';
  }
}


/** Converts what a handler threw into the contract's error shape; never leaks a stack. */
function errorOf(err: unknown, readOnlyReason: string | null = null): ApiError {
  if (err instanceof UserError) return toApiError(err);
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'constraint', message: `The change breaks a rule of the planner file: ${(err as Error).message}`, path: [] };
  }
  if (code === 'SQLITE_FULL') return { code: 'disk_full', message: 'The disk is full; nothing was saved.', path: [] };
  if (code === 'SQLITE_READONLY') return { code: 'read_only', message: readOnlyReason ? `The planner file cannot be changed here: ${readOnlyReason}. Nothing was saved.` : 'The planner file is read-only; nothing was saved.', path: [] };
  return { code: 'internal', message: `Unexpected error: ${err instanceof Error ? err.message : String(err)}`, path: [] };
}

export interface Service {
  /** The untyped door every transport uses: validates the method and the input. */
  dispatch(method: unknown, input: unknown): ApiResult<unknown>;
  /**
   * The door for transports (IPC, HTTP, CLI): the same as `dispatch`, plus the
   * steps that cannot run inside a synchronous SQLite transaction, such as
   * reading and writing XLSX files, done before and after it.
   */
  dispatchAsync(method: unknown, input: unknown): Promise<ApiResult<unknown>>;
  callAsync<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  /** The typed door for the CLI and tests. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): ApiResult<MethodOutput<M>>;
  /** Like `call` but throws the UserError, for code that has no use for a result. */
  run<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M>;
  readonly planner: Planner;
  close(): void;
}

export function createService(planner: Planner, options: ServiceOptions): Service {
  const { db } = planner;
  const clock = options.now ?? (() => Temporal.Now.instant());
  const { context, clearMemo } = makeContext(db, clock, options.actor ?? osUser());
  const history = new UndoHistory(db);
  const guard = fileGuard(planner);

  // Drafting jobs (worker threads), started on first use.
  let jobs: ScheduleJobs | null = null;
  const uploads = new Uploads();
  const api = () => handlers;
  const fileParts: FileParts = { planner, history, appVersion: options.appVersion, clock, goneError: guard.goneError, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
  const registry = new MethodRegistry()
    .add('teams', teamHandlers(context))
    .add('people', personHandlers(context))
    .add('templates', templateHandlers(context))
    .add('roster', rosterHandlers(context))
    .add('week', weekHandlers(context))
    .add('costs', costHandlers(context))
    .add('holidays', holidayHandlers(context))
    .add('on-call', onCallHandlers(context))
    .add('absences', absenceHandlers(context))
    .add('absence-import', absenceImportHandlers(context))
    .add('staffing', staffingHandlers(context))
    .add('volume', volumeHandlers(context, uploads, options.localFiles === true))
    .add('calendar', calendarHandlers(context, options.appVersion))
    .add('caldav', caldavHandlers(context))
    .add('schedule', scheduleHandlers(context, () => (jobs ??= new ScheduleJobs(planner.filePath, options.scheduleWorkerEntry, options.nativeBinding))))
    .add('reports', reportHandlers(context))
    .add('hub', hubHandlers(context))
    .add('hub link', hubLinkHandlers(context, api))
    .addSteps('hub', hubSteps(context, { filePath: planner.filePath, fetch: options.fetch, secrets: options.secrets ?? null }))
    .add('demo', demoHandlers(context, api))
    .add('file', fileHandlers(context, fileParts))
    .add('history', historyHandlers(history))
    .addSteps('roster', rosterSteps)
    .addSteps('schedule', scheduleSteps)
    .addSteps('reports', reportSteps(context))
    .addSteps('caldav', caldavSteps(context, { filePath: planner.filePath, productVersion: options.appVersion, fetch: options.fetch, secrets: options.secrets ?? null }))
    .addSteps('file', fileSteps(fileParts));
  const handlers: Handlers = registry.complete();

  /**
   * The tables a successful call changed: a recorded step's (and the undo history's),
   * an undo's or redo's replay; any other call that wrote, such as a settings change,
   * cannot name its tables (they have no undo log) and says everything.
   */
  const changedBy = (method: MethodName, recorded: boolean, changesBefore: number): string[] => {
    if (recorded || method === 'history.undo' || method === 'history.redo') {
      return history.touched.length ? [...history.touched, HISTORY_TABLE] : [];
    }
    return guard.changes() === changesBefore ? [] : [ALL_TABLES];
  };

  /** The method and its input checked against the contract, or the refusal to answer with. */
  function validated(method: unknown, input: unknown): { ok: true; method: MethodName; input: unknown } | { ok: false; result: ApiResult<unknown> } {
    if (!isMethodName(method)) {
      return { ok: false, result: { ok: false, error: { code: 'unknown_method', message: `There is no API method called ${JSON.stringify(String(method)).slice(0, 80)}`, path: [] } } };
    }
    const parsed = contract[method].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      const [first, ...rest] = parsed.error.issues.map((i) => zodIssueToApiError(i));
      const error: ApiError = first ?? { code: 'invalid', message: 'Invalid input', path: [] };
      if (rest.length) error.issues = rest;
      return { ok: false, result: { ok: false, error } };
    }
    return { ok: true, method, input: parsed.data };
  }

  /** The synchronous part of a call: in one transaction (recorded for undo when the contract says so). */
  function runSync(method: MethodName, input: unknown): ApiResult<unknown> {
    const spec = contract[method];
    const handler = handlers[method] as (i: unknown) => unknown;
    clearMemo();
    // Output is checked before the transaction commits, so a contract breach writes nothing.
    const work = () => {
      const before = guard.changes();
      const out = spec.output.parse(handler(input));
      guard.guardWrite(before);
      return out;
    };
    try {
      const before = guard.changes();
      const value = spec.undo ? history.record(method, work) : db.transaction(work)();
      const changed = changedBy(method, spec.undo !== null, before);
      return changed.length ? { ok: true, value, changed } : { ok: true, value };
    } catch (err) {
      if (err instanceof UserError && err.code === 'file_gone') return { ok: false, error: guard.goneError() };
      return { ok: false, error: errorOf(err, planner.readOnly) };
    }
  }

  const slowMs = options.slowCallMs ?? 40;
  /** Times a call for the slow-call log, when it is on. */
  function timed<T>(method: unknown, work: () => T): T {
    if (!options.onSlowCall) return work();
    const started = performance.now();
    const settle = () => {
      const ms = performance.now() - started;
      if (ms >= slowMs) options.onSlowCall?.(String(method), ms);
    };
    const out = work();
    if (out instanceof Promise) return out.finally(settle) as T;
    settle();
    return out;
  }

  function dispatch(method: unknown, input: unknown): ApiResult<unknown> {
    return timed(method, () => dispatchSync(method, input));
  }

  function dispatchSync(method: unknown, input: unknown): ApiResult<unknown> {
    const call = validated(method, input);
    if (!call.ok) return call.result;
    if (registry.stepsFor(call.method, call.input as never)) {
      return { ok: false, error: { code: 'needs_async', message: `${call.method} with this input has steps outside the transaction; call it through dispatchAsync`, path: [] } };
    }
    return runSync(call.method, call.input);
  }

  const tools: StepTools = {
    transaction: (work) => db.transaction(work)(),
    run: (method, input) => {
      const call = validated(method, input);
      return call.ok ? runSync(call.method, call.input) : call.result;
    },
    clearMemo,
  };

  /** Any method on any transport: its declared steps before and after, the synchronous part in its transaction. */
  function dispatchAsync(method: unknown, input: unknown): Promise<ApiResult<unknown>> {
    return timed(method, () => dispatchSteps(method, input));
  }

  async function dispatchSteps(method: unknown, input: unknown): Promise<ApiResult<unknown>> {
    const call = validated(method, input);
    if (!call.ok) return call.result;
    // A change waits for the file's full check when it still runs in the background; reads go on.
    if (planner.integrity.state === 'pending' && !READS[call.method]) await planner.integrity.settled;
    const steps = registry.stepsFor(call.method, call.input as never) as MethodSteps<MethodName> | null;
    if (!steps) return runSync(call.method, call.input);
    try {
      const prepared: unknown = steps.prepare ? await steps.prepare(call.input as never) : call.input;
      if (steps.finish) return await steps.finish(prepared as never, tools);
      return tools.run(call.method, prepared);
    } catch (err) {
      if (err instanceof UserError && err.code === 'file_gone') return { ok: false, error: guard.goneError() };
      return { ok: false, error: errorOf(err, planner.readOnly) };
    }
  }

  return {
    planner,
    dispatch,
    dispatchAsync,
    callAsync: <M extends MethodName>(method: M, input: MethodInput<M>) => dispatchAsync(method, input) as Promise<ApiResult<MethodOutput<M>>>,
    call: <M extends MethodName>(method: M, input: MethodInput<M>) => dispatch(method, input) as ApiResult<MethodOutput<M>>,
    run: <M extends MethodName>(method: M, input: MethodInput<M>) => {
      const result = dispatch(method, input) as ApiResult<MethodOutput<M>>;
      if (!result.ok) throw new UserError(result.error.code, result.error.message, result.error.path, result.error.lines);
      return result.value;
    },
    close: () => {
      jobs?.close();
      uploads.close();
      guard.finish();
      if (db.open) db.close();
      planner.release();
    },
  };
}
