import { UserError } from '../../core/errors';
import { knowsHolidays } from '../../core/holidays';
import type { Team } from '../../core/team';
import { defaultRules } from '../../core/team-rules';
import type { HandlersOf, ServiceContext } from '../context';
import * as people from '../sql/people';
import * as teams from '../sql/teams';

/** A team's name is unique in the file (the CLI and the demo find teams by name). */
export function checkTeamName(ctx: ServiceContext, name: string, exceptId: number | null): void {
  const other = teams.findTeamByName(ctx.db, name);
  if (other && other.id !== exceptId) throw new UserError('duplicate_name', `A team called "${other.name}" already exists`, ['name']);
}

function checkTeamRules(team: Pick<Team, 'country' | 'rules' | 'skills'>): void {
  for (const skill of Object.keys(team.rules.maxAwayBySkill)) {
    if (!team.skills.includes(skill)) throw new UserError('unknown_skill', `"${skill}" is not a skill of the team (${team.skills.join(', ')})`, ['rules', 'maxAwayBySkill', skill]);
  }
  const region = team.rules.holidayRegion;
  if (region && !knowsHolidays(team.country, region)) {
    throw new UserError('unknown_region', `"${region}" is not a holiday region of ${team.country || 'the team (no country set)'}`, ['rules', 'holidayRegion']);
  }
}

/** Teams: list, create, edit (a skill still held by someone cannot be removed). */
export function teamHandlers(ctx: ServiceContext): HandlersOf<'team.list' | 'team.create' | 'team.update'> {
  const { db } = ctx;
  return {
    'team.list': () => teams.listTeams(db),
    'team.create': (input) => {
      checkTeamName(ctx, input.name, null);
      const rules = { ...defaultRules(input.weekStart), ...Object.fromEntries(Object.entries(input.rules ?? {}).filter(([, v]) => v !== undefined)) };
      checkTeamRules({ country: input.country, rules, skills: input.skills });
      const id = teams.insertTeam(db, { ...input, rules }, ctx.stamp());
      return ctx.requireTeam(id);
    },
    'team.update': ({ id, rules, ...patch }) => {
      const team = ctx.requireTeam(id, ['id']);
      const next = { ...team, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Team;
      next.rules = { ...team.rules, ...Object.fromEntries(Object.entries(rules ?? {}).filter(([, v]) => v !== undefined)) };
      if (patch.name !== undefined) checkTeamName(ctx, patch.name, id);
      checkTeamRules(next);
      if (patch.skills) {
        const removed = team.skills.filter((s) => !next.skills.includes(s));
        for (const s of removed) {
          const user = people.listPeople(db, id, '', true).find((p) => p.skills.includes(s));
          if (user) throw new UserError('skill_in_use', `"${s}" is still a skill of ${user.name}; remove it there first`, ['skills']);
        }
      }
      teams.updateTeam(db, id, next);
      return ctx.requireTeam(id);
    },
  };
}
