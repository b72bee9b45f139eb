import type { MethodName, MethodOutput, ParsedInput } from '../core/contract';
import type { ScheduleBlock } from '../core/oncall';
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
  /** The final on-call schedule of all the team's rotations over team-local days [from, to]. */
  onCallSchedule(team: Team, from: string, to: string): ScheduleBlock[];
}

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> };
export type HandlersOf<M extends MethodName> = Pick<Handlers, M>;
