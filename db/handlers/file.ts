import path from 'node:path';
import { UserError, type ApiError } from '../../core/errors';
import { ALL_TABLES } from '../../core/result';
import type { Temporal } from '../../core/time';
import { backupByName, listBackups, restoreInPlace, rollingBackup } from '../backup';
import type { HandlersOf, ServiceContext, StepsOf } from '../context';
import { checkHealth } from '../health';
import { fileProblem, type Planner } from '../open';
import * as people from '../sql/people';
import { setSetting, settingsOf } from '../sql/settings';
import * as teams from '../sql/teams';
import type { UndoHistory } from '../undo';

export interface FileParts {
  planner: Planner;
  history: UndoHistory;
  appVersion: string;
  clock(): Temporal.Instant;
  nativeBinding?: string;
  goneError(): ApiError;
}

type FileMethods = 'app.info' | 'file.check' | 'file.backups' | 'file.refusal' | 'file.restoreDamaged' | 'settings.get' | 'settings.set';

/** The planner file itself: what it is, its health and backups, and the settings saved in it. */
export function fileHandlers(ctx: ServiceContext, parts: FileParts): HandlersOf<FileMethods> {
  const { db } = ctx;
  const { planner } = parts;
  return {
    'app.info': () => ({ appVersion: parts.appVersion, schemaVersion: planner.schemaVersion, filePath: planner.filePath, readOnly: planner.readOnly, readOnlyCause: planner.readOnlyCause }),
    'file.check': () => {
      const health = checkHealth(db);
      const teamsInFile = teams.listTeams(db).map((t) => ({ name: t.name, people: people.countPeople(db, t.id) }));
      return { file: planner.filePath, schemaVersion: planner.schemaVersion, ...health, teams: teamsInFile };
    },
    'file.backups': () => listBackups(planner.filePath).map((b) => ({ name: path.basename(b.file), takenAt: b.takenAt, bytes: b.bytes })),
    // This planner opened, so there is no refusal to show: those two belong to db/refused.ts.
    'file.refusal': () => null,
    'file.restoreDamaged': () => {
      throw new UserError('not_refused', 'This planner is open and not damaged; restore a backup from File › Backups', []);
    },
    'settings.get': () => settingsOf(db),
    'settings.set': ({ language, calendar }) => {
      if (language !== undefined) setSetting(db, 'language', language);
      if (calendar !== undefined) setSetting(db, 'calendar', calendar);
      return settingsOf(db);
    },
  };
}

/** Backing up and restoring: the online backup API takes many steps, and ATTACH cannot run inside a transaction. */
export function fileSteps(parts: FileParts): StepsOf<'file.backup' | 'file.restore'> {
  const { planner } = parts;
  const now = () => new Date(parts.clock().epochMilliseconds);
  return {
    'file.backup': {
      finish: async () => ({ ok: true, value: { name: path.basename((await rollingBackup(planner.db, planner.filePath, now(), { force: true })) ?? '') } }),
    },
    'file.restore': {
      finish: async ({ name }, tools) => {
        if (planner.readOnly) throw new UserError('read_only', `Cannot restore here: ${planner.readOnly}.`);
        // The same care as any change: not into a file that went away or became read-only.
        const problem = fileProblem(planner);
        if (problem === 'gone') return { ok: false, error: parts.goneError() };
        if (problem === 'read_only') throw new UserError('read_only', `${planner.filePath} has become read-only, so nothing was restored. Make the file writable again and repeat it.`);
        const backup = backupByName(planner.filePath, name);
        tools.clearMemo();
        const { safetyCopy } = await restoreInPlace(planner.db, planner.filePath, backup.file, parts.history, now(), parts.nativeBinding);
        return { ok: true, value: { safetyCopy: path.basename(safetyCopy) }, changed: [ALL_TABLES] };
      },
    },
  };
}
