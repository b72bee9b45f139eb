import type { MethodName, MethodOutput, ParsedInput } from '../core/contract';
import type { ApiResult } from '../core/result';
import type { Person } from '../core/person';
import type { Team } from '../core/team';
import type { Temporal } from '../core/time';
import type { Db } from './open';

/** What every area's handlers share: the connection, the clock and the lookups that refuse cleanly. */
export interface ServiceContext {
  db: Db;
  clock(): Temporal.Instant;
  stamp(): string;
  /** Who is making the change, for audit lines: the operating-system user. */
  actor: string;
  requireTeam(id: number, path?: (string | number)[]): Team;
  requirePerson(id: number, path?: (string | number)[]): Person;
  /**
   * A value worked out once per API call (cleared before each): lookups several
   * parts of one answer share, such as on-call turn assignments.
   */
  memo<T>(key: string, make: () => T): T;
}

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> };
export type HandlersOf<M extends MethodName> = Pick<Handlers, M>;

/** What a method's asynchronous steps may use besides their own area's code. */
export interface StepTools {
  /** Runs `work` in one transaction on the service's connection. */
  transaction<T>(work: () => T): T;
  /** The method's synchronous part (or another's) through the sync door: validated, in its transaction, with undo. */
  run(method: MethodName, input: unknown): ApiResult<unknown>;
  /** Starts a new call's memo before a step reads (as the sync door does before each call). */
  clearMemo(): void;
}

/**
 * A method that needs I/O outside the one synchronous transaction declares its steps:
 * `prepare` (async, before: read a workbook, load the solver) gives the input the synchronous
 * part runs with; `finish` (async, after, or instead: write a workbook, talk to a server, copy the
 * file) gives the answer. `when` says whether this input takes the steps (an XLSX export does, a
 * CSV one does not); without it every call does. One dispatcher runs them on every transport, and
 * the sync door refuses such a call with `needs_async`.
 */
export interface MethodSteps<M extends MethodName> {
  when?(input: ParsedInput<M>): boolean;
  prepare?(input: ParsedInput<M>): Promise<ParsedInput<M>>;
  finish?(input: ParsedInput<M>, tools: StepTools): Promise<ApiResult<MethodOutput<M>>>;
}
export type StepsOf<M extends MethodName> = { [K in M]: MethodSteps<K> };
