import path from 'node:path';
import { contract } from '../core/contract';
import { toApiError, UserError } from '../core/errors';
import type { ApiResult } from '../core/result';
import { backupByName, listBackups, restoreBackup } from './backup';

/**
 * The window's side of a planner refused as damaged: instead of an error and nothing else, the
 * window shows why and the file's backups, and restoring one of them opens the planner. Only
 * these two methods answer; every other call says the planner is not open.
 */
export interface RefusedPlanner {
  planner: { filePath: string };
  dispatchAsync(method: unknown, input: unknown): Promise<ApiResult<unknown>>;
}

/** Whether an error from opening a planner is the damage a backup can repair. */
export function isDamage(err: unknown): err is UserError {
  return err instanceof UserError && err.code === 'corrupt';
}

export function refusedPlanner(filePath: string, refusal: UserError, options: { now?: () => Date; nativeBinding?: string; onRestored: () => void }): RefusedPlanner {
  const abs = path.resolve(filePath);
  const notOpen = (): ApiResult<unknown> => ({ ok: false, error: { code: 'planner_refused', message: refusal.message, path: [] } });
  const answer = (method: 'file.refusal' | 'file.restoreDamaged', input: unknown, run: () => unknown): ApiResult<unknown> => {
    const parsed = contract[method].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) return { ok: false, error: { code: 'invalid', message: parsed.error.issues[0]?.message ?? 'Invalid input', path: [] } };
    try {
      return { ok: true, value: contract[method].output.parse(run()) };
    } catch (err) {
      if (err instanceof UserError) return { ok: false, error: toApiError(err) };
      throw err;
    }
  };
  return {
    planner: { filePath: abs },
    dispatchAsync: (method, input) =>
      Promise.resolve(
        method === 'file.refusal'
          ? answer(method, input, () => ({
              filePath: abs,
              reason: refusal.message,
              backups: listBackups(abs).map((b) => ({ name: path.basename(b.file), takenAt: b.takenAt, bytes: b.bytes })),
            }))
          : method === 'file.restoreDamaged'
            ? answer(method, input, () => {
                const { name } = contract['file.restoreDamaged'].input.parse(input);
                const { safetyCopy } = restoreBackup(backupByName(abs, name).file, abs, options.now?.() ?? new Date(), options.nativeBinding);
                options.onRestored();
                return { safetyCopy: safetyCopy ?? '' };
              })
            : notOpen(),
      ),
  };
}
