import { useState } from 'react';
import type { ApiError } from '../../core/errors';
import { CallError } from './client';

/**
 * Runs a user action against the API: on a refusal its error is kept for the view to
 * show; anything else is a bug and throws. The reads on screen refetch by themselves
 * (the call reports the tables it changed); `onDone` is for what is not in a table.
 */
export function useAction(onDone?: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  async function act(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
      setError(null);
      onDone?.();
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }
  return { error, setError, act };
}
