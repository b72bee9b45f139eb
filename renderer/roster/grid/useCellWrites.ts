import { useState } from 'react';
import type { ApiError } from '../../../core/errors';
import type { Shift } from '../../../core/shift';
import { call, CallError } from '../../api/client';
import type { CellEntry } from './selection';

/**
 * The grid's writes and the one error they leave at the cell. Every change is one API call, so
 * one undo step; a refused one shows its error and changes nothing.
 */
export function useCellWrites(teamId: number) {
  const [error, setError] = useState<ApiError | null>(null);

  async function apply(entries: CellEntry[]): Promise<boolean> {
    if (!entries.length) return true;
    try {
      await call('shift.setCells', { teamId, entries });
      setError(null);
      return true;
    } catch (err) {
      if (err instanceof CallError) {
        setError(err.error);
        return false;
      }
      throw err;
    }
  }

  /** Locks the shifts (so auto-scheduling keeps them), or unlocks them when all are locked. */
  async function toggleLock(chosen: readonly Shift[]): Promise<void> {
    if (!chosen.length) return;
    try {
      await call('shift.lock', { ids: chosen.map((s) => s.id), locked: !chosen.every((s) => s.locked) });
      setError(null);
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  return { error, setError, apply, toggleLock };
}

export type CellWrites = ReturnType<typeof useCellWrites>;
