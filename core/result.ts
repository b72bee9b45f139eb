import type { ApiError } from './errors';

/**
 * A pseudo-table every change to the undo history touches: what history.state reads.
 * ALL_TABLES: a change the service cannot itemise (a restore, settings): every read refetches.
 */
export const HISTORY_TABLE = '#history';
export const ALL_TABLES = '*';

/**
 * What every API call resolves to: never a thrown error across a transport.
 * `changed` lists the planner tables a successful call wrote (from the undo log), so a
 * window refetches only the reads of those tables; absent or empty when nothing changed.
 */
export type ApiResult<T> = { ok: true; value: T; changed?: string[] } | { ok: false; error: ApiError };
