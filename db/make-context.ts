import { UserError } from '../core/errors';
import type { Person } from '../core/person';
import type { Team } from '../core/team';
import { nowIso, type Temporal } from '../core/time';
import type { ServiceContext } from './context';
import type { Db } from './open';
import * as people from './sql/people';
import * as teams from './sql/teams';

/**
 * What every area's handlers share, for a connection: the service builds its own from it, and
 * so does the scheduling worker on its read-only connection, so both check rules the same way.
 * `clearMemo` starts a new API call's memo.
 */
export function makeContext(db: Db, clock: () => Temporal.Instant, actor: string): { context: ServiceContext; clearMemo(): void } {
  const memo = new Map<string, unknown>();
  const requireTeam = (id: number, path: (string | number)[] = ['teamId']): Team => {
    const team = teams.getTeam(db, id);
    if (!team) throw new UserError('not_found', `There is no team with id ${id}`, path);
    return team;
  };
  const requirePerson = (id: number, path: (string | number)[] = ['id']): Person => {
    const person = people.getPerson(db, id);
    if (!person) throw new UserError('not_found', `There is no person with id ${id}`, path);
    return person;
  };
  const context: ServiceContext = {
    db,
    clock,
    stamp: () => nowIso(clock()),
    actor,
    memo: <T>(key: string, make: () => T): T => {
      if (!memo.has(key)) memo.set(key, make());
      return memo.get(key) as T;
    },
    requireTeam,
    requirePerson,
  };
  return { context, clearMemo: () => memo.clear() };
}
