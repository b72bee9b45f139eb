import { UserError } from '../core/errors';
import { matchTeamName, type Team } from '../core/team';
import { openPlanner } from '../db/open';
import { createService, type Service } from '../db/service';
import { appVersion } from './app-version';

/** The planner file a command works on, and the team, person and rotation its flags name in it. */

export function withService<T>(dbPath: string, work: (s: Service) => T, create = false): T {
  const service = createService(openPlanner(dbPath, { create }), { appVersion: appVersion() });
  try {
    return work(service);
  } finally {
    service.close();
  }
}

/** --person EMAIL and --oncall ROTATION, as ids within the team. */
export function selectionOf(s: Service, team: Team, values: Record<string, unknown>): { personId: number | null; rotationId: number | null } {
  const email = typeof values.person === 'string' ? values.person : null;
  const person = email === null ? null : s.run('person.list', { teamId: team.id, includeArchived: true }).find((p) => (p.email ?? '').toLowerCase() === email.toLowerCase());
  if (email !== null && !person) throw new UserError('not_found', `--person: nobody in "${team.name}" has the email ${email}`);
  const rotationName = typeof values.oncall === 'string' ? values.oncall : null;
  const rotation = rotationName === null ? null : s.run('rotation.list', { teamId: team.id }).find((r) => r.name.toLocaleLowerCase() === rotationName.toLocaleLowerCase());
  if (rotationName !== null && !rotation) throw new UserError('not_found', `--oncall: "${team.name}" has no on-call rotation called ${rotationName}`);
  return { personId: person?.id ?? null, rotationId: rotation?.id ?? null };
}

export function teamByName(s: Service, name: string): Team {
  const team = matchTeamName(s.run('team.list', {}), name);
  if (!team) {
    const names = s.run('team.list', {}).map((t) => t.name);
    throw new UserError('not_found', `There is no team called "${name}"${names.length ? ` (teams: ${names.join(', ')})` : ' (the file has no teams yet)'}`);
  }
  return team;
}
