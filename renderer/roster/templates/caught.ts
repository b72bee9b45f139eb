import type { ApiError } from '../../../core/errors';
import { CallError } from '../../api/client';

/** A catch handler that shows the API's refusal with `set` and lets anything else fail loudly. */
export const caught = (set: (e: ApiError | null) => void) => (err: unknown) => {
  if (err instanceof CallError) set(err.error);
  else throw err;
};
