import type { ApiError } from './errors';

/** What every API call resolves to: never a thrown error across a transport. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
