import { UserError } from '../../core/errors';
import { importError, parsePeopleCsv, peopleTable } from '../../core/people-import';
import { paletteColor, type NewPerson, type Person } from '../../core/person';
import { exportDialect } from '../../core/report-tables';
import { spreadsheetCsv } from '../../core/csv';
import type { Team } from '../../core/team';
import { fileSlug } from '../../core/text';
import { importText } from '../../core/text-decode';
import type { HandlersOf, ServiceContext } from '../context';
import type { Db } from '../open';
import { countAbsencesOf } from '../sql/absences';
import * as people from '../sql/people';
import { onCallReferences } from '../sql/rotations';
import { settingsOf } from '../sql/settings';

/**
 * Inserts a validated person; without a chosen colour they get the palette colour
 * of their place in the team (`place`, when a caller adding many already knows it).
 */
export function addPerson(db: Db, p: NewPerson, at: string, place = people.countPeople(db, p.teamId)): number {
  return people.insertPerson(db, { ...p, color: p.color ?? paletteColor(place) }, at);
}

type PersonMethods = 'person.list' | 'person.get' | 'person.create' | 'person.update' | 'person.archive' | 'person.restore' | 'person.delete' | 'person.import' | 'person.export';

/** People: the team's list, one person, add, edit, archive and restore, delete (only without a history), CSV in and out. */
export function personHandlers(ctx: ServiceContext): HandlersOf<PersonMethods> {
  const { db, requireTeam, requirePerson, stamp } = ctx;
  const checkSkills = (team: Team, skills: readonly string[], path: (string | number)[]) => {
    skills.forEach((s, i) => {
      if (!team.skills.includes(s)) {
        throw new UserError('unknown_skill', `"${s}" is not a skill of ${team.name} (${team.skills.join(', ')})`, [...path, i]);
      }
    });
  };
  const checkEmail = (teamId: number, email: string | null, exceptId: number | null) => {
    if (email && people.emailTaken(db, teamId, email, exceptId)) {
      throw new UserError('duplicate_email', `${email} is already used by someone in this team`, ['email']);
    }
  };
  return {
    'person.list': ({ teamId, query, includeArchived }) => {
      requireTeam(teamId);
      return people.listPeople(db, teamId, query, includeArchived);
    },
    'person.get': ({ id }) => requirePerson(id),
    'person.create': (input) => {
      const team = requireTeam(input.teamId);
      checkSkills(team, input.skills, ['skills']);
      checkEmail(team.id, input.email, null);
      return requirePerson(addPerson(db, input, stamp()));
    },
    'person.update': ({ id, ...patch }) => {
      const current = requirePerson(id);
      const team = requireTeam(current.teamId);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const next = { ...current, ...defined } as Person;
      if (next.employmentStart && next.employmentEnd && next.employmentStart > next.employmentEnd) {
        throw new UserError('reversed_range', 'Employment must end on or after it starts', ['employmentEnd']);
      }
      if (patch.skills) checkSkills(team, patch.skills, ['skills']);
      if (patch.email !== undefined) checkEmail(team.id, next.email, id);
      people.updatePerson(db, id, next, stamp());
      return requirePerson(id);
    },
    'person.archive': ({ id }) => {
      const p = requirePerson(id);
      if (!p.archived) people.setArchived(db, id, stamp(), stamp());
      return requirePerson(id);
    },
    'person.restore': ({ id }) => {
      const p = requirePerson(id);
      if (p.archived) people.setArchived(db, id, null, stamp());
      return requirePerson(id);
    },
    'person.delete': ({ id }) => {
      const p = requirePerson(id);
      const shifts = people.shiftCount(db, id);
      if (shifts > 0) {
        throw new UserError('has_shifts', `${p.name} has ${shifts} shifts and cannot be deleted; archive them instead`, ['id']);
      }
      if (countAbsencesOf(db, id) > 0) {
        throw new UserError('has_absences', `${p.name} has absences on record and cannot be deleted; archive them instead`, ['id']);
      }
      if (onCallReferences(db, id) > 0) {
        throw new UserError('in_rotation', `${p.name} is on an on-call rotation and cannot be deleted; archive them instead`, ['id']);
      }
      people.deletePerson(db, id);
      return { id };
    },
    'person.import': ({ teamId, ...file }) => {
      const team = requireTeam(teamId);
      const { rows, problems } = parsePeopleCsv(importText(file, team.locale));
      for (const { line, person } of rows) {
        const unknown = (person.skills ?? []).filter((s) => !team.skills.includes(s));
        if (unknown.length) {
          problems.push({ line, column: 'skills', message: `skills: ${unknown.join(', ')} not a skill of ${team.name} (${team.skills.join(', ')})` });
        }
        if (person.email && people.emailTaken(db, teamId, person.email, null)) {
          problems.push({ line, column: 'email', message: `email: ${person.email} is already used by someone in this team` });
        }
      }
      if (problems.length) throw importError(problems);
      const at = stamp();
      const first = people.countPeople(db, teamId);
      rows.forEach(({ person }, i) => addPerson(db, { ...person, teamId }, at, first + i));
      return { created: rows.length };
    },
    'person.export': ({ teamId, includeArchived, csv }) => {
      const team = requireTeam(teamId);
      const list = people.listPeople(db, teamId, '', includeArchived);
      const data = spreadsheetCsv(peopleTable(list), exportDialect(csv, settingsOf(db), team));
      return { filename: `${fileSlug(team.name)}-people.csv`, mime: 'text/csv; charset=utf-8', encoding: 'utf8' as const, data, rows: list.length };
    },
  };
}
